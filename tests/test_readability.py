"""The reading grade `validate` applies to short answers stays close to textstat's, on the real catalogue."""

from __future__ import annotations

import textstat
from conftest import BUNDLED

from paincompare import catalogue
from paincompare.catalogue import readability
from paincompare.catalogue.shape import short_answers


def test_grade_is_close_to_textstat_on_every_treatments_short_answers():
    cat = catalogue.load(BUNDLED)
    gaps = []
    for t in cat.treatments:
        text = " ".join(short_answers(t))
        ours, theirs = readability.grade(text), textstat.flesch_kincaid_grade(text)
        assert abs(ours - theirs) <= 2.5, (t.id, ours, theirs)  # syllable guesses differ word by word
        gaps.append(ours - theirs)
    assert abs(sum(gaps) / len(gaps)) <= 1.0, "on average the two agree"


def test_hard_words_and_long_sentences_score_higher():
    plain = "It can help. Pain may ease in a week."
    hard = "Pharmacological intervention demonstrates considerable heterogeneity regarding analgesic efficacy"
    assert readability.grade(plain) < 4 < readability.MAX_GRADE < readability.grade(hard)
    assert readability.grade("") == 0.0
