"""Pure queries over a catalogue: resolve names, filter by what matters, sort; no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from paincompare import findings
from paincompare import models as m
from paincompare.errors import UnknownConditionError, UnknownTreatmentError, UsageError

SORT_KEYS = ("name", "category", "addiction", "onset", "duration", "invasiveness", "benefit", "cost")


class Filters(NamedTuple):
    """What the person asked for; None means 'any'. Scale words are checked by `check_word`."""

    max_addiction: str | None = None
    onset: str | None = None
    max_invasiveness: str | None = None
    categories: tuple[str, ...] = ()
    conditions: frozenset[str] | None = None  # condition ids, from `match_conditions`; None: any
    min_evidence: str | None = None


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


def sort(
    treatments: list[m.Treatment], key: str, reverse: bool = False, filters: Filters | None = None
) -> list[m.Treatment]:
    """Sorted by a field, scales in the order they are written, then by name; 'not reported' always last.

    `benefit` ranks the finding each row shows (see `shown_finding`): largest benefit first, then
    the surest.
    """
    if key not in SORT_KEYS:
        raise UsageError(f"--sort: '{key}' is not a field to sort by; use one of: {', '.join(SORT_KEYS)}")
    f = filters or Filters()
    values = {t.id: _sort_value(t, key, f) for t in treatments}
    known = [t for t in treatments if values[t.id] is not None]
    unknown = [t for t in treatments if values[t.id] is None]
    known.sort(key=lambda t: (values[t.id], t.name.casefold()), reverse=reverse)
    return known + unknown


def shown_finding(t: m.Treatment, f: Filters) -> m.Evidence | None:
    """The finding a row shows: the best benefit (then certainty) among the entries asked for.

    Entries asked for are those for the chosen conditions, at or above --min-evidence. A finding's
    certainty is never shown, sorted or filtered on without the benefit it qualifies.
    """
    candidates = [e for e in t.evidence if _evidence_matches(e, f)]
    return min(candidates, key=findings.sort_key) if candidates else None


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
        "cost": (m.COST_TIERS, t.cost.tier),
    }[key]
    if word == m.NOT_REPORTED:
        return None
    return (scale.rank(word),)


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
