"""References between records (citations, conditions, situations, guidelines, names): collected while
reading, checked once every record is read, so one broken record does not hide the next problem."""

from __future__ import annotations

from collections.abc import Mapping

from yaml.nodes import Node

from paincompare.catalogue import models as m
from paincompare.catalogue.validation.nodes import INVALID, Checked, did_you_mean
from paincompare.catalogue.validation.scalars import ScalarReader
from paincompare.errors import Problem


class ReferenceReader(ScalarReader):
    """Notes every reference with its place while reading; checks them all against what was read."""

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        # every citation with where it is made, checked once sources are known
        self._citations: list[tuple[str, Node, str]] = []  # (source id, node, where it is cited)
        self._guideline_refs: list[tuple[str, Node]] = []
        self._condition_refs: list[tuple[str, Node]] = []
        self._situation_refs: list[tuple[str, Node]] = []
        # (sources, node, where) of every cited block, to say which rest on copies alone
        self._cited_blocks: list[tuple[tuple[str, ...], Node, str]] = []
        # where each Cost block's sources are: commercial sources may be cited there and nowhere else
        self._cost_sources: set[str] = set()
        # every record that passed its own checks, with its node: names are compared across these
        # even when another record is broken, so that one fix does not reveal the next problem
        self._checked: list[tuple[m.Treatment, Node]] = []

    def cite(self, node: Node, where: str) -> Checked[str]:
        value = self.slug(node, where)
        if value is not INVALID:
            self._citations.append((value, node, where))
        return value

    def sources(self, node: Node, where: str) -> Checked[tuple[str, ...]]:
        return self.items(node, where, self.cite, non_empty=True)

    def condition_ref(self, node: Node, where: str) -> Checked[str]:
        value = self.slug(node, where)
        if value is not INVALID:
            self._condition_refs.append((value, node))
        return value

    def situation_ref(self, node: Node, where: str) -> Checked[str]:
        value = self.slug(node, where)
        if value is not INVALID:
            self._situation_refs.append((value, node))
        return value

    def guideline_ref(self, node: Node, where: str) -> Checked[str]:
        value = self.slug(node, where)
        if value is not INVALID:
            self._guideline_refs.append((value, node))
        return value

    def _check_citations(self, sources: dict[str, m.Source]) -> None:
        for source_id, node, where in self._citations:
            source = sources.get(source_id)
            if source is None:
                self.report(
                    node, f"unknown source '{source_id}'{did_you_mean(source_id, sources)}; add it under 'sources'"
                )
            elif source.kind == "commercial" and where.rpartition("[")[0] not in self._cost_sources:
                self.report(node, f"source '{source_id}' is commercial; commercial sources may be cited for cost only")
        for source_id, node in self._guideline_refs:
            source = sources.get(source_id)
            if source is None:
                self.report(
                    node, f"unknown guideline '{source_id}'{did_you_mean(source_id, sources)}; add it under 'sources'"
                )
            elif source.kind != "guideline":
                self.report(node, f"'{source_id}' is a {source.kind}, not a guideline (kind: guideline)")

    def _warn_of_copies(self, sources: dict[str, m.Source]) -> None:
        """A block whose every source was read in a copy (read_at) rests on copies alone: a warning,
        since the copy is faithful, but the primary page should be read at the next review."""
        for cited, node, where in self._cited_blocks:
            found = [sources[s] for s in cited if s in sources]
            if found and all(s.read_at for s in found):
                mark = node.start_mark
                message = f"warning: {where}: every source was read in a copy (read_at); read the primary page"
                self.warnings.append(Problem(self.filename, mark.line + 1, mark.column + 1, message))

    def _check_refs(self, refs: list[tuple[str, Node]], known: Mapping[str, object], noun: str, section: str) -> None:
        for ref, node in refs:
            if ref not in known:
                self.report(node, f"unknown {noun} '{ref}'{did_you_mean(ref, known)}; add it under '{section}'")

    def _check_conditions(self, conditions: dict[str, m.Condition]) -> None:
        self._check_refs(self._condition_refs, conditions, "condition", "conditions")
        for condition in conditions.values():
            seen = [condition.id]
            parent = condition.parent
            while parent in conditions and parent not in seen:
                seen.append(parent)
                parent = conditions[parent].parent
            if parent in seen:
                self.report(None, f"condition '{condition.id}': its parents form a loop ({' > '.join(seen)})")

    def _check_names(self) -> None:
        owner: dict[str, tuple[str, int]] = {}
        ids: dict[str, int] = {}
        for treatment, node in self._checked:
            line = node.start_mark.line + 1
            if treatment.id in ids:
                self.report(node, f"duplicate treatment id '{treatment.id}' (first on line {ids[treatment.id]})")
                continue
            ids[treatment.id] = line
            for name in {m.normalise_name(n) for n in (treatment.id, treatment.name, *treatment.aliases)}:
                if name in owner and owner[name][0] != treatment.id:
                    other, other_line = owner[name]
                    self.report(
                        node,
                        f"{treatment.id}: the name '{name}' is also used by '{other}' (line {other_line}); "
                        "names and aliases must be unique",
                    )
                else:
                    owner[name] = (treatment.id, line)
