"""One self-contained, printable HTML page: inline CSS, no scripts, nothing fetched, all text escaped.

A grid prints as an Option Grid: questions as rows, options as columns, on the first page of A4
or Letter for up to three options, with a box to write questions and notes on.
"""

from __future__ import annotations

import html

from paincompare.render import ReportKind
from paincompare.render.views import View
from paincompare.terminal import OutputEnv, visible

_CSS = """
:root { color-scheme: light; }
body { font: 11pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       margin: 1.5rem; color: #111; }
h1 { font-size: 1.3rem; margin: 0 0 .4rem; }
h2 { font-size: 1.05rem; margin: 1rem 0 .3rem; break-after: avoid; page-break-after: avoid; }
p.lead { margin: 0 0 .6rem; }
table { border-collapse: collapse; width: 100%; }
table.grid { table-layout: fixed; }
th, td { border: 1px solid #777; padding: .3rem .4rem; vertical-align: top; text-align: left;
         overflow-wrap: break-word; }
thead th { background: #eee; }
tbody th { background: #f6f6f6; }
tr { break-inside: avoid; page-break-inside: avoid; }
td p, th p { margin: 0 0 .25rem; }
.notes { border: 1px solid #777; margin-top: .8rem; padding: .3rem .5rem; min-height: 7rem;
         break-inside: avoid; page-break-inside: avoid; }
.notes h2 { margin-top: 0; }
ol.refs { padding-left: 2.2rem; font-size: .9rem; }
ol.refs li { overflow-wrap: anywhere; }
footer { margin-top: 1rem; font-size: .9rem; border-top: 1px solid #777; padding-top: .5rem; }
@page { margin: 8mm 9mm; }
@media print {
  body { margin: 0; font-size: 10pt; line-height: 1.05; }
  h1 { font-size: 12pt; margin: 0 0 2pt; }
  p.lead { font-size: 10pt; }
  th, td { padding: 1pt 3pt; }
  td p, th p { margin: 0; }

  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  .refs-section { break-before: auto; }
}
"""


_LABEL_PERCENT = 13  # of a grid's width, for the questions


def _e(text: str) -> str:
    return html.escape(visible(text), quote=True)


def _cell(lines: list[str], tag: str = "td", scope: str = "") -> str:
    attribute = f' scope="{scope}"' if scope else ""
    body = "".join(f"<p>{_e(line)}</p>" for line in lines) if len(lines) > 1 else _e("".join(lines))
    return f"<{tag}{attribute}>{body}</{tag}>"


def _table(view: View) -> str:
    table = view.table
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in table.header)
    columns = ""
    if table.row_labels:  # a grid: the question column narrow, the options sharing the rest equally
        share = 100 - _LABEL_PERCENT
        each = share / (len(table.header) - 1)
        columns = (
            f'<colgroup><col style="width:{_LABEL_PERCENT}%">'
            + "".join(f'<col style="width:{each:.2f}%">' for _ in table.header[1:])
            + "</colgroup>"
        )
    body = []
    for row in table.rows:
        first = _cell(row[0], "th", "row") if table.row_labels else _cell(row[0])
        body.append("<tr>" + first + "".join(_cell(c) for c in row[1:]) + "</tr>")
    layout = ' class="grid"' if table.row_labels else ""
    return (
        f"<table{layout}>{columns}\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(body)
        + "\n</tbody>\n</table>"
    )


def render(view: View, headers: bool, env: OutputEnv) -> str:
    lead = "".join(f'<p class="lead">{_e(line)}</p>' for line in view.lead)
    notes = ""
    if view.kind in (ReportKind.COMPARE, ReportKind.SHOW):
        notes = '<section class="notes"><h2>Questions to ask and notes</h2></section>\n'
    references = ""
    if view.references:
        items = "\n".join(
            f'<li value="{r.number}">{_e(r.text).replace(_e(r.url), _link(r.url))}</li>' for r in view.references
        )
        references = f'<section class="refs-section"><h2>References</h2>\n<ol class="refs">\n{items}\n</ol></section>'
    footer = "".join(f"<p>{_e(line)}</p>" for line in view.footer)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(view.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{_e(view.title)}</h1>\n{lead}\n{_table(view)}\n{notes}{references}\n"
        f"<footer>{footer}</footer>\n</body>\n</html>\n"
    )


def _link(url: str) -> str:
    return f'<a href="{_e(url)}">{_e(url)}</a>'
