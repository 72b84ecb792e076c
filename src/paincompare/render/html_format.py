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
/* A phone's width: each question, then each option's answer under its name, so no word is split. */
@media (max-width: 40rem) {
  table.grid, table.grid tbody, table.grid tr, table.grid th, table.grid td { display: block; width: auto; }
  table.grid thead { display: none; }
  table.grid tr { margin-bottom: .5rem; }
  table.grid td::before { content: attr(data-label); display: block; font-weight: bold; }
}
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


def _cell(lines: list[str], tag: str = "td", scope: str = "", label: str = "") -> str:
    attribute = f' scope="{scope}"' if scope else ""
    attribute += f' data-label="{_e(label)}"' if label else ""
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
        labels = table.header[1:] if table.row_labels else [""] * (len(row) - 1)
        body.append("<tr>" + first + "".join(_cell(c, label=h) for c, h in zip(row[1:], labels)) + "</tr>")
    layout = ' class="grid"' if table.row_labels else ""
    return (
        f"<table{layout}>{columns}\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(body)
        + "\n</tbody>\n</table>"
    )


_ARTICLE_CSS = """
.article { max-width: 46rem; }
.article p { margin: 0 0 .6rem; }
.article h2 { margin-top: 1rem; }
mark { padding: 0 .1rem; border-bottom: 2px solid; }
mark .verdict { font-size: .75em; font-weight: bold; text-transform: uppercase; margin-left: .2rem; }
mark.contradicted { background: #fde2e2; border-color: #b00020; }
mark.unproven { background: #ebe3f7; border-color: #5a3d8a; border-bottom-style: dashed; }
mark.partly-supported { background: #fff3cd; border-color: #8a6d00; }
mark.supported { background: #dff3e4; border-color: #1e6b34; }
mark.not-checked { background: none; border-color: #999; border-bottom-style: dotted; }
ol.notes { font-size: .9rem; margin: 0 0 1rem; padding-left: 2.2rem; border-left: 3px solid #ccc; }
ol.notes li { margin-bottom: .25rem; }
"""


def render(view: View, headers: bool, env: OutputEnv) -> str:
    if view.kind is ReportKind.CHECK:
        return _annotated_article(view)
    notes = ""
    if view.kind in (ReportKind.COMPARE, ReportKind.SHOW):
        notes = '<section class="notes"><h2>Questions to ask and notes</h2></section>\n'
    return _page(view, _CSS, f"{_table(view)}\n{notes}")


def _page(view: View, css: str, body: str) -> str:
    """The whole page around a body: title, lead, references, footer; every text escaped."""
    lead = "".join(f'<p class="lead">{_e(line)}</p>' for line in view.lead)
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
        f"<title>{_e(view.title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f"<h1>{_e(view.title)}</h1>\n{lead}\n{body}{references}\n"
        f"<footer>{footer}</footer>\n</body>\n</html>\n"
    )


def _link(url: str) -> str:
    return f'<a href="{_e(url)}">{_e(url)}</a>'


def _annotated_article(view: View) -> str:
    """The article as it reads, each flagged sentence highlighted by its verdict (colour and word)
    and numbered; the notes on a paragraph follow it. The page a fact-checker attaches to a review."""
    notes = {note.number: note for note in view.notes}
    body = []
    for passage in view.passages:
        parts = []
        for text, numbers, verdict in passage.sentences:
            if not numbers:
                parts.append(_e(text))
                continue
            marks = ",".join(str(n) for n in numbers)
            word = verdict.replace("-", " ")
            parts.append(
                f'<mark class="{verdict}">{_e(text)}<span class="verdict">{_e(word)}</span></mark><sup>[{marks}]</sup>'
            )
        tag = "h2" if passage.is_heading else "p"
        body.append(f"<{tag}>{' '.join(parts)}</{tag}>")
        flagged = [n for _t, numbers, _v in passage.sentences for n in numbers]
        if flagged:
            items = "".join(
                f'<li value="{n}"><strong>{_e(notes[n].verdict.replace("-", " "))}</strong>: {_e(notes[n].text)}</li>'
                for n in flagged
            )
            body.append(f'<ol class="notes">{items}</ol>')
    return _page(view, _CSS + _ARTICLE_CSS, '<div class="article">\n' + "\n".join(body) + "\n</div>\n")
