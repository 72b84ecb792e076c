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
    widths = _narrowest(table, natural, label_column)
    if sum(widths) > room:
        return None
    growing = [i for i in range(count) if not (label_column and i == 0)]
    return _shared_out(widths, natural, room - sum(widths), growing)


def _narrowest(table: list[list[list[str]]], natural: list[int], label_column: bool) -> list[int]:
    """Each column's least width: its longest word, or MIN_COLUMN where its text is longer (the label
    column up to MAX_LABEL)."""
    longest_word = [
        max((cell_width(w) for row in table for line in row[i] for w in line.split()), default=1)
        for i in range(len(natural))
    ]
    widths = [max(longest, min(MIN_COLUMN, text)) for longest, text in zip(longest_word, natural)]
    if label_column:
        widths[0] = max(longest_word[0], min(natural[0], MAX_LABEL))
    return widths


def _shared_out(widths: list[int], natural: list[int], extra: int, growing: list[int]) -> list[int]:
    """`extra` characters shared equally among the `growing` columns still narrower than their text."""
    while extra > 0:
        needy = [i for i in growing if widths[i] < natural[i]]
        if not needy:
            break
        share = max(1, extra // len(needy))
        for i in needy:
            given = min(share, natural[i] - widths[i], extra)
            widths[i] += given
            extra -= given
    return widths


def draw(
    header: list[str],
    rows: list[list[list[str]]],
    widths: list[int],
    ascii_only: bool = False,
    colour: bool = False,
    groups: dict[int, str] | None = None,
) -> list[str]:
    """The table's lines: cells wrapped to their column, rows separated by a rule; a group's label
    (`groups`: row index -> label) on a line across the table before its first row."""
    top, middle, bottom, bar = _ASCII if ascii_only else _SQUARE
    table = [[[h] for h in header], *rows]
    inner = sum(widths) + 3 * (len(widths) - 1)
    lines = [_rule(top, widths)]
    for index, row in enumerate(table):
        if index:
            lines.append(_rule(middle, widths))
        label = groups.get(index - 1) if index and groups else None
        if label is not None:
            lines += _label_lines(label, inner, bar, colour)
            lines.append(_rule(middle, widths))
        lines += _row_lines(row, widths, bar, colour, header_row=index == 0)
    lines.append(_rule(bottom, widths))
    return lines


def _rule(parts: tuple[str, str, str, str], widths: list[int]) -> str:
    left, fill, joint, right = parts
    return left + joint.join(fill * (w + 2) for w in widths) + right


def _label_lines(label: str, inner: int, bar: str, colour: bool) -> list[str]:
    """A group's label on lines across the whole table."""
    on, off = (BOLD, RESET) if colour else ("", "")
    return [f"{bar} {on}{text}{off}{' ' * (inner - cell_width(text))} {bar}" for text in wrap(label, inner)]


def _row_lines(row: list[list[str]], widths: list[int], bar: str, colour: bool, header_row: bool) -> list[str]:
    """One row's lines, each cell wrapped to its column; in colour the header row and first column are bold."""
    cells = [[part for line in cell for part in wrap(line, w)] for cell, w in zip(row, widths)]
    lines = []
    for n in range(max(len(cell) for cell in cells)):
        parts = [
            f" {_padded(cell[n] if n < len(cell) else '', w, colour and (header_row or column == 0))} "
            for column, (cell, w) in enumerate(zip(cells, widths))
        ]
        lines.append(bar + bar.join(parts) + bar)
    return lines


def _padded(text: str, width: int, bold: bool) -> str:
    padded = f"{text}{' ' * (width - cell_width(text))}"
    return f"{BOLD}{padded}{RESET}" if bold and text else padded


# The overview on a terminal: columns two spaces apart, no rules between rows.
GAP = 2
MIN_BRIEF = 6


def brief(
    header: list[str], rows: list[list[str]], width: int, lines: tuple[list[int], list[int]], keep: int
) -> list[list[str]]:
    """A table of one short value a cell, a row to a line where the width allows; else a row to two
    lines, `lines` naming the columns of each, those after the first of the second line joined with
    " · " into one. Column `keep` gives way last. Returns each row's lines, the header's first. A
    value longer than its column is cut at a word with "…"; the full row is a command away."""
    table = [header, *rows]
    one_line = _fit(table, width, keep)
    if one_line is not None:
        return [[_line(row, one_line)] for row in table]
    first, second = lines
    on_two = [
        [[row[first[0]], row[first[1]]], [row[second[0]], " · ".join(row[i] for i in second[1:])]] for row in table
    ]
    widths = _fit([[f"{' ' * GAP}{a}", b] for row in on_two for a, b in row], width, 1) or [width // 2] * 2
    return [[_line(row[0], widths), _line(row[1], [widths[0] - GAP, widths[1]], indent=GAP)] for row in on_two]


def _fit(rows: list[list[str]], width: int, keep: int) -> list[int] | None:
    """Widths balanced to content that fit `width`: the widest column gives way first, column
    `keep` only when no other can; None when a column would have to be narrower than MIN_BRIEF."""
    widths = [max(cell_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    room = width - GAP * (len(widths) - 1)
    while sum(widths) > room:
        others = [i for i in range(len(widths)) if i != keep and widths[i] > MIN_BRIEF * 3]
        widest = max(others or [keep], key=lambda i: widths[i])
        if widths[widest] <= MIN_BRIEF * 3:
            return None
        widths[widest] -= 1
    return widths


def _line(cells: list[str], widths: list[int], indent: int = 0) -> str:
    parts = []
    for text, w in zip(cells, widths):
        short = _shorten(text, w)
        parts.append(short + " " * (w - cell_width(short)))
    return " " * indent + (" " * GAP).join(parts).rstrip()


def _shorten(text: str, width: int) -> str:
    """The text, or as many of its words as fit with "…" after them."""
    if cell_width(text) <= width:
        return text
    cut = ""
    for word in text.split():
        if cell_width(f"{cut} {word}".strip()) + 1 > width:
            break
        cut = f"{cut} {word}".strip()
    return (cut or text[: width - 1]) + "…"
