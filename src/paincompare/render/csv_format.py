"""CSV (RFC 4180) with one header row; cells a spreadsheet would run as formulas are neutralised."""

from __future__ import annotations

import csv
import io

from paincompare.render.views import View
from paincompare.terminal import OutputEnv, visible

# OWASP CSV injection: a cell starting with one of these may be run as a formula. A leading
# apostrophe makes the spreadsheet show the text as it is.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe(value: str) -> str:
    value = visible(value.replace("\r\n", "\n")).replace("\r", "\n")
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def note(text: str) -> str:
    """A note line after the data: '#' first and never quoted, so pandas' comment="#" drops it."""
    return "# " + " ".join(visible(text).split())


def render(view: View, headers: bool, env: OutputEnv) -> str:
    header, records = view.records
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if headers:
        writer.writerow([safe(h) for h in header])
    writer.writerows([safe(cell) for cell in record] for record in records)
    notes = [note(line) for line in view.after]
    notes += [note(f"[{r.number}] {r.text}") for r in view.references] + [note(line) for line in view.footer]
    return buffer.getvalue() + "".join(line + "\r\n" for line in notes)
