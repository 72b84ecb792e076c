"""The check command: an article's claims judged against the catalogue."""

# No "from __future__ import annotations" here: Typer would then eval every annotation string
# on each run (measured: about 3 ms of start-up).
import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from paincompare import output
from paincompare.catalogue import scales
from paincompare.cli.shared import (
    CheckSort,
    Format,
    NoHeadersOption,
    OutputOption,
    Verdict,
    chosen_conditions,
    emit,
    format_option,
    load_catalogue,
)
from paincompare.errors import ExitCode, UsageError
from paincompare.render import Publication, Report, ReportKind


def _web_address(given: str | None, option: str) -> str | None:
    if given is not None and not given.startswith(("http://", "https://")):
        raise UsageError(f"{option}: '{given}' is not a web address; give one starting with https://")
    return given


def _iso_date(given: str | None) -> str | None:
    if given is None:
        return None
    try:
        return dt.date.fromisoformat(given).isoformat()
    except ValueError:
        raise UsageError(f"--date: '{given}' is not a date; give it as YYYY-MM-DD, e.g. 2026-03-01") from None


CheckFormatOption = Annotated[
    Format | None,
    format_option(
        "table, plain, markdown, csv, json, html, or claimreview (schema.org ClaimReview JSON-LD, one per "
        "judged finding)",
        " (.jsonld is claimreview)",
    ),
]


def check(
    article: Annotated[
        str, typer.Argument(help="The article: plain text, Markdown or HTML; - reads it from stdin.", metavar="ARTICLE")
    ],
    fail_on: Annotated[
        Verdict | None,
        typer.Option(
            "--fail-on", help="Exit 1 if any finding has this verdict (for scripts and CI).", metavar="VERDICT"
        ),
    ] = None,
    condition: Annotated[
        str | None,
        typer.Option(
            "--condition",
            help="Judge every claim for this condition (words of its name), instead of the one each "
            "sentence, paragraph, heading or page names.",
            metavar="WORDS",
        ),
    ] = None,
    verdicts_only: Annotated[
        bool, typer.Option("--verdicts-only", help="Show only findings with a verdict (leave out 'not checked').")
    ] = False,
    sort: Annotated[
        CheckSort,
        typer.Option(
            "--sort",
            help="Order of the findings: 'article' (as the article makes them) or 'worthiness' (the claims "
            "that matter most first, by fixed weights, with the reasons).",
        ),
    ] = "article",
    url: Annotated[
        str | None,
        typer.Option("--url", help="claimreview: the article's address (default: its path).", metavar="URL"),
    ] = None,
    review_url: Annotated[
        str | None,
        typer.Option("--review-url", help="claimreview: the page the review is published on.", metavar="URL"),
    ] = None,
    author: Annotated[
        str | None,
        typer.Option("--author", help="claimreview: who publishes the review (default: paincompare).", metavar="NAME"),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="claimreview: the review's date, YYYY-MM-DD (default: the catalogue's review date).",
            metavar="DATE",
        ),
    ] = None,
    fmt: CheckFormatOption = None,
    to: OutputOption = None,
    no_headers: NoHeadersOption = False,
) -> None:
    """Fact-check an article: a scorecard of the article on recognised criteria, then each claim about a
    catalogued treatment, judged against the catalogue."""
    from paincompare.check import article as article_file  # only this command reads articles
    from paincompare.check import finder, scorecard, signals

    publication = Publication(
        _web_address(url, "--url"), _web_address(review_url, "--review-url"), author, _iso_date(date)
    )
    cat = load_catalogue()
    asked = chosen_conditions(cat, condition)
    broadest = frozenset(c for c in asked if cat.conditions[c].parent not in asked) if asked else None
    text = article_file.read(Path(article))
    words = signals.load(cat)
    result = finder.check(cat, text, words, broadest)
    reader = scorecard.Reader(words)
    result = result._replace(scorecard=tuple(scorecard.score(result, words, cat, reader)))
    if verdicts_only:
        result = result._replace(findings=tuple(f for f in result.findings if f.verdict != scales.NOT_CHECKED))
    if sort == "worthiness":
        from paincompare.check import worthiness

        result = worthiness.ordered(result, reader)
    report = Report(ReportKind.CHECK, cat, (), headers=not no_headers, check=result, publication=publication)
    emit(report, fmt, to)
    if fail_on and any(f.verdict == fail_on for f in result.findings):
        output.message(f"paincompare: the article has findings marked {fail_on}.")
        raise typer.Exit(ExitCode.ERROR)
