"""Records converted by their shape: to JSON-ready data, to plain tuples the cache can store, and back.

A converter is compiled once per kind: loading from the cache and writing JSON are on every run's
path, and a function per kind is several times quicker than deciding the kind for every value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from paincompare.catalogue import models as m
from paincompare.catalogue.shape import SHAPES, Kind, record

# Values are of whatever type the kind says, known only when the shape is walked at run time.
Converter = Callable[[Any], Any]
_TO_DATA: dict[Kind, Converter] = {}
_TO_PLAIN: dict[Kind, Converter] = {}
_FROM_PLAIN: dict[Kind, Converter] = {}


def _same(value: Any) -> Any:
    return value


def _compiled(cache: dict[Kind, Converter], builders: dict[str, Callable[[Kind], Converter]], kind: Kind) -> Converter:
    found = cache.get(kind)
    if found is None:
        build = builders.get(kind.name)
        found = cache[kind] = _same if build is None else build(kind)
    return found


def _isoformat(value: dt.date) -> str:
    return value.isoformat()


# -- to JSON-ready data: records as mappings, optional fields left out when empty -------------------


def _record_to_data(kind: Kind) -> Converter:
    fields = SHAPES[kind.given_record()]
    names = tuple(f.name for f in fields)
    deep = [(f.name, to_data_converter(f.kind)) for f in fields if to_data_converter(f.kind) is not _same]
    optional = [f.name for f in fields if not f.required]

    def record_data(value: Any) -> Any:
        data = dict(zip(names, value))
        for name, convert in deep:
            if data[name] is not None:
                data[name] = convert(data[name])
        for name in optional:  # an optional field left out rather than shown as null
            if data[name] is None:
                del data[name]
        return data

    return record_data


def _list_to_data(kind: Kind) -> Converter:
    item = to_data_converter(kind.given_item())
    return list if item is _same else (lambda value: [item(v) for v in value])


def _map_to_data(kind: Kind) -> Converter:
    each = to_data_converter(record(kind.given_record()))
    return lambda value: {key: each(v) for key, v in value.items()}


_TO_DATA_BUILDERS: dict[str, Callable[[Kind], Converter]] = {
    "record": _record_to_data,
    "list": _list_to_data,
    "sources": lambda _kind: list,
    "map": _map_to_data,
    "date": lambda _kind: _isoformat,
}


# -- to plain tuples in field order, and back ---------------------------------------------------------


def _record_to_plain(kind: Kind) -> Converter:
    fields = [_optional(to_plain_converter(f.kind)) for f in SHAPES[kind.given_record()]]
    return lambda value: tuple(convert(item) for convert, item in zip(fields, value))


def _list_to_plain(kind: Kind) -> Converter:
    item = to_plain_converter(kind.given_item())
    return lambda value: tuple(item(v) for v in value)


def _map_to_plain(kind: Kind) -> Converter:
    each = to_plain_converter(record(kind.given_record()))
    return lambda value: tuple(each(v) for v in value.values())


def _optional(convert: Converter) -> Converter:
    if convert is _same:
        return _same
    return lambda value: None if value is None else convert(value)


_TO_PLAIN_BUILDERS: dict[str, Callable[[Kind], Converter]] = {
    "record": _record_to_plain,
    "list": _list_to_plain,
    "map": _map_to_plain,
    "date": lambda _kind: _isoformat,
}


def _record_from_plain(kind: Kind) -> Converter:
    cls = kind.given_record()
    make: Converter = cls._make  # type: ignore[attr-defined]
    fields = SHAPES[cls]
    deep = [(i, from_plain_converter(f.kind)) for i, f in enumerate(fields)]
    deep = [(i, convert) for i, convert in deep if convert is not _same]
    if not deep:
        return make  # every field is stored as it is used: rebuild in one call
    count = len(fields)

    def rebuild(value: Any) -> Any:
        if len(value) != count:
            raise ValueError(f"a stored record has {len(value)} fields, not {count}")
        items = list(value)
        for i, convert in deep:
            if items[i] is not None:
                items[i] = convert(items[i])
        return make(items)

    return rebuild


def _list_from_plain(kind: Kind) -> Converter:
    item = from_plain_converter(kind.given_item())
    return tuple if item is _same else (lambda value: tuple(item(v) for v in value))


def _map_from_plain(kind: Kind) -> Converter:
    each = from_plain_converter(record(kind.given_record()))
    return lambda value: {row[0]: row for row in map(each, value)}


_FROM_PLAIN_BUILDERS: dict[str, Callable[[Kind], Converter]] = {
    "record": _record_from_plain,
    "list": _list_from_plain,
    "map": _map_from_plain,
    "date": lambda _kind: dt.date.fromisoformat,
    "sources": lambda _kind: tuple,
}


def to_data_converter(kind: Kind) -> Converter:
    return _compiled(_TO_DATA, _TO_DATA_BUILDERS, kind)


def to_plain_converter(kind: Kind) -> Converter:
    return _compiled(_TO_PLAIN, _TO_PLAIN_BUILDERS, kind)


def from_plain_converter(kind: Kind) -> Converter:
    return _compiled(_FROM_PLAIN, _FROM_PLAIN_BUILDERS, kind)


def to_data(value: Any, kind: Kind) -> Any:
    """A value as JSON-ready data: records as mappings (optional fields left out when empty)."""
    return None if value is None else to_data_converter(kind)(value)


def to_plain(value: Any, kind: Kind) -> Any:
    """A value as built-in types only (tuples in field order), which marshal can store."""
    return None if value is None else to_plain_converter(kind)(value)


def from_plain(value: Any, kind: Kind) -> Any:
    """The inverse of to_plain: typed records rebuilt from stored tuples."""
    return None if value is None else from_plain_converter(kind)(value)


def treatment_data(treatment: m.Treatment) -> dict[str, Any]:
    """A treatment record as plain data with the catalogue's field names (the JSON contract)."""
    data: dict[str, Any] = to_data(treatment, record(m.Treatment))
    return data
