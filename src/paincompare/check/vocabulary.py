"""The words the code knows in check-signals.yaml: the claim values judge.py has rules for, the cue
kinds a sentence's scope is read with, and the scorecard's word families. The file may use no others."""

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
