"""Plain text for grep, awk and cut: one record per line, tab-separated, notes as '#' lines."""

from __future__ import annotations

from paincompare.render import Report, content
from paincompare.terminal import OutputEnv, visible


def field(text: str) -> str:
    """One field: never a tab or line break inside it, never a control character."""
    return visible(" | ".join(text.replace("\t", " ").splitlines()))


def render(report: Report, env: OutputEnv) -> str:
    refs = content.References(report.catalogue)
    lines: list[list[str]] = []
    if report.command == "list":
        header = list(content.LIST_FIELDS)
        lines = [content.list_record(t) for t in report.treatments]
    elif report.command == "sources":
        header = ["number", "id", "kind", "year", "citation"]
        lines = [[str(n), s.id, s.kind, str(s.year), s.citation()] for n, s in content.bibliography(report, refs)]
    else:
        header = ["treatment", "question", "answer"]
        for question, cells in content.grid(report, refs, env.ascii_only):
            lines += [[t.id, question, " | ".join(cell)] for t, cell in zip(report.treatments, cells)]
    out = ["\t".join(header)] if report.headers else []
    out += ["\t".join(field(value) for value in line) for line in lines]
    if report.command in ("compare", "show"):
        out += [field(f"# [{n}] {source.citation()}") for n, source in refs.listing()]
    out += [field(f"# {line}") for line in content.footer(report.catalogue)]
    return "\n".join(out) + "\n"
