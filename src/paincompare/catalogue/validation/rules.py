"""Rules that span the fields of one record: each says what is inconsistent in it, or None."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from paincompare.catalogue import models as m
from paincompare.catalogue import readability, scales, shape


def source_problem(source: m.Source) -> str | None:
    if source.kind == "guideline" and source.region is None:
        return "a guideline needs 'region' (uk, us or international), to be shown by country"
    if not (source.authors or source.publisher):
        return "needs 'authors' or 'publisher'"
    return None


def interval_problem(md: m.MeanDifference) -> str | None:
    if (md.low is None) != (md.high is None):
        return "give both 'low' and 'high' of the 95% interval, or neither"
    if md.low is not None and md.high is not None and not md.low <= md.points <= md.high:
        return "the interval must hold the estimate (low <= points <= high)"
    return None


def claim_problem(claim: m.Claim) -> str | None:
    if claim.match and not claim.attribute:
        return "a claim with 'match' phrases needs 'attribute' (what it speaks to)"
    return None


def treatment_problem(t: m.Treatment) -> str | None:
    if t.category == "medication" and t.interactions is None:
        return "a medicine needs 'interactions' (what it should not be taken with)"
    if t.category == "medication" and t.uk_control is None:
        return "a medicine needs 'uk_control' (its status under UK controlled-drug law)"
    grade = readability.grade(" ".join(shape.short_answers(t)))
    if grade > readability.MAX_GRADE:
        return (
            f"the short answers read at school grade {grade:.1f} (most {readability.MAX_GRADE}); "
            "use shorter words and sentences"
        )
    return None


def products_problem(risk: m.AddictionRisk) -> str | None:
    """Why a record's level or schedule could hide one of its products from a filter, or None."""
    if not risk.products:
        return None
    if len(risk.products) < 2:
        return "'products' is for records whose products differ; list at least two, or leave it out"
    highest = max((p.level for p in risk.products), key=scales.ADDICTION_LEVELS.rank)
    if risk.level != highest:
        return f"'level' must be the highest of its products' levels ('{highest}'), so no product is hidden"
    strictest = scales.strictest_schedule(p.us_schedule for p in risk.products)
    if risk.us_schedule != strictest:
        return f"'us_schedule' must be the most restrictive of its products' schedules ({strictest or 'null'})"
    return None


def uk_products_problem(uk: m.UkControl) -> str | None:
    """Why a record's UK class or schedule could hide one of its products, or None."""
    if not uk.products:
        return None
    known = [p for p in uk.products if p.act_class != scales.NOT_REPORTED]
    strictest = min((p.act_class for p in known), key=scales.UK_CLASSES.rank, default=uk.act_class)
    if uk.act_class != strictest:
        return f"'act_class' must be the strictest of its products' classes ('{strictest}'), so no product is hidden"
    schedules = [p.schedule for p in known if p.schedule]
    strictest_schedule = min(schedules, key=scales.UK_SCHEDULES.rank, default=uk.schedule)
    if uk.schedule != strictest_schedule:
        return f"'schedule' must be the most restrictive of its products' schedules ('{strictest_schedule}')"
    return None


def evidence_problem(e: m.Evidence) -> str | None:
    """What is inconsistent between an evidence entry's fields, or None."""
    return _trials_problem(e) or _comparator_problem(e) or _band_problem(e)


def _trials_problem(e: m.Evidence) -> str | None:
    """'no-trials' goes with no certainty, no comparator and no numbers; every other benefit with a certainty."""
    no_trials = e.benefit == "no-trials"
    if no_trials and e.certainty is not None:
        return "'no-trials' has no certainty to rate; leave 'certainty' out"
    if not no_trials and e.certainty is None:
        return "missing required field 'certainty' (only 'benefit: no-trials' goes without one)"
    if no_trials != (e.comparator == "not-applicable"):
        return "'comparator: not-applicable' goes with 'benefit: no-trials', and only with it"
    if no_trials and (e.mean_difference or e.responders):
        return "'no-trials' cannot carry numbers"
    return None


def _comparator_problem(e: m.Evidence) -> str | None:
    if e.comparator == "other-treatment" and not e.compared_with:
        return "'comparator: other-treatment' needs 'compared_with' to name the treatment"
    return None


def _band_problem(e: m.Evidence) -> str | None:
    """The benefit word must match the band of its mean difference (or be 'none' for a slight one, or
    'unclear' at very low certainty)."""
    if e.mean_difference is None:
        return None
    band = scales.band_for(e.mean_difference.points)
    allowed = {band, *(["none"] if band == "slight" else []), *(["unclear"] if e.certainty == "very-low" else [])}
    if e.benefit in allowed:
        return None
    return (
        f"benefit '{e.benefit}' does not match a mean difference of {e.mean_difference.points:g} points "
        f"(that is '{band}' on the bands in docs/catalogue-format.md)"
    )


# The rule for each kind of record that has one; a record breaking it is reported where it starts.
RULES: dict[type, Callable[[Any], str | None]] = {
    m.Source: source_problem,
    m.MeanDifference: interval_problem,
    m.AddictionRisk: products_problem,
    m.UkControl: uk_products_problem,
    m.Evidence: evidence_problem,
    m.Claim: claim_problem,
    m.Treatment: treatment_problem,
}
