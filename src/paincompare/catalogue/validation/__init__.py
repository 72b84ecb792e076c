"""Turns a composed YAML node tree into typed records, collecting every problem with its place.

The reader is built in layers: nodes.py (problems, aliases, lists and mappings), scalars.py (single
values), references.py (references between records), records.py (records, read by the shape in
shape.py and held to rules.py, what is inconsistent within one record), and here the catalogue's
top level, with the references checked across every record once all are read."""

from __future__ import annotations

from typing import cast

from yaml.nodes import MappingNode, Node, ScalarNode

from paincompare.catalogue import models as m
from paincompare.catalogue.shape import TOP
from paincompare.catalogue.validation.nodes import INVALID, Checked
from paincompare.catalogue.validation.records import RecordReader


class CatalogueReader(RecordReader):
    """Reads one catalogue's nodes; `problems` lists everything wrong, in file order."""

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
        # references are checked on every section that was read, even when another was not
        sections = top if top is not INVALID else {name: self._partial(root, name) for name in _CROSS_CHECKED}
        self._check_across(sections)
        self._check_names()
        self.problems.sort(key=lambda p: (p.line, p.column))
        if self.problems or top is INVALID:
            return None
        return m.Catalogue._make([*(top[f.name] for f in TOP), self.filename])

    def _check_across(self, sections: dict[str, object]) -> None:
        """Citations, copies, condition and situation references, on the sections that were read."""
        sources = cast("Checked[dict[str, m.Source]]", sections["sources"])
        if sources is not INVALID:
            self._check_citations(sources)
            self._warn_of_copies(sources)
        conditions = cast("Checked[dict[str, m.Condition]]", sections["conditions"])
        if conditions is not INVALID:
            self._check_conditions(conditions)
        situations = cast("Checked[dict[str, m.Situation]]", sections["situations"])
        if situations is not INVALID:
            self._check_refs(self._situation_refs, situations, "situation", "situations")

    def _partial(self, root: MappingNode, name: str) -> object:
        """One top-level mapping, when it is valid but something else is not, so references still get checked."""
        kind = next(f.kind for f in TOP if f.name == name)
        for key_node, value_node in root.value:
            if isinstance(key_node, ScalarNode) and key_node.value == name:
                return CatalogueReader(self.filename).check(kind)(value_node, name)
        return INVALID


# The top-level sections whose references are checked across records.
_CROSS_CHECKED = ("sources", "conditions", "situations")
