"""The command line: Typer options to core calls, exceptions to exit codes, and the renderer's choice."""

# No "from __future__ import annotations" here: Typer would then eval every annotation string
# on each run (measured: about 3 ms of start-up).
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from paincompare import __version__, output, query
from paincompare import catalogue as catalogue_file
from paincompare import region as region_choice
from paincompare.catalogue import models as m
from paincompare.errors import ExitCode, PainCompareError, UsageError
from paincompare.render import OutputFormat, Report, ReportKind, choose_format, render, views
from paincompare.render.views import COMPARE_ROWS, ROWS, SHOW_ROWS
from paincompare.terminal import OutputEnv, visible


def _choices(words: tuple[str, ...]) -> Any:
    """A Typer choice type (shown in help, checked, completed) from a scale's words.

    Literal rather than Enum: seven Enum classes cost about 3 ms of every start-up.
    """
    return Literal[tuple(w for w in words if w != m.NOT_REPORTED)]


if TYPE_CHECKING:  # to the checker these are plain words; at run time, Literals Typer can check
    from typing import TypeAlias

    Addiction: TypeAlias = str
    Speed: TypeAlias = str
    Invasiveness: TypeAlias = str
    Certainty: TypeAlias = str
    SortKey: TypeAlias = str
    Format: TypeAlias = str
    Verdict: TypeAlias = str
    CheckSort: TypeAlias = str
else:
    Addiction = _choices(m.ADDICTION_LEVELS.words)
    Speed = _choices(m.ONSET_SPEEDS.words)
    Invasiveness = _choices(m.INVASIVENESS.words)
    Certainty = _choices(m.CERTAINTIES.words)
    SortKey = _choices(query.SORT_KEYS)
    Format = _choices(tuple(f.value for f in OutputFormat))
    Verdict = _choices((*m.VERDICTS.words, "not-checked"))
    CheckSort = _choices(("article", "worthiness"))

HELP = """Compare treatments for chronic pain side by side: benefits and harms in equal detail,
every fact cited to its source. Information for talking with a clinician, not medical advice.

\b
Examples:
  paincompare list --condition "lower back" --sort benefit
  paincompare compare ketamine opioids --condition fibromyalgia
  paincompare compare ketamine "physical therapy" --rows evidence,addiction,cost
  paincompare show ketamine --format json > ketamine.json
  paincompare sources ketamine
  paincompare check article.html --format html -o review.html
  paincompare check article.txt --condition "knee arthritis" --verdicts-only
"""

app = typer.Typer(
    # Plain help and one-line usage errors: Rich panels wrap messages and cost start-up time.
    help=HELP,
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class _State:
    """Global options, set by the callback before any command runs."""

    catalogue: str | None = None
    region: str | None = None
    debug = False
    no_color = False
    no_pager = False


def _complete_treatment(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: ids and aliases of the catalogue in use that start with what was typed."""
    chosen = ctx.find_root().params.get("catalogue")
    try:
        loaded = catalogue_file.load(catalogue_file.choose_path(chosen))
    except PainCompareError:
        return []
    start = incomplete.casefold().lstrip("'\"")
    names = dict.fromkeys(n for t in loaded.treatments for n in (t.id, *t.aliases))
    # a name with control characters could act on the terminal when the shell lists it
    found = [n for n in names if n.casefold().startswith(start) and n.isprintable()]
    return [_quoted_for_shell(n) for n in found]


def _quoted_for_shell(name: str) -> str:
    """bash and zsh insert a completion as typed, so a space must be escaped; fish quotes by itself."""
    if " " not in name or os.environ.get("_PAINCOMPARE_COMPLETE", "").endswith("fish"):
        return name
    return name.replace(" ", "\\ ")


def _complete_rows(incomplete: str) -> list[str]:
    done, _, last = incomplete.rpartition(",")
    prefix = done + "," if done else ""
    return [prefix + row for row in ROWS if row.startswith(last)]


FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        show_default=False,
        help="Output format: table, plain, markdown, csv, json or html. Default: from the -o file's "
        "extension, else PAINCOMPARE_FORMAT, else table.",
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write to FILE (replaced whole, never half-written); - is stdout."
    ),
]
NoHeadersOption = Annotated[bool, typer.Option("--no-headers", help="plain and csv: leave out the header line.")]
ConditionOption = Annotated[
    str | None,
    typer.Option(
        help="Show the evidence and guidelines for this condition (words of its name, e.g. 'lower back', "
        "'nerve pain'); see 'paincompare conditions'.",
        metavar="CONDITION",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"paincompare {__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    catalogue: Annotated[
        str | None,
        typer.Option(
            "--catalogue",
            envvar=catalogue_file.ENV_VAR,
            metavar="PATH",
            help="Read this catalogue instead of the bundled one.",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", envvar="PAINCOMPARE_DEBUG", help="Show a traceback for internal errors.")
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour, even on a terminal.")] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never page long output (also PAINCOMPARE_PAGER=cat).")
    ] = False,
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            metavar="uk|us",
            help="Whose names, drug laws, guidelines first, availability and prices: uk or us. Default: "
            "PAINCOMPARE_REGION, else the locale (en_GB: uk), else us.",
            autocompletion=lambda incomplete: [r for r in m.READER_REGIONS if r.startswith(incomplete)],
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    _State.catalogue = catalogue
    _State.debug = debug
    _State.no_color = no_color
    _State.no_pager = no_pager
    _State.region = region


def _load() -> m.Catalogue:
    loaded = catalogue_file.load(catalogue_file.choose_path(_State.catalogue))
    if dt.date.today() > loaded.info.next_review():
        _warn(
            f"this catalogue was last reviewed on {loaded.info.reviewed.isoformat()} and is past its "
            f"review date ({loaded.info.next_review().isoformat()}); facts may be out of date."
        )
    return loaded


def _conditions(cat: m.Catalogue, condition: str | None) -> frozenset[str] | None:
    """The condition ids --condition asks for, or None when it was not given."""
    return query.match_conditions(cat, condition) if condition else None


def _region() -> region_choice.Region:
    return region_choice.choose(_State.region, os.environ)


def _emit(report: Report, fmt: str | None, destination: str | None) -> None:
    report = report._replace(region=_region())
    to_file = destination not in (None, output.STDOUT)
    chosen = choose_format(fmt, destination, os.environ.get("PAINCOMPARE_FORMAT"))
    env = OutputEnv.for_file() if to_file else OutputEnv.detect(sys.stdout, no_color=_State.no_color)
    pager = None if to_file or _State.no_pager else output.pager_command(env)
    output.write(render(report, chosen, env), destination, pager)


def _warn(message: str) -> None:
    output.message(f"paincompare: warning: {visible(message)}")


@app.command("list")
def list_treatments(
    max_addiction: Annotated[Addiction | None, typer.Option(help="Addiction risk at or below this level.")] = None,
    onset: Annotated[Speed | None, typer.Option(help="Relief starts at least this fast.")] = None,
    max_invasiveness: Annotated[Invasiveness | None, typer.Option(help="Invasiveness at or below this level.")] = None,
    category: Annotated[
        list[str] | None,
        typer.Option(
            help=f"Only this category (repeatable): {', '.join(m.CATEGORIES.words)}.",
            metavar="CATEGORY",
            autocompletion=lambda incomplete: [c for c in m.CATEGORIES.words if c.startswith(incomplete)],
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
    cat = _load()
    # Typer cannot check a repeatable option against a list of choices, so this one is checked here.
    categories = tuple(query.check_category(c) for c in category or ())
    filters = query.Filters(
        max_addiction=max_addiction,
        onset=onset,
        max_invasiveness=max_invasiveness,
        categories=categories,
        conditions=_conditions(cat, condition),
        min_evidence=min_evidence,
        region=_region().code,
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
    flags = tuple((text, query.match_situations(cat, text)) for text in flag or ())
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
    _emit(report, fmt, to)


@app.command()
def compare(
    names: Annotated[
        list[str],
        typer.Argument(
            help="Two or more treatments: id, name or alias.",
            metavar="TREATMENT...",
            autocompletion=_complete_treatment,
        ),
    ],
    rows: Annotated[
        str | None,
        typer.Option(
            help=f"Comma-separated rows to show: {', '.join(ROWS)}.", metavar="ROW,ROW", autocompletion=_complete_rows
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
    cat = _load()
    treatments = query.resolve_all(cat, names)
    filters = query.Filters(conditions=_conditions(cat, condition))
    report = Report(ReportKind.COMPARE, cat, tuple(treatments), chosen_rows, not no_headers, filters, condition, detail)
    _emit(report, fmt, to)


@app.command()
def show(
    name: Annotated[
        str,
        typer.Argument(help="A treatment: id, name or alias.", metavar="TREATMENT", autocompletion=_complete_treatment),
    ],
    condition: ConditionOption = None,
    fmt: FormatOption = None,
    to: OutputOption = None,
    no_headers: NoHeadersOption = False,
) -> None:
    """Every field of one treatment, with numbered references."""
    cat = _load()
    treatment = query.resolve(cat, name)
    rows = SHOW_ROWS
    filters = query.Filters(conditions=_conditions(cat, condition))
    _emit(Report(ReportKind.SHOW, cat, (treatment,), rows, not no_headers, filters, condition, True), fmt, to)


@app.command()
def sources(
    name: Annotated[
        str | None,
        typer.Argument(
            help="Only the sources this treatment cites.", metavar="[TREATMENT]", autocompletion=_complete_treatment
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
    cat = _load()
    treatments = (query.resolve(cat, name),) if name else ()
    _emit(Report(ReportKind.SOURCES, cat, treatments, headers=not no_headers, detail=detail), fmt, to)


@app.command()
def conditions(
    fmt: FormatOption = None,
    to: OutputOption = None,
    no_headers: NoHeadersOption = False,
) -> None:
    """Every condition the catalogue knows, with how many treatments have evidence for it."""
    cat = _load()
    _emit(Report(ReportKind.CONDITIONS, cat, (), headers=not no_headers), fmt, to)


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
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        show_default=False,
        help="Output format: table, plain, markdown, csv, json, html, or claimreview (schema.org ClaimReview "
        "JSON-LD, one per judged finding). Default: from the -o file's extension (.jsonld is claimreview), "
        "else PAINCOMPARE_FORMAT, else table.",
    ),
]


@app.command()
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
    from paincompare.render import claimreview

    publication = claimreview.Publication(
        _web_address(url, "--url"), _web_address(review_url, "--review-url"), author, _iso_date(date)
    )
    cat = _load()
    asked = _conditions(cat, condition)
    broadest = frozenset(c for c in asked if cat.conditions[c].parent not in asked) if asked else None
    text = article_file.read(Path(article))
    words = signals.load(cat)
    result = finder.check(cat, text, words, broadest)
    reader = scorecard.Reader(words)
    result = result._replace(scorecard=tuple(scorecard.score(result, words, cat, reader)))
    if verdicts_only:
        result = result._replace(findings=tuple(f for f in result.findings if f.verdict != finder.NOT_CHECKED))
    if sort == "worthiness":
        from paincompare.check import worthiness

        result = worthiness.ordered(result, reader)
    report = Report(ReportKind.CHECK, cat, (), headers=not no_headers, check=result, publication=publication)
    _emit(report, fmt, to)
    if fail_on and any(f.verdict == fail_on for f in result.findings):
        output.message(f"paincompare: the article has findings marked {fail_on}.")
        raise typer.Exit(ExitCode.ERROR)


@app.command()
def validate(
    path: Annotated[Path | None, typer.Argument(help="The catalogue to check (default: the one in use).")] = None,
) -> None:
    """Check a catalogue and list every problem with its FILE:LINE:COL, then any warnings."""
    target = path or catalogue_file.choose_path(_State.catalogue)
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


# Global options a person may also type after the command (`paincompare list --no-color`);
# they are moved in front of it, where the command line expects them.
_GLOBAL_FLAGS = ("--no-color", "--no-pager", "--debug")
_GLOBAL_WITH_VALUE = ("--catalogue", "--region")
_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def globals_first(args: list[str]) -> list[str]:
    """The arguments with global options moved before the command; nothing after '--' is touched."""
    command_at = next(
        (i for i, a in enumerate(args) if not a.startswith("-") and (i == 0 or args[i - 1] not in _GLOBAL_WITH_VALUE)),
        None,
    )
    if command_at is None:
        return args
    head, rest, moved = args[:command_at], [], []
    tail = args[command_at:]
    index = 0
    while index < len(tail):
        arg = tail[index]
        if arg == "--":
            rest += tail[index:]
            break
        if arg in _GLOBAL_FLAGS or arg.split("=", 1)[0] in _GLOBAL_WITH_VALUE and "=" in arg:
            moved.append(arg)
        elif arg in _GLOBAL_WITH_VALUE and index + 1 < len(tail):
            moved += [arg, tail[index + 1]]
            index += 1
        else:
            rest.append(arg)
        index += 1
    return head + moved + rest


def _completion_for_shell(args: list[str]) -> int | None:
    """`--show-completion zsh` and `--install-completion fish`: the named shell, not the one detected."""
    if len(args) != 2 or args[0] not in ("--show-completion", "--install-completion") or args[1] not in _SHELLS:
        return None
    from typer import _completion_shared as completion  # Typer's own scripts, for a shell it was told

    name, variable = "paincompare", "_PAINCOMPARE_COMPLETE"
    if args[0] == "--show-completion":
        typer.echo(completion.get_completion_script(prog_name=name, complete_var=variable, shell=args[1]))
    else:
        shell, path = completion.install(shell=args[1], prog_name=name, complete_var=variable)
        output.message(f"{shell} completion installed in {path}; it takes effect in a new shell.")
    return ExitCode.OK


def main(argv: list[str] | None = None) -> int:
    """Runs the app; returns the exit code instead of letting a traceback reach the person."""
    _tolerate_narrow_encodings()
    args = globals_first(list(sys.argv[1:] if argv is None else argv))
    try:
        shown = _completion_for_shell(args)
        if shown is not None:
            return shown
        app(args=args, prog_name="paincompare")
    except SystemExit as exc:
        return _exit_code(exc)
    except PainCompareError as exc:
        output.message(f"paincompare: error: {visible(str(exc))}")
        return exc.exit_code
    except KeyboardInterrupt:
        output.message("")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return _broken_pipe()
    except Exception:  # noqa: BLE001 - the last line of defence: one line, not a traceback
        if _State.debug or os.environ.get("PAINCOMPARE_DEBUG") or "--debug" in args:
            import traceback  # only ever needed here

            traceback.print_exc()
        else:
            output.message(
                "paincompare: internal error; run again with --debug and report the output "
                "as an issue in the paincompare repository."
            )
        return ExitCode.ERROR
    return ExitCode.OK


def _tolerate_narrow_encodings() -> None:
    # Under PYTHONIOENCODING=ascii or a legacy code page, a character the stream cannot encode
    # becomes '?' instead of a crash; certainty symbols already switch to ASCII (OutputEnv).
    for stream in (s for s in (sys.stdout, sys.stderr) if s is not None):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return ExitCode.OK
    return exc.code if isinstance(exc.code, int) else ExitCode.ERROR


def _broken_pipe() -> int:
    # The reader went away (`| head`); stop quietly, and point stdout at devnull so the
    # interpreter's final flush cannot raise again (Python docs, "Note on SIGPIPE").
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    return ExitCode.ERROR
