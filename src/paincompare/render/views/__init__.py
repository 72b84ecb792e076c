"""One neutral view per report kind (title, table, records, references, footer), drawn by every format.

Formats never look at treatments themselves: table, markdown and html draw `View.table`; plain and
csv write `View.records`; json writes `View.data`. `build` matches the report kind exhaustively, so
a new kind fails type-checking until it has a view, instead of rendering empty in some formats.

One module per report kind: listing (list), grid (compare and show), catalogue_views (sources and
conditions), check; documents builds the JSON of the catalogue reports. They share parts (the view's
types and plain wording helpers), wording (how a record's facts are put in words) and regional (the
facts that differ by the reader's country).
"""

from typing import Any, assert_never

from paincompare.render.report import Report, ReportKind
from paincompare.render.views.catalogue_views import conditions_view, sources_view
from paincompare.render.views.check import check_document, check_view
from paincompare.render.views.documents import records_document
from paincompare.render.views.grid import COMPARE_ROWS, ROWS, SHOW_ROWS, grid_view
from paincompare.render.views.listing import list_view, not_judged_lines
from paincompare.render.views.parts import NO_WARNING, TITLES, References, Table, View, bibliography_ids

__all__ = [
    "COMPARE_ROWS",
    "NO_WARNING",
    "ROWS",
    "SHOW_ROWS",
    "References",
    "Table",
    "View",
    "build",
    "not_judged_lines",
]


def build(report: Report, ascii_only: bool = False, data_only: bool = False) -> View:
    """The report's view; every report kind has exactly one builder.

    `data_only` (for JSON) builds just the document: drawing the table's cells would be wasted work.
    """
    if data_only:
        return View(report.kind, TITLES[report.kind], [], Table([], [], False), ([], []), [], [], _data(report))
    match report.kind:
        case ReportKind.LIST:
            return list_view(report, ascii_only)
        case ReportKind.COMPARE | ReportKind.SHOW:
            return grid_view(report, ascii_only)
        case ReportKind.SOURCES:
            return sources_view(report)
        case ReportKind.CONDITIONS:
            return conditions_view(report)
        case ReportKind.CHECK:
            return check_view(report)
        case _:
            assert_never(report.kind)


def _data(report: Report) -> dict[str, Any]:
    """The JSON document of any report kind."""
    match report.kind:
        case ReportKind.SOURCES:
            return records_document(report, sources=bibliography_ids(report))
        case ReportKind.CONDITIONS:
            return records_document(report, conditions=list(report.catalogue.conditions), counts=True)
        case ReportKind.LIST | ReportKind.COMPARE | ReportKind.SHOW:
            return records_document(report)
        case ReportKind.CHECK:
            return check_document(report)
        case _:
            assert_never(report.kind)
