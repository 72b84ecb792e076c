"""Renderers called directly: layout at a given width, references, and data that stays data."""

from __future__ import annotations

import json

import factory
import pytest

from paincompare import catalogue
from paincompare.catalogue import shape
from paincompare.render import OutputFormat, Report, ReportKind, render
from paincompare.render.table_format import FILE_WIDTH
from paincompare.render.views import ROWS
from paincompare.terminal import OutputEnv, visible

PIPE = OutputEnv(is_tty=False, width=None, colour=False, ascii_only=False)
LONG = "This effect is described in one long sentence that must be wrapped, never cut, when output goes to a file " * 2


@pytest.fixture
def cat(tmp_path):
    alpha = factory.treatment("alpha", name="Alpha [red]x[/red] :pill: \x1b]0;pwned\x07")
    alpha["evidence"][0]["effect"] = LONG.strip()
    return catalogue.load(factory.write(tmp_path, factory.catalogue(alpha, factory.treatment("beta"))))


def compare(cat, env, fmt=OutputFormat.TABLE, detail=False):
    return render(Report(ReportKind.COMPARE, cat, cat.treatments, tuple(ROWS), detail=detail), fmt, env)


def test_piped_table_wraps_at_the_file_width_and_keeps_every_word(cat):
    text = compare(cat, PIPE, detail=True)
    assert "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) <= FILE_WIDTH
    words = " ".join(line.strip("│ ") for line in text.splitlines()).split()
    for word in LONG.split():
        assert word in words, f"{word!r} was cut"


def test_terminal_table_fits_the_width_and_may_colour(cat):
    env = OutputEnv(is_tty=True, width=60, colour=True, ascii_only=False)
    text = compare(cat, env)
    assert "\x1b[1m" in text
    unstyled = [line.replace("\x1b[1m", "").replace("\x1b[0m", "") for line in text.splitlines()]
    assert all(len(line) <= 60 for line in unstyled)


def test_a_grid_too_narrow_for_columns_is_stacked_by_question(cat):
    env = OutputEnv(is_tty=True, width=30, colour=False, ascii_only=False)
    lines = compare(cat, env).splitlines()
    question = lines.index("How soon might it help?")
    answers = lines[question + 1 : lines.index("How long does relief last?")]
    assert answers[0].strip().startswith("Alpha") and "  Beta:" in answers and "    Within days. [1]" in answers
    assert all(len(line) <= 30 for line in lines)


def test_catalogue_text_is_never_markup_emoji_or_terminal_control(cat):
    for fmt in OutputFormat:
        if fmt is OutputFormat.CLAIMREVIEW:
            continue  # check's alone: tests/test_check_claimreview.py
        text = compare(cat, PIPE, fmt)
        assert "\x1b" not in text and "\x07" not in text
        assert "💊" not in text
        if fmt is OutputFormat.TABLE:
            assert "Alpha [red]x[/red] :pill:" in " ".join(text.split())


def test_grid_references_are_short_and_detail_gives_full_citations(cat):
    assert "[1] Doe, 2020. https://example.org/review" in compare(cat, PIPE)
    full = compare(cat, PIPE, detail=True)
    assert "[1] Doe J. A test review. 2020. https://example.org/review (systematic-review)" in full
    assert "For tests only; not medical advice." in full
    assert "reviewed 2026-11-01" in full


def test_json_has_one_shape_and_resolves_every_citation(cat):
    document = json.loads(compare(cat, PIPE, OutputFormat.JSON))
    assert list(document) == ["catalogue", "query", "treatments", "conditions", "situations", "references"]
    assert [t["id"] for t in document["treatments"]] == ["alpha", "beta"]
    cited = {s for t in cat.treatments for s in shape.cited_sources(t)}
    assert set(document["references"]) == cited
    assert set(document["conditions"]) == {"chronic-low-back-pain", "chronic-pain"}
    assert document["treatments"][0]["name"].endswith("\x1b]0;pwned\x07")  # data kept exactly, escaped by JSON
    assert document["treatments"][0]["evidence"][0]["statement"] == "May reduce pain slightly"


def test_ascii_only_streams_get_ascii_symbols(cat):
    env = OutputEnv(is_tty=False, width=None, colour=False, ascii_only=True)
    text = compare(cat, env)
    assert "++oo low" in text and "\u2295" not in text


def test_visible_shows_controls_and_keeps_text():
    assert visible("a\x1b[2Jb\tc\nd\u202e") == "a\\x1b[2Jb\tc\nd\\u202e"


@pytest.mark.parametrize(
    "environ, tty, expected",
    [
        ({}, False, None),  # a pipe: the table format then wraps at FILE_WIDTH
        ({"COLUMNS": "40"}, False, 40),
        ({"TERM": "dumb"}, True, 80),
    ],
)
def test_width_policy(environ, tty, expected):
    class Stream:
        encoding = "utf-8"

        def isatty(self):
            return tty

    assert OutputEnv.detect(Stream(), environ=environ).width == expected


@pytest.mark.parametrize(
    "environ, tty, no_color, expected",
    [
        ({}, True, False, True),
        ({}, False, False, False),
        ({"NO_COLOR": "1"}, True, False, False),
        ({"TERM": "dumb"}, True, False, False),
        ({"FORCE_COLOR": "1"}, False, False, True),
        ({}, True, True, False),
    ],
)
def test_colour_policy(environ, tty, no_color, expected):
    class Stream:
        encoding = "utf-8"

        def isatty(self):
            return tty

    assert OutputEnv.detect(Stream(), no_color=no_color, environ=environ).colour is expected
