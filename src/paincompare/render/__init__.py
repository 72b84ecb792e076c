"""Output formats behind one enum: each format is one module with a `render(view, env)`."""

from __future__ import annotations

import importlib
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from paincompare.errors import UsageError
from paincompare.models import Catalogue, Treatment
from paincompare.query import Filters
from paincompare.terminal import OutputEnv

if TYPE_CHECKING:
    from paincompare.check.finder import CheckResult


class OutputFormat(StrEnum):
    TABLE = "table"
    PLAIN = "plain"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"
    HTML = "html"


# -o FILE without --format: the format its extension names
EXTENSIONS = {
    ".html": OutputFormat.HTML,
    ".htm": OutputFormat.HTML,
    ".md": OutputFormat.MARKDOWN,
    ".markdown": OutputFormat.MARKDOWN,
    ".csv": OutputFormat.CSV,
    ".json": OutputFormat.JSON,
    ".txt": OutputFormat.TABLE,
    ".tsv": OutputFormat.PLAIN,
}


def choose_format(given: str | None, destination: str | None, from_environment: str | None) -> OutputFormat:
    """--format, else the -o file's extension, else PAINCOMPARE_FORMAT, else table; a clash is a usage error."""
    to_file = destination not in (None, "-")
    implied = EXTENSIONS.get(Path(destination).suffix.lower()) if destination and to_file else None
    if given:
        chosen = OutputFormat(given.lower())
        if implied and implied != chosen and not (implied is OutputFormat.TABLE and chosen is OutputFormat.PLAIN):
            raise UsageError(
                f"--format {chosen} does not match the file name {destination} (which means {implied}); "
                "change one of them"
            )
        return chosen
    if implied:
        return implied
    if from_environment:
        try:
            return OutputFormat(from_environment.strip().lower())
        except ValueError:
            allowed = ", ".join(f.value for f in OutputFormat)
            raise UsageError(
                f"PAINCOMPARE_FORMAT: '{from_environment}' is not a format; use one of: {allowed}"
            ) from None
    return OutputFormat.TABLE


class ReportKind(StrEnum):
    """Every kind of report; render/views.py builds each one, checked exhaustively."""

    LIST = "list"
    COMPARE = "compare"
    SHOW = "show"
    SOURCES = "sources"
    CONDITIONS = "conditions"
    CHECK = "check"


class Report(NamedTuple):
    """What a command asked to show: which treatments, which rows, for which condition."""

    kind: ReportKind
    catalogue: Catalogue
    treatments: tuple[Treatment, ...]
    rows: tuple[str, ...] = ()
    headers: bool = True  # plain and csv: False leaves out the header line
    filters: Filters = Filters()  # the condition (and certainty) the evidence is shown for
    condition_text: str | None = None  # what the person typed for --condition
    detail: bool = False  # compare: the full text instead of the short answers
    check: CheckResult | None = None  # check: the article's findings


def render(report: Report, fmt: OutputFormat, env: OutputEnv) -> str:
    """The report as text in the chosen format; formats are imported only when used."""
    from paincompare.render import views

    view = views.build(report, env.ascii_only, data_only=fmt is OutputFormat.JSON)
    module = importlib.import_module(f"paincompare.render.{fmt.value}_format")
    text: str = module.render(view, report.headers, env)
    return text
