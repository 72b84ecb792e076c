"""Box-drawn tables wrapped to a width, in plain Python: no cell is ever cut, only wrapped.

Used for terminals and for pipes and files alike (at a fixed width there), so a table drawn
once looks the same everywhere. Rich is not needed for this, and not importing it keeps start-up
quick on every path.
"""

from __future__ import annotations

import textwrap
import unicodedata

# top, header/row separator, bottom: (left, fill, joint, right); and the vertical bar
_SQUARE = (("┌", "─", "┬", "┐"), ("├", "─", "┼", "┤"), ("└", "─", "┴", "┘"), "│")
_ASCII = (("+", "-", "+", "+"), ("|", "-", "+", "|"), ("+", "-", "+", "+"), "|")
BOLD, RESET = "\x1b[1m", "\x1b[0m"

# Narrower than this, a column stops being readable, and the table is stacked instead.
MIN_COLUMN = 14
# A grid's question column never takes more than this.
MAX_LABEL = 20


def cell_width(text: str) -> int:
    """Columns a string takes on a terminal: wide East Asian characters two, combining marks none."""
    if text.isascii():  # almost every line: one column a character
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """A line wrapped at word breaks to `width`, its first line indented by `first`, the others by
    `rest`; a word longer than the width (an address) is split."""
    if cell_width(first + text) <= width:
        return [first + text]
    return textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False) or [
        first
    ]


def column_widths(table: list[list[list[str]]], width: int, label_column: bool) -> list[int] | None:
    """Widths that fit the table in `width` characters, or None when some column would be too narrow.

    Each column gets at least its longest word (and, if it holds longer text, MIN_COLUMN); what
    is left is shared out equally among the columns that could still use it.
    """
    count = len(table[0])
    natural = [max(cell_width(line) for row in table for line in row[i] or [""]) for i in range(count)]
    room = width - (3 * count + 1)  # borders and padding
    if sum(natural) <= room:
        return natural
    longest_word = [
        max((cell_width(w) for row in table for line in row[i] for w in line.split()), default=1) for i in range(count)
    ]
    widths = [max(longest_word[i], min(MIN_COLUMN, natural[i])) for i in range(count)]
    if label_column:
        widths[0] = max(longest_word[0], min(natural[0], MAX_LABEL))
    if sum(widths) > room:
        return None
    extra = room - sum(widths)
    while extra > 0:
        needy = [i for i in range(count) if widths[i] < natural[i] and not (label_column and i == 0)]
        if not needy:
            break
        share = max(1, extra // len(needy))
        for i in needy:
            given = min(share, natural[i] - widths[i], extra)
            widths[i] += given
            extra -= given
    return widths


def draw(
    header: list[str], rows: list[list[list[str]]], widths: list[int], ascii_only: bool = False, colour: bool = False
) -> list[str]:
    """The table's lines: cells wrapped to their column, rows separated by a rule."""
    top, middle, bottom, bar = _ASCII if ascii_only else _SQUARE
    table = [[[h] for h in header], *rows]

    def rule(parts: tuple[str, str, str, str]) -> str:
        left, fill, joint, right = parts
        return left + joint.join(fill * (w + 2) for w in widths) + right

    lines = [rule(top)]
    for index, row in enumerate(table):
        if index:
            lines.append(rule(middle))
        cells = [[part for line in cell for part in wrap(line, w)] for cell, w in zip(row, widths)]
        for n in range(max(len(cell) for cell in cells)):
            parts = []
            for column, (cell, w) in enumerate(zip(cells, widths)):
                text = cell[n] if n < len(cell) else ""
                padded = f"{text}{' ' * (w - cell_width(text))}"
                if colour and (index == 0 or column == 0) and text:
                    padded = f"{BOLD}{padded}{RESET}"
                parts.append(f" {padded} ")
            lines.append(bar + bar.join(parts) + bar)
    lines.append(rule(bottom))
    return lines
