"""Pure queries over a catalogue: resolve names, filter by what matters, sort; no I/O."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import NamedTuple

from paincompare import models as m
from paincompare.errors import UnknownTreatmentError, UsageError

SORT_KEYS = ("name", "category", "addiction", "onset", "duration", "invasiveness", "evidence", "cost")


class Filters(NamedTuple):
    """What the person asked for; None means 'any'. Scale words are checked by `check_word`."""

    max_addiction: str | None = None
    onset: str | None = None
    max_invasiveness: str | None = None
    categories: tuple[str, ...] = ()
    condition: str | None = None
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
    by_name = {n: t for t in catalogue.treatments for n in _names(t)}
    close = difflib.get_close_matches(key, list(by_name), n=5, cutoff=0.6)
    picked = {t.id: t for t in also}
    for name in close:
        picked.setdefault(by_name[name].id, by_name[name])
    return [_label(t) for t in list(picked.values())[:5]]


def select(treatments: Iterable[m.Treatment], filters: Filters) -> list[m.Treatment]:
    """The treatments that pass every filter, in their original order."""
    return [t for t in treatments if _passes(t, filters)]


def sort(treatments: list[m.Treatment], key: str, reverse: bool = False) -> list[m.Treatment]:
    """Sorted by a field, scales in the order they are written; 'not reported' always last."""
    if key not in SORT_KEYS:
        raise UsageError(f"--sort: '{key}' is not a field to sort by; use one of: {', '.join(SORT_KEYS)}")
    known = [t for t in treatments if _sort_value(t, key) is not None]
    unknown = [t for t in treatments if _sort_value(t, key) is None]
    known.sort(key=lambda t: _sort_value(t, key), reverse=reverse)
    return known + unknown


def _passes(t: m.Treatment, f: Filters) -> bool:
    if f.max_addiction and m.ADDICTION_LEVELS.rank(t.addiction_risk.level) > m.ADDICTION_LEVELS.rank(f.max_addiction):
        return False
    if f.onset and (
        t.onset.speed == m.NOT_REPORTED or m.ONSET_SPEEDS.rank(t.onset.speed) > m.ONSET_SPEEDS.rank(f.onset)
    ):
        return False
    if f.max_invasiveness and m.INVASIVENESS.rank(t.invasiveness) > m.INVASIVENESS.rank(f.max_invasiveness):
        return False
    if f.categories and t.category not in f.categories:
        return False
    if f.condition or f.min_evidence:
        return any(_evidence_matches(e, f) for e in t.evidence)
    return True


def _evidence_matches(evidence: m.Evidence, f: Filters) -> bool:
    if f.condition and f.condition.casefold() not in evidence.condition.casefold():
        return False
    if f.min_evidence and m.CERTAINTIES.rank(evidence.certainty) > m.CERTAINTIES.rank(f.min_evidence):
        return False
    return True


def _sort_value(t: m.Treatment, key: str) -> tuple[int, str] | str | None:
    if key == "name":
        return t.name.casefold()
    scale, word = {
        "category": (m.CATEGORIES, t.category),
        "addiction": (m.ADDICTION_LEVELS, t.addiction_risk.level),
        "onset": (m.ONSET_SPEEDS, t.onset.speed),
        "duration": (m.DURATION_LENGTHS, t.duration.length),
        "invasiveness": (m.INVASIVENESS, t.invasiveness),
        "cost": (m.COST_TIERS, t.cost.tier),
        "evidence": (m.CERTAINTIES, _strongest_certainty(t)),
    }[key]
    if word is None or word == m.NOT_REPORTED:
        return None
    return (scale.rank(word), t.name.casefold())


def _strongest_certainty(t: m.Treatment) -> str | None:
    strongest = t.strongest_evidence()
    return strongest.certainty if strongest else None


def _names(t: m.Treatment) -> set[str]:
    return {m.normalise_name(n) for n in (t.id, t.name, *t.aliases)}


def _contains_word(t: m.Treatment, key: str) -> bool:
    return any(f" {key} " in f" {name} " for name in _names(t))


def _label(t: m.Treatment) -> str:
    return f"{t.id} ({t.name})"
