"""Records read by the shape in shape.py: a check built once per kind of value, mappings of fields
turned into typed records, keyed records (sources, conditions, situations), and each record held to
its own rule (rules.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from yaml.nodes import MappingNode, Node, ScalarNode

from paincompare.catalogue import models as m
from paincompare.catalogue.shape import SHAPES, Field, Kind
from paincompare.catalogue.validation import rules
from paincompare.catalogue.validation.nodes import INVALID, Check, Checked, Spec
from paincompare.catalogue.validation.references import ReferenceReader


class RecordReader(ReferenceReader):
    """Reads records by their shape: a check per kind of value, built once, and each record's own rule."""

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        self._checks: dict[Kind, Check] = {}

    # -- records, by the shape in shape.py ------------------------------------------------------

    def check(self, kind: Kind) -> Check:
        """The check for a kind of value; built once per kind and reused for every record."""
        found = self._checks.get(kind)
        if found is None:
            found = self._checks[kind] = self._build_check(kind)
        return found

    def _build_check(self, kind: Kind) -> Check:
        simple = self._simple_checks()
        if kind.name in simple:
            return simple[kind.name]
        built = self._built_checks().get(kind.name)
        if built is None:
            raise ValueError(f"no check for kind {kind.name!r}")
        return built(kind)

    def _simple_checks(self) -> dict[str, Check]:
        """The kinds checked by one method, whatever qualifies them."""
        return {
            "text": self.text,
            "prose": self.text,
            "short": self.short,
            "slug": self.slug,
            "url": self.url,
            "date": self.date,
            "number": self.number,
            "percent": self.percent,
            "schedule": self.schedule,
            "sources": self.sources,
            "condition": self.condition_ref,
            "situation": self.situation_ref,
            "month": self.month,
            "guideline": self.guideline_ref,
        }

    def _built_checks(self) -> dict[str, Callable[[Kind], Check]]:
        """The kinds whose check is built from what qualifies them: a range, a scale, an item, a record."""
        return {
            "integer": lambda kind: self.integer(kind.low, kind.high),
            "word": lambda kind: self.word(kind.given_scale()),
            "list": self._list_check,
            "record": lambda kind: self._record_check(kind.given_record()),
            "map": lambda kind: self._keyed_check(kind.given_record()),
        }

    def _list_check(self, kind: Kind) -> Check:
        item, non_empty = self.check(kind.given_item()), kind.non_empty
        return lambda node, where: self.items(node, where, item, non_empty)

    def _spec(self, fields: tuple[Field, ...]) -> Spec:
        return {f.name: (self.check(f.kind), f.required) for f in fields}

    def _record_check(self, cls: type) -> Check:
        spec = self._spec(SHAPES[cls])

        def check(node: Node, where: str) -> object:
            if cls is m.Treatment and isinstance(node, MappingNode):
                where = _treatment_label(node, where)
            values = self.fields(node, where, spec)
            if cls is m.Cost:
                self._cost_sources.add(f"{where}.sources")
            if values is INVALID:
                return INVALID
            value = cls(**values)
            if cls is m.Treatment:  # names are compared across every treatment read, even a broken one
                self._checked.append((value, node))
            if not self._follows_its_rule(value, node, where):
                return INVALID
            if cls is not m.Source and "sources" in values:
                self._cited_blocks.append((cast(tuple[str, ...], values["sources"]), node, where))
            return value

        return check

    def _keyed_check(self, cls: type) -> Check:
        return lambda node, where: self.keyed(node, where, cls)

    def keyed(self, node: Node, where: str, cls: type) -> Checked[dict[str, object]]:
        """A mapping of id -> record (sources, conditions); the id becomes the record's first field."""
        noun = _KEYED_NOUNS[cls]
        if not isinstance(node, MappingNode):
            self.report(node, f"{where}: expected a mapping of {noun} id -> its fields")
            return INVALID
        spec = self._spec(SHAPES[cls][1:])
        records: dict[str, object] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self._record_id(key_node, where, noun, key_lines)
            value = INVALID if key is None else self._keyed_record(cls, key, key_node, value_node, spec)
            if key is not None and value is not INVALID:
                records[key] = value
        return records if len(records) == len(node.value) else INVALID

    def _record_id(self, key_node: Node, where: str, noun: str, key_lines: dict[str, int]) -> str | None:
        """A keyed record's id, or None (and the problem reported) when it is not a valid, new id."""
        key = self.slug(key_node, f"{where} id")
        if key is INVALID:
            return None
        if key in key_lines:
            self.report(key_node, f"{where}: duplicate {noun} id '{key}' (first on line {key_lines[key]})")
            return None
        key_lines[key] = key_node.start_mark.line + 1
        return key

    def _keyed_record(self, cls: type, key: str, key_node: Node, value_node: Node, spec: Spec) -> object:
        label = f"{_KEYED_NOUNS[cls]} '{key}'"
        values = self.fields(value_node, label, spec) if self._fresh(value_node, key, at=key_node) else INVALID
        if values is INVALID:
            return INVALID
        value = cls(key, **values)
        return value if self._follows_its_rule(value, value_node, label) else INVALID

    def _follows_its_rule(self, record: object, node: Node, where: str) -> bool:
        """False (and the problem reported) when a record breaks the rule for its kind (rules.py)."""
        rule = rules.RULES.get(type(record))
        problem = rule(record) if rule is not None else None
        if problem:
            self.report(node, f"{where}: {problem}")
        return not problem


def _treatment_label(node: MappingNode, where: str) -> str:
    for key_node, value_node in node.value:
        if getattr(key_node, "value", None) == "id" and isinstance(value_node, ScalarNode):
            return f"{value_node.value}"
    return where


_KEYED_NOUNS = {m.Source: "source", m.Condition: "condition", m.Situation: "situation"}
