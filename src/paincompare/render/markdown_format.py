"""GitHub-flavoured Markdown: tables whose cells cannot break out, references as a numbered list."""

from __future__ import annotations

import re

from paincompare.render import Report, content
from paincompare.terminal import OutputEnv, visible

# Characters that Markdown would read as syntax: emphasis, code, links, tables, headings, HTML.
_SYNTAX = re.compile(r"([\\`*_\[\]|~])")
# At the start of a line "-", "+", "=", "#" and "1." would begin a list or a heading.
_LINE_START = re.compile(r"^([-+=#]|\d+(?=\.))")


def escape(text: str) -> str:
    """Text as literal Markdown: HTML characters as entities, syntax backslashed, lines as <br>."""
    text = visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    lines = [_LINE_START.sub(_neutralise, _SYNTAX.sub(r"\\\1", line.strip())) for line in text.splitlines()]
    return "<br>".join(lines) or " "


def _neutralise(match: re.Match[str]) -> str:
    marker = match.group(1)
    return marker + "\\" if marker[0].isdigit() else "\\" + marker


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(escape(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
    return lines


def render(report: Report, env: OutputEnv) -> str:
    refs = content.References(report.catalogue)
    header, rows = content.layout(report, refs)
    lines = _table(header, [["\n".join(cell) for cell in row] for row in rows])
    if refs.numbers and report.command != "sources":
        lines += ["", "**References**", ""]
        lines += [f"{n}. {escape(source.citation())}" for n, source in refs.listing()]
    lines.append("")
    lines += [escape(line) + "  " for line in content.footer(report.catalogue)]
    return "\n".join(lines).rstrip() + "\n"
