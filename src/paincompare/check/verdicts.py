"""The words a verdict is given in, what a claim is judged in, and the grading every rule shares:
how many steps a record is from the range a claim allows, and how hedging softens a verdict."""

from __future__ import annotations

from typing import NamedTuple

from paincompare.catalogue import models as m
from paincompare.catalogue import scales
from paincompare.check.claims import Claim

SUPPORTED, PARTLY, UNPROVEN, CONTRADICTED = scales.VERDICTS.words
# The verdict a finding keeps when several claims on one attribute disagree: the gravest.
GRAVITY = tuple(v for v in scales.FINDING_VERDICTS_GRAVEST_FIRST if v != scales.NOT_CHECKED)


class Context(NamedTuple):
    """What a claim is judged in: the catalogue, the conditions in play, the compared record."""

    catalogue: m.Catalogue
    conditions: tuple[str, ...]  # condition ids the sentence, paragraph, heading or page is about; () any
    compared: m.Treatment | None  # the other record of a comparison ("less addictive than opioids")
    memo: dict[tuple[object, ...], Ruled | None]  # rules already applied in this run: an article repeats itself
    said: bool = False  # the conditions are named in the sentence itself (not its paragraph or page)


class Verdict(NamedTuple):
    verdict: str
    explanation: str
    sources: tuple[str, ...]


class Ruled(NamedTuple):
    """A rule's answer: the verdict, what the record says, why."""

    verdict: str
    record: str
    rule: str
    sources: tuple[str, ...]


def distance(rank: int, low: int, high: int) -> int:
    """Steps from a record's rank to the range a claim allows (0 inside it)."""
    return 0 if low <= rank <= high else min(abs(rank - low), abs(rank - high))


def by_distance(steps: int) -> str:
    return SUPPORTED if steps == 0 else PARTLY if steps == 1 else CONTRADICTED


def graded(steps: int, claim: Claim) -> str:
    """Steps off on a scale: a hedged claim two steps off is partly right; three is wrong however hedged."""
    return PARTLY if claim.hedged and steps == 2 else by_distance(steps)


def soften(verdict: str, claim: Claim) -> str:
    """A hedged claim ("may", "typically", "for some") is never more than one step wrong."""
    return PARTLY if claim.hedged and verdict == CONTRADICTED else verdict
