"""Judges one claim an article makes against the record's structured fields: a rule table per attribute.

Each rule compares the value the article asserts with the field that holds it: agreeing is
`supported`; one step off, or right with a caveat the record states, `partly-supported`; the field
"not reported" or evidence of very low certainty, `unproven`; the opposite or two steps off,
`contradicted`; nothing in the record on it, None (the finder says `not-checked`). Every verdict
comes with what the article says, what the catalogue says and the rule that decided, and the
sources of the field it rests on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from paincompare import findings, guidance
from paincompare.catalogue import models as m
from paincompare.catalogue import scales
from paincompare.check.claims import Claim

SUPPORTED, PARTLY, UNPROVEN, CONTRADICTED = scales.VERDICTS.words
# The verdict a finding keeps when several claims on one attribute disagree: the gravest.
GRAVITY = (CONTRADICTED, UNPROVEN, PARTLY, SUPPORTED)


class Context(NamedTuple):
    """What a claim is judged in: the catalogue, the conditions in play, the compared record."""

    catalogue: m.Catalogue
    conditions: tuple[str, ...]  # condition ids the sentence, paragraph, heading or page is about; () any
    compared: m.Treatment | None  # the other record of a comparison ("less addictive than opioids")
    memo: dict[tuple[object, ...], _Ruled | None]  # rules already applied in this run: an article repeats itself
    said: bool = False  # the conditions are named in the sentence itself (not its paragraph or page)


class Verdict(NamedTuple):
    verdict: str
    explanation: str
    sources: tuple[str, ...]


class _Ruled(NamedTuple):
    """A rule's answer: the verdict, what the record says, why."""

    verdict: str
    record: str
    rule: str
    sources: tuple[str, ...]


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


def _distance(rank: int, low: int, high: int) -> int:
    """Steps from a record's rank to the range a claim allows (0 inside it)."""
    return 0 if low <= rank <= high else min(abs(rank - low), abs(rank - high))


def _by_distance(steps: int) -> str:
    return SUPPORTED if steps == 0 else PARTLY if steps == 1 else CONTRADICTED


def _graded(steps: int, claim: Claim) -> str:
    """Steps off on a scale: a hedged claim two steps off is partly right; three is wrong however hedged."""
    return PARTLY if claim.hedged and steps == 2 else _by_distance(steps)


def _soften(verdict: str, claim: Claim) -> str:
    """A hedged claim ("may", "typically", "for some") is never more than one step wrong."""
    return PARTLY if claim.hedged and verdict == CONTRADICTED else verdict


# -- addiction -------------------------------------------------------------------------------------


def _addiction(claim: Claim, t: m.Treatment, context: Context) -> _Ruled | None:
    risk = t.addiction_risk
    record = f"addiction risk {risk.level}, {risk.schedule_words()}."
    rank = scales.ADDICTION_LEVELS.rank(risk.level)
    value = claim.value
    if claim.negated:
        value = {"risk": "none", "none": "risk"}.get(value, "")
    if value == "none":
        verdict = SUPPORTED if rank == 0 and not risk.us_schedule else _by_distance(rank)
        return _Ruled(_soften(verdict, claim), record, "none asserted, against the record's level", risk.sources)
    if value == "risk":
        if rank == 0:
            return _Ruled(UNPROVEN, record, "a risk asserted that the record does not report", risk.sources)
        verdict = SUPPORTED if rank >= 2 else PARTLY
        return _Ruled(verdict, record, "a risk asserted, against the record's level", risk.sources)
    if value == "lower":
        return _lower_addiction(claim, t, context, record)
    return None


def _lower_addiction(claim: Claim, t: m.Treatment, context: Context, record: str) -> _Ruled:
    rank = scales.ADDICTION_LEVELS.rank(t.addiction_risk.level)
    other = context.compared
    if other is None:  # "a lower risk of addiction", with nothing named to compare: low or none
        return _Ruled(_by_distance(max(0, rank - 1)), record, "a low risk asserted", t.addiction_risk.sources)
    theirs = scales.ADDICTION_LEVELS.rank(other.addiction_risk.level)
    record += f" {other.name}: {other.addiction_risk.level}."
    verdict = SUPPORTED if rank < theirs else PARTLY if rank == theirs else CONTRADICTED
    sources = (*t.addiction_risk.sources, *other.addiction_risk.sources)
    return _Ruled(verdict, record, "both records' levels compared", tuple(dict.fromkeys(sources)))


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


def _onset(claim: Claim, t: m.Treatment, context: Context) -> _Ruled | None:
    allowed = (_ONSET_NOT if claim.negated else _ONSET).get(claim.value)
    if allowed is None:
        return None
    record = f"relief may start within {t.onset.speed}. {t.onset.short}"
    if t.onset.speed == scales.NOT_REPORTED:
        return _Ruled(UNPROVEN, record, "the record does not report how soon relief starts", t.onset.sources)
    verdict = _graded(_distance(scales.ONSET_SPEEDS.rank(t.onset.speed), *allowed), claim)
    best = _best(t, context)
    if verdict == SUPPORTED and not claim.negated and (best is None or _unclear(best[0])):
        return _Ruled(PARTLY, record, "right speed, but the record cannot show that relief comes", t.onset.sources)
    return _Ruled(verdict, record, "the speed asserted, against the record's", t.onset.sources)


def _duration(claim: Claim, t: m.Treatment, context: Context) -> _Ruled | None:
    d = t.duration
    record = f"relief lasts {d.length} ({d.basis.replace('-', ' ')}). {d.short}"
    if claim.value == "cure":
        if claim.negated:
            return _Ruled(SUPPORTED, record, "no chronic-pain finding in the catalogue shows a cure", d.sources)
        return _Ruled(CONTRADICTED, record, "no chronic-pain finding in the catalogue shows a cure", d.sources)
    allowed = (_DURATION_NOT if claim.negated else _DURATION).get(claim.value)
    if allowed is None:
        return None
    if d.length == scales.NOT_REPORTED:
        return _Ruled(UNPROVEN, record, "the record does not report how long relief lasts", d.sources)
    verdict = _graded(_distance(scales.DURATION_LENGTHS.rank(d.length), *allowed), claim)
    if d.basis == "while-continued" and verdict == CONTRADICTED and allowed[0] >= 3:
        return _Ruled(PARTLY, record, "relief lasts only while it is taken", d.sources)
    return _Ruled(verdict, record, "the length asserted, against the record's", d.sources)


# -- safety ----------------------------------------------------------------------------------------


def _none_reported(se: m.SideEffects) -> bool:
    """Whether the record's serious harms say none were found (rather than listing some)."""
    return all(s.casefold().startswith(("none", "not reported", "no serious harms")) for s in se.serious)


def _rare(se: m.SideEffects) -> bool:
    """Whether the record itself calls its serious harms rare ("Rare: about 1 in 10,000")."""
    return se.serious_short.casefold().startswith("rare")


def _safety(claim: Claim, t: m.Treatment, context: Context) -> _Ruled | None:
    se = t.side_effects
    record = f"common: {se.common_short} Serious: {se.serious_short}"
    serious = bool(se.serious) and not _none_reported(se)
    if claim.value == "harm":
        return _harms(claim, t, record)
    if claim.negated:  # "not safe", "not without risks": a risk is asserted
        verdict = SUPPORTED if serious else PARTLY
        return _Ruled(verdict, record, "a risk asserted, against the harms the record lists", se.sources)
    if claim.value == "none":
        verdict = CONTRADICTED if serious or not claim.hedged else PARTLY
        return _Ruled(verdict, record, "no harm asserted, against the harms the record lists", se.sources)
    if claim.value == "mild":  # right with a caveat when the record itself calls its serious harms rare
        verdict = (PARTLY if claim.hedged or _rare(se) else CONTRADICTED) if serious else SUPPORTED
        return _Ruled(verdict, record, "mild harms asserted, against the serious harms the record lists", se.sources)
    if claim.value == "few":  # how often, not how bad: serious harms are a caveat, not a contradiction
        verdict = PARTLY if serious else SUPPORTED
        return _Ruled(verdict, record, "few harms asserted, against the harms the record lists", se.sources)
    if claim.value in ("safe", "scoped-safe"):
        verdict = PARTLY if serious else SUPPORTED
        return _Ruled(verdict, record, "safety asserted, against the serious harms the record lists", se.sources)
    return None


def _harms(claim: Claim, t: m.Treatment, record: str) -> _Ruled | None:
    """Named harms ("can cause stomach bleeding") against the words of the record's side effects."""
    se = t.side_effects
    listed = " ".join((*se.common, se.common_short, *se.serious, se.serious_short)).casefold()
    found = [family for family, stems in claim.harms if any(stem in listed for stem in stems)]
    if claim.negated:
        if not found:
            return None
        return _Ruled(CONTRADICTED, record, f"the record lists {', '.join(found)} harms", se.sources)
    if not found:
        return None
    verdict = SUPPORTED if 2 * len(found) >= len(claim.harms) else PARTLY
    return _Ruled(verdict, record, f"the record lists {len(found)} of the {len(claim.harms)} harms named", se.sources)


# -- effectiveness ---------------------------------------------------------------------------------

_GOOD = ("large", "moderate", "small")
_STRONG_BENEFIT = ("large", "moderate")
_SURE = ("high", "moderate")


def _unclear(e: m.Evidence) -> bool:
    return e.benefit in ("unclear", "no-trials") or e.certainty in (None, "very-low")


def _best(
    t: m.Treatment, context: Context, condition: str | None = None, positive: bool = False
) -> tuple[m.Evidence, bool] | None:
    """The best finding for a condition (or those in play), and whether it is only for a broader or
    narrower one than asked (then it can at most partly support a claim). For a claim that it
    works, a clear finding for a narrower condition outranks an unclear one for the condition
    asked ("works for chronic pain": ketamine's is unclear, but moderate for CRPS)."""
    if condition is None and not context.conditions:  # "for appropriate conditions": its best finding
        return (min(t.evidence, key=findings.sort_key), True) if t.evidence else None
    asked = [condition] if condition else list(context.conditions)
    catalogue = context.catalogue
    found = []
    for wanted, exact in (
        (set(asked), True),
        (guidance.narrower(catalogue, asked) - set(asked), False),
        ({b for a in asked for b in guidance.broader(catalogue, a)} - set(asked), False),
    ):
        entries = [e for e in t.evidence if e.condition in wanted]
        if entries:
            found.append((min(entries, key=findings.sort_key), not exact))
    if not found:
        return None
    if positive and len(found) > 1 and _unclear(found[0][0]) and not found[0][1] and not _unclear(found[1][0]):
        return found[1]
    return found[0]


def _strength_rule(value: str, e: m.Evidence) -> str:
    """A claim's strength against one finding's benefit and certainty."""
    if _unclear(e):
        return {"none": PARTLY, "unproven": SUPPORTED}.get(value, UNPROVEN)
    good, nil, sure = e.benefit in _GOOD, e.benefit in ("none", "worse"), e.certainty in _SURE
    if value == "unproven":  # "there is little evidence that it helps"
        return CONTRADICTED if good and sure else PARTLY if good else SUPPORTED
    if value == "none":
        return SUPPORTED if nil else CONTRADICTED if good and sure else PARTLY
    if nil and value == "may":  # "may help": only high certainty of no benefit contradicts it
        return {"high": CONTRADICTED, "moderate": PARTLY}.get(e.certainty or "", UNPROVEN)
    if nil:
        return CONTRADICTED
    if value == "strong":
        return SUPPORTED if e.benefit in _STRONG_BENEFIT and sure else PARTLY
    if value == "may":
        return SUPPORTED if good else PARTLY
    return SUPPORTED if good and sure else PARTLY


def _effectiveness(claim: Claim, t: m.Treatment, context: Context) -> _Ruled | None:
    if claim.value == "other":
        return None
    if claim.value in ("cure", "structural", "sparing"):
        return _beyond_findings(claim, t)
    value = claim.value
    if claim.negated:  # "not proven" says the evidence is lacking; "does not help", that there is no benefit
        value = "unproven" if value in ("strong", "unproven") else "none"
    elif claim.hedged and value == "works":
        value = "may"
    worst: _Ruled | None = None
    for condition in context.conditions or (None,):
        ruled = _effect_for(value, t, context, condition)
        if ruled and (worst is None or GRAVITY.index(ruled.verdict) < GRAVITY.index(worst.verdict)):
            worst = ruled
    return worst


def _effect_for(value: str, t: m.Treatment, context: Context, condition: str | None) -> _Ruled | None:
    name = context.catalogue.conditions[condition].name if condition else "the conditions it is used for"
    best = _best(t, context, condition, positive=value in ("works", "may", "strong"))
    if best is None:  # a benefit claimed without trials is unproven; "it does not help" cannot be judged
        if value == "none":
            return None
        if value == "unproven":
            return _Ruled(SUPPORTED, f"no finding for {name}.", "the record has no trials for it either", ())
        return _Ruled(UNPROVEN, f"no finding for {name}.", "a benefit asserted where the record has no trials", ())
    e, other_scope = best
    sure = e.certainty.replace("-", " ") if e.certainty else "no trials"
    where = context.catalogue.conditions[e.condition].name
    record = f"{findings.statement(e)} ({sure} certainty), for {where}."
    verdict = _strength_rule(value, e)
    if other_scope and verdict == SUPPORTED:
        return _Ruled(PARTLY, record, f"the finding is for {where}, not {name}", e.sources)
    rule = f"'{value}' claim, against the benefit and certainty for {where}"
    return _Ruled(verdict, record, rule, e.sources)


def _beyond_findings(claim: Claim, t: m.Treatment) -> _Ruled:
    """Cures, rebuilt tissue and less use of other medicines: no finding in the catalogue measures them."""
    what = {"cure": "a cure", "structural": "repaired or regrown tissue", "sparing": "less use of other medicines"}
    record = f"no finding shows {what[claim.value]}."
    sources = tuple(dict.fromkeys(s for e in t.evidence for s in e.sources))[:3]
    if claim.negated:
        return _Ruled(SUPPORTED, record, "the record's findings measure pain and function only", sources)
    verdict = CONTRADICTED if claim.value == "cure" else UNPROVEN
    return _Ruled(verdict, record, "the record's findings measure pain and function only", sources)


# -- invasiveness, cost, approval ------------------------------------------------------------------

_INVASIVE = {"none": (0, 0), "non-surgical": (0, 2), "minimal": (0, 1), "office": (1, 2)}
_SURGERY = 3  # "less invasive than surgery": an operation is major


def _invasiveness(claim: Claim, t: m.Treatment, context: Context) -> _Ruled | None:
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
        return _Ruled(verdict, record, "less invasive asserted, against the other's level", inv.sources)
    allowed = _INVASIVE.get(claim.value)
    if allowed is None:
        return None
    return _Ruled(
        _by_distance(_distance(rank, *allowed)), record, "the level asserted, against the record's", inv.sources
    )


_COST = {"cheap": (0, 0), "affordable": (0, 1), "expensive": (2, 3)}
_COST_NOT = {"cheap": (1, 3), "affordable": (2, 3), "expensive": (0, 1)}


def _cost(claim: Claim, t: m.Treatment, context: Context) -> _Ruled | None:
    allowed = (_COST_NOT if claim.negated else _COST).get(claim.value)
    if allowed is None or t.cost.tier == scales.NOT_REPORTED:
        return None
    record = f"cost {t.cost.tier.replace('-', ' ')} (US). {t.cost.short}"
    verdict = _by_distance(_distance(scales.COST_TIERS.rank(t.cost.tier), *allowed))
    return _Ruled(verdict, record, "the cost asserted, against the record's tier", t.cost.sources)


_FOR = ("recommended", "consider")
_AGAINST = ("not-recommended", "do-not-offer")


def _approval(claim: Claim, t: m.Treatment, context: Context) -> _Ruled | None:
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
    return _Ruled(_soften(verdict, claim), record, "the guidelines' stances for the condition", sources)


def _regulator(claim: Claim, t: m.Treatment, context: Context) -> _Ruled | None:
    """ "FDA approved (for X)": against the record's approval, for the conditions in play."""
    a = t.approval
    if a is None:
        return None
    record = f"{a.short}"
    if a.status != "approved":
        verdict = SUPPORTED if claim.negated else CONTRADICTED
        return _Ruled(_soften(verdict, claim), record, "the record's approval status", a.sources)
    covered = guidance.narrower(context.catalogue, a.conditions)
    asked = context.conditions or ("chronic-pain",)
    inside = [c for c in asked if c in covered]
    verdict = SUPPORTED if len(inside) == len(asked) else PARTLY if inside or not context.said else CONTRADICTED
    if claim.negated:
        verdict = CONTRADICTED if inside else PARTLY
    names = ", ".join(context.catalogue.conditions[c].name for c in asked)
    return _Ruled(_soften(verdict, claim), record, f"approved uses, against {names}", a.sources)


def _over_the_counter(claim: Claim, t: m.Treatment) -> _Ruled | None:
    how = t.how_given
    text = " ".join((how.route, how.setting, how.short)).casefold()
    record = f"{how.setting}"
    if any(w in text for w in ("without a prescription", "over the counter", "over-the-counter")):
        verdict = CONTRADICTED if claim.negated else SUPPORTED
        return _Ruled(verdict, record, "the record says where it is sold", how.sources)
    return None


_RULES: dict[str, Callable[[Claim, m.Treatment, Context], _Ruled | None]] = {
    "addiction": _addiction,
    "onset": _onset,
    "duration": _duration,
    "safety": _safety,
    "effectiveness": _effectiveness,
    "invasiveness": _invasiveness,
    "cost": _cost,
    "approval": _approval,
}
