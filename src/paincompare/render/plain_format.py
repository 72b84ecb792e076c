"""Plain text for grep, awk and cut: one record per line, tab-separated, notes as '#' lines."""

from __future__ import annotations

from paincompare.render.views import View
from paincompare.terminal import OutputEnv, visible


def field(text: str) -> str:
    """One field: never a tab or line break inside it, never a control character."""
    return visible(" | ".join(text.replace("\t", " ").splitlines()))


def render(view: View, headers: bool, env: OutputEnv) -> str:
    header, records = view.records
    out = ["\t".join(header)] if headers else []
    out += ["\t".join(field(value) for value in record) for record in records]
    out += [field(f"# {line}") for line in view.after]
    out += [field(f"# [{r.number}] {r.text}") for r in view.references]
    out += [field(f"# {line}") for line in view.footer]
    return "\n".join(out) + "\n"
