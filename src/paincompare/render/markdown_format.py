"""GitHub-flavoured Markdown: tables whose cells cannot break out, references as a numbered list."""

from __future__ import annotations

import re

from paincompare.render.views import View
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


def render(view: View, headers: bool, env: OutputEnv) -> str:
    table = view.table
    lines = [f"## {escape(view.title)}", ""]
    lines += [escape(line) for line in view.lead] + ([""] if view.lead else [])
    lines += ["| " + " | ".join(escape(h) for h in table.header) + " |", "|" + "---|" * len(table.header)]
    for index, row in enumerate(table.rows):
        if index in table.groups:  # a sort's group: a row of its own, in bold, before its members
            lines.append(f"| **{escape(table.groups[index])}** |" + " |" * (len(table.header) - 1))
        lines.append("| " + " | ".join(escape("\n".join(cell)) for cell in row) + " |")
    if view.after:
        lines += [""] + [escape(line) + "  " for line in view.after]
    if view.references:
        lines += ["", "**References**", ""]
        lines += [f"{r.number}. {escape(r.text)}" for r in view.references]
    lines.append("")
    lines += [escape(line) + "  " for line in view.footer]
    return "\n".join(lines).rstrip() + "\n"
