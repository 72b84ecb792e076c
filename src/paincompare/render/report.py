"""What a command asks to show (Report, ReportKind) and in which format (OutputFormat): the contract
between the commands, the views and the formats."""

# No "from __future__ import annotations": typing.NamedTuple would compile each string annotation
# (models.py says what it costs).

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from paincompare.catalogue.models import Catalogue, Treatment
from paincompare.errors import UsageError
from paincompare.query import Filters, Group, NotJudged
from paincompare.region import Region

if TYPE_CHECKING:
    from paincompare.check.result import CheckResult


class OutputFormat(StrEnum):
    TABLE = "table"
    PLAIN = "plain"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"
    HTML = "html"
    CLAIMREVIEW = "claimreview"  # check only: schema.org ClaimReview JSON-LD (render/claimreview.py)


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
    ".jsonld": OutputFormat.CLAIMREVIEW,
}


# -o FILE with a document format paincompare does not write: a usage error that says what to do,
# rather than text in a file whose name promises something else.
NOT_WRITTEN = {
    ".pdf": "a PDF",
    ".doc": "a Word document",
    ".docx": "a Word document",
    ".odt": "an OpenDocument text",
    ".rtf": "a Rich Text document",
    ".xls": "an Excel workbook",
    ".xlsx": "an Excel workbook",
    ".ods": "an OpenDocument spreadsheet",
}


def choose_format(given: str | None, destination: str | None, from_environment: str | None) -> OutputFormat:
    """--format, else the -o file's extension, else PAINCOMPARE_FORMAT, else table; a clash is a usage error."""
    to_file = destination not in (None, "-")
    suffix = Path(destination).suffix.lower() if destination and to_file else ""
    if suffix in NOT_WRITTEN:
        spreadsheet = suffix in (".xls", ".xlsx", ".ods")
        how = (
            f"write -o {Path(str(destination)).with_suffix('.csv').name} and open it in your spreadsheet"
            if spreadsheet
            else f"write -o {Path(str(destination)).with_suffix('.html').name}, open it in a browser and print it "
            "(choose 'Save as PDF' to keep a file)"
        )
        raise UsageError(f"cannot write {NOT_WRITTEN[suffix]} ({destination}); {how}")
    implied = EXTENSIONS.get(suffix)
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
    """Every kind of report; render/views/ builds each one, checked exhaustively."""

    LIST = "list"
    COMPARE = "compare"
    SHOW = "show"
    SOURCES = "sources"
    CONDITIONS = "conditions"
    CHECK = "check"


class Publication(NamedTuple):
    """Where the article and the review are, and who publishes the review (check's options)."""

    article_url: str | None = None  # --url: the article's address
    review_url: str | None = None  # --review-url: the page the review is published on
    author: str | None = None  # --author: who publishes the review (default: paincompare)
    date: str | None = None  # --date: YYYY-MM-DD (default: the catalogue's review date)


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
    check: "CheckResult | None" = None  # check: the article's findings (a string: imported only for the checker)
    publication: Publication | None = None  # check --format claimreview: where the review and article are
    groups: tuple[Group, ...] = ()  # list: the rows in the groups a sort ranked them in
    not_judged: tuple[NotJudged, ...] = ()  # list: what each filter and sort could not judge
    wide: bool = False  # list: the full row on a terminal too, not the short overview
    flags: tuple[tuple[str, frozenset[str]], ...] = ()  # list --flag: the words asked, and the situations they match
    region: Region = Region("us", "the default")  # the reader's country (region.py)
