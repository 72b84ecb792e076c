"""Box-drawn tables at their natural width, in plain Python: the table format's pipe and file path.

A table that is not fitted to a terminal needs none of Rich's wrapping or colour, so this draws
the same boxes as Rich's SQUARE style (or ASCII) without importing Rich at all.
"""

from __future__ import annotations

import unicodedata

# top, header/row separator, bottom: (left, fill, joint, right); and the vertical bar
_SQUARE = (("┌", "─", "┬", "┐"), ("├", "─", "┼", "┤"), ("└", "─", "┴", "┘"), "│")
_ASCII = (("+", "-", "+", "+"), ("|", "-", "+", "|"), ("+", "-", "+", "+"), "|")


def cell_width(text: str) -> int:
    """Columns a string takes on a terminal: wide East Asian characters two, combining marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


def draw(header: list[str], rows: list[list[list[str]]], ascii_only: bool = False) -> list[str]:
    """The table's lines: every cell a list of lines, every row separated by a rule."""
    top, middle, bottom, bar = _ASCII if ascii_only else _SQUARE
    table = [[[h] for h in header], *rows]
    widths = [max(cell_width(line) for row in table for line in row[i] or [""]) for i in range(len(header))]

    def rule(parts: tuple[str, str, str, str]) -> str:
        left, fill, joint, right = parts
        return left + joint.join(fill * (w + 2) for w in widths) + right

    lines = [rule(top)]
    for index, row in enumerate(table):
        if index:
            lines.append(rule(middle))
        height = max(len(cell) for cell in row)
        for n in range(height):
            cells = [cell[n] if n < len(cell) else "" for cell in row]
            padded = [f" {text}{' ' * (width - cell_width(text))} " for text, width in zip(cells, widths)]
            lines.append(bar + bar.join(padded) + bar)
    lines.append(rule(bottom))
    return lines
