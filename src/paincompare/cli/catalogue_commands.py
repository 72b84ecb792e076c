"""The commands that show the catalogue: list, compare, show, sources, conditions, and validate."""

# No "from __future__ import annotations" here: Typer would then eval every annotation string
# on each run (measured: about 3 ms of start-up).
from pathlib import Path
from typing import Annotated

import typer

from paincompare import catalogue as catalogue_file
from paincompare import guidance, output, query
from paincompare.catalogue import scales
from paincompare.cli.shared import (
    Addiction,
    Certainty,
    ConditionOption,
    FormatOption,
    Invasiveness,
    NoHeadersOption,
    OutputOption,
    SortKey,
    Speed,
    State,
    chosen_conditions,
    chosen_region,
    complete_rows,
    complete_treatment,
    emit,
    load_catalogue,
)
from paincompare.errors import ExitCode, UsageError
from paincompare.render import Report, ReportKind, views
from paincompare.render.views import COMPARE_ROWS, ROWS, SHOW_ROWS
from paincompare.terminal import visible


def list_treatments(
    max_addiction: Annotated[Addiction | None, typer.Option(help="Addiction risk at or below this level.")] = None,
    onset: Annotated[Speed | None, typer.Option(help="Relief starts at least this fast.")] = None,
    max_invasiveness: Annotated[Invasiveness | None, typer.Option(help="Invasiveness at or below this level.")] = None,
    category: Annotated[
        list[str] | None,
        typer.Option(
            help=f"Only this category (repeatable): {', '.join(scales.CATEGORIES.words)}.",
            metavar="CATEGORY",
            autocompletion=lambda incomplete: [c for c in scales.CATEGORIES.words if c.startswith(incomplete)],
        ),
    ] = None,
    condition: ConditionOption = None,
    min_evidence: Annotated[
        Certainty | None, typer.Option(help="The finding shown is at or above this certainty.")
    ] = None,
    sort: Annotated[SortKey | None, typer.Option(help="Sort by a field, in the order its scale is written.")] = None,
    reverse: Annotated[bool, typer.Option("--reverse", help="Reverse the order.")] = False,
    wide: Annotated[
        bool, typer.Option("--wide", help="On a terminal, the full row with sources, not the short overview.")
    ] = False,
    flag: Annotated[
        list[str] | None,
        typer.Option(
            "--flag",
            help="Add what the sources say for this situation (repeatable), e.g. pregnancy, 'blood thinners', "
            "kidney, driving, alcohol. Hides no row.",
            metavar="SITUATION",
        ),
    ] = None,
    fmt: FormatOption = None,
    to: OutputOption = None,
    no_headers: NoHeadersOption = False,
) -> None:
    """One row per treatment, filtered by what matters to you; what a filter could not judge is named."""
    cat = load_catalogue()
    # Typer cannot check a repeatable option against a list of choices, so this one is checked here.
    categories = tuple(query.check_category(c) for c in category or ())
    filters = query.Filters(
        max_addiction=max_addiction,
        onset=onset,
        max_invasiveness=max_invasiveness,
        categories=categories,
        conditions=chosen_conditions(cat, condition),
        min_evidence=min_evidence,
        region=chosen_region().code,
    )
    chosen = query.select(cat.treatments, filters)
    if sort:
        groups = query.sort_groups(chosen, sort, reverse, filters)
    else:
        groups = [query.Group(None, tuple(reversed(chosen) if reverse else chosen))]
    not_judged = tuple(query.not_judged(cat.treatments, filters, sort))
    if not chosen:
        unjudged = [f"paincompare: {line}" for line in views.not_judged_lines(not_judged) if line.startswith("Not")]
        output.message("\n".join(["paincompare: no treatment matches these filters.", *unjudged]))
        return
    shown = tuple(t for group in groups for t in group.treatments)
    flags = tuple((text, guidance.match_situations(cat, text)) for text in flag or ())
    report = Report(
        ReportKind.LIST,
        cat,
        shown,
        (),
        not no_headers,
        filters,
        condition,
        groups=tuple(groups),
        not_judged=not_judged,
        wide=wide,
        flags=flags,
    )
    emit(report, fmt, to)


def compare(
    names: Annotated[
        list[str],
        typer.Argument(
            help="Two or more treatments: id, name or alias.",
            metavar="TREATMENT...",
            autocompletion=complete_treatment,
        ),
    ],
    rows: Annotated[
        str | None,
        typer.Option(
            help=f"Comma-separated rows to show: {', '.join(ROWS)}.", metavar="ROW,ROW", autocompletion=complete_rows
        ),
    ] = None,
    condition: ConditionOption = None,
    detail: Annotated[bool, typer.Option("--detail", help="The full text of every answer, not the short one.")] = False,
    fmt: FormatOption = None,
    to: OutputOption = None,
    no_headers: NoHeadersOption = False,
) -> None:
    """Treatments side by side: the same questions for each, short answers, in equal detail."""
    if len(names) < 2:
        raise UsageError("compare needs at least two treatments; to see one, use 'paincompare show'")
    chosen_rows = _parse_rows(rows)
    cat = load_catalogue()
    treatments = query.resolve_all(cat, names)
    filters = query.Filters(conditions=chosen_conditions(cat, condition))
    report = Report(ReportKind.COMPARE, cat, tuple(treatments), chosen_rows, not no_headers, filters, condition, detail)
    emit(report, fmt, to)


def show(
    name: Annotated[
        str,
        typer.Argument(help="A treatment: id, name or alias.", metavar="TREATMENT", autocompletion=complete_treatment),
    ],
    condition: ConditionOption = None,
    fmt: FormatOption = None,
    to: OutputOption = None,
    no_headers: NoHeadersOption = False,
) -> None:
    """Every field of one treatment, with numbered references."""
    cat = load_catalogue()
    treatment = query.resolve(cat, name)
    rows = SHOW_ROWS
    filters = query.Filters(conditions=chosen_conditions(cat, condition))
    emit(Report(ReportKind.SHOW, cat, (treatment,), rows, not no_headers, filters, condition, True), fmt, to)


def sources(
    name: Annotated[
        str | None,
        typer.Argument(
            help="Only the sources this treatment cites.", metavar="[TREATMENT]", autocompletion=complete_treatment
        ),
    ] = None,
    detail: Annotated[
        bool, typer.Option("--detail", help="Also the faithful copy a source was read in, where it was (read_at).")
    ] = False,
    fmt: FormatOption = None,
    to: OutputOption = None,
    no_headers: NoHeadersOption = False,
) -> None:
    """The bibliography, or the citations one treatment uses."""
    cat = load_catalogue()
    treatments = (query.resolve(cat, name),) if name else ()
    emit(Report(ReportKind.SOURCES, cat, treatments, headers=not no_headers, detail=detail), fmt, to)


def conditions(
    fmt: FormatOption = None,
    to: OutputOption = None,
    no_headers: NoHeadersOption = False,
) -> None:
    """Every condition the catalogue knows, with how many treatments have evidence for it."""
    cat = load_catalogue()
    emit(Report(ReportKind.CONDITIONS, cat, (), headers=not no_headers), fmt, to)


def validate(
    path: Annotated[Path | None, typer.Argument(help="The catalogue to check (default: the one in use).")] = None,
) -> None:
    """Check a catalogue and list every problem with its FILE:LINE:COL, then any warnings."""
    target = path or catalogue_file.choose_path(State.catalogue)
    problems, warnings = catalogue_file.examine(target)
    output.write("".join(visible(str(problem)) + "\n" for problem in [*problems, *warnings]), None)
    name = visible(catalogue_file.display_name(target))
    if problems:
        output.message(f"paincompare: {len(problems)} problem(s) in {name}")
        raise typer.Exit(ExitCode.ERROR)
    warned = f", with {len(warnings)} warning(s): facts read only in copies of their sources" if warnings else ""
    output.message(f"paincompare: {name} is valid{warned}.")


def _parse_rows(rows: str | None) -> tuple[str, ...]:
    if rows is None:
        return COMPARE_ROWS
    chosen = tuple(r.strip().lower() for r in rows.split(",") if r.strip())
    unknown = [r for r in chosen if r not in ROWS]
    if unknown or not chosen:
        raise UsageError(f"--rows: unknown row '{', '.join(unknown)}'; use any of: {', '.join(ROWS)}")
    return chosen
