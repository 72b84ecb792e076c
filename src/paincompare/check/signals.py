"""The words `check` reads articles with: data in check-signals.yaml beside this module, loaded
once per run and cached like catalogues (parsing it needs PyYAML, whose import alone costs more
than the rest of reading it; bench/run.py, k/c). A file not yet cached is checked first, by
signal_reader.py, with every problem at its FILE:LINE."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, cast

from paincompare.catalogue import cache
from paincompare.catalogue import models as m
from paincompare.check.phrases import normalised
from paincompare.check.vocabulary import SignalsData
from paincompare.errors import CatalogueError

FILE = Path(__file__).parent / "check-signals.yaml"


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
    digest = cache.key(data + _rules_stamp())
    stored = cache.read_plain(digest)
    if not isinstance(stored, dict):
        stored = _checked(data, str(file))
        cache.write_plain(digest, stored)
    return signals_from(cast(SignalsData, stored), catalogue)  # checked before it was stored


# The modules that decide what the file may hold: an edited rule or word list checks it afresh.
_DECIDING_MODULES = ("signal_reader.py", "vocabulary.py")


def _rules_stamp() -> bytes:
    here = Path(__file__).parent
    stats = [(here / name).stat() for name in _DECIDING_MODULES]
    return "".join(f"\0{st.st_mtime_ns}:{st.st_size}" for st in stats).encode()


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
