"""The words the code knows in check-signals.yaml: the claim values judge.py has rules for, the cue
kinds a sentence's scope is read with, and the scorecard's word families. The file may use no others.
Also the shape of the file's data once checked (SignalsData), which the reader gives and signals.py reads."""

from typing import TypedDict

# The values a claim can assert, per attribute (what judge.py has a rule for).
VALUES: dict[str, tuple[str, ...]] = {
    "addiction": ("none", "risk", "lower"),
    "onset": ("immediate", "fast", "days", "weeks", "slow"),
    "duration": ("hours", "days", "weeks", "months", "lasting", "years", "short", "cure"),
    "safety": ("none", "mild", "few", "safe", "scoped-safe"),
    "effectiveness": ("cure", "strong", "works", "may", "unproven", "structural", "sparing"),
    "invasiveness": ("none", "non-surgical", "minimal", "office", "less"),
    "cost": ("cheap", "affordable", "expensive"),
    "approval": ("recommended", "approved", "otc"),
}
# The cue kinds claims.py and mentions.py read a sentence's scope with.
CUES = (
    "negation",
    "negation-after",
    "pseudo",
    "hedge",
    "end",
    "than",
    "reducing",
    "relief",
    "some-condition",
    "other-subject",
    "universal",
    "modifier",
    "other-outcome",
)
# The word families the article scorecard reads (scorecard.py), each one required.
SCORECARD = (
    "costs",
    "benefits",
    "harms",
    "limits",
    "evidence",
    "usual-care",
    "sources",
    "absolute",
    "relative",
    "hype",
    "commercial",
    "anecdote",
    "negation",
)


class AttributeWords(TypedDict):
    name: str
    words: list[str]


class SignalsData(TypedDict, total=False):
    """check-signals.yaml as checked by signal_reader.py (optional sections left out) and cached."""

    attributes: dict[str, AttributeWords]  # attribute -> its name and the words that signal it
    claims: dict[str, dict[str, list[str]]]  # attribute -> claim value -> words
    harms: dict[str, list[str]]  # harm family -> words
    cues: dict[str, list[str]]  # cue kind -> words
    conditions: dict[str, list[str]]  # condition id -> words beyond the vocabulary's
    groups: dict[str, list[str]]  # phrase -> treatment ids
    generic: list[str]
    scorecard: dict[str, list[str]]  # scorecard family -> words
