"""The words `check` reads articles with: data in check-signals.yaml beside this module, loaded
once per run and cached like catalogues (parsing it needs PyYAML, whose import alone costs more
than the rest of reading it; bench/run.py, k/c)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from paincompare.catalogue import cache
from paincompare.catalogue import models as m
from paincompare.check.phrases import normalised

FILE = Path(__file__).parent / "check-signals.yaml"
# The values a claim can assert, per attribute (what judge.py has a rule for).
VALUES: dict[str, tuple[str, ...]] = {
    "addiction": ("none", "risk", "lower"),
    "onset": ("immediate", "fast", "days", "weeks", "slow"),
    "duration": ("hours", "days", "weeks", "months", "lasting", "years", "short", "cure"),
    "safety": ("none", "mild", "few", "safe", "scoped-safe"),
    "effectiveness": ("cure", "strong", "works", "may", "unproven", "structural", "sparing"),
    "invasiveness": ("none", "non-surgical", "minimal", "office", "less"),
    "cost": ("cheap", "affordable", "expensive"),
    "approval": ("recommended", "approved", "otc"),
}
# The word families the article scorecard reads (scorecard.py), each one required.
SCORECARD = (
    "costs",
    "benefits",
    "harms",
    "limits",
    "evidence",
    "usual-care",
    "sources",
    "absolute",
    "relative",
    "hype",
    "commercial",
    "anecdote",
    "negation",
)


class Signals(NamedTuple):
    """What check-signals.yaml holds, as phrase pairs ready for one phrase index."""

    attributes: tuple[tuple[str, str], ...]  # (phrase, the attribute it signals)
    claims: tuple[tuple[str, str, str], ...]  # (phrase, attribute, the value it asserts)
    harms: tuple[tuple[str, str], ...]  # (phrase, the harm family it names)
    cues: tuple[tuple[str, str], ...]  # (phrase, cue kind: negation, pseudo, hedge, end, sparing, ...)
    conditions: tuple[tuple[str, str], ...]  # (phrase, condition id): words beyond the vocabulary's
    groups: dict[str, tuple[str, ...]]  # a phrase -> the treatment ids it stands for
    generic: frozenset[str]  # aliases too generic to name a treatment alone ("surgery")
    scorecard: tuple[tuple[str, str], ...] = ()  # (phrase, the scorecard family it belongs to)


def load(catalogue: m.Catalogue, path: Path | None = None) -> Signals:
    """The signal words, for this catalogue (group members it lacks are dropped)."""
    data = (path or FILE).read_bytes()  # found only when check asks
    digest = cache.key(data)
    stored = cache.read_plain(digest)
    if not isinstance(stored, dict):
        import yaml

        stored = yaml.load(data.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        cache.write_plain(digest, stored)
    return signals_from(stored if isinstance(stored, dict) else {}, catalogue)


def signals_from(data: dict[str, Any], catalogue: m.Catalogue) -> Signals:
    """The signals file's data as phrase pairs; an unknown attribute or value is an error."""
    attributes = []
    for attribute, spec in (data.get("attributes") or {}).items():
        _known(attribute, m.ATTRIBUTES.words, "attributes")
        attributes += [(word, attribute) for word in spec.get("words") or []]
    claims = []
    for attribute, values in (data.get("claims") or {}).items():
        _known(attribute, tuple(VALUES), "claims")
        for value, words in values.items():
            _known(value, VALUES[attribute], f"claims: {attribute}")
            claims += [(word, attribute, value) for word in words]
    known = {t.id for t in catalogue.treatments}
    groups = {}
    for phrase, ids in (data.get("groups") or {}).items():
        present = tuple(i for i in ids if i in known)  # another catalogue may not have every member
        if present:
            groups[normalised(phrase)] = present
    conditions = [
        (w, c) for c, words in (data.get("conditions") or {}).items() if c in catalogue.conditions for w in words
    ]
    return Signals(
        tuple(attributes),
        tuple(claims),
        _pairs(data.get("harms")),
        _pairs(data.get("cues")),
        tuple(conditions),
        groups,
        frozenset(normalised(w) for w in data.get("generic") or ()),
        _scorecard(data.get("scorecard")),
    )


def _scorecard(spec: Any) -> tuple[tuple[str, str], ...]:
    """The scorecard's word families: every one present, none unknown, each a list of words."""
    families = spec or {}
    for family, words in families.items():
        _known(family, SCORECARD, "scorecard")
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise ValueError(f"scorecard: {family}: give a list of words")
    missing = [f for f in SCORECARD if f not in families]
    if missing:
        raise ValueError(f"scorecard: {', '.join(missing)} missing; each criterion needs its words")
    return _pairs(families)


def _pairs(spec: Any) -> tuple[tuple[str, str], ...]:
    return tuple((word, kind) for kind, words in (spec or {}).items() for word in words)


def _known(word: str, allowed: tuple[str, ...], where: str) -> None:
    if word not in allowed:
        raise ValueError(f"{where}: '{word}' is not known; use one of {', '.join(allowed)}")
