"""Hostile catalogues and environments: never a traceback, the right exit code, data or nothing."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import time
from contextlib import redirect_stderr, redirect_stdout

import factory
import pytest
import yaml
from conftest import BUNDLED, script, user_env
from hostile import HOSTILE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paincompare import cli
from paincompare.cli import shared

# -- property: mutated catalogues ------------------------------------------------------------

REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(HOSTILE),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
    st.sampled_from(["no", "yes", "1:30", "1.10", "2024-01-05", "", "   ", "[", "&a", "*a"]),
)


def _paths(node, prefix=()):
    """Every path into a nested structure of dicts and lists."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


def _mutate(data, path, action, replacement):
    if not path:
        return replacement if action == "retype" else data
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "drop":
        del parent[last]
    elif action == "retype":
        parent[last] = replacement
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(json.loads(json.dumps(parent[last], default=str)))
    elif action == "garble" and isinstance(parent[last], str):
        parent[last] = parent[last][::-1] + str(replacement)
    return data


@st.composite
def mutated_catalogues(draw):
    data = factory.catalogue(factory.treatment("alpha", aliases=["first"]), factory.treatment("beta"))
    for _ in range(draw(st.integers(1, 4))):
        paths = list(_paths(data))
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["drop", "retype", "duplicate", "garble"]))
        data = _mutate(data, path, action, draw(REPLACEMENTS))
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    if draw(st.booleans()):  # sometimes break the YAML itself
        at = draw(st.integers(0, len(text)))
        text = (
            text[:at]
            + draw(st.sampled_from(["\t", ":", "- ", "[", "{", "&x", "*x", "\x00", "\ufeff", "\n  ?"]))
            + text[at:]
        )
    return text


def _run_in_process(argv):
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = cli.main(argv)
    return code, stdout.getvalue(), stderr.getvalue()


# 60 examples, each a random mutation run through a random command (150 took 5 s of one worker)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=mutated_catalogues(),
    command=st.sampled_from(
        [
            ["validate"],
            ["list", "-f", "json"],
            ["list"],
            ["sources", "-f", "csv"],
            ["list", "-f", "html"],
            ["show", "alpha", "-f", "markdown"],
        ]
    ),
)
def test_mutated_catalogues_never_crash(tmp_path, text, command):
    path = tmp_path / "mutated.yaml"
    path.write_text(text, encoding="utf-8")
    argv = [*command, str(path)] if command == ["validate"] else ["--catalogue", str(path), *command]
    code, stdout, stderr = _run_in_process(argv)
    assert "Traceback" not in stderr and "internal error" not in stderr
    allowed = (0, 1, 2) if command[0] == "show" else (0, 1)  # a mutation may rename 'alpha'
    assert code in allowed, stderr
    if code != 0 and command[0] != "validate":
        assert stdout == ""
    elif code == 0 and "json" in command:
        json.loads(stdout)


# -- environments ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "env",
    [
        {"LANG": "C", "LC_ALL": "C"},
        {"PYTHONIOENCODING": "ascii"},
        {"COLUMNS": "20"},
        {"COLUMNS": "500"},
        {"TERM": "dumb"},
        {"PYTHONIOENCODING": "latin-1"},
    ],
)
@pytest.mark.parametrize("args", [("compare", "ketamine", "opioids"), ("list",)])
def test_odd_environments_give_readable_output(script_run, env, args):
    result = script_run(*args, env=user_env(**env))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "\x1b" not in result.stdout
    words = " ".join(result.stdout.split())
    expected = {"compare": "ketamine", "show": "Also", "list": "Acetaminophen"}
    assert expected[args[0]] in words, "the table itself is there (side by side or stacked), not just the footer"
    assert "not medical advice" in " ".join(result.stdout.split()).lower()


def test_narrow_terminal_still_shows_every_word(script_run):
    result = script_run("compare", "ketamine", "opioids", "--rows", "addiction", env=user_env(COLUMNS="20"))
    flat = " ".join(result.stdout.split())
    for word in ("Schedule", "III", "moderate", "high"):
        assert word in flat


def test_broken_pipe_is_quiet():
    with subprocess.Popen(
        f"'{script()}' list --format plain | head -1",
        shell=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=user_env(),
    ) as pipe:
        out, err = pipe.communicate(timeout=60)
    assert out.startswith("id\t") and err == ""


def test_ctrl_c_exits_130_without_traceback(tmp_path):
    big = factory.write_many(tmp_path, 3500)  # under the 10 MiB cap
    process = subprocess.Popen(
        [script(), "--catalogue", str(big), "list", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=user_env(),
    )
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in err and out == ""


def test_an_internal_error_is_one_line_unless_debug(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("something impossible")

    monkeypatch.setattr(shared, "render", broken)  # where output is drawn for every command
    code, stdout, stderr = _run_in_process(["list"])
    assert code == 1 and stdout == ""
    assert stderr.count("\n") == 1 and "internal error" in stderr and "--debug" in stderr
    code, _, stderr = _run_in_process(["--debug", "list"])
    assert code == 1 and "Traceback" in stderr and "something impossible" in stderr
    assert "locals" not in stderr.lower()


def test_usage_errors_exit_2_and_catalogue_errors_exit_1(run, tmp_path):
    assert run("list", "--sort", "price").returncode == 2
    assert run("frobnicate").returncode == 2
    assert run("compare", "ketamine", "--rows", "nonsense", "opioids").returncode == 2
    assert run("--catalogue", str(tmp_path), "list").returncode == 1
    assert run("--catalogue", str(tmp_path / "missing.yaml"), "list").returncode == 1


def test_an_oversized_catalogue_is_refused_with_the_cap(run, tmp_path):
    huge = tmp_path / "huge.yaml"
    with huge.open("w") as handle:
        handle.write("# " + "x" * (11 * 1024 * 1024) + "\n")
    result = run("--catalogue", str(huge), "list")
    assert result.returncode == 1 and "larger than 10 MiB" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "plain", "markdown", "csv", "json", "html"])
def test_hostile_catalogue_leaks_no_escape_sequence(script_run, run, tmp_path, fmt):
    """Through the real script once per format (its own stdout and colour), the rest in process."""
    from hostile import hostile_catalogue

    path = factory.write(tmp_path, hostile_catalogue())
    results = [
        script_run("--catalogue", str(path), "compare", "alpha", "beta", "-f", fmt, env=user_env(FORCE_COLOR="1"))
    ]
    for args in (["list"], ["show", "beta"], ["sources"], ["conditions"]):
        results.append(run("--catalogue", str(path), *args, "-f", fmt, FORCE_COLOR="1"))
    for result in results:
        assert result.returncode == 0, result.stderr
        body = result.stdout
        if fmt == "table":  # FORCE_COLOR may add our own colour codes; none may come from the data
            body = __import__("re").sub(r"\x1b\[[0-9;]*m", "", body)
        assert "\x1b" not in body and "\x07" not in body and "\x9b" not in body, fmt


def test_an_endless_device_is_refused_at_the_size_cap(run):
    result = run("--catalogue", "/dev/zero", "list")
    assert result.returncode == 1 and "larger than 10 MiB" in result.stderr


def test_a_catalogue_can_come_from_stdin(run):
    text = BUNDLED.read_text(encoding="utf-8")
    result = run("--catalogue", "-", "list", "--format", "json", input=text)
    assert result.returncode == 0 and len(json.loads(result.stdout)["treatments"]) >= 30
    broken = run("validate", "-", input="catalogue: [\n")
    assert broken.returncode == 1 and broken.stdout.startswith("<stdin>:2:1: YAML syntax error")
