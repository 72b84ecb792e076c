"""Every output format: parses as what it claims to be, carries the disclaimer and date, stays inert."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import factory
import jsonschema
import pytest
from conftest import BUNDLED, REPO
from hostile import HOSTILE, hostile_catalogue
from markdown_it import MarkdownIt

from paincompare import catalogue, query
from paincompare.render import OutputFormat, Report, ReportKind, render
from paincompare.render.views import ROWS
from paincompare.terminal import OutputEnv

PIPE = OutputEnv(is_tty=False, width=None, colour=False, ascii_only=False)
SCHEMA = json.loads((REPO / "docs" / "json-output.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def bundled():
    return catalogue.load(BUNDLED)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return catalogue.load(factory.write(tmp_path_factory.mktemp("hostile"), hostile_catalogue()))


COMMANDS = [kind.value for kind in ReportKind]


def reports(cat):
    first_two = cat.treatments[:2]
    return {
        "list": Report(ReportKind.LIST, cat, cat.treatments),
        "compare": Report(ReportKind.COMPARE, cat, first_two, tuple(ROWS)),
        "show": Report(ReportKind.SHOW, cat, first_two[:1], ("id", "aliases", *ROWS), detail=True),
        "sources": Report(ReportKind.SOURCES, cat, ()),
        "conditions": Report(ReportKind.CONDITIONS, cat, ()),
        "check": Report(ReportKind.CHECK, cat, (), check=_check_of(cat)),
    }


def _check_of(cat):
    from paincompare.check import article, finder, signals

    path = Path(__file__).parent / "articles" / "promotional.md"
    return finder.check(cat, article.read(path), signals.load(cat))


def test_every_report_kind_has_a_test_report(bundled):
    assert set(reports(bundled)) == set(COMMANDS)


# claimreview is check's alone, for fact-check tools: tests/test_check_claimreview.py
@pytest.mark.parametrize("fmt", [f for f in OutputFormat if f is not OutputFormat.CLAIMREVIEW])
@pytest.mark.parametrize("command", COMMANDS)
def test_disclaimer_and_review_date_in_every_format(bundled, fmt, command):
    text = render(reports(bundled)[command], fmt, PIPE)
    if fmt is OutputFormat.JSON:
        meta = json.loads(text)["catalogue"]
        assert meta["disclaimer"] == bundled.info.disclaimer and meta["reviewed"] == "2026-11-25"
    else:
        flat = " ".join(text.replace("<br>", " ").split())
        assert "Information, not medical advice" in flat
        assert "reviewed 2026-11-25" in flat


@pytest.mark.parametrize("command", COMMANDS)
def test_json_validates_against_the_published_schema(bundled, command):
    jsonschema.validate(json.loads(render(reports(bundled)[command], OutputFormat.JSON, PIPE)), SCHEMA)


@pytest.mark.parametrize("command", COMMANDS)
def test_csv_parses_with_one_header_and_rectangular_data(bundled, command):
    report = reports(bundled)[command]
    rows = list(csv.reader(io.StringIO(render(report, OutputFormat.CSV, PIPE), newline="")))
    data = [r for r in rows if not r[0].startswith("#")]
    assert len({len(r) for r in data}) == 1
    if command == "list":
        assert rows[0][0] == "id" and [r[0] for r in data[1:]] == [t.id for t in bundled.treatments]
    if command == "compare":  # one record per treatment and question, as in plain
        assert data[0] == ["treatment", "question", "answer"] and len(data) == 1 + 2 * len(ROWS)


def test_plain_is_one_record_per_line_with_equal_fields(bundled):
    for command, report in reports(bundled).items():
        lines = [line for line in render(report, OutputFormat.PLAIN, PIPE).splitlines() if not line.startswith("#")]
        assert len({line.count("\t") for line in lines}) == 1, command
    listing = render(reports(bundled)["list"], OutputFormat.PLAIN, PIPE).splitlines()
    assert len([line for line in listing if not line.startswith("#")]) == 1 + len(bundled.treatments)


def test_no_headers_drops_the_header_line(bundled):
    report = Report(ReportKind.LIST, bundled, bundled.treatments, headers=False)
    assert render(report, OutputFormat.PLAIN, PIPE).splitlines()[0].startswith("acetaminophen\t")
    assert next(csv.reader(io.StringIO(render(report, OutputFormat.CSV, PIPE))))[0] == "acetaminophen"


def markdown_tables(text: str) -> list[list[list[str]]]:
    """The tables markdown-it-py finds, as rows of cell texts."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables, row = [], None
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(token.content)
        elif token.type == "tr_close":
            tables[-1].append(row)
            row = None
    return tables


@pytest.mark.parametrize("command", COMMANDS)
def test_markdown_parses_as_one_table_of_the_right_shape(bundled, command):
    report = reports(bundled)[command]
    (table,) = markdown_tables(render(report, OutputFormat.MARKDOWN, PIPE))
    assert len({len(r) for r in table}) == 1
    if command == "compare":
        assert len(table[0]) == 3 and len(table) == 1 + len(ROWS)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.header_cells = 0
        self.questions = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "th" and ("scope", "col") in attrs:
            self.header_cells += 1
        if tag == "th" and ("scope", "colgroup") in attrs:
            self.questions += 1


def test_html_is_self_contained_and_has_the_grid(bundled):
    page = render(reports(bundled)["compare"], OutputFormat.HTML, PIPE)
    parser = _Tags()
    parser.feed(page)
    report = reports(bundled)["compare"]
    assert parser.header_cells == len(report.treatments), "one column per option"
    assert parser.questions == len(report.rows), "each question on a line across the grid"
    assert not {"script", "img", "link", "iframe", "object", "embed"} & set(parser.tags)
    assert "@import" not in page and "url(" not in page


# -- hostile text stays data in every format ------------------------------------------------


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_hostile_text_never_becomes_control_or_markup(hostile, fmt):
    for command, report in reports(hostile).items():
        if fmt is OutputFormat.CLAIMREVIEW and command != "check":
            continue  # a usage error (tests/test_check_claimreview.py)
        text = render(report, fmt, PIPE)
        for bad in ("\x1b", "\x07", "\x9b", "\u202e", "💊"):
            assert bad not in text, (command, fmt, repr(bad))
        if fmt is OutputFormat.HTML:
            assert "<script>" not in text and "<img" not in text


def test_hostile_text_is_kept_visibly_in_the_table(hostile):
    text = render(reports(hostile)["show"], OutputFormat.TABLE, PIPE)
    assert "[red]red markup[/red] and a stray [/] tag" in text
    assert "an emoji code :pill: here" in text
    assert "\\x1b[31mred" in text


def test_hostile_csv_has_no_formula_cells(hostile):
    for report in reports(hostile).values():
        for row in csv.reader(io.StringIO(render(report, OutputFormat.CSV, PIPE), newline="")):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_hostile_markdown_keeps_its_table_shape(hostile):
    for command, report in reports(hostile).items():
        tables = markdown_tables(render(report, OutputFormat.MARKDOWN, PIPE))
        assert len(tables) == 1, command
        assert len({len(r) for r in tables[0]}) == 1, command


def test_hostile_json_round_trips_exactly(hostile):
    document = json.loads(render(reports(hostile)["show"], OutputFormat.JSON, PIPE))
    assert document["treatments"][0]["side_effects"]["common"] == [h.strip() for h in HOSTILE]  # loading trims ends


def test_resolve_still_works_on_hostile_names(hostile):
    assert query.resolve(hostile, "alpha-alias").id == "alpha"


def test_schema_file_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_json_schema_rejects_a_wrong_shape(bundled):
    document = json.loads(render(reports(bundled)["show"], OutputFormat.JSON, PIPE))
    document["treatments"][0]["onset"]["speed"] = "soon"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, SCHEMA)
    assert Path(REPO / "docs" / "json-output.schema.json").is_file()
