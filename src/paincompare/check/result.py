"""What `check` finds, as plain records: each finding about a treatment, the scorecard's lines, each
finding's worthiness, and the result that carries them. finder.py, scorecard.py and worthiness.py
fill them in; render/ draws them."""

from __future__ import annotations

from typing import NamedTuple

from paincompare.catalogue import models as m
from paincompare.check.article import Article


class Finding(NamedTuple):
    line: int
    text: str
    treatment: str  # a treatment id
    attribute: str
    verdict: str  # one of scales.FINDING_VERDICTS
    claim: m.Claim | None
    explanation: str
    sources: tuple[str, ...]
    condition: str | None = None  # the condition id an effectiveness verdict was judged for
    named: bool = False  # the sentence names the treatment (not only "it" or the page's subject)


class Line(NamedTuple):
    """One criterion, judged."""

    criterion: str
    label: str
    rubric: str
    status: str  # one of scorecard.STATUSES
    evidence: str  # the sentence or count that decided it
    line: int | None = None  # the source line of that sentence


class Worth(NamedTuple):
    """How much a finding matters to a fact-checker (worthiness.py): its total and the weights that applied."""

    score: int
    reasons: tuple[str, ...]  # the weights that applied, by name


class CheckResult(NamedTuple):
    article: Article
    findings: tuple[Finding, ...]
    scorecard: tuple[Line, ...] = ()  # the article judged as a whole (scorecard.py)
    worth: tuple[Worth, ...] = ()  # --sort worthiness: each finding's weight and reasons, in the same order
