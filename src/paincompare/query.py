"""Pure queries over a catalogue: resolve names, filter by what matters, sort; no I/O."""

# No "from __future__ import annotations": typing.NamedTuple would compile each string annotation
# (models.py says what it costs).

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from paincompare import findings
from paincompare.catalogue import models as m
from paincompare.errors import UnknownConditionError, UnknownSituationError, UnknownTreatmentError, UsageError

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


def check_word(scale: m.Scale, word: str | None, option: str) -> str | None:
    """The word, lower-cased, if it belongs to the scale; else a usage error naming the choices."""
    if word is None:
        return None
    folded = word.strip().lower()
    if folded in scale.words and folded != m.NOT_REPORTED:
        return folded
    allowed = ", ".join(w for w in scale.words if w != m.NOT_REPORTED)
    raise UsageError(f"{option}: '{word}' is not a {scale.name}; use one of: {allowed}")


def check_category(word: str) -> str:
    """A --category word, checked (Typer cannot check a repeatable option against choices)."""
    checked = check_word(m.CATEGORIES, word, "--category")
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
    groups = []
    for label in _GROUP_ORDER:
        members = [t for t in treatments if labels[t.id] == label and values[t.id] is not None]
        members.sort(key=lambda t: (values[t.id], t.name.casefold()), reverse=reverse)
        if members:
            groups.append(Group(label, tuple(members)))
    unknown = tuple(t for t in treatments if values[t.id] is None)
    if unknown:
        groups.append(Group(f"{SORT_FIELD_WORDS[key]} not reported: not ranked", unknown))
    return groups


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
        lambda t, f: value(t) == m.NOT_REPORTED,
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
    if f.max_addiction and m.ADDICTION_LEVELS.rank(t.addiction_risk.level) > m.ADDICTION_LEVELS.rank(f.max_addiction):
        return False
    if f.onset and (
        t.onset.speed == m.NOT_REPORTED or m.ONSET_SPEEDS.rank(t.onset.speed) > m.ONSET_SPEEDS.rank(f.onset)
    ):
        return False
    if f.max_invasiveness and m.INVASIVENESS.rank(t.invasiveness.level) > m.INVASIVENESS.rank(f.max_invasiveness):
        return False
    if f.categories and t.category not in f.categories:
        return False
    if f.conditions is not None or f.min_evidence:
        return shown_finding(t, f) is not None
    return True


def _evidence_matches(evidence: m.Evidence, f: Filters) -> bool:
    if f.conditions is not None and evidence.condition not in f.conditions:
        return False
    if f.min_evidence and (
        evidence.certainty is None or m.CERTAINTIES.rank(evidence.certainty) > m.CERTAINTIES.rank(f.min_evidence)
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
        "category": (m.CATEGORIES, t.category),
        "addiction": (m.ADDICTION_LEVELS, t.addiction_risk.level),
        "onset": (m.ONSET_SPEEDS, t.onset.speed),
        "duration": (m.DURATION_LENGTHS, t.duration.length),
        "invasiveness": (m.INVASIVENESS, t.invasiveness.level),
        "cost": (m.COST_TIERS, _cost_tier(t, f.region)),
    }[key]
    if word == m.NOT_REPORTED:
        return None
    if key == "cost":  # within a tier, by the price itself where both are for the same country
        cost = t.cost_in(f.region)
        return (scale.rank(word), int((cost.price if cost and cost.price is not None else 0) * 100))
    return (scale.rank(word),)


def _cost_tier(t: m.Treatment, region: str) -> str:
    cost = t.cost_in(region)
    return cost.tier if cost else m.NOT_REPORTED


# -- conditions --------------------------------------------------------------------------------


def match_conditions(catalogue: m.Catalogue, text: str) -> frozenset[str]:
    """Condition ids whose id, name or a synonym holds `text` as whole words, with their narrower ones.

    "back" finds low back pain and everything under it; an unknown word is a usage error with
    suggestions, as for treatment names.
    """
    key = _condition_words(text)
    matched = {
        c.id for c in catalogue.conditions.values() if key and any(f" {key} " in f" {n} " for n in _condition_names(c))
    }
    if not matched:
        import difflib  # only for a word that matched nothing

        every = {n: c for c in catalogue.conditions.values() for n in _condition_names(c)}
        close = difflib.get_close_matches(key, list(every), n=5, cutoff=0.6)
        raise UnknownConditionError(text, list(dict.fromkeys(every[n].name for n in close)))
    return frozenset(narrower(catalogue, matched))


def match_situations(catalogue: m.Catalogue, text: str) -> frozenset[str]:
    """Situation ids whose id, name or a synonym holds `text` as whole words ("blood thinners",
    "pregnant", "kidney"); an unknown word is a usage error with suggestions."""
    key = _condition_words(text)
    matched = frozenset(
        s.id for s in catalogue.situations.values() if key and any(f" {key} " in f" {n} " for n in _situation_names(s))
    )
    if matched:
        return matched
    import difflib  # only for a word that matched nothing

    every = {n: s for s in catalogue.situations.values() for n in _situation_names(s)}
    close = difflib.get_close_matches(key, list(every), n=5, cutoff=0.6)
    names = [s.name for s in catalogue.situations.values()]
    raise UnknownSituationError(text, list(dict.fromkeys(every[n].name for n in close)), names)


def _situation_names(s: m.Situation) -> list[str]:
    return [_condition_words(n) for n in (s.id, s.name, *s.synonyms)]


def flagged(t: m.Treatment, situations: frozenset[str]) -> list[m.Caution]:
    """What a treatment's cautions and interactions say for these situations, firmest first."""
    found = [c for block in (t.cautions, t.interactions) if block for c in block.for_situations(situations)]
    return sorted(found, key=lambda c: m.CAUTION_LEVELS.rank(c.level))


def narrower(catalogue: m.Catalogue, ids: Iterable[str]) -> set[str]:
    """The conditions given and every condition under them."""
    found = set(ids)
    changed = True
    while changed:
        below = {c.id for c in catalogue.conditions.values() if c.parent in found} - found
        found |= below
        changed = bool(below)
    return found


def broader(catalogue: m.Catalogue, condition_id: str) -> list[str]:
    """A condition and the conditions above it, nearest first."""
    chain = [condition_id]
    parent = catalogue.conditions[condition_id].parent
    while parent is not None and parent not in chain:
        chain.append(parent)
        parent = catalogue.conditions[parent].parent
    return chain


def stances_for(catalogue: m.Catalogue, t: m.Treatment, conditions: frozenset[str] | None) -> list[m.GuidelineStance]:
    """The guideline stances whose scope covers the conditions asked for (or all of them)."""
    if conditions is None:
        return list(t.guidelines)
    covering = set(conditions) | {b for c in conditions for b in broader(catalogue, c)}
    return [g for g in t.guidelines if covering.intersection(g.conditions)]


# How firmly a stance speaks, firmest first; between two as firm, the more cautious first, so a
# "do not offer" is never hidden behind a "recommended" in a one-line summary.
FIRMNESS = ("do-not-offer", "recommended", "not-recommended", "consider", "no-recommendation")


def strongest_stances(
    catalogue: m.Catalogue, t: m.Treatment, conditions: frozenset[str] | None, region: str = "us"
) -> list[m.GuidelineStance]:
    """The firmest stance of the reader's country and then of the other, for the conditions asked
    for (or any); where a country's bodies are silent, the firmest international one takes its place."""
    firmest: dict[str | None, m.GuidelineStance] = {}
    for g in sorted(stances_for(catalogue, t, conditions), key=lambda g: FIRMNESS.index(g.stance)):
        firmest.setdefault(catalogue.sources[g.guideline].region, g)
    order = (region, *(r for r in m.READER_REGIONS if r != region))
    chosen = [firmest[where] for where in order if where in firmest]
    if len(chosen) < 2 and "international" in firmest:
        chosen.append(firmest["international"])
    return chosen


def by_region(catalogue: m.Catalogue, stances: list[m.GuidelineStance], region: str) -> list[m.GuidelineStance]:
    """Stances with the reader's country's bodies first, then the other's, then international ones."""
    order = (region, *(r for r in m.READER_REGIONS if r != region), "international")
    return sorted(stances, key=lambda g: order.index(catalogue.sources[g.guideline].region or "international"))


def price_is_stale(cost: m.Cost, info: m.CatalogueInfo, today: dt.date | None = None) -> bool:
    """A price older than the catalogue's review policy allows: it is shown, and flagged."""
    if not cost.month:
        return False
    year, month = (int(part) for part in cost.month.split("-"))
    months_old = ((today or dt.date.today()).year - year) * 12 + (today or dt.date.today()).month - month
    return months_old > info.review_every_months


def treatments_with_evidence(catalogue: m.Catalogue, condition_id: str, include_narrower: bool) -> int:
    ids = narrower(catalogue, [condition_id]) if include_narrower else {condition_id}
    return sum(1 for t in catalogue.treatments if any(e.condition in ids for e in t.evidence))


def _condition_words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _condition_names(c: m.Condition) -> list[str]:
    return [_condition_words(n) for n in (c.id, c.name, *c.synonyms)]


def _names(t: m.Treatment) -> set[str]:
    return {m.normalise_name(n) for n in (t.id, t.name, *t.aliases)}


def _contains_word(t: m.Treatment, key: str) -> bool:
    return any(f" {key} " in f" {name} " for name in _names(t))


def _label(t: m.Treatment) -> str:
    return f"{t.id} ({t.name})"
