"""Every report kind has one neutral view, and every format draws every kind."""

from __future__ import annotations

import pytest

from paincompare.render import OutputFormat, Report, ReportKind, render, views
from paincompare.terminal import OutputEnv

PIPE = OutputEnv(is_tty=False, width=None, colour=False, ascii_only=False)


def report(cat, kind):
    treatments = {ReportKind.LIST: cat.treatments, ReportKind.COMPARE: cat.treatments[:2]}.get(kind, cat.treatments[:1])
    if kind in (ReportKind.SOURCES, ReportKind.CONDITIONS, ReportKind.CHECK):
        treatments = ()
    check = None
    if kind is ReportKind.CHECK:
        from pathlib import Path

        from paincompare.check import article, finder, signals

        text = article.read(Path(__file__).parent / "articles" / "promotional.md")
        check = finder.check(cat, text, signals.load(cat))
    return Report(kind, cat, treatments, tuple(views.ROWS), check=check)


@pytest.mark.parametrize("kind", list(ReportKind))
def test_every_kind_builds_a_view_with_rows_and_a_footer(cat, kind):
    view = views.build(report(cat, kind))
    assert view.kind is kind and view.table.rows and view.footer and view.records[1]
    assert all(len(row) == len(view.table.header) for row in view.table.rows)


# claimreview is check's alone, for fact-check tools: tests/test_check_claimreview.py
@pytest.mark.parametrize("fmt", [f for f in OutputFormat if f is not OutputFormat.CLAIMREVIEW])
@pytest.mark.parametrize("kind", list(ReportKind))
def test_every_format_draws_every_kind(cat, kind, fmt):
    text = render(report(cat, kind), fmt, PIPE)
    assert cat.info.disclaimer.split(".")[0] in text


def test_an_unknown_kind_is_refused_not_drawn_empty(cat):
    with pytest.raises(AssertionError):
        views.build(Report("check", cat, ()))  # type: ignore[arg-type]


def test_citation_numbers_join_runs():
    refs = views.References(None)  # type: ignore[arg-type]
    assert refs.mark(["a", "b", "c", "e"]) == "[1-4]"
    assert refs.mark(["a", "e"]) == "[1, 4]"
    assert refs.mark(["a", "b"]) == "[1, 2]"
