"""CSV (RFC 4180) with one header row; cells a spreadsheet would run as formulas are neutralised."""

from __future__ import annotations

import csv
import io

from paincompare.render import Report, content
from paincompare.terminal import OutputEnv, visible

# OWASP CSV injection: a cell starting with one of these may be run as a formula. A leading
# apostrophe makes the spreadsheet show the text as it is.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe(value: str) -> str:
    value = visible(value.replace("\r\n", "\n")).replace("\r", "\n")
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def render(report: Report, env: OutputEnv) -> str:
    refs = content.References(report.catalogue)
    rows: list[list[str]]
    if report.command == "list":
        header = list(content.LIST_FIELDS)
        rows = [content.list_record(t) for t in report.treatments]
    elif report.command == "sources":
        header = ["number", "id", "kind", "year", "title", "authors", "publisher", "url"]
        rows = [
            [str(n), s.id, s.kind, str(s.year), s.title, s.authors or "", s.publisher or "", s.url]
            for n, s in content.bibliography(report, refs)
        ]
    else:
        header = ["question", *[t.name for t in report.treatments]]
        rows = [
            [question, *["\n".join(lines) for lines in cells]]
            for question, cells in content.grid(report, refs, env.ascii_only)
        ]
    # Notes after the data start with '#', so readers can skip them (pandas: comment="#").
    notes = [[f"# [{n}] {source.citation()}"] for n, source in refs.listing()] if report.command != "sources" else []
    notes += [[f"# {line}"] for line in content.footer(report.catalogue)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if report.headers:
        writer.writerow([safe(h) for h in header])
    writer.writerows([safe(cell) for cell in row] for row in rows + notes)
    return buffer.getvalue()
