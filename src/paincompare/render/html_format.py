"""One self-contained, printable HTML page: inline CSS, no scripts, nothing fetched, all text escaped.

A grid prints as an Option Grid: questions as rows, options as columns, on the first page of A4
or Letter for up to three options, with a box to write questions and notes on.
"""

from __future__ import annotations

import html
import re

from paincompare.render.report import ReportKind
from paincompare.render.views import Table, View
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
tr.question th { background: #f0f0f0; font-weight: bold; border-bottom: 0; }
tbody.question { break-inside: avoid; page-break-inside: avoid; }
tr.group th { background: #e4e4e4; font-weight: bold; }
p.not-judged { margin: .4rem 0; }
.cite { font-size: .8em; color: #333; }
tr { break-inside: avoid; page-break-inside: avoid; }
td p, th p { margin: 0 0 .25rem; }
.notes { border: 1px solid #777; margin-top: .8rem; padding: .3rem .5rem; min-height: 7rem;
         break-inside: avoid; page-break-inside: avoid; }
.notes p { margin: 0; color: #444; }
.notes h2 { margin-top: 0; }
ol.refs { padding-left: 2.2rem; font-size: .9rem; }
ol.refs li { overflow-wrap: anywhere; }
footer { margin-top: 1rem; font-size: .9rem; border-top: 1px solid #777; padding-top: .5rem; }
/* A phone's width: each question, then each option's answer under its name, so no word is split. */
@media (max-width: 40rem) {
  table.grid, table.grid tbody, table.grid tr, table.grid th, table.grid td { display: block; width: auto; }
  table.grid thead { display: none; }
  table.grid tbody { margin-bottom: .5rem; }
  table.grid td::before { content: attr(data-label); display: block; font-weight: bold; }
}
@page { margin: 5mm 7mm; }
@media print {
  /* Arial's metrics (Liberation Sans and Arimo share them): the page breaks where it was tested. */
  /* 10 pt kept; a hair less spacing lets four options' answers fit page 1 of Letter as well as A4. */
  body { margin: 0; font-size: 10pt; line-height: 0.98; letter-spacing: -0.01em;
         font-family: Arial, "Liberation Sans", Arimo, Helvetica, sans-serif; }
  h1 { font-size: 11pt; margin: 0 0 1pt; }
  p.lead { font-size: 10pt; }
  th, td { padding: 0 2.5pt; }
  tr.question th, thead th { padding: 0 2.5pt; font-size: 9pt; }
  td p, th p { margin: 0; }

  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  /* The grid has page 1 to itself; the notes box is the whole of the next page, then references. */
  .notes { break-before: page; page-break-before: always; min-height: 230mm; }
  .refs-section { break-before: page; page-break-before: always; }
}
"""


def _e(text: str) -> str:
    return html.escape(visible(text), quote=True)


# A line's closing citation numbers, "[3, 5-8]", set smaller so the answers keep the room.
_CITATION = re.compile(r"(\[[0-9][0-9, -]*\])")


def _line(text: str) -> str:
    return _CITATION.sub(r'<span class="cite">\1</span>', _e(text))


def _cell(lines: list[str], tag: str = "td", scope: str = "", label: str = "") -> str:
    attribute = f' scope="{scope}"' if scope else ""
    attribute += f' data-label="{_e(label)}"' if label else ""
    body = "".join(f"<p>{_line(line)}</p>" for line in lines) if len(lines) > 1 else _line("".join(lines))
    return f"<{tag}{attribute}>{body}</{tag}>"


def _table(view: View) -> str:
    table = view.table
    if table.row_labels:
        return _grid(table)
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in table.header)
    body = []
    for index, row in enumerate(table.rows):
        if index in table.groups:  # a sort's group: a heading row spanning the table
            label = _e(table.groups[index])
            body.append(f'<tr class="group"><th scope="rowgroup" colspan="{len(table.header)}">{label}</th></tr>')
        body.append("<tr>" + "".join(_cell(c) for c in row) + "</tr>")
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"


def _grid(table: Table) -> str:
    """An Option Grid: each question on a line across the page, the options' answers side by side
    under it, so the answers get the whole width (four options still print on one page)."""
    options = table.header[1:]
    width = 100 / len(options)
    columns = "<colgroup>" + "".join(f'<col style="width:{width:.2f}%">' for _ in options) + "</colgroup>"
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in options)
    body = []
    for row in table.rows:
        question = f'<th scope="colgroup" colspan="{len(options)}">{_e(" ".join(row[0]))}</th>'
        body.append(
            f'<tbody class="question"><tr class="question">{question}</tr>'
            + "<tr>"
            + "".join(_cell(c, label=h) for c, h in zip(row[1:], options))
            + "</tr></tbody>"
        )
    return f'<table class="grid">{columns}\n<thead><tr>{head}</tr></thead>\n' + "\n".join(body) + "\n</table>"


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
        notes = (
            '<section class="notes"><h2>Questions to ask and notes</h2>'
            "<p>Write down what matters most to you, and what you want to ask.</p></section>\n"
        )
    after = "".join(f'<p class="not-judged">{_e(line)}</p>' for line in view.after)
    return _page(view, _CSS, f"{_table(view)}\n{after}{notes}")


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
