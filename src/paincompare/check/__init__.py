"""`paincompare check`: fact-checks an article against the catalogue, as a subsystem of its own.

`article` and `html_text` read the article into paragraphs and sentences; `phrases` matches whole
words; `signals` loads the words check reads with (`check-signals.yaml`, data beside the code);
`finder` finds which treatment and condition each sentence speaks of; `claims` reads what the
sentence asserts about it (attribute, value, hedged or not, compared with what); `judge` compares
each claim with the record's structured fields by a rule table per attribute. Loading a catalogue
never imports this package.
"""
