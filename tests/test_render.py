"""Renderers called directly: layout at a given width, references, and data that stays data."""

from __future__ import annotations

import json

import factory
import pytest

from paincompare import catalogue
from paincompare.render import OutputFormat, Report, render
from paincompare.render.content import ROWS
from paincompare.terminal import OutputEnv, visible

PIPE = OutputEnv(is_tty=False, width=None, colour=False, ascii_only=False)
LONG = "This effect is described in one long sentence that must never be wrapped when output goes to a file " * 2


@pytest.fixture
def cat(tmp_path):
    alpha = factory.treatment("alpha", name="Alpha [red]x[/red] :pill: \x1b]0;pwned\x07")
    alpha["evidence"][0]["effect"] = LONG.strip()
    return catalogue.load(factory.write(tmp_path, factory.catalogue(alpha, factory.treatment("beta"))))


def compare(cat, env, fmt=OutputFormat.TABLE):
    return render(Report("compare", cat, cat.treatments, tuple(ROWS)), fmt, env)


def test_piped_table_has_natural_width_and_no_escape_codes(cat):
    text = compare(cat, PIPE)
    assert "\x1b" not in text
    assert any(LONG.strip() in line for line in text.splitlines()), "a long cell was wrapped"


def test_terminal_table_fits_the_width_and_may_colour(cat):
    env = OutputEnv(is_tty=True, width=60, colour=True, ascii_only=False)
    text = compare(cat, env)
    plain_lines = [line for line in text.splitlines() if "\x1b" not in line]
    assert plain_lines and all(len(line) <= 60 for line in plain_lines)


def test_catalogue_text_is_never_markup_emoji_or_terminal_control(cat):
    for fmt in OutputFormat:
        text = compare(cat, PIPE, fmt)
        assert "\x1b" not in text and "\x07" not in text
        assert "💊" not in text
        if fmt is OutputFormat.TABLE:
            assert "Alpha [red]x[/red] :pill: \\x1b]0;pwned\\x07" in text


def test_every_cited_source_is_numbered_and_listed(cat):
    text = compare(cat, PIPE)
    assert "[1] Doe J. A test review. 2020. https://example.org/review (systematic-review)" in text
    assert "For tests only; not medical advice." in text
    assert "reviewed 2026-11-01" in text


def test_json_has_one_shape_and_resolves_every_citation(cat):
    document = json.loads(compare(cat, PIPE, OutputFormat.JSON))
    assert list(document) == ["catalogue", "treatments", "references"]
    assert [t["id"] for t in document["treatments"]] == ["alpha", "beta"]
    cited = {s for t in cat.treatments for s in t.cited_sources()}
    assert set(document["references"]) == cited
    assert document["treatments"][0]["name"].endswith("\x1b]0;pwned\x07")  # data kept exactly, escaped by JSON


def test_ascii_only_streams_get_ascii_symbols(cat):
    env = OutputEnv(is_tty=False, width=None, colour=False, ascii_only=True)
    text = compare(cat, env)
    assert "++oo low" in text and "\u2295" not in text


def test_visible_shows_controls_and_keeps_text():
    assert visible("a\x1b[2Jb\tc\nd\u202e") == "a\\x1b[2Jb\tc\nd\\u202e"


@pytest.mark.parametrize(
    "environ, tty, expected",
    [
        ({}, False, None),
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
