"""The base of the catalogue reader: where problems are recorded with their FILE:LINE, YAML aliases
refused, and lists and mappings of fields checked against a spec."""

from __future__ import annotations

import difflib
import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Final, TypeAlias, TypeVar

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


class Invalid(enum.Enum):
    """A value that failed its check; its problem is already recorded. An enum member, so that
    `value is INVALID` narrows `Checked[T]` to `T` for the type checker."""

    INVALID = "invalid"


INVALID: Final = Invalid.INVALID
T = TypeVar("T")
# What a check returns: the value read, of the type its kind promises, or INVALID.
Checked: TypeAlias = T | Invalid
# A check for a kind the shape chooses at run time (a record, a field of any kind).
Check: TypeAlias = Callable[[Node, str], object]
# A mapping's fields: name -> (its check, whether it is required).
Spec: TypeAlias = Mapping[str, tuple[Check, bool]]


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

    # -- lists and mappings ------------------------------------------------------------------

    def items(
        self, node: Node, where: str, item: Callable[[Node, str], Checked[T]], non_empty: bool
    ) -> Checked[tuple[T, ...]]:
        if not isinstance(node, SequenceNode):
            self.report(node, f"{where}: expected a list")
            return INVALID
        if non_empty and not node.value:
            self.report(node, f"{where}: must list at least one item")
            return INVALID
        values: list[T] = []
        for index, child in enumerate(node.value):
            child_where = f"{where}[{index}]"
            value = item(child, child_where) if self._fresh(child, child_where) else INVALID
            if not isinstance(value, Invalid):
                values.append(value)
        return INVALID if len(values) < len(node.value) else tuple(values)

    def fields(self, node: Node, where: str, spec: Spec) -> Checked[dict[str, object]]:
        """Checks a mapping against a spec of name -> (check, required); returns name -> value."""
        if not isinstance(node, MappingNode):
            self.report(node, f"{where}: expected a mapping of fields ({', '.join(spec)})")
            return INVALID
        values: dict[str, object] = {}
        key_lines: dict[str, int] = {}
        ok = True
        for key_node, value_node in node.value:
            key = self._field_name(key_node, where, spec, key_lines)
            if key is None:
                ok = False
                continue
            values[key] = self._field_value(value_node, key_node, f"{where}.{key}" if where else key, spec[key])
            ok = ok and values[key] is not INVALID
        ok = self._all_required(node, where, spec, key_lines) and ok
        for name in spec:
            values.setdefault(name, None)
        return values if ok else INVALID

    def _field_name(self, key_node: Node, where: str, spec: Spec, key_lines: dict[str, int]) -> str | None:
        """The field's name, or None (and the problem reported) for a non-text, repeated or unknown name."""
        key = key_node.value if isinstance(key_node, ScalarNode) else None
        if not isinstance(key, str):
            self.report(key_node, f"{where}: a field name must be plain text")
        elif key in key_lines:
            self.report(key_node, f"{where}: duplicate field '{key}' (first on line {key_lines[key]})")
        elif key not in spec:
            key_lines[key] = key_node.start_mark.line + 1
            self.report(key_node, f"{where}: unknown field '{key}'{did_you_mean(key, spec)}")
        else:
            key_lines[key] = key_node.start_mark.line + 1
            return key
        return None

    def _field_value(self, value_node: Node, key_node: Node, where: str, checked_as: tuple[Check, bool]) -> object:
        check, required = checked_as
        if not self._fresh(value_node, where, at=key_node):
            return INVALID
        if not required and isinstance(value_node, ScalarNode) and value_node.tag == NULL:
            return None  # an optional field written as null is the same as one left out
        return check(value_node, where)

    def _all_required(self, node: Node, where: str, spec: Spec, key_lines: dict[str, int]) -> bool:
        missing = [name for name, (_check, required) in spec.items() if required and name not in key_lines]
        for name in missing:
            self.report(node, f"{where or 'catalogue file'}: missing required field '{name}'")
        return not missing


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
