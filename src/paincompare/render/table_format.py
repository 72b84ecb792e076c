"""Tables for people: wrapped to the terminal's width, or to a fixed width in pipes and files.

A grid (compare, show) that cannot give each treatment a readable column is stacked by
question, so the answers to one question stay together; other tables stack by row.
"""

from __future__ import annotations

from paincompare.render import boxes
from paincompare.render.views import Table, View
from paincompare.terminal import OutputEnv, visible

FILE_WIDTH = 100  # pipes and files: the same text whatever terminal ran the command


def render(view: View, headers: bool, env: OutputEnv) -> str:
    width = env.width or FILE_WIDTH
    overview = env.is_tty and view.brief is not None  # the overview a screen can take in
    if overview and view.brief is not None:
        body = [*_brief(view.brief, width, env.colour), _FULL_HINT]
    else:
        body = _full(view.table, width, env)
    return "\n".join([*_opening(view, width), "", *body, *_closing(view, width, overview)]) + "\n"


_FULL_HINT = "For every field with its sources: add --wide, or 'paincompare show NAME'."


def _opening(view: View, width: int) -> list[str]:
    """The title and the lead, wrapped."""
    return [line for text in (view.title, *view.lead) for line in boxes.wrap(visible(text), width)]


def _closing(view: View, width: int, overview: bool) -> list[str]:
    """What follows the table: its notes, the references (left to `show` in the overview), the footer."""
    lines = [line for text in view.after for line in ("", *boxes.wrap(visible(text), width))]
    if view.references and not overview:
        lines += ["", "References", *_references(view, width)]
    return [*lines, "", *(line for text in view.footer for line in boxes.wrap(visible(text), width))]


def _references(view: View, width: int) -> list[str]:
    """Each reference under its number, wrapped with its lines indented past the number."""
    return [
        line
        for number, text, _url in view.references
        for line in boxes.wrap(visible(f"[{number}] {text}"), width, rest=" " * (len(str(number)) + 3))
    ]


def _full(table: Table, width: int, env: OutputEnv) -> list[str]:
    header = [visible(h) for h in table.header]
    rows = [[[visible(line) for line in cell] for cell in row] for row in table.rows]
    widths = boxes.column_widths([[[h] for h in header], *rows], width, table.row_labels)
    if widths is None:
        return _stacked(header, rows, width, table.row_labels, env.colour, table.groups)
    return boxes.draw(header, rows, widths, env.ascii_only, env.colour, table.groups)


# The overview in two lines a row: the name and the guidelines, then the finding and the facts
# (and what the sources say for each --flag).
_FIRST_LINE = [0, 2]
_FACT_COLUMNS = 7  # name, finding, guidelines, addiction, onset, invasiveness, cost


def _brief(table: Table, width: int, colour: bool) -> list[str]:
    """One line a treatment where the width allows, else two; a group's label on a line of its own."""
    header = [visible(h) for h in table.header]
    rows = [[visible(" ".join(cell)) for cell in row] for row in table.rows]
    flagged = len(header) > _FACT_COLUMNS  # --flag: what the sources say, on lines of their own, never cut
    facts = len(header) - 1 if flagged else len(header)
    drawn = boxes.brief(
        header[:facts], [row[:facts] for row in rows], width, (_FIRST_LINE, [1, *range(3, facts)]), keep=_FIRST_LINE[1]
    )
    bold = (lambda s: f"{boxes.BOLD}{s}{boxes.RESET}") if colour else (lambda s: s)
    lines = [bold(line) for line in drawn[0]]
    if flagged:
        lines += [bold(line) for line in boxes.wrap(header[-1], width, first="  ", rest="    ")]
    for index, row_lines in enumerate(drawn[1:]):
        if index in table.groups:
            lines += [bold(line) for line in boxes.wrap(visible(table.groups[index]), width)]
        lines += row_lines
        if flagged:
            lines += boxes.wrap(rows[index][-1], width, first="  ", rest="    ")
    return lines


def _stacked(
    header: list[str],
    rows: list[list[list[str]]],
    width: int,
    by_question: bool,
    colour: bool,
    groups: dict[int, str],
) -> list[str]:
    """Too narrow for columns: a grid as question -> each treatment's answer; a list as record -> fields."""
    bold = (lambda s: f"{boxes.BOLD}{s}{boxes.RESET}") if colour else (lambda s: s)
    lines: list[str] = []
    for index, row in enumerate(rows):
        if index in groups:
            lines += [bold(line.upper()) for line in boxes.wrap(visible(groups[index]), width)] + [""]
        title = " ".join(row[0])
        lines += [bold(line) for line in boxes.wrap(title, width, rest="  ")]
        for label, cell in zip(header[1:], row[1:]):
            if by_question:
                lines += boxes.wrap(f"{label}:", width, first="  ", rest="    ")
                lines += [w for line in cell for w in boxes.wrap(line, width, first="    ", rest="      ")]
            else:
                lines += boxes.wrap(f"{label}: {' '.join(cell)}", width, first="  ", rest="    ")
        lines.append("")
    return lines
