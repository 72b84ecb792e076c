"""One self-contained, printable HTML page: inline CSS, no scripts, nothing fetched, all text escaped."""

from __future__ import annotations

import html

from paincompare.models import Source
from paincompare.render import Report, content
from paincompare.terminal import OutputEnv, visible

_CSS = """
:root { color-scheme: light; }
body { font: 11pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       margin: 1.5rem; color: #111; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
p.lead { margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #777; padding: .35rem .45rem; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
thead th { background: #eee; }
tbody th { background: #f6f6f6; width: 11rem; }
td p, th p { margin: 0 0 .3rem; }
ol.refs { padding-left: 2.2rem; font-size: .9rem; overflow-wrap: anywhere; }
footer { margin-top: 1rem; font-size: .9rem; border-top: 1px solid #777; padding-top: .5rem; }
@page { margin: 12mm; }
@media print {
  body { margin: 0; font-size: 8.5pt; }
  tbody th { width: 8rem; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
"""

_TITLES = {
    "list": "Chronic pain treatments",
    "compare": "Comparison of chronic pain treatments",
    "show": "Chronic pain treatment",
    "sources": "Sources",
}


def _e(text: str) -> str:
    return html.escape(visible(text), quote=True)


def _cell(lines: list[str], tag: str = "td", scope: str = "") -> str:
    attribute = f' scope="{scope}"' if scope else ""
    body = "".join(f"<p>{_e(line)}</p>" for line in lines) if len(lines) > 1 else _e("".join(lines))
    return f"<{tag}{attribute}>{body}</{tag}>"


def _table(header: list[str], rows: list[list[list[str]]], row_headers: bool) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in header)
    body = []
    for row in rows:
        first = _cell(row[0], "th", "row") if row_headers else _cell(row[0])
        body.append("<tr>" + first + "".join(_cell(c) for c in row[1:]) + "</tr>")
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"


def render(report: Report, env: OutputEnv) -> str:
    refs = content.References(report.catalogue)
    header, rows = content.layout(report, refs)
    table = _table(header, rows, row_headers=report.command in ("compare", "show"))
    title = _TITLES[report.command]
    if report.command in ("compare", "show"):
        title += ": " + ", ".join(t.name for t in report.treatments)
    references = ""
    if refs.numbers and report.command != "sources":
        items = "\n".join(f'<li value="{n}">{_citation(source)}</li>' for n, source in refs.listing())
        references = f'<h2>References</h2>\n<ol class="refs">\n{items}\n</ol>'
    footer = "".join(f"<p>{_e(line)}</p>" for line in content.footer(report.catalogue))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<h1>{_e(title)}</h1>\n<p class="lead">{_e(report.catalogue.info.disclaimer)}</p>\n'
        f"{table}\n{references}\n<footer>{footer}</footer>\n</body>\n</html>\n"
    )


def _citation(source: Source) -> str:
    url = _e(source.url)
    return f'{_e(source.who())}. {_e(source.title)}. {source.year}. <a href="{url}">{url}</a> ({_e(source.kind)})'
