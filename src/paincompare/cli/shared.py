"""The Typer app, its global options, the option types commands share, and loading and writing for them."""

# No "from __future__ import annotations" here: Typer would then eval every annotation string
# on each run (measured: about 3 ms of start-up).
import datetime as dt
import os
import sys
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from paincompare import __version__, guidance, output, query
from paincompare import catalogue as catalogue_file
from paincompare import region as region_choice
from paincompare.catalogue import models as m
from paincompare.catalogue import scales
from paincompare.errors import PainCompareError
from paincompare.render import OutputFormat, Report, choose_format, render
from paincompare.render.views import ROWS
from paincompare.terminal import OutputEnv, visible


def _choices(words: tuple[str, ...]) -> Any:
    """A Typer choice type (shown in help, checked, completed) from a scale's words.

    Literal rather than Enum: seven Enum classes cost about 3 ms of every start-up.
    """
    return Literal[tuple(w for w in words if w != scales.NOT_REPORTED)]


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
    Addiction = _choices(scales.ADDICTION_LEVELS.words)
    Speed = _choices(scales.ONSET_SPEEDS.words)
    Invasiveness = _choices(scales.INVASIVENESS.words)
    Certainty = _choices(scales.CERTAINTIES.words)
    SortKey = _choices(query.SORT_KEYS)
    Format = _choices(tuple(f.value for f in OutputFormat))
    Verdict = _choices(scales.FINDING_VERDICTS)
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


class State:
    """Global options, set by the callback before any command runs."""

    catalogue: str | None = None
    region: str | None = None
    debug = False
    no_color = False
    no_pager = False


def complete_treatment(ctx: typer.Context, incomplete: str) -> list[str]:
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


def complete_rows(incomplete: str) -> list[str]:
    done, _, last = incomplete.rpartition(",")
    prefix = done + "," if done else ""
    return [prefix + row for row in ROWS if row.startswith(last)]


def format_option(formats: str, from_extension: str = "") -> Any:
    """--format/-f, listing the formats a command writes; the default is worked out by choose_format."""
    return typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        show_default=False,
        help=f"Output format: {formats}. Default: from the -o file's extension{from_extension}, "
        "else PAINCOMPARE_FORMAT, else table.",
    )


FormatOption = Annotated[Format | None, format_option("table, plain, markdown, csv, json or html")]


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
            autocompletion=lambda incomplete: [r for r in scales.READER_REGIONS if r.startswith(incomplete)],
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    State.catalogue = catalogue
    State.debug = debug
    State.no_color = no_color
    State.no_pager = no_pager
    State.region = region


def load_catalogue() -> m.Catalogue:
    loaded = catalogue_file.load(catalogue_file.choose_path(State.catalogue))
    if dt.date.today() > loaded.info.next_review():
        _warn(
            f"this catalogue was last reviewed on {loaded.info.reviewed.isoformat()} and is past its "
            f"review date ({loaded.info.next_review().isoformat()}); facts may be out of date."
        )
    return loaded


def chosen_conditions(cat: m.Catalogue, condition: str | None) -> frozenset[str] | None:
    """The condition ids --condition asks for, or None when it was not given."""
    return guidance.match_conditions(cat, condition) if condition else None


def chosen_region() -> region_choice.Region:
    return region_choice.choose(State.region, os.environ)


def emit(report: Report, fmt: str | None, destination: str | None) -> None:
    report = report._replace(region=chosen_region())
    to_file = destination not in (None, output.STDOUT)
    chosen = choose_format(fmt, destination, os.environ.get("PAINCOMPARE_FORMAT"))
    env = OutputEnv.for_file() if to_file else OutputEnv.detect(sys.stdout, no_color=State.no_color)
    pager = None if to_file or State.no_pager else output.pager_command(env)
    output.write(render(report, chosen, env), destination, pager)


def _warn(message: str) -> None:
    output.message(f"paincompare: warning: {visible(message)}")
