"""The rule for effectiveness claims ("works", "may help", "strong evidence", "no benefit", "cures"):
the claim's strength against the benefit and certainty of the best finding for the conditions in
play, a finding for a broader or narrower condition counting at most as partly."""

from __future__ import annotations

from paincompare import findings, guidance
from paincompare.catalogue import models as m
from paincompare.check.claims import Claim
from paincompare.check.verdicts import CONTRADICTED, GRAVITY, PARTLY, SUPPORTED, UNPROVEN, Context, Ruled

_GOOD = ("large", "moderate", "small")
_STRONG_BENEFIT = ("large", "moderate")
_NIL = ("none", "worse")
_SURE = ("high", "moderate")


def unclear(e: m.Evidence) -> bool:
    return e.benefit in ("unclear", "no-trials") or e.certainty in (None, "very-low")


def best_finding(
    t: m.Treatment, context: Context, condition: str | None = None, positive: bool = False
) -> tuple[m.Evidence, bool] | None:
    """The best finding for a condition (or those in play), and whether it is only for a broader or
    narrower one than asked (then it can at most partly support a claim). For a claim that it
    works, a clear finding for a narrower condition outranks an unclear one for the condition
    asked ("works for chronic pain": ketamine's is unclear, but moderate for CRPS)."""
    if condition is None and not context.conditions:  # "for appropriate conditions": its best finding
        return (min(t.evidence, key=findings.sort_key), True) if t.evidence else None
    found = _best_by_scope(t, context.catalogue, [condition] if condition else list(context.conditions))
    if not found:
        return None
    if positive and len(found) > 1 and unclear(found[0][0]) and not found[0][1] and not unclear(found[1][0]):
        return found[1]
    return found[0]


def _best_by_scope(t: m.Treatment, catalogue: m.Catalogue, asked: list[str]) -> list[tuple[m.Evidence, bool]]:
    """The best finding for the conditions asked, then for narrower ones, then for broader ones (each
    with True where its scope is not the one asked), leaving out a scope with no finding."""
    exact = set(asked)
    scopes = (
        (exact, False),
        (guidance.narrower(catalogue, asked) - exact, True),
        ({b for a in asked for b in guidance.broader(catalogue, a)} - exact, True),
    )
    found = []
    for wanted, other_scope in scopes:
        entries = [e for e in t.evidence if e.condition in wanted]
        if entries:
            found.append((min(entries, key=findings.sort_key), other_scope))
    return found


def _strength_rule(value: str, e: m.Evidence) -> str:
    """A claim's strength against one finding's benefit and certainty."""
    if unclear(e):
        return {"none": PARTLY, "unproven": SUPPORTED}.get(value, UNPROVEN)
    if value in ("unproven", "none"):
        return _doubt_rule(value, e)
    return _benefit_rule(value, e)


def _doubt_rule(value: str, e: m.Evidence) -> str:
    """A doubt, "there is little evidence that it helps" or "it does not help", against a clear finding."""
    if e.benefit in _GOOD:
        return CONTRADICTED if e.certainty in _SURE else PARTLY
    return SUPPORTED if value == "unproven" or e.benefit in _NIL else PARTLY


def _benefit_rule(value: str, e: m.Evidence) -> str:
    """A benefit claimed ("works", "may help" or "strong evidence"), against a clear finding."""
    if e.benefit in _NIL and value == "may":  # "may help": only high certainty of no benefit contradicts it
        return {"high": CONTRADICTED, "moderate": PARTLY}.get(e.certainty or "", UNPROVEN)
    if e.benefit in _NIL:
        return CONTRADICTED
    good, sure = e.benefit in _GOOD, e.certainty in _SURE
    if value == "strong":
        return SUPPORTED if e.benefit in _STRONG_BENEFIT and sure else PARTLY
    if value == "may":
        return SUPPORTED if good else PARTLY
    return SUPPORTED if good and sure else PARTLY


def effectiveness(claim: Claim, t: m.Treatment, context: Context) -> Ruled | None:
    if claim.value == "other":
        return None
    if claim.value in ("cure", "structural", "sparing"):
        return _beyond_findings(claim, t)
    value = claim.value
    if claim.negated:  # "not proven" says the evidence is lacking; "does not help", that there is no benefit
        value = "unproven" if value in ("strong", "unproven") else "none"
    elif claim.hedged and value == "works":
        value = "may"
    worst: Ruled | None = None
    for condition in context.conditions or (None,):
        ruled = _effect_for(value, t, context, condition)
        if ruled and (worst is None or GRAVITY.index(ruled.verdict) < GRAVITY.index(worst.verdict)):
            worst = ruled
    return worst


def _effect_for(value: str, t: m.Treatment, context: Context, condition: str | None) -> Ruled | None:
    name = context.catalogue.conditions[condition].name if condition else "the conditions it is used for"
    best = best_finding(t, context, condition, positive=value in ("works", "may", "strong"))
    if best is None:  # a benefit claimed without trials is unproven; "it does not help" cannot be judged
        if value == "none":
            return None
        if value == "unproven":
            return Ruled(SUPPORTED, f"no finding for {name}.", "the record has no trials for it either", ())
        return Ruled(UNPROVEN, f"no finding for {name}.", "a benefit asserted where the record has no trials", ())
    e, other_scope = best
    sure = e.certainty.replace("-", " ") if e.certainty else "no trials"
    where = context.catalogue.conditions[e.condition].name
    record = f"{findings.statement(e)} ({sure} certainty), for {where}."
    verdict = _strength_rule(value, e)
    if other_scope and verdict == SUPPORTED:
        return Ruled(PARTLY, record, f"the finding is for {where}, not {name}", e.sources)
    rule = f"'{value}' claim, against the benefit and certainty for {where}"
    return Ruled(verdict, record, rule, e.sources)


def _beyond_findings(claim: Claim, t: m.Treatment) -> Ruled:
    """Cures, rebuilt tissue and less use of other medicines: no finding in the catalogue measures them."""
    what = {"cure": "a cure", "structural": "repaired or regrown tissue", "sparing": "less use of other medicines"}
    record = f"no finding shows {what[claim.value]}."
    sources = tuple(dict.fromkeys(s for e in t.evidence for s in e.sources))[:3]
    if claim.negated:
        return Ruled(SUPPORTED, record, "the record's findings measure pain and function only", sources)
    verdict = CONTRADICTED if claim.value == "cure" else UNPROVEN
    return Ruled(verdict, record, "the record's findings measure pain and function only", sources)
