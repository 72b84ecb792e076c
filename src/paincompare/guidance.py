"""Conditions, situations and guidelines: the reader's words matched to the catalogue's vocabularies,
and what the catalogue says for them (the cautions that concern them, the guideline stances whose
scope covers their conditions, in their country's order). Pure; no I/O."""

import re
from collections.abc import Iterable

from paincompare.catalogue import models as m
from paincompare.catalogue import scales
from paincompare.errors import UnknownConditionError, UnknownSituationError


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
    return sorted(found, key=lambda c: scales.CAUTION_LEVELS.rank(c.level))


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
    order = (region, *(r for r in scales.READER_REGIONS if r != region))
    chosen = [firmest[where] for where in order if where in firmest]
    if len(chosen) < 2 and "international" in firmest:
        chosen.append(firmest["international"])
    return chosen


def by_region(catalogue: m.Catalogue, stances: list[m.GuidelineStance], region: str) -> list[m.GuidelineStance]:
    """Stances with the reader's country's bodies first, then the other's, then international ones."""
    order = (region, *(r for r in scales.READER_REGIONS if r != region), "international")
    return sorted(stances, key=lambda g: order.index(catalogue.sources[g.guideline].region or "international"))


def treatments_with_evidence(catalogue: m.Catalogue, condition_id: str, include_narrower: bool) -> int:
    ids = narrower(catalogue, [condition_id]) if include_narrower else {condition_id}
    return sum(1 for t in catalogue.treatments if any(e.condition in ids for e in t.evidence))


def _condition_words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _condition_names(c: m.Condition) -> list[str]:
    return [_condition_words(n) for n in (c.id, c.name, *c.synonyms)]
