"""The view's types (View, Table, References) and the small wording helpers every report kind uses."""

# No "from __future__ import annotations": typing.NamedTuple would compile each string annotation
# (models.py says what it costs).

from typing import Any, NamedTuple

from paincompare.catalogue import models as m
from paincompare.catalogue import shape
from paincompare.render.report import Report, ReportKind

CERTAINTY_SYMBOLS = {"high": "⊕⊕⊕⊕", "moderate": "⊕⊕⊕◯", "low": "⊕⊕◯◯", "very-low": "⊕◯◯◯"}
ASCII_CERTAINTY_SYMBOLS = {"high": "++++", "moderate": "+++o", "low": "++oo", "very-low": "+ooo"}
INVASIVENESS_MEANING = {
    "none": "no needles, cuts or implants",
    "minimal": "needles or a single injection",
    "moderate": "an image-guided procedure or a monitored drip into a vein",
    "major": "surgery or an implant",
}
ONSET_BASIS_WORDS = {"each-dose": "after one dose or session", "course": "from the start of a course"}
CAUTION_WORDS = {"do-not-use": "do not use", "ask-first": "ask a doctor or pharmacist first", "take-care": "take care"}
NO_WARNING = "no warning found in the sources read"
BRIEF_CAUTION_WORDS = {"do-not-use": "do not use", "ask-first": "ask first", "take-care": "take care"}
BASIS_WORDS = {
    "each-dose": "each dose or session",
    "after-course": "after a course ends",
    "while-continued": "while it is continued",
    "implant-or-surgery": "an implant or operation",
}

TITLES = {
    ReportKind.LIST: "Chronic pain treatments",
    ReportKind.COMPARE: "Comparison of chronic pain treatments",
    ReportKind.SHOW: "Chronic pain treatment",
    ReportKind.SOURCES: "Sources",
    ReportKind.CONDITIONS: "Conditions",
    ReportKind.CHECK: "Fact check",
}
Cells = list[list[str]]  # a row: each cell a list of lines


class Table(NamedTuple):
    header: list[str]
    rows: list[Cells]
    row_labels: bool  # the first column names each row (a grid's questions)
    groups: dict[int, str] = {}  # row index -> the label of the group that starts there (list sorts)


class Reference(NamedTuple):
    number: int
    text: str  # the full citation, or short name, year and address (grid views)
    url: str


class Passage(NamedTuple):
    """A paragraph of a checked article: its sentences, each with the numbers of the notes on it."""

    is_heading: bool
    sentences: list[tuple[str, list[int], str]]  # text, note numbers, the strongest verdict on it ("" if none)


class Note(NamedTuple):
    number: int
    verdict: str
    text: str  # "IV ketamine infusion, addiction: CONTRADICTED. ... [3, 4]"


class View(NamedTuple):
    """What one report shows, in no format yet."""

    kind: ReportKind
    title: str
    lead: list[str]  # lines before the table: what is shown, for which condition
    table: Table  # for people: table, markdown, html
    records: tuple[list[str], list[list[str]]]  # for scripts: header and rows of fields (plain, csv)
    references: list[Reference]  # numbered lines after the table
    footer: list[str]
    data: dict[str, Any]  # for json: built only when asked for (build's data_only), else empty
    passages: list[Passage] = []  # check: the article itself, for the annotated page (html)
    notes: list[Note] = []  # check: the numbered notes beside it
    after: list[str] = []  # lines after the table: what a filter or sort could not judge
    brief: Table | None = None  # list on a terminal: one short value a cell, drawn one or two lines a row


def words(value: str) -> str:
    """A scale word as prose: 'not-reported' -> 'not reported'."""
    return value.replace("-", " ")


def certainty(value: str | None, ascii_only: bool = False) -> str:
    """GRADE certainty as symbol plus word, never a colour alone."""
    if value is None:
        return "no trials to rate"
    symbols = ASCII_CERTAINTY_SYMBOLS if ascii_only else CERTAINTY_SYMBOLS
    return f"{symbols[value]} {words(value)}"


def quoted(text: str, ascii_only: bool) -> str:
    return f'"{text}"' if ascii_only else f"\u201c{text}\u201d"


class References:
    """Numbers each cited source in order of first use, so cells can say [1] and a list can follow."""

    def __init__(self, catalogue: m.Catalogue) -> None:
        self.catalogue = catalogue
        self.numbers: dict[str, int] = {}

    def mark(self, source_ids: tuple[str, ...] | list[str]) -> str:
        """'[3, 5-8]': the sources' numbers, runs of three or more joined by a dash."""
        for source_id in source_ids:
            self.numbers.setdefault(source_id, len(self.numbers) + 1)
        numbers = sorted({self.numbers[s] for s in source_ids})
        parts: list[str] = []
        start = 0
        for i in range(1, len(numbers) + 1):
            if i == len(numbers) or numbers[i] != numbers[i - 1] + 1:
                run = numbers[start:i]
                parts += [f"{run[0]}-{run[-1]}"] if len(run) >= 3 else [str(n) for n in run]
                start = i
        return "[" + ", ".join(parts) + "]"

    def cite(self, text: str, source_ids: tuple[str, ...] | list[str]) -> str:
        return f"{text} {self.mark(source_ids)}"

    def listing(self) -> list[tuple[int, m.Source]]:
        return [(n, self.catalogue.sources[s]) for s, n in self.numbers.items()]

    def lines(self, full: bool) -> list[Reference]:
        """One line per source: the full citation, or short name, year and address (grid views)."""
        if full:
            return [Reference(n, s.citation(), s.url) for n, s in self.listing()]
        return [Reference(n, f"{s.label()}, {s.year}. {s.url}", s.url) for n, s in self.listing()]


def footer(report: Report) -> list[str]:
    """The review date, funding, region and disclaimer that close every human format."""
    info = report.catalogue.info
    return [
        f"Catalogue: {info.title}, version {info.version}; reviewed {info.reviewed.isoformat()}, "
        f"next review due {info.next_review().isoformat()}.",
        f"Funding: {info.funding}",
        report.region.footer(),
        info.disclaimer,
    ]


def bibliography_ids(report: Report) -> list[str]:
    if report.treatments:
        return list(dict.fromkeys(s for t in report.treatments for s in shape.cited_sources(t)))
    return list(report.catalogue.sources)
