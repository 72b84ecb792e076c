"""The words `check` reads articles with: data in check-signals.yaml beside this module, loaded
once per run and cached like catalogues (parsing it needs PyYAML, whose import alone costs more
than the rest of reading it; bench/run.py, k/c). A file not yet cached is checked first, by
signal_reader.py, with every problem at its FILE:LINE."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, TypedDict, cast

from paincompare.catalogue import cache
from paincompare.catalogue import models as m
from paincompare.check.phrases import normalised
from paincompare.errors import CatalogueError

FILE = Path(__file__).parent / "check-signals.yaml"


class AttributeWords(TypedDict):
    name: str
    words: list[str]


class SignalsData(TypedDict, total=False):
    """check-signals.yaml as checked by signal_reader.py (optional sections left out) and cached."""

    attributes: dict[str, AttributeWords]  # attribute -> its name and the words that signal it
    claims: dict[str, dict[str, list[str]]]  # attribute -> claim value -> words
    harms: dict[str, list[str]]  # harm family -> words
    cues: dict[str, list[str]]  # cue kind -> words
    conditions: dict[str, list[str]]  # condition id -> words beyond the vocabulary's
    groups: dict[str, list[str]]  # phrase -> treatment ids
    generic: list[str]
    scorecard: dict[str, list[str]]  # scorecard family -> words


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
    """The signal words, for this catalogue (group members it lacks are dropped).

    A file not yet in the cache is checked like a catalogue (signal_reader.py): a typo in any
    section is a CatalogueError with its FILE:LINE, never a word silently ignored.
    """
    file = path or FILE
    data = file.read_bytes()  # found only when check asks
    rules = Path(__file__).with_name("signal_reader.py").stat()  # an edited rule starts afresh
    digest = cache.key(data + f"\0{rules.st_mtime_ns}:{rules.st_size}".encode())
    stored = cache.read_plain(digest)
    if not isinstance(stored, dict):
        stored = _checked(data, str(file))
        cache.write_plain(digest, stored)
    return signals_from(cast(SignalsData, stored), catalogue)  # checked before it was stored


def _checked(data: bytes, name: str) -> SignalsData:
    from paincompare import catalogue as catalogue_file  # only on a cache miss: it loads PyYAML
    from paincompare.check.signal_reader import SignalsReader

    reader = SignalsReader(name)
    checked = reader.read(catalogue_file.compose(catalogue_file.decode(data, name), name))
    if reader.problems:
        raise CatalogueError(reader.problems)
    return checked


def signals_from(data: SignalsData, catalogue: m.Catalogue) -> Signals:
    """The checked file's data as phrase pairs, for this catalogue."""
    attributes = [(word, attribute) for attribute, spec in data["attributes"].items() for word in spec["words"]]
    claims = [
        (word, attribute, value)
        for attribute, values in data["claims"].items()
        for value, words in values.items()
        for word in words
    ]
    conditions = [(w, c) for c, words in data["conditions"].items() if c in catalogue.conditions for w in words]
    return Signals(
        tuple(attributes),
        tuple(claims),
        _pairs(data["harms"]),
        _pairs(data["cues"]),
        tuple(conditions),
        _groups(data["groups"], {t.id for t in catalogue.treatments}),
        frozenset(normalised(w) for w in data["generic"]),
        _pairs(data["scorecard"]),
    )


def _groups(groups: dict[str, list[str]], known: set[str]) -> dict[str, tuple[str, ...]]:
    """Each group phrase with the members this catalogue has (another catalogue may not have every one)."""
    found = {}
    for phrase, ids in groups.items():
        present = tuple(i for i in ids if i in known)
        if present:
            found[normalised(phrase)] = present
    return found


def _pairs(spec: dict[str, list[str]]) -> tuple[tuple[str, str], ...]:
    return tuple((word, kind) for kind, words in spec.items() for word in words)
