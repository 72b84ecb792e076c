"""The catalogue's record shape, written down once: every field's name, kind and whether it is required.

The loader (validation/) checks a file against it, convert.py turns records into JSON data and into
the cache's plain tuples by it, docs/json-output.schema.json is generated from it (json_schema.py),
and the walk at the end finds every cited block and short answer by it, so none of them can disagree
about what a record holds.
"""

from __future__ import annotations

from typing import Any, NamedTuple, TypeVar

from paincompare.catalogue import models as m
from paincompare.catalogue import scales

T = TypeVar("T")


class Kind(NamedTuple):
    """What a value is. `name` picks the check; the other fields qualify some kinds."""

    name: str  # text prose short slug url date integer number percent word schedule record list map ...
    scale: scales.Scale | None = None  # word
    item: Kind | None = None  # list: each item's kind
    record: type | None = None  # record, map: the NamedTuple it becomes
    non_empty: bool = False  # list: at least one item
    low: int = 0  # integer: the range allowed
    high: int = 0

    # What qualifies a kind, which the shape always gives for the kinds that need it; the error is
    # for a shape written wrong, never for a catalogue file.
    def given_scale(self) -> scales.Scale:
        return _given(self.scale, self, "scale")

    def given_item(self) -> Kind:
        return _given(self.item, self, "item")

    def given_record(self) -> type:
        return _given(self.record, self, "record")


def _given(value: T | None, kind: Kind, what: str) -> T:
    if value is None:
        raise ValueError(f"a {kind.name!r} kind must name its {what}")
    return value


class Field(NamedTuple):
    name: str
    kind: Kind
    required: bool = True  # an optional field may be left out or null, and is then None


TEXT = Kind("text")
# Text we wrote for a reader to read as sentences: checked as text, and scored for plain language
# (tests/test_bundled_catalogue.py walks every prose field and short answer of a record).
PROSE = Kind("prose")
SHORT = Kind("short")  # text of at most scales.SHORT_WORDS words, for a grid cell
SLUG = Kind("slug")
URL = Kind("url")
DATE = Kind("date")
NUMBER = Kind("number")
PERCENT = Kind("percent")  # a number from 0 to 100: "X in 100"
SCHEDULE = Kind("schedule")  # a US schedule word, or null when not controlled
SOURCES = Kind("sources")  # a non-empty list of source ids, each checked against the bibliography
CONDITION = Kind("condition")  # a condition id, checked against the vocabulary
SITUATION = Kind("situation")  # a situation id, checked against its vocabulary
MONTH = Kind("month")  # YYYY-MM, quoted
GUIDELINE = Kind("guideline")  # a source id whose kind is guideline
TEXTS = Kind("list", item=TEXT, non_empty=True)
PROSES = Kind("list", item=PROSE, non_empty=True)
NAMES = Kind("list", item=TEXT)


def word(scale: scales.Scale) -> Kind:
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
        Field("core_guidelines", items(record(m.CoreGuideline), non_empty=True)),
    ),
    m.CoreGuideline: (
        Field("guideline", GUIDELINE),
        Field("why", TEXT),
        Field("sources", SOURCES),
        Field("status", SHORT, required=False),
    ),
    m.Source: (
        Field("id", SLUG),
        Field("title", TEXT),
        Field("authors", TEXT, required=False),
        Field("publisher", TEXT, required=False),
        Field("year", integer(1800, 2200)),
        Field("url", URL),
        Field("kind", word(scales.SOURCE_KINDS)),
        Field("short", TEXT, required=False),
        Field("region", word(scales.REGIONS), required=False),
        Field("read_at", URL, required=False),
    ),
    m.Condition: (
        Field("id", SLUG),
        Field("name", TEXT),
        Field("synonyms", NAMES),
        Field("parent", CONDITION, required=False),
    ),
    m.Situation: (
        Field("id", SLUG),
        Field("name", TEXT),
        Field("synonyms", NAMES),
        Field("kind", word(scales.SITUATION_KINDS)),
    ),
    m.Caution: (
        Field("when", SITUATION),
        Field("level", word(scales.CAUTION_LEVELS)),
        Field("text", PROSE),
        Field("sources", SOURCES),
    ),
    m.Cautions: (
        Field("entries", items(record(m.Caution))),
        Field("short", SHORT),
        Field("sources", SOURCES),
    ),
    m.HowGiven: (
        Field("route", PROSE),
        Field("setting", PROSE),
        Field("sessions", PROSE),
        Field("short", SHORT),
        Field("sources", SOURCES),
    ),
    m.UkProduct: (
        Field("name", TEXT),
        Field("act_class", word(scales.UK_CLASSES)),
        Field("schedule", word(scales.UK_SCHEDULES), required=False),
        Field("safe_custody", word(scales.SAFE_CUSTODY)),
    ),
    m.UkControl: (
        Field("act_class", word(scales.UK_CLASSES)),
        Field("schedule", word(scales.UK_SCHEDULES), required=False),
        Field("safe_custody", word(scales.SAFE_CUSTODY)),
        Field("in_force", DATE, required=False),
        Field("summary", PROSE),
        Field("short", SHORT),
        Field("sources", SOURCES),
        Field("products", items(record(m.UkProduct), non_empty=True), required=False),
    ),
    m.Availability: (
        Field("licensed_for_pain", word(scales.LICENSED)),
        Field("supply", word(scales.SUPPLY)),
        Field("nhs", word(scales.NHS), required=False),
        Field("summary", PROSE),
        Field("short", SHORT),
        Field("sources", SOURCES),
    ),
    m.Availabilities: (
        Field("uk", record(m.Availability), required=False),
        Field("us", record(m.Availability), required=False),
    ),
    m.Product: (
        Field("name", TEXT),
        Field("us_schedule", SCHEDULE),
        Field("level", word(scales.ADDICTION_LEVELS)),
    ),
    m.AddictionRisk: (
        Field("level", word(scales.ADDICTION_LEVELS)),
        Field("us_schedule", SCHEDULE),
        Field("summary", PROSE),
        Field("short", SHORT),
        Field("sources", SOURCES),
        Field("products", items(record(m.Product), non_empty=True), required=False),
    ),
    m.Onset: (
        Field("speed", word(scales.ONSET_SPEEDS)),
        Field("basis", word(scales.ONSET_BASES)),
        Field("summary", PROSE),
        Field("short", SHORT),
        Field("sources", SOURCES),
    ),
    m.Duration: (
        Field("length", word(scales.DURATION_LENGTHS)),
        Field("basis", word(scales.DURATION_BASES)),
        Field("summary", PROSE),
        Field("short", SHORT),
        Field("sources", SOURCES),
    ),
    m.Invasiveness: (
        Field("level", word(scales.INVASIVENESS)),
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
        Field("outcome", word(scales.OUTCOMES)),
        Field("comparator", word(scales.COMPARATORS)),
        Field("compared_with", TEXT, required=False),
        Field("follow_up", TEXT),
        Field("benefit", word(scales.BENEFITS)),
        Field("certainty", word(scales.CERTAINTIES), required=False),
        Field("mean_difference", record(m.MeanDifference), required=False),
        Field("responders", record(m.Responders), required=False),
        Field("effect", PROSE),
        Field("sources", SOURCES),
        Field("note", PROSE, required=False),
        Field("measured", word(scales.MEASURED), required=False),
    ),
    m.SideEffects: (
        Field("common", PROSES),
        Field("common_short", SHORT),
        Field("serious", PROSES),
        Field("serious_short", SHORT),
        Field("sources", SOURCES),
    ),
    m.GuidelineStance: (
        Field("guideline", GUIDELINE),
        Field("stance", word(scales.STANCES)),
        Field("scope", TEXT),
        Field("conditions", items(CONDITION, non_empty=True)),
        Field("short", SHORT),
        Field("sources", SOURCES),
        Field("wording", TEXT, required=False),
    ),
    m.Cost: (
        Field("tier", word(scales.COST_TIERS)),
        Field("summary", PROSE),
        Field("short", SHORT),
        Field("sources", SOURCES),
        Field("price", NUMBER, required=False),
        Field("unit", TEXT, required=False),
        Field("month", MONTH, required=False),
        Field("free_at_point_of_use", word(scales.FREE_AT_USE), required=False),
    ),
    m.Claim: (
        Field("claim", TEXT),
        Field("verdict", word(scales.VERDICTS)),
        Field("explanation", PROSE),
        Field("short", SHORT),
        Field("sources", SOURCES),
        Field("attribute", word(scales.ATTRIBUTES), required=False),
        Field("match", TEXTS, required=False),
    ),
    m.Approval: (
        Field("status", word(scales.APPROVAL_STATUSES)),
        Field("conditions", items(CONDITION)),
        Field("short", SHORT),
        Field("sources", SOURCES),
    ),
    m.Treatment: (
        Field("id", SLUG),
        Field("name", TEXT),
        Field("uk_name", TEXT, required=False),
        Field("aliases", NAMES),
        Field("category", word(scales.CATEGORIES)),
        Field("how_given", record(m.HowGiven)),
        Field("availability", record(m.Availabilities), required=False),
        Field("addiction_risk", record(m.AddictionRisk)),
        Field("uk_control", record(m.UkControl), required=False),
        Field("onset", record(m.Onset)),
        Field("duration", record(m.Duration)),
        Field("invasiveness", record(m.Invasiveness)),
        Field("evidence", items(record(m.Evidence), non_empty=True)),
        Field("side_effects", record(m.SideEffects)),
        Field("cautions", record(m.Cautions)),
        Field("interactions", record(m.Cautions), required=False),
        Field("guidelines", items(record(m.GuidelineStance))),
        Field("cost", record(m.Cost)),
        Field("cost_uk", record(m.Cost), required=False),
        Field("claims", items(record(m.Claim))),
        Field("approval", record(m.Approval), required=False),
        Field("reviewed", DATE),
    ),
}
# The top level of a catalogue file (not a record of its own: Catalogue also carries the path).
TOP: tuple[Field, ...] = (
    Field("catalogue", record(m.CatalogueInfo)),
    Field("sources", keyed(m.Source)),
    Field("conditions", keyed(m.Condition)),
    Field("situations", keyed(m.Situation)),
    Field("treatments", items(record(m.Treatment), non_empty=True)),
)

for _cls, _fields in SHAPES.items():  # the spec and the typed records must name the same fields
    assert tuple(f.name for f in _fields) == _cls._fields, _cls  # type: ignore[attr-defined]


# -- walking a record by its shape: what it cites, and its short answers ----------------------------


def values_of_kind(value: Any, kind: Kind, wanted: tuple[str, ...]) -> list[tuple[str, Any]]:
    """Every (kind name, value) in a record whose field's kind is one of `wanted`, in the order the
    fields are written: the shape says where they are, so a block added to it is walked too."""
    found: list[tuple[str, Any]] = []
    if value is None:
        return found
    if kind.name in wanted:
        found.append((kind.name, value))
    elif kind.name == "record":
        for field, item in zip(SHAPES[kind.given_record()], value):
            found += values_of_kind(item, field.kind, wanted)
    elif kind.name == "list":
        for item in value:
            found += values_of_kind(item, kind.given_item(), wanted)
    return found


def cited_sources(treatment: m.Treatment) -> list[str]:
    """Every source id a record cites (its blocks' sources, and the guidelines its stances name),
    in the order the fields are written, once each."""
    seen: dict[str, None] = {}
    for name, value in values_of_kind(treatment, record(m.Treatment), ("sources", "guideline")):
        for source_id in value if name == "sources" else (value,):
            seen.setdefault(source_id)
    return list(seen)


def short_answers(treatment: m.Treatment) -> list[str]:
    """Every short answer a grid can show for a record, in the order the fields are written."""
    return [value for _name, value in values_of_kind(treatment, record(m.Treatment), ("short",))]
