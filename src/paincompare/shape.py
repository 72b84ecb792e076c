"""The catalogue's record shape, written down once: every field's name, kind and whether it is required.

The loader (validation.py) checks a file against it, the cache (cache.py) stores and rebuilds records
by it, JSON output writes records by it, and docs/json-output.schema.json is generated from it
(json_schema.py), so the four can never disagree about what a record holds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from paincompare import models as m


class Kind(NamedTuple):
    """What a value is. `name` picks the check; the other fields qualify some kinds."""

    name: str  # text short slug url date integer number percent word schedule record list map ...
    scale: m.Scale | None = None  # word
    item: Kind | None = None  # list: each item's kind
    record: type | None = None  # record, map: the NamedTuple it becomes
    non_empty: bool = False  # list: at least one item
    low: int = 0  # integer: the range allowed
    high: int = 0


class Field(NamedTuple):
    name: str
    kind: Kind
    required: bool = True  # an optional field may be left out or null, and is then None


TEXT = Kind("text")
SHORT = Kind("short")  # text of at most models.SHORT_WORDS words, for a grid cell
SLUG = Kind("slug")
URL = Kind("url")
DATE = Kind("date")
NUMBER = Kind("number")
PERCENT = Kind("percent")  # a number from 0 to 100: "X in 100"
SCHEDULE = Kind("schedule")  # a US schedule word, or null when not controlled
SOURCES = Kind("sources")  # a non-empty list of source ids, each checked against the bibliography
CONDITION = Kind("condition")  # a condition id, checked against the vocabulary
GUIDELINE = Kind("guideline")  # a source id whose kind is guideline
TEXTS = Kind("list", item=TEXT, non_empty=True)
NAMES = Kind("list", item=TEXT)


def word(scale: m.Scale) -> Kind:
    return Kind("word", scale=scale)


def record(cls: type) -> Kind:
    return Kind("record", record=cls)


def items(kind: Kind, non_empty: bool = False) -> Kind:
    return Kind("list", item=kind, non_empty=non_empty)


def integer(low: int, high: int) -> Kind:
    return Kind("integer", low=low, high=high)


def keyed(cls: type) -> Kind:
    """A mapping of id -> record, the id being the record's first field (sources, conditions)."""
    return Kind("map", record=cls)


SHAPES: dict[type, tuple[Field, ...]] = {
    m.CatalogueInfo: (
        Field("title", TEXT),
        Field("version", TEXT),
        Field("reviewed", DATE),
        Field("review_every_months", integer(1, 120)),
        Field("funding", TEXT),
        Field("disclaimer", TEXT),
    ),
    m.Source: (
        Field("id", SLUG),
        Field("title", TEXT),
        Field("authors", TEXT, required=False),
        Field("publisher", TEXT, required=False),
        Field("year", integer(1800, 2200)),
        Field("url", URL),
        Field("kind", word(m.SOURCE_KINDS)),
        Field("short", TEXT, required=False),
    ),
    m.Condition: (
        Field("id", SLUG),
        Field("name", TEXT),
        Field("synonyms", NAMES),
        Field("parent", CONDITION, required=False),
    ),
    m.HowGiven: (
        Field("route", TEXT),
        Field("setting", TEXT),
        Field("sessions", TEXT),
        Field("short", SHORT),
        Field("sources", SOURCES),
    ),
    m.AddictionRisk: (
        Field("level", word(m.ADDICTION_LEVELS)),
        Field("us_schedule", SCHEDULE),
        Field("summary", TEXT),
        Field("short", SHORT),
        Field("sources", SOURCES),
    ),
    m.Onset: (
        Field("speed", word(m.ONSET_SPEEDS)),
        Field("summary", TEXT),
        Field("short", SHORT),
        Field("sources", SOURCES),
    ),
    m.Duration: (
        Field("length", word(m.DURATION_LENGTHS)),
        Field("basis", word(m.DURATION_BASES)),
        Field("summary", TEXT),
        Field("short", SHORT),
        Field("sources", SOURCES),
    ),
    m.Invasiveness: (
        Field("level", word(m.INVASIVENESS)),
        Field("short", SHORT),
        Field("sources", SOURCES),
    ),
    m.MeanDifference: (
        Field("points", NUMBER),
        Field("low", NUMBER, required=False),
        Field("high", NUMBER, required=False),
        Field("converted", TEXT, required=False),
    ),
    m.Responders: (
        Field("treatment", PERCENT),
        Field("comparator", PERCENT),
        Field("definition", TEXT),
    ),
    m.Evidence: (
        Field("condition", CONDITION),
        Field("outcome", word(m.OUTCOMES)),
        Field("comparator", word(m.COMPARATORS)),
        Field("compared_with", TEXT, required=False),
        Field("follow_up", TEXT),
        Field("benefit", word(m.BENEFITS)),
        Field("certainty", word(m.CERTAINTIES), required=False),
        Field("mean_difference", record(m.MeanDifference), required=False),
        Field("responders", record(m.Responders), required=False),
        Field("effect", TEXT),
        Field("sources", SOURCES),
        Field("note", TEXT, required=False),
    ),
    m.SideEffects: (
        Field("common", TEXTS),
        Field("common_short", SHORT),
        Field("serious", TEXTS),
        Field("serious_short", SHORT),
        Field("sources", SOURCES),
    ),
    m.GuidelineStance: (
        Field("guideline", GUIDELINE),
        Field("stance", word(m.STANCES)),
        Field("scope", TEXT),
        Field("conditions", items(CONDITION, non_empty=True)),
        Field("short", SHORT),
        Field("sources", SOURCES),
        Field("wording", TEXT, required=False),
    ),
    m.Cost: (
        Field("tier", word(m.COST_TIERS)),
        Field("summary", TEXT),
        Field("short", SHORT),
        Field("sources", SOURCES),
    ),
    m.Claim: (
        Field("claim", TEXT),
        Field("verdict", word(m.VERDICTS)),
        Field("explanation", TEXT),
        Field("short", SHORT),
        Field("sources", SOURCES),
    ),
    m.Treatment: (
        Field("id", SLUG),
        Field("name", TEXT),
        Field("aliases", NAMES),
        Field("category", word(m.CATEGORIES)),
        Field("how_given", record(m.HowGiven)),
        Field("addiction_risk", record(m.AddictionRisk)),
        Field("onset", record(m.Onset)),
        Field("duration", record(m.Duration)),
        Field("invasiveness", record(m.Invasiveness)),
        Field("evidence", items(record(m.Evidence), non_empty=True)),
        Field("side_effects", record(m.SideEffects)),
        Field("guidelines", items(record(m.GuidelineStance))),
        Field("cost", record(m.Cost)),
        Field("claims", items(record(m.Claim))),
        Field("reviewed", DATE),
    ),
}
# The top level of a catalogue file (not a record of its own: Catalogue also carries the path).
TOP: tuple[Field, ...] = (
    Field("catalogue", record(m.CatalogueInfo)),
    Field("sources", keyed(m.Source)),
    Field("conditions", keyed(m.Condition)),
    Field("treatments", items(record(m.Treatment), non_empty=True)),
)

for _cls, _fields in SHAPES.items():  # the spec and the typed records must name the same fields
    assert tuple(f.name for f in _fields) == _cls._fields, _cls  # type: ignore[attr-defined]


# -- plain data, for JSON -----------------------------------------------------------------------


def to_data(value: Any, kind: Kind) -> Any:
    """A value as JSON-ready data: records as mappings (optional fields left out when empty)."""
    if value is None:
        return None
    if kind.name == "record":
        assert kind.record is not None
        data: dict[str, Any] = {}
        for spec, item in zip(SHAPES[kind.record], value):
            if item is None and not spec.required:
                continue
            data[spec.name] = to_data(item, spec.kind)
        return data
    if kind.name == "list" or kind.name == "sources":
        item_kind = kind.item or SLUG
        return [to_data(item, item_kind) for item in value]
    if kind.name == "map":
        assert kind.record is not None
        return {key: to_data(item, record(kind.record)) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def treatment_data(treatment: m.Treatment) -> dict[str, Any]:
    """A treatment record as plain data with the catalogue's field names (the JSON contract)."""
    data: dict[str, Any] = to_data(treatment, record(m.Treatment))
    return data


# -- positional tuples, for the cache -----------------------------------------------------------


def to_plain(value: Any, kind: Kind) -> Any:
    """A value as built-in types only (tuples in field order), which marshal can store."""
    if value is None:
        return None
    if kind.name == "record":
        assert kind.record is not None
        return tuple(to_plain(item, spec.kind) for spec, item in zip(SHAPES[kind.record], value))
    if kind.name == "list":
        assert kind.item is not None
        return tuple(to_plain(item, kind.item) for item in value)
    if kind.name == "map":
        assert kind.record is not None
        return tuple(to_plain(item, record(kind.record)) for item in value.values())
    if kind.name == "date":
        return value.isoformat()
    return value


def from_plain(value: Any, kind: Kind) -> Any:
    """The inverse of to_plain: typed records rebuilt from stored tuples."""
    if value is None:
        return None
    if kind.name == "record":
        assert kind.record is not None
        fields = SHAPES[kind.record]
        if len(value) != len(fields):
            raise ValueError(f"stored {kind.record.__name__} has {len(value)} fields, not {len(fields)}")
        return kind.record(*(from_plain(item, spec.kind) for spec, item in zip(fields, value)))
    if kind.name == "list":
        assert kind.item is not None
        return tuple(from_plain(item, kind.item) for item in value)
    if kind.name == "map":
        assert kind.record is not None
        rows = [from_plain(item, record(kind.record)) for item in value]
        return {row[0]: row for row in rows}
    if kind.name == "date":
        return dt.date.fromisoformat(value)
    if kind.name == "sources":
        return tuple(value)
    return value
