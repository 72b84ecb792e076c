"""Rich tables: fitted to a terminal, at natural width in a pipe; data only ever as plain Text."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
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
    table = _BUILDERS[report.command](report, refs, env)
    console.print(table)
    if refs.numbers and report.command != "sources":  # for `sources` the table is the bibliography
        console.print()
        _print_references(console, refs)
    console.print()
    for line in content.footer(report.catalogue):
        console.print(_text(line, env, style="dim"))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return text if env.width else "\n".join(line.rstrip() for line in text.split("\n"))


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


def _print_references(console: Console, refs: content.References) -> None:
    console.print(Text("References"))
    for number, source in refs.listing():
        console.print(Text(visible(f"[{number}] {source.citation()}")))


_BUILDERS = {"list": _list_table, "compare": _grid, "show": _grid, "sources": _sources_table}
