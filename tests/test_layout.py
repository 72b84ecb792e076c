"""The package's layers, read from the code's own imports: they run one way, and never in a circle."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
# Bottom to top. A module may import from its own layer and the layers below it, never above.
LAYERS = (
    ("paincompare", "errors", "terminal"),  # the version; errors and the terminal-or-pipe facts
    ("catalogue",),  # reading and checking a catalogue file, the record shape, typed records
    # the pure core: statements, names and filters, conditions and guidelines, the reader's country
    ("findings", "query", "guidance", "region"),
    ("check",),  # reading an article and judging its claims
    ("render",),  # one neutral view per report kind, drawn by every format
    ("output", "coverage", "json_schema"),  # writing output; generated docs
    ("cli", "entry", "__main__"),  # the command line on top
)
LAYER_OF = {part: depth for depth, parts in enumerate(LAYERS) for part in parts}


def modules() -> dict[str, Path]:
    found = {}
    for path in (SRC / "paincompare").rglob("*.py"):
        name = ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
        found[name] = path
    return found


def imports(path: Path, known: dict[str, Path], type_only_too: bool = False) -> set[str]:
    """Every paincompare module a file imports when it runs, at the top or inside a function (lazily);
    imports under `if TYPE_CHECKING:` are for the type checker only and are followed only when asked."""
    edges = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for block in [n for n in ast.walk(tree) if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING"]:
        block.body = block.body if type_only_too else []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("paincompare"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                edges.add(full if full in known else node.module)
        elif isinstance(node, ast.Import):
            edges |= {alias.name for alias in node.names if alias.name.startswith("paincompare")}
    return edges


def part(module: str) -> str:
    """The layer a module belongs to: its package or top-level module below paincompare."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, known) - {name} for name, path in known.items()}


def test_every_module_has_a_layer(graph):
    assert {part(name) for name in graph} <= set(LAYER_OF), "add the new package to LAYERS, and to README's Layout"


def test_imports_never_go_up_a_layer(graph):
    upward = [
        f"{name} -> {target}"
        for name, targets in graph.items()
        for target in targets
        if LAYER_OF[part(target)] > LAYER_OF[part(name)]
    ]
    assert not upward


def circle_in(graph: dict[str, set[str]]) -> list[str]:
    """A circle of imports (its modules, the first repeated at the end), or [] when there is none."""
    state: dict[str, str] = defaultdict(str)

    def visit(name: str, path: list[str]) -> list[str]:
        if state[name] == "done":
            return []
        if state[name] == "open":
            return [*path[path.index(name) :], name]
        state[name] = "open"
        for target in sorted(graph.get(name, ())):
            found = visit(target, [*path, name])
            if found:
                return found
        state[name] = "done"
        return []

    for name in sorted(graph):
        found = visit(name, [])
        if found:
            return found
    return []


def test_the_circle_finder_finds_a_circle_and_passes_a_chain():
    assert circle_in({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert circle_in({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_no_module_imports_itself_round_a_circle(graph):
    assert circle_in(graph) == []


def test_no_circle_even_through_imports_for_the_type_checker_only():
    """A circle of type-only imports is a seam in the wrong place: the shared types belong in a module
    both sides can import (as check/result.py holds what finder, scorecard and worthiness fill in)."""
    known = modules()
    typed = {name: imports(path, known, type_only_too=True) - {name} for name, path in known.items()}
    assert circle_in(typed) == []


def test_loading_a_catalogue_imports_nothing_above_it(graph):
    below = {name for name in graph if part(name) == "catalogue"}
    reached, todo = set(), list(below)
    while todo:
        name = todo.pop()
        for target in graph.get(name, ()):
            if target not in reached:
                reached.add(target)
                todo.append(target)
    assert {part(name) for name in reached} <= {"paincompare", "errors", "terminal", "catalogue"}


# -- sizes a newcomer can read: modules, classes and branching blocks -----------------------------------

MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 200


def test_no_module_is_over_400_lines_and_no_class_over_200():
    too_long = []
    for name, path in sorted(modules().items()):
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        if lines > MAX_MODULE_LINES:
            too_long.append(f"{name}: {lines} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES:
                too_long.append(f"{name}.{node.name}: {node.end_lineno - node.lineno + 1} lines")
    assert not too_long, "split these by what their parts do"


def blocks_ranked_worse_than(text: str, worst_allowed: str) -> list[str]:
    """Every function, method or class whose cyclomatic complexity radon ranks below `worst_allowed`
    (A is 1-5, B 6-10, C 11-20, D 21-30)."""
    from radon.complexity import cc_rank, cc_visit

    return [
        f"{block.fullname} {cc_rank(block.complexity)} ({block.complexity})"
        for block in cc_visit(text)
        if cc_rank(block.complexity) > worst_allowed
    ]


def _branching(count: int) -> str:
    """A function with `count` decisions: complexity count + 1."""
    body = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(count))
    return f"def f(x):\n{body}    return -1\n"


def test_the_complexity_measure_flags_a_c_rated_block_and_passes_a_b_rated_one():
    assert blocks_ranked_worse_than(_branching(10), "B") == ["f C (11)"]
    assert blocks_ranked_worse_than(_branching(9), "B") == []
    assert blocks_ranked_worse_than(_branching(20), "C") == ["f D (21)"]


def test_no_block_in_the_catalogue_reader_is_c_rated():
    """Reading and checking a catalogue file is where a mistake costs most: each block stays simple (A or B)."""
    found = [
        f"{name}: {block}"
        for name, path in sorted(modules().items())
        if part(name) == "catalogue"
        for block in blocks_ranked_worse_than(path.read_text(encoding="utf-8"), "B")
    ]
    assert not found


def test_no_block_anywhere_is_d_rated():
    found = [
        f"{name}: {block}"
        for name, path in sorted(modules().items())
        for block in blocks_ranked_worse_than(path.read_text(encoding="utf-8"), "C")
    ]
    assert not found


def test_every_output_format_has_a_drawing():
    """A format declared in OutputFormat without a module fails mypy (assert_never) and this test."""
    from paincompare.errors import UsageError
    from paincompare.render import OutputFormat, drawing

    for fmt in OutputFormat:
        if fmt is OutputFormat.CLAIMREVIEW:  # drawn from the check report itself, not from a view
            with pytest.raises(UsageError):
                drawing(fmt)
            continue
        assert callable(drawing(fmt)) and drawing(fmt).__module__ == f"paincompare.render.{fmt.value}_format"


# -- the record shape, written once and walked everywhere --------------------------------------------------


def _every_cited_by_brute_force(value) -> set[str]:
    """Source ids anywhere in a record, found without the shape: every `sources` field and every
    stance's guideline, at any depth."""
    found: set[str] = set()
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        for name, item in zip(value._fields, value):
            if name == "sources":
                found |= set(item)
            elif name == "guideline" and isinstance(item, str):
                found.add(item)
            else:
                found |= _every_cited_by_brute_force(item)
    elif isinstance(value, tuple):
        for item in value:
            found |= _every_cited_by_brute_force(item)
    return found


def test_the_shape_walk_finds_every_cited_block():
    """Fails when a block that cites sources is left out of the walk (sources, JSON references)."""
    from conftest import BUNDLED

    from paincompare import catalogue
    from paincompare.catalogue import shape

    for t in catalogue.load(BUNDLED).treatments:
        assert set(shape.cited_sources(t)) == _every_cited_by_brute_force(t), t.id


def test_a_cited_block_added_to_the_shape_is_walked_schemed_and_shown_with_no_other_change(monkeypatch):
    from typing import NamedTuple

    from paincompare import json_schema
    from paincompare.catalogue import convert, shape

    class Box(NamedTuple):
        short: str
        sources: tuple[str, ...]
        note: str | None = None

    class Holder(NamedTuple):
        box: Box
        boxes: tuple[Box, ...]

    box_fields = (
        shape.Field("short", shape.SHORT),
        shape.Field("sources", shape.SOURCES),
        shape.Field("note", shape.PROSE, required=False),
    )
    monkeypatch.setitem(shape.SHAPES, Box, box_fields)
    monkeypatch.setitem(
        shape.SHAPES,
        Holder,
        (shape.Field("box", shape.record(Box)), shape.Field("boxes", shape.items(shape.record(Box)))),
    )
    holder = Holder(Box("One.", ("a",), "It helps."), (Box("Two.", ("b", "a")), Box("Three.", ("c",), "Rarely.")))
    walked = shape.values_of_kind(holder, shape.record(Holder), ("sources",))
    assert [value for _kind, value in walked] == [("a",), ("b", "a"), ("c",)]
    assert [v for _k, v in shape.values_of_kind(holder, shape.record(Holder), ("short",))] == ["One.", "Two.", "Three."]
    assert json_schema._record(Holder)["properties"]["boxes"]["items"] == {"$ref": "#/$defs/box"}
    assert "sources" in json_schema._record(Box)["required"]
    assert convert.to_data(holder, shape.record(Holder))["boxes"][0] == {"short": "Two.", "sources": ["b", "a"]}
    # a prose field is scored for plain language (tests/test_bundled_catalogue.py walks "prose")
    assert [v for _k, v in shape.values_of_kind(holder, shape.record(Holder), ("prose",))] == ["It helps.", "Rarely."]
    assert json_schema._record(Box)["properties"]["note"]["type"] == "string"
