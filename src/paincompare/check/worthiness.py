"""Claim worthiness (`check --sort worthiness`): the findings a fact-checker should look at first.

After Full Fact's open PASTEL approach, each finding gets fixed, documented weights for what
makes a claim matter, and the reasons are printed with it:

    names a treatment        +1  the sentence names it, not only "it" or the page's subject
    has a number             +2  a figure ("3 in 10", "40%", "twice as likely")
    absolute or hype word    +2  a red-flag word of the scorecard ("miracle", "non-addictive", "100%")
    could harm if believed   +3  the verdict is contradicted, or it speaks of addiction or safety
                                 and the record does not support it
    anecdote                 +1  first-person or testimonial wording ("my", "one patient")

Findings are ordered by their total, highest first; ties keep the article's order.
"""

from __future__ import annotations

from paincompare.check.result import CheckResult, Finding, Worth
from paincompare.check.scorecard import Reader

WEIGHTS: tuple[tuple[str, int], ...] = (
    ("names a treatment", 1),
    ("has a number", 2),
    ("absolute or hype word", 2),
    ("could harm if believed", 3),
    ("anecdote", 1),
)
_HARMFUL_ATTRIBUTES = ("addiction", "safety")


def in_words(worth: Worth) -> str:
    """'worthiness 5: has a number (+2), could harm if believed (+3)'."""
    weights = dict(WEIGHTS)
    given = ", ".join(f"{r} (+{weights[r]})" for r in worth.reasons) or "no weight applies"
    return f"worthiness {worth.score}: {given}"


def worth(finding: Finding, reader: Reader) -> Worth:
    marks = reader.marks(finding.text)
    harmful = finding.verdict == "contradicted" or (
        finding.attribute in _HARMFUL_ATTRIBUTES and finding.verdict != "supported"
    )
    applies = {
        "names a treatment": finding.named,
        "has a number": bool(marks.figures),
        "absolute or hype word": bool(marks.hype),
        "could harm if believed": harmful,
        "anecdote": "anecdote" in marks.families,
    }
    reasons = tuple(name for name, _weight in WEIGHTS if applies[name])
    return Worth(sum(weight for name, weight in WEIGHTS if applies[name]), reasons)


def ordered(result: CheckResult, reader: Reader) -> CheckResult:
    """The findings, worthiest first (ties in the article's order), each with its weight and reasons."""
    weighed = [(worth(f, reader), i, f) for i, f in enumerate(result.findings)]
    weighed.sort(key=lambda w: (-w[0].score, w[1]))
    return result._replace(findings=tuple(f for _w, _i, f in weighed), worth=tuple(w for w, _i, _f in weighed))
