"""Output formats behind one enum: each format is one module with a typed `render(view, headers, env)`.

`render` picks the format's drawing function by an exhaustive match, so a format declared in
OutputFormat without a module fails the type checker, not a user; formats are imported only when used.
"""

from collections.abc import Callable
from typing import assert_never

from paincompare.errors import UsageError
from paincompare.render.report import (
    EXTENSIONS,
    NOT_WRITTEN,
    OutputFormat,
    Publication,
    Report,
    ReportKind,
    choose_format,
)
from paincompare.render.views import View
from paincompare.terminal import OutputEnv

__all__ = [
    "EXTENSIONS",
    "NOT_WRITTEN",
    "OutputFormat",
    "Publication",
    "Report",
    "ReportKind",
    "choose_format",
    "drawing",
    "render",
]

Drawing = Callable[[View, bool, OutputEnv], str]


def render(report: Report, fmt: OutputFormat, env: OutputEnv) -> str:
    """The report as text in the chosen format."""
    from paincompare.render import views

    if fmt is OutputFormat.CLAIMREVIEW:
        if report.kind is not ReportKind.CHECK:
            raise UsageError(
                f"--format claimreview (and -o FILE.jsonld) is for 'check' only; '{report.kind.value}' can write "
                "table, plain, markdown, csv, json or html"
            )
        from paincompare.render import claimreview  # fact-check verdicts: only check has them

        return claimreview.render(report)
    view = views.build(report, env.ascii_only, data_only=fmt is OutputFormat.JSON)
    return drawing(fmt)(view, report.headers, env)


def drawing(fmt: OutputFormat) -> Drawing:
    """The function that draws a view in this format, imported when first asked for."""
    match fmt:
        case OutputFormat.TABLE:
            from paincompare.render import table_format

            return table_format.render
        case OutputFormat.PLAIN:
            from paincompare.render import plain_format

            return plain_format.render
        case OutputFormat.MARKDOWN:
            from paincompare.render import markdown_format

            return markdown_format.render
        case OutputFormat.CSV:
            from paincompare.render import csv_format

            return csv_format.render
        case OutputFormat.JSON:
            from paincompare.render import json_format

            return json_format.render
        case OutputFormat.HTML:
            from paincompare.render import html_format

            return html_format.render
        case OutputFormat.CLAIMREVIEW:
            raise UsageError("--format claimreview draws a check report, not a view")
        case _:
            assert_never(fmt)
