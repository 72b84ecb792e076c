"""Pure queries over a catalogue: resolve names, filter by what matters, sort; no I/O."""

# No "from __future__ import annotations": typing.NamedTuple would compile each string annotation
# (models.py says what it costs).

import datetime as dt
from collections.abc import Callable, Iterable
from typing import NamedTuple

from paincompare import findings
from paincompare.catalogue import models as m
from paincompare.catalogue import scales
from paincompare.errors import UnknownTreatmentError, UsageError

SORT_KEYS = ("name", "category", "addiction", "onset", "duration", "invasiveness", "benefit", "cost")


class Filters(NamedTuple):
    """What the person asked for; None means 'any'. Scale words are checked by `check_word`."""

    max_addiction: str | None = None
    onset: str | None = None
    max_invasiveness: str | None = None
    categories: tuple[str, ...] = ()
    conditions: frozenset[str] | None = None  # condition ids, from `match_conditions`; None: any
    min_evidence: str | None = None
    region: str = "us"  # whose prices --sort cost ranks by


def check_word(scale: scales.Scale, word: str | None, option: str) -> str | None:
    """The word, lower-cased, if it belongs to the scale; else a usage error naming the choices."""
    if word is None:
        return None
    folded = word.strip().lower()
    if folded in scale.words and folded != scales.NOT_REPORTED:
        return folded
    allowed = ", ".join(w for w in scale.words if w != scales.NOT_REPORTED)
    raise UsageError(f"{option}: '{word}' is not a {scale.name}; use one of: {allowed}")


def check_category(word: str) -> str:
    """A --category word, checked (Typer cannot check a repeatable option against choices)."""
    checked = check_word(scales.CATEGORIES, word, "--category")
    assert checked is not None
    return checked


def resolve(catalogue: m.Catalogue, name: str) -> m.Treatment:
    """The one treatment whose id, name or alias is `name` (any case); never a guess."""
    key = m.normalise_name(name)
    for treatment in catalogue.treatments:
        if key in _names(treatment):
            return treatment
    word_matches = [t for t in catalogue.treatments if key and _contains_word(t, key)]
    if len(word_matches) > 1:
        raise UnknownTreatmentError(name, [_label(t) for t in word_matches], ambiguous=True)
    raise UnknownTreatmentError(name, suggestions(catalogue, key, word_matches))


def resolve_all(catalogue: m.Catalogue, names: Iterable[str]) -> list[m.Treatment]:
    """Each name resolved, in the order given, without repeats."""
    chosen: dict[str, m.Treatment] = {}
    for name in names:
        treatment = resolve(catalogue, name)
        chosen.setdefault(treatment.id, treatment)
    return list(chosen.values())


def suggestions(catalogue: m.Catalogue, key: str, also: list[m.Treatment]) -> list[str]:
    """Close spellings of `key` among every id, name and alias, as 'id (name)' labels."""
    import difflib  # only for a name that matched nothing

    by_name = {n: t for t in catalogue.treatments for n in _names(t)}
    close = difflib.get_close_matches(key, list(by_name), n=5, cutoff=0.6)
    picked = {t.id: t for t in also}
    for name in close:
        picked.setdefault(by_name[name].id, by_name[name])
    return [_label(t) for t in list(picked.values())[:5]]


def select(treatments: Iterable[m.Treatment], filters: Filters) -> list[m.Treatment]:
    """The treatments that pass every filter, in their original order."""
    return [t for t in treatments if _passes(t, filters)]


class Group(NamedTuple):
    """Rows ranked together. `label` says what sets a group apart; None for the main, ranked group."""

    label: str | None
    treatments: tuple[m.Treatment, ...]


class NotJudged(NamedTuple):
    """Treatments a filter or sort could not judge because the catalogue has no value for them.

    `shown` is False for a filter (they are left out of the rows) and True for a sort (they are
    listed, in a group of their own, unranked).
    """

    field: str  # the record field: onset, cost, evidence ...
    option: str  # what the person typed: "--onset hours", "--sort cost"
    reason: str  # "onset not reported"
    treatments: tuple[m.Treatment, ...]
    shown: bool


def sort(
    treatments: list[m.Treatment], key: str, reverse: bool = False, filters: Filters | None = None
) -> list[m.Treatment]:
    """The rows of `sort_groups` in order, group after group."""
    return [t for group in sort_groups(treatments, key, reverse, filters) for t in group.treatments]


def sort_groups(
    treatments: list[m.Treatment], key: str, reverse: bool = False, filters: Filters | None = None
) -> list[Group]:
    """Sorted by a field, scales in the order they are written, then by name, in labelled groups.

    What cannot be ranked is never silently last: a treatment whose value is "not reported" goes
    into a group that says so. `benefit` ranks the finding each row shows (see `shown_finding`),
    largest benefit first, then the surest; without a condition, findings for chronic pain as a
    whole rank together, and a best result for one condition, or one measured only during use, is
    a group of its own, because it does not compare like with like.
    """
    if key not in SORT_KEYS:
        raise UsageError(f"--sort: '{key}' is not a field to sort by; use one of: {', '.join(SORT_KEYS)}")
    f = filters or Filters()
    values = {t.id: _sort_value(t, key, f) for t in treatments}
    labels = {t.id: _group_label(t, key, f) for t in treatments}
    groups = [group for label in _GROUP_ORDER if (group := _ranked(treatments, label, labels, values, reverse))]
    unknown = tuple(t for t in treatments if values[t.id] is None)
    if unknown:
        groups.append(Group(f"{SORT_FIELD_WORDS[key]} not reported: not ranked", unknown))
    return groups


def _ranked(
    treatments: list[m.Treatment],
    label: str | None,
    labels: dict[str, str | None],
    values: dict[str, tuple[int, ...] | str | None],
    reverse: bool,
) -> Group | None:
    """The treatments of one group that have a value to rank by, in order; None if there are none."""
    members = [t for t in treatments if labels[t.id] == label and values[t.id] is not None]
    members.sort(key=lambda t: (values[t.id], t.name.casefold()), reverse=reverse)
    return Group(label, tuple(members)) if members else None


# What a --sort word sorts by, in words (for the labels of what could not be ranked).
SORT_FIELD_WORDS = {
    "name": "name",
    "category": "category",
    "addiction": "addiction risk",
    "onset": "onset",
    "duration": "duration",
    "invasiveness": "invasiveness",
    "benefit": "finding",
    "cost": "cost",
}
BEST_FOR_ONE_CONDITION = "Best result for one condition: not comparable with findings for chronic pain as a whole"
DURING_USE = "Measured only during or right after use: not comparable with lasting findings"
_GROUP_ORDER = (None, BEST_FOR_ONE_CONDITION, DURING_USE)


def _group_label(t: m.Treatment, key: str, f: Filters) -> str | None:
    if key != "benefit":
        return None
    shown = shown_finding(t, f)
    if shown is None or not (is_during_use(shown) or f.conditions is None):
        return None
    if is_during_use(shown):
        return DURING_USE
    return None if is_general(shown) else BEST_FOR_ONE_CONDITION


def is_general(e: m.Evidence) -> bool:
    """A finding for chronic pain as a whole (the vocabulary's broadest condition), not one kind of pain."""
    return e.condition == GENERAL_CONDITION


# The condition vocabulary's broadest entry (docs/catalogue-format.md): chronic pain of any kind.
GENERAL_CONDITION = "chronic-pain"


def is_during_use(e: m.Evidence) -> bool:
    """Measured only while the treatment was used or right after: not evidence of lasting relief."""
    return e.measured == "during-use"


def not_judged(treatments: Iterable[m.Treatment], filters: Filters, sort_key: str | None = None) -> list[NotJudged]:
    """For each filter and sort asked for, the treatments it could not judge for want of a value.

    A treatment is named under a filter only when it passes every other filter, so the list says
    exactly what that one unknown hid. A filter whose field is known for every treatment is listed
    with no treatments, so a script sees that it was asked and judged everything.
    """
    every = list(treatments)
    found = []
    for spec in _FILTER_SPECS:
        asked = spec.asked(filters)
        if asked is None:
            continue
        others = spec.without(filters)
        hidden = tuple(t for t in every if _passes(t, others) and spec.unknown(t, filters))
        found.append(NotJudged(spec.field, f"{spec.option} {asked}".strip(), spec.reason(filters), hidden, False))
    if sort_key is not None:
        unranked = tuple(t for t in every if _passes(t, filters) and _sort_value(t, sort_key, filters) is None)
        reason = f"{SORT_FIELD_WORDS[sort_key]} not reported"
        found.append(NotJudged(_SORT_FIELDS.get(sort_key, sort_key), f"--sort {sort_key}", reason, unranked, True))
    return found


class _FilterSpec(NamedTuple):
    """A filter that can meet a record with no value: how to ask, how to tell, how to leave it out."""

    field: str
    option: str
    asked: Callable[[Filters], str | None]  # what the person asked for, or None when not asked
    unknown: Callable[[m.Treatment, Filters], bool]  # the record has no value to judge by
    without: Callable[[Filters], Filters]  # the filters with this one left out
    reason: Callable[[Filters], str]


def _evidence_reason(f: Filters) -> str:
    where = " for the condition asked about" if f.conditions is not None else ""
    sure = f" at {f.min_evidence.replace('-', ' ')} certainty or higher" if f.min_evidence else ""
    return f"no finding{where}{sure}"


def _evidence_asked(f: Filters) -> str | None:
    if f.conditions is None and not f.min_evidence:
        return None
    return " ".join(
        part
        for part in (
            "--condition" if f.conditions is not None else "",
            f"--min-evidence {f.min_evidence}" if f.min_evidence else "",
        )
        if part
    )


_SORT_FIELDS = {"addiction": "addiction_risk", "benefit": "evidence"}


def _scale_filter(
    field: str, option: str, asked: Callable[[Filters], str | None], value: Callable[[m.Treatment], str]
) -> _FilterSpec:
    """A filter on one scale word of a record, whose value `asked` reads from the Filters."""
    reason = f"{field.replace('_', ' ')} not reported"
    name = option.removeprefix("--").replace("-", "_")  # the Filters field the option sets
    return _FilterSpec(
        field,
        option,
        asked,
        lambda t, f: value(t) == scales.NOT_REPORTED,
        lambda f: f._replace(**{name: None}),  # type: ignore[arg-type]  # one field, named by the option
        lambda f: reason,
    )


_FILTER_SPECS = (
    _scale_filter("addiction_risk", "--max-addiction", lambda f: f.max_addiction, lambda t: t.addiction_risk.level),
    _scale_filter("onset", "--onset", lambda f: f.onset, lambda t: t.onset.speed),
    _scale_filter("invasiveness", "--max-invasiveness", lambda f: f.max_invasiveness, lambda t: t.invasiveness.level),
    _FilterSpec(
        "evidence",
        "",
        lambda f: _evidence_asked(f),
        lambda t, f: shown_finding(t, f) is None,
        lambda f: f._replace(conditions=None, min_evidence=None),
        _evidence_reason,
    ),
)


def shown_finding(t: m.Treatment, f: Filters) -> m.Evidence | None:
    """The finding a row shows: the best benefit (then certainty) among the entries asked for.

    Entries asked for are those for the chosen conditions, at or above --min-evidence. Without a
    condition, a finding for chronic pain as a whole comes before a best result for one condition,
    and a lasting finding before one measured only during use, so a row compares like with like
    where the record allows. A finding's certainty is never shown, sorted or filtered on without the
    benefit it qualifies.
    """
    candidates = [e for e in t.evidence if _evidence_matches(e, f)]
    if not candidates:
        return None
    if f.conditions is None:
        return min(candidates, key=lambda e: (is_during_use(e), not is_general(e), *findings.sort_key(e)))
    return min(candidates, key=lambda e: (is_during_use(e), *findings.sort_key(e)))


def _passes(t: m.Treatment, f: Filters) -> bool:
    return (
        _within(scales.ADDICTION_LEVELS, t.addiction_risk.level, f.max_addiction)
        and _within(scales.ONSET_SPEEDS, t.onset.speed, f.onset)
        and _within(scales.INVASIVENESS, t.invasiveness.level, f.max_invasiveness)
        and (not f.categories or t.category in f.categories)
        and ((f.conditions is None and not f.min_evidence) or shown_finding(t, f) is not None)
    )


def _within(scale: scales.Scale, value: str, limit: str | None) -> bool:
    """No limit was asked for, or the value is known and no further along the scale than the limit."""
    return not limit or (value != scales.NOT_REPORTED and scale.rank(value) <= scale.rank(limit))


def _evidence_matches(evidence: m.Evidence, f: Filters) -> bool:
    if f.conditions is not None and evidence.condition not in f.conditions:
        return False
    if f.min_evidence and (
        evidence.certainty is None
        or scales.CERTAINTIES.rank(evidence.certainty) > scales.CERTAINTIES.rank(f.min_evidence)
    ):
        return False
    return True


def _sort_value(t: m.Treatment, key: str, f: Filters) -> tuple[int, ...] | str | None:
    if key == "name":
        return t.name.casefold()
    if key == "benefit":
        shown = shown_finding(t, f)
        return (*findings.sort_key(shown), 0) if shown else None
    scale, word = {
        "category": (scales.CATEGORIES, t.category),
        "addiction": (scales.ADDICTION_LEVELS, t.addiction_risk.level),
        "onset": (scales.ONSET_SPEEDS, t.onset.speed),
        "duration": (scales.DURATION_LENGTHS, t.duration.length),
        "invasiveness": (scales.INVASIVENESS, t.invasiveness.level),
        "cost": (scales.COST_TIERS, _cost_tier(t, f.region)),
    }[key]
    if word == scales.NOT_REPORTED:
        return None
    if key == "cost":  # within a tier, by the price itself where both are for the same country
        cost = t.cost_in(f.region)
        return (scale.rank(word), int((cost.price if cost and cost.price is not None else 0) * 100))
    return (scale.rank(word),)


def _cost_tier(t: m.Treatment, region: str) -> str:
    cost = t.cost_in(region)
    return cost.tier if cost else scales.NOT_REPORTED


def price_is_stale(cost: m.Cost, info: m.CatalogueInfo, today: dt.date | None = None) -> bool:
    """A price older than the catalogue's review policy allows: it is shown, and flagged."""
    if not cost.month:
        return False
    year, month = (int(part) for part in cost.month.split("-"))
    months_old = ((today or dt.date.today()).year - year) * 12 + (today or dt.date.today()).month - month
    return months_old > info.review_every_months


def _names(t: m.Treatment) -> set[str]:
    return {m.normalise_name(n) for n in (t.id, t.name, *t.aliases)}


def _contains_word(t: m.Treatment, key: str) -> bool:
    return any(f" {key} " in f" {name} " for name in _names(t))


def _label(t: m.Treatment) -> str:
    return f"{t.id} ({t.name})"
