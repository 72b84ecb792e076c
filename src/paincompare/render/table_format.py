"""Tables for people: wrapped to the terminal's width, or to a fixed width in pipes and files.

A grid (compare, show) that cannot give each treatment a readable column is stacked by
question, so the answers to one question stay together; other tables stack by row.
"""

from __future__ import annotations

from paincompare.render import boxes
from paincompare.render.views import View
from paincompare.terminal import OutputEnv, visible

FILE_WIDTH = 100  # pipes and files: the same text whatever terminal ran the command


def render(view: View, headers: bool, env: OutputEnv) -> str:
    width = env.width or FILE_WIDTH
    table = view.table
    header = [visible(h) for h in table.header]
    rows = [[[visible(line) for line in cell] for cell in row] for row in table.rows]
    lines = [
        *boxes.wrap(visible(view.title), width),
        *[w for line in view.lead for w in boxes.wrap(visible(line), width)],
        "",
    ]
    widths = boxes.column_widths([[[h] for h in header], *rows], width, table.row_labels)
    if widths is None:
        lines += _stacked(header, rows, width, table.row_labels, env.colour)
    else:
        lines += boxes.draw(header, rows, widths, env.ascii_only, env.colour)
    if view.references:
        lines += ["", "References"]
        for number, text, _url in view.references:
            lines += boxes.wrap(visible(f"[{number}] {text}"), width, rest=" " * (len(str(number)) + 3))
    lines.append("")
    for line in view.footer:
        lines += boxes.wrap(visible(line), width)
    return "\n".join(lines) + "\n"


def _stacked(header: list[str], rows: list[list[list[str]]], width: int, by_question: bool, colour: bool) -> list[str]:
    """Too narrow for columns: a grid as question -> each treatment's answer; a list as record -> fields."""
    bold = (lambda s: f"{boxes.BOLD}{s}{boxes.RESET}") if colour else (lambda s: s)
    lines: list[str] = []
    for row in rows:
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
