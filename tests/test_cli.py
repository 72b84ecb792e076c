"""The command line as a user meets it: in this process by default (`run` is `invoke` here, as httpie
and sqlite-utils test theirs), and as the installed script where a real process matters (a
pseudo-terminal, python -m, a full disk, shell completion)."""

from __future__ import annotations

import json
import os

import factory
import pytest
from conftest import BUNDLED, user_env

from paincompare import catalogue


def ids(stdout: str) -> list[str]:
    return [t["id"] for t in json.loads(stdout)["treatments"]]


def test_compare_ketamine_and_opioids_side_by_side(run):
    result = run("compare", "ketamine", "opioids")
    assert result.returncode == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if "Question" in line)
    assert "IV ketamine infusion" in header and "Long-term strong opioids" in header
    assert "References" in result.stdout and "not medical advice" in result.stdout.lower()


def test_piped_output_has_no_escape_codes_even_when_colour_is_on_for_terminals(run):
    result = run("compare", "ketamine", "opioids", env=user_env(TERM="xterm-256color"))
    assert "\x1b" not in result.stdout
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100, "a piped table is wrapped at 100 characters"
    assert len(lines) <= 150, "the grid of two treatments fits about three screens"


def test_max_addiction_low_leaves_out_opioids_and_ketamine(run):
    result = run("list", "--max-addiction", "low", "--format", "json")
    listed = ids(result.stdout)
    assert "strong-opioids" not in listed and "ketamine-infusion" not in listed
    assert "exercise-therapy" in listed


def test_onset_hours_leaves_out_physical_therapy(run):
    listed = ids(run("list", "--onset", "hours", "--format", "json").stdout)
    assert listed and "exercise-therapy" not in listed


def test_unknown_treatment_exits_2_with_a_suggestion_and_empty_stdout(run):
    result = run("compare", "ketamine", "unicorn")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "unknown treatment 'unicorn'" in result.stderr
    typo = run("compare", "ketamine", "opiods")
    assert typo.returncode == 2 and "Did you mean" in typo.stderr and "strong-opioids" in typo.stderr
    assert typo.stdout == ""


def test_show_json_resolves_every_cited_source(run):
    result = run("show", "ketamine", "--format", "json")
    document = json.loads(result.stdout)
    (record,) = document["treatments"]
    for field in (
        "id",
        "name",
        "aliases",
        "category",
        "how_given",
        "addiction_risk",
        "onset",
        "duration",
        "invasiveness",
        "evidence",
        "side_effects",
        "guidelines",
        "cost",
        "claims",
        "reviewed",
    ):
        assert field in record
    cited = {
        s
        for block in (
            record["how_given"],
            record["addiction_risk"],
            record["onset"],
            record["duration"],
            record["side_effects"],
            record["cost"],
            *record["evidence"],
            *record["claims"],
            *record["guidelines"],
        )
        for s in block["sources"]
    }
    assert cited <= set(document["references"])
    assert all(document["references"][s]["url"].startswith("http") for s in cited)


def test_list_filters_are_validated_with_the_allowed_values(run):
    result = run("list", "--max-addiction", "lowish")
    assert result.returncode == 2
    assert "'none', 'low', 'moderate', 'high'" in result.stderr
    assert result.stdout == ""


def test_no_match_says_so_on_stderr_and_exits_0(run):
    result = run("list", "--category", "surgical", "--max-invasiveness", "none")
    assert result.returncode == 0
    assert result.stdout == "" and "no treatment matches" in result.stderr


def test_format_from_the_environment(run):
    result = run("list", env=user_env(PAINCOMPARE_FORMAT="json"))
    assert len(ids(result.stdout)) >= 30


def test_other_catalogue_by_option_and_by_environment(run, tmp_path):
    path = factory.write(tmp_path, factory.catalogue(factory.treatment("alpha"), factory.treatment("beta")))
    assert ids(run("--catalogue", str(path), "list", "-f", "json").stdout) == ["alpha", "beta"]
    assert ids(run("list", "-f", "json", env=user_env(PAINCOMPARE_CATALOGUE=str(path))).stdout) == ["alpha", "beta"]


def test_a_broken_catalogue_is_one_clear_error_without_traceback(run, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("catalogue: [\n", encoding="utf-8")
    result = run("--catalogue", str(broken), "list")
    assert result.returncode == 1
    assert f"{broken}:2:1: YAML syntax error" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_validate_the_bundled_catalogue_and_a_broken_copy(run, tmp_path):
    ok = run("validate", str(BUNDLED))
    assert ok.returncode == 0, ok.stdout
    broken = tmp_path / "copy.yaml"
    broken.write_text(
        BUNDLED.read_text(encoding="utf-8")
        .replace("level: high", "level: extreme", 1)
        .replace("kind: guideline", "kind: guidance", 1),
        encoding="utf-8",
    )
    result = run("validate", str(broken))
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) >= 2
    assert all(line.startswith(f"{broken}:") for line in result.stdout.splitlines())
    assert "'extreme' is not an addiction level" in result.stdout


@pytest.mark.parametrize("args", [(), ("--help",), ("list", "-h")])
def test_help_has_examples(run, args):
    result = run(*args)
    shown = result.stdout + result.stderr  # with no arguments, help goes to stderr with exit 2
    assert "Usage: paincompare" in shown and "Traceback" not in shown
    if "list" not in args:
        assert "paincompare compare ketamine opioids" in shown


def test_help_lists_the_views_then_check_then_validate(run):
    """The order is written once (cli.COMMANDS), not left to the order modules happen to be imported in."""
    from paincompare.cli import COMMANDS

    shown = run("--help").stdout
    listed = [line.split()[0] for line in shown.split("Commands:")[1].splitlines() if line.strip()[:1].isalpha()]
    assert [name for name, _command in COMMANDS] == [
        "list",
        "compare",
        "show",
        "sources",
        "conditions",
        "check",
        "validate",
    ]
    assert listed[: len(COMMANDS)] == [name for name, _command in COMMANDS]


def test_version_and_python_dash_m(run, tmp_path):
    import subprocess
    import sys

    from paincompare import __version__

    assert run("--version").stdout == f"paincompare {__version__}\n"
    module = subprocess.run(
        [sys.executable, "-m", "paincompare", "--version"], capture_output=True, text=True, cwd=tmp_path, env=user_env()
    )
    assert module.returncode == 0 and module.stdout == f"paincompare {__version__}\n"


def test_sources_lists_the_bibliography_and_one_treatments_citations(run):
    everything = json.loads(run("sources", "-f", "json").stdout)["references"]
    ketamine = json.loads(run("sources", "ketamine", "-f", "json").stdout)["references"]
    assert len(everything) > len(ketamine) > 3
    assert set(ketamine) <= set(everything)


@pytest.mark.parametrize("columns", [40, 250])
def test_a_file_written_from_a_40_column_terminal_has_every_cell_whole(tmp_path, columns):
    """stdin and stderr are a 40-column terminal, stdout a file: the table keeps its natural width."""
    import fcntl
    import pty
    import struct
    import subprocess
    import termios

    from conftest import script

    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    out = tmp_path / "out.txt"
    with out.open("w") as stdout:
        subprocess.run(
            [script(), "compare", "ketamine", "opioids"],
            stdin=terminal,
            stdout=stdout,
            stderr=terminal,
            env=user_env(TERM="xterm-256color"),
            timeout=60,
            check=True,
        )
    os.close(terminal)
    os.close(controller)
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text and "…" not in text
    piped = subprocess.run(
        [script(), "compare", "ketamine", "opioids"], capture_output=True, text=True, env=user_env(), check=True
    )
    assert text == piped.stdout, "a file is the same whatever terminal ran the command"
    words = text.split()
    for answer in ("Schedule", "III.", "dependent.", "overdose."):
        assert answer in words


@pytest.mark.parametrize(
    "shell_env, expected",
    [
        (
            {"_PAINCOMPARE_COMPLETE": "complete_bash", "COMP_WORDS": "paincompare compare keta", "COMP_CWORD": "2"},
            "ketamine-infusion",
        ),
        ({"_PAINCOMPARE_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "paincompare show opio"}, "opioids"),
        (
            {
                "_PAINCOMPARE_COMPLETE": "complete_fish",
                "_TYPER_COMPLETE_ARGS": "paincompare show tram",
                "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            },
            "tramadol",
        ),
        (
            {"_PAINCOMPARE_COMPLETE": "complete_bash", "COMP_WORDS": "paincompare list --onset ", "COMP_CWORD": "3"},
            "weeks",
        ),
        ({"_PAINCOMPARE_COMPLETE": "complete_bash", "COMP_WORDS": "paincompare comp", "COMP_CWORD": "1"}, "compare"),
        (
            {"_PAINCOMPARE_COMPLETE": "complete_bash", "COMP_WORDS": "paincompare list --max-inv", "COMP_CWORD": "2"},
            "--max-invasiveness",
        ),
    ],
)
def test_shell_completion_of_commands_options_vocabularies_and_names(script_run, shell_env, expected):
    result = script_run(env=user_env(**shell_env))
    assert expected in result.stdout.split("\n") or f'"{expected}"' in result.stdout, result.stdout


def test_a_catalogue_past_its_review_date_warns_on_stderr_only(run, tmp_path):
    path = factory.write(tmp_path, factory.catalogue(factory.treatment("alpha"), reviewed="2015-01-01"))
    result = run("--catalogue", str(path), "list", "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout)["treatments"]
    assert "past its review date" in result.stderr and "2015-01-01" in result.stderr


def test_force_color_colours_and_no_color_wins(run):
    forced = run("list", env=user_env(FORCE_COLOR="1"))
    assert "\x1b[1m" in forced.stdout and "Schedule II" in forced.stdout
    assert "\x1b" not in run("--no-color", "list", env=user_env(FORCE_COLOR="1")).stdout
    assert "\x1b" not in run("list", env=user_env(FORCE_COLOR="1", NO_COLOR="1")).stdout


# -- in-process: the commands' behaviour, without a subprocess each -----------------------------


def test_show_acetaminophen_states_its_back_pain_finding_as_grade_words(invoke):
    result = invoke("show", "acetaminophen", "--format", "json")
    (back,) = [e for e in json.loads(result.stdout)["treatments"][0]["evidence"] if e["condition"] == "low-back-pain"]
    assert back["comparator"] == "dummy" and back["benefit"] in ("none", "slight") and back["certainty"] == "high"
    assert back["follow_up"] and back["mean_difference"]["points"] > -0.5
    text = invoke("show", "acetaminophen").stdout
    assert "Results in little or no difference in pain (⊕⊕⊕⊕ high)" in " ".join(text.split())


@pytest.mark.parametrize(
    "words, expected",
    [
        ("lower back", "exercise-therapy"),
        ("nerve pain", "gabapentin"),
        ("shingles", "capsaicin-patch"),
        ("knee arthritis", "topical-nsaids"),
    ],
)
def test_list_finds_treatments_by_everyday_condition_words(invoke, words, expected):
    result = invoke("list", "--condition", words, "--format", "json")
    assert result.code == 0 and expected in ids(result.stdout)


def test_list_for_a_condition_shows_that_conditions_finding_on_every_row(invoke):
    document = json.loads(invoke("list", "--condition", "fibromyalgia", "--format", "json").stdout)
    assert document["treatments"]
    for t in document["treatments"]:
        assert t["evidence"][t["shown_finding"]]["condition"] == "fibromyalgia", t["id"]


def test_back_pain_sorted_by_benefit_puts_exercise_above_acetaminophen(invoke):
    rows = invoke("list", "--condition", "back", "--sort", "benefit", "--format", "plain").stdout.splitlines()
    order = [row.split("\t")[0] for row in rows[1:] if not row.startswith("#")]
    assert order.index("exercise-therapy") < order.index("acetaminophen")
    (acetaminophen,) = [row for row in rows if row.startswith("acetaminophen\t")]
    assert "little or no difference" in acetaminophen


def test_an_unknown_condition_exits_2_with_suggestions(invoke):
    result = invoke("list", "--condition", "fibromialgia")
    assert result.code == 2 and result.stdout == ""
    assert "unknown condition 'fibromialgia'. Did you mean: fibromyalgia?" in result.stderr


def test_compare_and_show_take_a_condition(invoke):
    compared = invoke("compare", "ketamine", "opioids", "--condition", "back")
    assert compared.code == 0 and "chronic low back pain" in " ".join(compared.stdout.split())
    shown = json.loads(invoke("show", "duloxetine", "--condition", "fibromyalgia", "--format", "json").stdout)
    assert shown["query"] == {"command": "show", "condition": "fibromyalgia", "region": "us"}
    text = " ".join(invoke("show", "duloxetine", "--condition", "fibromyalgia").stdout.split())
    assert "For fibromyalgia" in text and "For painful diabetic neuropathy" not in text


def test_conditions_lists_every_condition_with_counts_in_every_format(invoke):
    document = json.loads(invoke("conditions", "--format", "json").stdout)
    assert document["conditions"]["fibromyalgia"]["treatments"] >= 10
    assert document["conditions"]["chronic-pain"]["with_narrower"] == len(catalogue.load(BUNDLED).treatments)
    for fmt in ("table", "plain", "markdown", "csv", "html"):
        result = invoke("conditions", "--format", fmt)
        assert result.code == 0 and "post-herpetic-neuralgia" in result.stdout.replace("\n", ""), fmt


def test_the_format_follows_the_output_files_extension(invoke, tmp_path):
    for name, start in (("v.html", "<!DOCTYPE html>"), ("v.md", "## "), ("v.json", "{"), ("v.csv", "id,name")):
        assert invoke("list", "-o", str(tmp_path / name)).code == 0
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start), name
    clash = invoke("list", "-o", str(tmp_path / "v.html"), "--format", "csv")
    assert clash.code == 2 and "does not match the file name" in clash.stderr


def test_csv_notes_are_dropped_by_pandas_comment_option(invoke):
    pandas = pytest.importorskip("pandas") if not os.environ.get("CI") else __import__("pandas")
    import io

    text = invoke("list", "--format", "csv").stdout
    frame = pandas.read_csv(io.StringIO(text), comment="#")
    assert len(frame) == len(catalogue.load(BUNDLED).treatments) and list(frame.columns)[:2] == ["id", "name"]


def test_global_options_work_after_the_command(invoke):
    assert invoke("list", "--no-color", "--format", "plain").code == 0
    from paincompare.cli import globals_first

    assert globals_first(["list", "--no-color", "--catalogue", "x.yaml"]) == [
        "--no-color",
        "--catalogue",
        "x.yaml",
        "list",
    ]
    assert globals_first(["--catalogue", "list", "show"]) == ["--catalogue", "list", "show"]
    assert globals_first(["show", "--", "--debug"]) == ["show", "--", "--debug"]


def test_show_completion_prints_the_named_shells_script(invoke):
    assert "#compdef paincompare" in invoke("--show-completion", "zsh").stdout
    assert "complete --command paincompare" in invoke("--show-completion", "fish").stdout


def test_completion_escapes_names_with_spaces(script_run):
    env = user_env(_PAINCOMPARE_COMPLETE="complete_bash", COMP_WORDS="paincompare show phys", COMP_CWORD="2")
    assert "physical\\ therapy" in script_run(env=env).stdout.split("\n")


def test_a_full_disk_on_stdout_is_one_clear_line_and_exit_1(tmp_path):
    import subprocess

    from conftest import script

    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [script(), "compare", "ketamine", "opioids"], stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert result.returncode == 1
    assert result.stderr == "paincompare: error: cannot write to standard output: No space left on device\n"


def test_every_readme_usage_line_works_as_written(invoke, tmp_path, monkeypatch):
    import shlex

    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Usage", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = [shlex.split(line, comments=True) for line in block.strip().splitlines()]
    assert len(lines) >= 10
    monkeypatch.chdir(tmp_path)
    factory.write(tmp_path, factory.catalogue(), "my-catalogue.yaml")
    (tmp_path / "article.txt").write_text("Ketamine is non-addictive.\n", encoding="utf-8")
    for words in lines:
        assert words[0] == "paincompare"
        result = invoke(*words[1:])
        assert result.code == 0, (words, result.stderr)


def test_list_sorts_and_reverses_through_the_command_line(run):
    by_name = ids(run("list", "--sort", "name", "--format", "json").stdout)
    assert by_name[:2] == ["act", "acetaminophen"]  # "Acceptance and commitment therapy (ACT)" first
    backwards = ids(run("list", "--sort", "name", "--reverse", "--format", "json").stdout)
    assert backwards == list(reversed(by_name))
    as_written = ids(run("list", "--format", "json").stdout)
    assert ids(run("list", "--reverse", "--format", "json").stdout) == list(reversed(as_written))


def test_compare_needs_two_names(run):
    result = run("compare", "ketamine")
    assert result.returncode == 2 and result.stdout == ""
    assert "compare needs at least two treatments; to see one, use 'paincompare show'" in result.stderr


def test_rows_completion_offers_the_next_row_after_a_comma(script_run):
    env = user_env(
        _PAINCOMPARE_COMPLETE="complete_bash", COMP_WORDS="paincompare compare a b --rows cost,ev", COMP_CWORD="5"
    )
    assert "cost,evidence" in script_run(env=env).stdout.split("\n")


def test_json_on_a_terminal_is_indented_and_readable():
    from paincompare import catalogue
    from paincompare.render import OutputFormat, Report, ReportKind, render
    from paincompare.terminal import OutputEnv

    cat = catalogue.load(BUNDLED)
    report = Report(ReportKind.SHOW, cat, cat.treatments[:1], ("id",))
    terminal = render(report, OutputFormat.JSON, OutputEnv(is_tty=True, width=80, colour=True, ascii_only=False))
    piped = render(report, OutputFormat.JSON, OutputEnv(is_tty=False, width=None, colour=False, ascii_only=False))
    assert terminal.startswith('{\n  "catalogue": {') and "⊕" not in piped and "\n" not in piped.rstrip("\n")
    assert json.loads(terminal) == json.loads(piped)


@pytest.mark.parametrize(
    "name, advice",
    [
        ("visit.pdf", "-o visit.html, open it in a browser and print it"),
        ("notes.docx", "-o notes.html"),
        ("sheet.xlsx", "-o sheet.csv and open it in your spreadsheet"),
        ("VISIT.PDF", "-o VISIT.html"),
    ],
)
def test_a_document_paincompare_does_not_write_is_a_usage_error_that_says_what_to_do(run, tmp_path, name, advice):
    result = run("compare", "ketamine", "opioids", "-o", str(tmp_path / name))
    assert result.code == 2 and advice in result.stderr and not (tmp_path / name).exists()
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("name", ["visit.html", "notes.pdf.txt", "report.md"])
def test_files_paincompare_writes_are_not_refused(run, tmp_path, name):
    assert run("compare", "ketamine", "opioids", "-o", str(tmp_path / name)).code == 0
