"""Tables for people: fitted and coloured by Rich on a terminal, box-drawn at natural width elsewhere."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from paincompare.render import Report, boxes, content
from paincompare.terminal import OutputEnv, visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

# A width no table reaches, for colour in a pipe (FORCE_COLOR) at natural width.
_UNLIMITED = 1_000_000
_LEVEL_STYLES = {"high": "bold red", "moderate": "yellow"}


def render(report: Report, env: OutputEnv) -> str:
    refs = content.References(report.catalogue)
    if env.width is None and not env.colour:
        return _natural(report, refs, env)
    return _fitted(report, refs, env)


def _closing_lines(report: Report, refs: content.References) -> list[str]:
    lines = []
    if refs.numbers and report.command != "sources":  # for `sources` the table is the bibliography
        lines += ["", "References", *[f"[{n}] {source.citation()}" for n, source in refs.listing()]]
    return [*lines, "", *content.footer(report.catalogue)]


def _natural(report: Report, refs: content.References, env: OutputEnv) -> str:
    header, rows = content.layout(report, refs, env.ascii_only)
    clean = [[[visible(line) for line in cell] for cell in row] for row in rows]
    lines = boxes.draw([visible(h) for h in header], clean, env.ascii_only) + _closing_lines(report, refs)
    return "\n".join(visible(line) for line in lines) + "\n"


def _fitted(report: Report, refs: content.References, env: OutputEnv) -> str:
    from rich.console import Console  # Rich only when a terminal (or colour) asks for it

    console = Console(
        file=io.StringIO(),
        width=env.width or _UNLIMITED,
        force_terminal=env.colour,
        color_system="standard" if env.colour else None,
        no_color=not env.colour,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        soft_wrap=False,
    )
    if _too_narrow(report, env):
        _print_stacked(console, report, refs, env)
    else:
        console.print(_rich_table(report, refs, env))
    for line in _closing_lines(report, refs):
        console.print(_text(line, env, style="dim" if line else ""))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in text.split("\n"))  # Rich pads lines to the width


def _text(value: str, env: OutputEnv, style: str = "") -> Text:
    from rich.text import Text

    return Text(visible(value), style=style if env.colour else "")


def _rich_table(report: Report, refs: content.References, env: OutputEnv) -> Table:
    from rich import box
    from rich.table import Table

    header, rows = content.layout(report, refs, env.ascii_only)
    table = Table(box=box.ASCII if env.ascii_only else box.SQUARE, show_lines=True, highlight=False, expand=False)
    for column in header:
        table.add_column(_text(column, env), overflow="fold")
    for index, row in enumerate(rows):
        cells = [_text("\n".join(cell), env) for cell in row]
        if env.colour and report.command == "list":  # the level's word stays; colour only adds to it
            cells[2].stylize(_LEVEL_STYLES.get(report.treatments[index].addiction_risk.level, ""))
        elif env.colour and report.command in ("compare", "show"):
            cells[0].stylize("bold")
        table.add_row(*cells)
    return table


# Below this many characters per column a side-by-side table stops being readable, so each
# treatment (or source) is printed as its own block of labelled lines instead.
_MIN_COLUMN_WIDTH = 16


def _too_narrow(report: Report, env: OutputEnv) -> bool:
    columns = {"list": len(content.LIST_COLUMNS), "sources": 3}.get(report.command, 1 + len(report.treatments))
    return env.width is not None and env.width < columns * _MIN_COLUMN_WIDTH


def _print_stacked(console: Console, report: Report, refs: content.References, env: OutputEnv) -> None:
    from rich.padding import Padding
    from rich.text import Text

    if report.command == "list":
        blocks = [
            (t.name, list(zip(content.LIST_COLUMNS[1:], content.list_row(t, env.ascii_only)[1:])))
            for t in report.treatments
        ]
    elif report.command == "sources":
        blocks = [(f"[{n}] {s.id}", [("Citation", s.citation())]) for n, s in content.bibliography(report, refs)]
    else:
        grid = content.grid(report, refs, env.ascii_only)
        blocks = [
            (t.name, [(question, "\n".join(cells[i])) for question, cells in grid])
            for i, t in enumerate(report.treatments)
        ]
    answers_below = report.command in ("compare", "show")  # long answers read better under their question
    for title, fields in blocks:
        console.print(_text(title, env, style="bold"))
        for label, value in fields:
            if answers_below:
                console.print(Padding(_text(label, env, style="underline"), (0, 0, 0, 2)))
                console.print(Padding(_text(value, env), (0, 0, 0, 4)))
            else:
                console.print(
                    Padding(Text.assemble(_text(f"{label}: ", env, style="bold"), _text(value, env)), (0, 0, 0, 2))
                )
        console.print()
