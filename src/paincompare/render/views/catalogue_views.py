"""The sources report (the bibliography) and the conditions report (the condition tree with counts)."""

from paincompare import guidance
from paincompare.catalogue import models as m
from paincompare.render.report import Report
from paincompare.render.views.parts import TITLES, References, Table, View, bibliography_ids, footer


def sources_view(report: Report) -> View:
    refs = References(report.catalogue)
    refs.mark(bibliography_ids(report))
    listing = refs.listing()
    rows = [[[str(n)], [s.id], [s.kind], [str(s.year)], _source_lines(s, report.detail)] for n, s in listing]
    records = [
        [str(n), s.id, s.kind, str(s.year), s.title, s.authors or "", s.publisher or "", s.url, s.read_at or ""]
        for n, s in listing
    ]
    return View(
        kind=report.kind,
        title=TITLES[report.kind],
        lead=[],
        table=Table(["#", "Id", "Kind", "Year", "Citation"], rows, row_labels=False),
        records=(["number", "id", "kind", "year", "title", "authors", "publisher", "url", "read_at"], records),
        references=[],  # the table is the bibliography
        footer=footer(report),
        data={},
    )


def _source_lines(s: m.Source, detail: bool) -> list[str]:
    """The citation; with --detail, the faithful copy it was read in, never in place of the citation."""
    lines = [f"{s.who()}. {s.title}. {s.url}"]
    if detail and s.read_at:
        lines.append(f"Read in a copy at: {s.read_at}")
    return lines


def conditions_view(report: Report) -> View:
    catalogue = report.catalogue
    rows, records = [], []
    for c in _in_tree_order(catalogue):
        depth = len(guidance.broader(catalogue, c.id)) - 1
        own = guidance.treatments_with_evidence(catalogue, c.id, include_narrower=False)
        total = guidance.treatments_with_evidence(catalogue, c.id, include_narrower=True)
        name = ("  " * (depth - 1) + "└ " if depth else "") + c.name  # the tree, readable without indents too
        rows.append([[name], [c.id], [", ".join(c.synonyms) or "none"], [str(own)], [str(total)]])
        records.append([c.id, c.name, c.parent or "", "; ".join(c.synonyms), str(own), str(total)])
    header = ["Condition", "Id", "Also called", "Treatments", "With narrower"]
    return View(
        kind=report.kind,
        title=TITLES[report.kind],
        lead=[
            "Treatments: how many have evidence for this condition; with narrower: counting the conditions under it."
        ],
        table=Table(header, rows, row_labels=False),
        records=(["id", "name", "parent", "synonyms", "treatments", "with_narrower"], records),
        references=[],
        footer=footer(report),
        data={},
    )


def _in_tree_order(catalogue: m.Catalogue) -> list[m.Condition]:
    ordered: list[m.Condition] = []

    def visit(parent: str | None) -> None:
        for c in catalogue.conditions.values():
            if c.parent == parent:
                ordered.append(c)
                visit(c.id)

    visit(None)
    return ordered
