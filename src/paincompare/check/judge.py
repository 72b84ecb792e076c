"""Judges one claim an article makes against the record's structured fields: a rule table per attribute.

Each rule compares the value the article asserts with the field that holds it: agreeing is
`supported`; one step off, or right with a caveat the record states, `partly-supported`; the field
"not reported" or evidence of very low certainty, `unproven`; the opposite or two steps off,
`contradicted`; nothing in the record on it, None (the finder says `not-checked`). Every verdict
comes with what the article says, what the catalogue says and the rule that decided, and the
sources of the field it rests on. The verdict words and the grading every rule shares are in
verdicts.py; effectiveness, the largest family of rules, is in effect_rules.py.
"""

from __future__ import annotations

from collections.abc import Callable

from paincompare import guidance
from paincompare.catalogue import models as m
from paincompare.catalogue import scales
from paincompare.check.claims import Claim
from paincompare.check.effect_rules import best_finding, effectiveness, unclear
from paincompare.check.verdicts import (
    CONTRADICTED,
    PARTLY,
    SUPPORTED,
    UNPROVEN,
    Context,
    Ruled,
    Verdict,
    by_distance,
    distance,
    graded,
    soften,
)


def judge(claim: Claim, t: m.Treatment, context: Context) -> Verdict | None:
    """The verdict on one claim about one record, or None when the record has nothing to judge it by."""
    other = context.compared.id if context.compared else None
    key = (
        claim.attribute,
        claim.value,
        claim.negated,
        claim.hedged,
        claim.harms,
        claim.surgery,
        t.id,
        context.conditions,
        other,
    )
    if key not in context.memo:
        context.memo[key] = _RULES[claim.attribute](claim, t, context)
    ruled = context.memo[key]
    if ruled is None:
        return None
    said = f"{claim.words} ({claim.attribute}: {claim.meaning()})"
    text = f"The article says: {said}. The catalogue: {ruled.record} {_word(ruled.verdict)}: {ruled.rule}."
    return Verdict(ruled.verdict, text, ruled.sources or t.how_given.sources)


def _word(verdict: str) -> str:
    return verdict.replace("-", " ").capitalize()


# -- addiction -------------------------------------------------------------------------------------


def _addiction(claim: Claim, t: m.Treatment, context: Context) -> Ruled | None:
    risk = t.addiction_risk
    record = f"addiction risk {risk.level}, {risk.schedule_words()}."
    rank = scales.ADDICTION_LEVELS.rank(risk.level)
    value = claim.value
    if claim.negated:
        value = {"risk": "none", "none": "risk"}.get(value, "")
    if value == "none":
        verdict = SUPPORTED if rank == 0 and not risk.us_schedule else by_distance(rank)
        return Ruled(soften(verdict, claim), record, "none asserted, against the record's level", risk.sources)
    if value == "risk":
        if rank == 0:
            return Ruled(UNPROVEN, record, "a risk asserted that the record does not report", risk.sources)
        verdict = SUPPORTED if rank >= 2 else PARTLY
        return Ruled(verdict, record, "a risk asserted, against the record's level", risk.sources)
    if value == "lower":
        return _lower_addiction(claim, t, context, record)
    return None


def _lower_addiction(claim: Claim, t: m.Treatment, context: Context, record: str) -> Ruled:
    rank = scales.ADDICTION_LEVELS.rank(t.addiction_risk.level)
    other = context.compared
    if other is None:  # "a lower risk of addiction", with nothing named to compare: low or none
        return Ruled(by_distance(max(0, rank - 1)), record, "a low risk asserted", t.addiction_risk.sources)
    theirs = scales.ADDICTION_LEVELS.rank(other.addiction_risk.level)
    record += f" {other.name}: {other.addiction_risk.level}."
    verdict = SUPPORTED if rank < theirs else PARTLY if rank == theirs else CONTRADICTED
    sources = (*t.addiction_risk.sources, *other.addiction_risk.sources)
    return Ruled(verdict, record, "both records' levels compared", tuple(dict.fromkeys(sources)))


# -- onset and duration: a range on the record's scale ---------------------------------------------

# The ranks on the onset scale (minutes .. months) each value allows
_ONSET = {"immediate": (0, 0), "fast": (0, 1), "days": (0, 2), "weeks": (2, 3), "slow": (3, 4)}
_ONSET_NOT = {"immediate": (1, 4), "fast": (2, 4), "days": (3, 4), "weeks": (0, 2), "slow": (0, 2)}
# The ranks on the duration scale (hours .. years) each value allows
_DURATION = {
    "hours": (0, 0),
    "days": (1, 1),
    "weeks": (2, 2),
    "months": (3, 3),
    "lasting": (3, 4),
    "years": (4, 4),
    "short": (0, 2),
}
_DURATION_NOT = {"lasting": (0, 2), "months": (0, 2), "years": (0, 3), "short": (3, 4)}


def _onset(claim: Claim, t: m.Treatment, context: Context) -> Ruled | None:
    allowed = (_ONSET_NOT if claim.negated else _ONSET).get(claim.value)
    if allowed is None:
        return None
    record = f"relief may start within {t.onset.speed}. {t.onset.short}"
    if t.onset.speed == scales.NOT_REPORTED:
        return Ruled(UNPROVEN, record, "the record does not report how soon relief starts", t.onset.sources)
    verdict = graded(distance(scales.ONSET_SPEEDS.rank(t.onset.speed), *allowed), claim)
    best = best_finding(t, context)
    if verdict == SUPPORTED and not claim.negated and (best is None or unclear(best[0])):
        return Ruled(PARTLY, record, "right speed, but the record cannot show that relief comes", t.onset.sources)
    return Ruled(verdict, record, "the speed asserted, against the record's", t.onset.sources)


def _duration(claim: Claim, t: m.Treatment, context: Context) -> Ruled | None:
    d = t.duration
    record = f"relief lasts {d.length} ({d.basis.replace('-', ' ')}). {d.short}"
    if claim.value == "cure":
        if claim.negated:
            return Ruled(SUPPORTED, record, "no chronic-pain finding in the catalogue shows a cure", d.sources)
        return Ruled(CONTRADICTED, record, "no chronic-pain finding in the catalogue shows a cure", d.sources)
    allowed = (_DURATION_NOT if claim.negated else _DURATION).get(claim.value)
    if allowed is None:
        return None
    if d.length == scales.NOT_REPORTED:
        return Ruled(UNPROVEN, record, "the record does not report how long relief lasts", d.sources)
    verdict = graded(distance(scales.DURATION_LENGTHS.rank(d.length), *allowed), claim)
    if d.basis == "while-continued" and verdict == CONTRADICTED and allowed[0] >= 3:
        return Ruled(PARTLY, record, "relief lasts only while it is taken", d.sources)
    return Ruled(verdict, record, "the length asserted, against the record's", d.sources)


# -- safety ----------------------------------------------------------------------------------------


def _none_reported(se: m.SideEffects) -> bool:
    """Whether the record's serious harms say none were found (rather than listing some)."""
    return all(s.casefold().startswith(("none", "not reported", "no serious harms")) for s in se.serious)


def _rare(se: m.SideEffects) -> bool:
    """Whether the record itself calls its serious harms rare ("Rare: about 1 in 10,000")."""
    return se.serious_short.casefold().startswith("rare")


def _safety(claim: Claim, t: m.Treatment, context: Context) -> Ruled | None:
    se = t.side_effects
    record = f"common: {se.common_short} Serious: {se.serious_short}"
    serious = bool(se.serious) and not _none_reported(se)
    if claim.value == "harm":
        return _harms(claim, t, record)
    if claim.negated:  # "not safe", "not without risks": a risk is asserted
        verdict = SUPPORTED if serious else PARTLY
        return Ruled(verdict, record, "a risk asserted, against the harms the record lists", se.sources)
    if claim.value == "none":
        verdict = CONTRADICTED if serious or not claim.hedged else PARTLY
        return Ruled(verdict, record, "no harm asserted, against the harms the record lists", se.sources)
    if claim.value == "mild":  # right with a caveat when the record itself calls its serious harms rare
        verdict = (PARTLY if claim.hedged or _rare(se) else CONTRADICTED) if serious else SUPPORTED
        return Ruled(verdict, record, "mild harms asserted, against the serious harms the record lists", se.sources)
    if claim.value == "few":  # how often, not how bad: serious harms are a caveat, not a contradiction
        verdict = PARTLY if serious else SUPPORTED
        return Ruled(verdict, record, "few harms asserted, against the harms the record lists", se.sources)
    if claim.value in ("safe", "scoped-safe"):
        verdict = PARTLY if serious else SUPPORTED
        return Ruled(verdict, record, "safety asserted, against the serious harms the record lists", se.sources)
    return None


def _harms(claim: Claim, t: m.Treatment, record: str) -> Ruled | None:
    """Named harms ("can cause stomach bleeding") against the words of the record's side effects."""
    se = t.side_effects
    listed = " ".join((*se.common, se.common_short, *se.serious, se.serious_short)).casefold()
    found = [family for family, stems in claim.harms if any(stem in listed for stem in stems)]
    if claim.negated:
        if not found:
            return None
        return Ruled(CONTRADICTED, record, f"the record lists {', '.join(found)} harms", se.sources)
    if not found:
        return None
    verdict = SUPPORTED if 2 * len(found) >= len(claim.harms) else PARTLY
    return Ruled(verdict, record, f"the record lists {len(found)} of the {len(claim.harms)} harms named", se.sources)


# -- invasiveness, cost, approval ------------------------------------------------------------------

_INVASIVE = {"none": (0, 0), "non-surgical": (0, 2), "minimal": (0, 1), "office": (1, 2)}
_SURGERY = 3  # "less invasive than surgery": an operation is major


def _invasiveness(claim: Claim, t: m.Treatment, context: Context) -> Ruled | None:
    inv = t.invasiveness
    record = f"invasiveness {inv.level}. {inv.short}"
    rank = scales.INVASIVENESS.rank(inv.level)
    if claim.negated:
        return None
    if claim.value == "less":
        other = context.compared
        theirs = scales.INVASIVENESS.rank(other.invasiveness.level) if other else _SURGERY if claim.surgery else None
        if theirs is None:
            return None
        verdict = SUPPORTED if rank < theirs else PARTLY if rank == theirs else CONTRADICTED
        return Ruled(verdict, record, "less invasive asserted, against the other's level", inv.sources)
    allowed = _INVASIVE.get(claim.value)
    if allowed is None:
        return None
    return Ruled(by_distance(distance(rank, *allowed)), record, "the level asserted, against the record's", inv.sources)


_COST = {"cheap": (0, 0), "affordable": (0, 1), "expensive": (2, 3)}
_COST_NOT = {"cheap": (1, 3), "affordable": (2, 3), "expensive": (0, 1)}


def _cost(claim: Claim, t: m.Treatment, context: Context) -> Ruled | None:
    allowed = (_COST_NOT if claim.negated else _COST).get(claim.value)
    if allowed is None or t.cost.tier == scales.NOT_REPORTED:
        return None
    record = f"cost {t.cost.tier.replace('-', ' ')} (US). {t.cost.short}"
    verdict = by_distance(distance(scales.COST_TIERS.rank(t.cost.tier), *allowed))
    return Ruled(verdict, record, "the cost asserted, against the record's tier", t.cost.sources)


_FOR = ("recommended", "consider")
_AGAINST = ("not-recommended", "do-not-offer")


def _approval(claim: Claim, t: m.Treatment, context: Context) -> Ruled | None:
    if claim.value == "otc":
        return _over_the_counter(claim, t)
    if claim.value == "approved":
        return _regulator(claim, t, context)
    if claim.value != "recommended":
        return None
    conditions = frozenset(context.conditions) if context.conditions else None
    stances = guidance.stances_for(context.catalogue, t, conditions)
    if not stances:
        return None
    labels = "; ".join(
        f"{context.catalogue.sources[g.guideline].label()}: {g.stance.replace('-', ' ')}" for g in stances[:4]
    )
    record = f"guidelines: {labels}."
    sources = tuple(dict.fromkeys(g.guideline for g in stances[:4]))
    backing = sum(g.stance in _FOR for g in stances)
    against = sum(g.stance in _AGAINST for g in stances)
    if claim.negated:
        backing, against = against, backing
    verdict = PARTLY if backing and against else SUPPORTED if backing else CONTRADICTED if against else UNPROVEN
    return Ruled(soften(verdict, claim), record, "the guidelines' stances for the condition", sources)


def _regulator(claim: Claim, t: m.Treatment, context: Context) -> Ruled | None:
    """ "FDA approved (for X)": against the record's approval, for the conditions in play."""
    a = t.approval
    if a is None:
        return None
    record = f"{a.short}"
    if a.status != "approved":
        verdict = SUPPORTED if claim.negated else CONTRADICTED
        return Ruled(soften(verdict, claim), record, "the record's approval status", a.sources)
    covered = guidance.narrower(context.catalogue, a.conditions)
    asked = context.conditions or ("chronic-pain",)
    inside = [c for c in asked if c in covered]
    verdict = SUPPORTED if len(inside) == len(asked) else PARTLY if inside or not context.said else CONTRADICTED
    if claim.negated:
        verdict = CONTRADICTED if inside else PARTLY
    names = ", ".join(context.catalogue.conditions[c].name for c in asked)
    return Ruled(soften(verdict, claim), record, f"approved uses, against {names}", a.sources)


def _over_the_counter(claim: Claim, t: m.Treatment) -> Ruled | None:
    how = t.how_given
    text = " ".join((how.route, how.setting, how.short)).casefold()
    record = f"{how.setting}"
    if any(w in text for w in ("without a prescription", "over the counter", "over-the-counter")):
        verdict = CONTRADICTED if claim.negated else SUPPORTED
        return Ruled(verdict, record, "the record says where it is sold", how.sources)
    return None


_RULES: dict[str, Callable[[Claim, m.Treatment, Context], Ruled | None]] = {
    "addiction": _addiction,
    "onset": _onset,
    "duration": _duration,
    "safety": _safety,
    "effectiveness": effectiveness,
    "invasiveness": _invasiveness,
    "cost": _cost,
    "approval": _approval,
}
