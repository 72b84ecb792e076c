"""The base of the catalogue reader: where problems are recorded with their FILE:LINE, YAML aliases
refused, and lists and mappings of fields checked against a spec."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from paincompare.errors import Problem

TAG = "tag:yaml.org,2002:"
STR, INT, NULL, TIMESTAMP = TAG + "str", TAG + "int", TAG + "null", TAG + "timestamp"
FLOAT = TAG + "float"
TAG_WORDS = {
    TAG + "bool": "a yes/no value",
    INT: "a whole number",
    TAG + "float": "a number",
    NULL: "nothing (null)",
    TIMESTAMP: "a date",
}

# Sentinel for a value that failed its check; the problem is already recorded.
INVALID: Any = object()


class NodeReader:
    """Records every problem with its place; refuses aliases; checks lists and mappings of fields."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self._visited: set[int] = set()

    def report(self, node: Node | None, message: str) -> None:
        if node is None:
            self.problems.append(Problem(self.filename, 0, 0, message))
            return
        mark = node.start_mark
        self.problems.append(Problem(self.filename, mark.line + 1, mark.column + 1, message))

    def _fresh(self, node: Node, where: str, at: Node | None = None) -> bool:
        """False (and a problem, reported at `at`) when a node is reached twice: a YAML alias."""
        if id(node) in self._visited:
            self.report(at or node, f"{where}: anchors and aliases (&name, *name) are not allowed; write the value out")
            return False
        self._visited.add(id(node))
        return True

    # -- scalars ---------------------------------------------------------------------------

    def items(self, node: Node, where: str, item: Callable[[Node, str], Any], non_empty: bool) -> Any:
        if not isinstance(node, SequenceNode):
            self.report(node, f"{where}: expected a list")
            return INVALID
        if non_empty and not node.value:
            self.report(node, f"{where}: must list at least one item")
            return INVALID
        values = []
        for index, child in enumerate(node.value):
            child_where = f"{where}[{index}]"
            values.append(item(child, child_where) if self._fresh(child, child_where) else INVALID)
        return INVALID if INVALID in values else tuple(values)

    def fields(self, node: Node, where: str, spec: dict[str, tuple[Callable[[Node, str], Any], bool]]) -> Any:
        """Checks a mapping against a spec of name -> (check, required); returns name -> value."""
        if not isinstance(node, MappingNode):
            self.report(node, f"{where}: expected a mapping of fields ({', '.join(spec)})")
            return INVALID
        values: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        ok = True
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self.report(key_node, f"{where}: a field name must be plain text")
                ok = False
                continue
            if key in key_lines:
                self.report(key_node, f"{where}: duplicate field '{key}' (first on line {key_lines[key]})")
                ok = False
                continue
            key_lines[key] = key_node.start_mark.line + 1
            if key not in spec:
                self.report(key_node, f"{where}: unknown field '{key}'{did_you_mean(key, spec)}")
                ok = False
                continue
            field_where = f"{where}.{key}" if where else key
            if not self._fresh(value_node, field_where, at=key_node):
                ok = False
                continue
            check, required = spec[key]
            if not required and isinstance(value_node, ScalarNode) and value_node.tag == NULL:
                values[key] = None  # an optional field written as null is the same as one left out
                continue
            values[key] = check(value_node, field_where)
            ok = ok and values[key] is not INVALID
        for name, (_check, required) in spec.items():
            if required and name not in key_lines:
                self.report(node, f"{where or 'catalogue file'}: missing required field '{name}'")
                ok = False
            values.setdefault(name, None)
        return values if ok else INVALID


def did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
