"""Turns a composed YAML node tree into typed records, collecting every problem with its place.

The reader is built in layers: nodes.py (problems, aliases, lists and mappings), scalars.py (single
values), references.py (references between records), and here the records themselves, read by the
shape in shape.py; rules.py says what is inconsistent within one record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode

from paincompare.catalogue import models as m
from paincompare.catalogue.shape import SHAPES, TOP, Field, Kind
from paincompare.catalogue.validation import rules
from paincompare.catalogue.validation.nodes import INVALID
from paincompare.catalogue.validation.references import ReferenceReader


class CatalogueReader(ReferenceReader):
    """Reads one catalogue's nodes; `problems` lists everything wrong, in file order."""

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        self._checks: dict[Kind, Callable[[Node, str], Any]] = {}

    # -- records, by the shape in shape.py ------------------------------------------------------

    def check(self, kind: Kind) -> Callable[[Node, str], Any]:
        """The check for a kind of value; built once per kind and reused for every record."""
        found = self._checks.get(kind)
        if found is None:
            found = self._checks[kind] = self._build_check(kind)
        return found

    def _build_check(self, kind: Kind) -> Callable[[Node, str], Any]:
        simple: dict[str, Callable[[Node, str], Any]] = {
            "text": self.text,
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
        if kind.name in simple:
            return simple[kind.name]
        if kind.name == "integer":
            return self.integer(kind.low, kind.high)
        if kind.name == "word":
            assert kind.scale is not None
            return self.word(kind.scale)
        if kind.name == "list":
            assert kind.item is not None
            item, non_empty = self.check(kind.item), kind.non_empty
            return lambda node, where: self.items(node, where, item, non_empty)
        if kind.name == "record":
            assert kind.record is not None
            return self._record_check(kind.record)
        if kind.name == "map":
            assert kind.record is not None
            cls = kind.record
            return lambda node, where: self.keyed(node, where, cls)
        raise ValueError(f"no check for kind {kind.name!r}")

    def _spec(self, fields: tuple[Field, ...]) -> dict[str, tuple[Callable[[Node, str], Any], bool]]:
        return {f.name: (self.check(f.kind), f.required) for f in fields}

    def _record_check(self, cls: type) -> Callable[[Node, str], Any]:
        spec = self._spec(SHAPES[cls])

        def check(node: Node, where: str) -> Any:
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
                self._cited_blocks.append((values["sources"], node, where))
            return value

        return check

    def keyed(self, node: Node, where: str, cls: type) -> Any:
        """A mapping of id -> record (sources, conditions); the id becomes the record's first field."""
        noun = _KEYED_NOUNS[cls]
        if not isinstance(node, MappingNode):
            self.report(node, f"{where}: expected a mapping of {noun} id -> its fields")
            return INVALID
        spec = self._spec(SHAPES[cls][1:])
        records: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        ok = True
        for key_node, value_node in node.value:
            key = self.slug(key_node, f"{where} id")
            if key is INVALID:
                ok = False
                continue
            if key in key_lines:
                self.report(key_node, f"{where}: duplicate {noun} id '{key}' (first on line {key_lines[key]})")
                ok = False
                continue
            key_lines[key] = key_node.start_mark.line + 1
            label = f"{noun} '{key}'"
            values = self.fields(value_node, label, spec) if self._fresh(value_node, key, at=key_node) else INVALID
            value = INVALID if values is INVALID else cls(key, **values)
            if value is not INVALID and not self._follows_its_rule(value, value_node, label):
                value = INVALID
            if value is INVALID:
                ok = False
                continue
            records[key] = value
        return records if ok else INVALID

    def _follows_its_rule(self, record: Any, node: Node, where: str) -> bool:
        """False (and the problem reported) when a record breaks the rule for its kind (rules.py)."""
        rule = rules.RULES.get(type(record))
        problem = rule(record) if rule is not None else None
        if problem:
            self.report(node, f"{where}: {problem}")
        return not problem

    # -- the top level -----------------------------------------------------------------------------

    def catalogue(self, root: Node | None) -> m.Catalogue | None:
        """The whole catalogue, or None when any problem was found (see `problems`)."""
        if root is None:
            self.report(None, "the catalogue is empty; see docs/catalogue-format.md for the format")
            return None
        if not isinstance(root, MappingNode):
            self.report(
                root,
                "the top level must be a mapping with 'catalogue', 'sources', 'conditions', 'situations' and "
                "'treatments'",
            )
            return None
        top = self.fields(root, "", self._spec(TOP))
        if top is not INVALID:
            sources, conditions = top["sources"], top["conditions"]
        else:
            sources, conditions = self._partial(root, "sources"), self._partial(root, "conditions")
        if sources is not INVALID:
            self._check_citations(sources)
            self._warn_of_copies(sources)
        if conditions is not INVALID:
            self._check_conditions(conditions)
        situations = top["situations"] if top is not INVALID else self._partial(root, "situations")
        if situations is not INVALID:
            self._check_refs(self._situation_refs, situations, "situation", "situations")
        self._check_names()
        self.problems.sort(key=lambda p: (p.line, p.column))
        if self.problems or top is INVALID:
            return None
        parts = (top["catalogue"], sources, conditions, situations, top["treatments"])
        return m.Catalogue(*parts, self.filename)

    def _partial(self, root: MappingNode, name: str) -> Any:
        """One top-level mapping, when it is valid but something else is not, so references still get checked."""
        kind = next(f.kind for f in TOP if f.name == name)
        for key_node, value_node in root.value:
            if isinstance(key_node, ScalarNode) and key_node.value == name:
                return CatalogueReader(self.filename).check(kind)(value_node, name)
        return INVALID

    # -- checks across records -------------------------------------------------------------


def _treatment_label(node: MappingNode, where: str) -> str:
    for key_node, value_node in node.value:
        if getattr(key_node, "value", None) == "id" and isinstance(value_node, ScalarNode):
            return f"{value_node.value}"
    return where


_KEYED_NOUNS = {m.Source: "source", m.Condition: "condition", m.Situation: "situation"}
