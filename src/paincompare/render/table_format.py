"""Rich tables: fitted to a terminal, at natural width in a pipe; data only ever as plain Text."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from paincompare.render import Report, content
from paincompare.terminal import OutputEnv, visible

# A width no table reaches, so that a pipe gets the table at its natural width.
_UNLIMITED = 1_000_000
_LEVEL_STYLES = {"high": "bold red", "moderate": "yellow", "contradicted": "bold red",
                 "do-not-offer": "red", "recommended": "green"}


def render(report: Report, env: OutputEnv) -> str:
    console = Console(
        file=io.StringIO(), width=env.width or _UNLIMITED, force_terminal=env.colour,
        color_system="standard" if env.colour else None, no_color=not env.colour,
        highlight=False, emoji=False, markup=False, legacy_windows=False, soft_wrap=False,
    )
    refs = content.References(report.catalogue)
    if _too_narrow(report, env):
        _print_stacked(console, report, refs, env)
    else:
        console.print(_BUILDERS[report.command](report, refs, env))
    if refs.numbers and report.command != "sources":  # for `sources` the table is the bibliography
        console.print()
        _print_references(console, refs)
    console.print()
    for line in content.footer(report.catalogue):
        console.print(_text(line, env, style="dim"))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in text.split("\n"))  # Rich pads lines to the width


def _text(value: str, env: OutputEnv, style: str = "") -> Text:
    return Text(visible(value), style=style if env.colour else "")


def _table(env: OutputEnv, title: str | None = None) -> Table:
    return Table(title=title, box=box.ASCII if env.ascii_only else box.SQUARE, show_lines=True,
                 highlight=False, expand=False, title_justify="left")


def _styled(value: str, word: str, env: OutputEnv) -> Text:
    return _text(value, env, style=_LEVEL_STYLES.get(word, ""))


def _list_table(report: Report, refs: content.References, env: OutputEnv) -> Table:
    table = _table(env)
    for column in content.LIST_COLUMNS:
        table.add_column(column, overflow="fold")
    for t in report.treatments:
        cells = content.list_row(t, env.ascii_only)
        styled = [_text(c, env) for c in cells]
        styled[2] = _styled(cells[2], t.addiction_risk.level, env)
        table.add_row(*styled)
    return table


def _grid(report: Report, refs: content.References, env: OutputEnv) -> Table:
    table = _table(env)
    table.add_column("Question", style="bold" if env.colour else "", overflow="fold")
    for t in report.treatments:
        table.add_column(_text(t.name, env), overflow="fold")
    for question, cells in content.grid(report, refs, env.ascii_only):
        table.add_row(_text(question, env), *[_text("\n".join(lines), env) for lines in cells])
    return table


def _sources_table(report: Report, refs: content.References, env: OutputEnv) -> Table:
    """For `sources`: the bibliography itself is the table, so number every entry listed."""
    table = _table(env)
    for column in ("#", "Id", "Kind", "Year", "Citation"):
        table.add_column(column, overflow="fold")
    for number, source in content.bibliography(report, refs):
        who = source.authors or source.publisher or ""
        table.add_row(str(number), _text(source.id, env), source.kind, str(source.year),
                      _text(f"{who}. {source.title}. {source.url}", env))
    return table


# Below this many characters per column a side-by-side table stops being readable, so each
# treatment (or source) is printed as its own block of labelled lines instead.
_MIN_COLUMN_WIDTH = 16


def _too_narrow(report: Report, env: OutputEnv) -> bool:
    columns = {"list": len(content.LIST_COLUMNS), "sources": 3}.get(report.command, 1 + len(report.treatments))
    return env.width is not None and env.width < columns * _MIN_COLUMN_WIDTH


def _print_stacked(console: Console, report: Report, refs: content.References, env: OutputEnv) -> None:
    if report.command == "list":
        blocks = [(t.name, list(zip(content.LIST_COLUMNS[1:], content.list_row(t, env.ascii_only)[1:])))
                  for t in report.treatments]
    elif report.command == "sources":
        blocks = [(f"[{n}] {s.id}", [("Citation", s.citation())]) for n, s in content.bibliography(report, refs)]
    else:
        grid = content.grid(report, refs, env.ascii_only)
        blocks = [(t.name, [(question, "\n".join(cells[i])) for question, cells in grid])
                  for i, t in enumerate(report.treatments)]
    answers_below = report.command in ("compare", "show")  # long answers read better under their question
    for title, fields in blocks:
        console.print(_text(title, env, style="bold"))
        for label, value in fields:
            if answers_below:
                console.print(Padding(_text(label, env, style="underline"), (0, 0, 0, 2)))
                console.print(Padding(_text(value, env), (0, 0, 0, 4)))
            else:
                console.print(Padding(Text.assemble(_text(f"{label}: ", env, style="bold"), _text(value, env)), (0, 0, 0, 2)))
        console.print()


def _print_references(console: Console, refs: content.References) -> None:
    console.print(Text("References"))
    for number, source in refs.listing():
        console.print(Text(visible(f"[{number}] {source.citation()}")))


_BUILDERS = {"list": _list_table, "compare": _grid, "show": _grid, "sources": _sources_table}
