"""Shared fixtures: small catalogues on disk, and the installed console script run as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import factory
import pytest

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "data" / "treatments.yaml"
ARTICLES = Path(__file__).parent / "articles"  # the test articles `check` is tried on


def script() -> str:
    """The `paincompare` console script installed next to this interpreter."""
    candidate = Path(sys.executable).with_name("paincompare")
    if not candidate.exists():
        pytest.fail("the paincompare console script is not installed; run: pip install -e '.[test]'")
    return str(candidate)


# Tests keep their catalogue cache out of the home folder of whoever runs them.
CACHE_DIR = tempfile.mkdtemp(prefix="paincompare-test-cache-")
os.environ["PAINCOMPARE_CACHE_DIR"] = CACHE_DIR


def user_env(**changes: str | None) -> dict[str, str]:
    """The environment a user's shell has, minus anything that would colour or size the output."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in (
            "COLUMNS",
            "LINES",
            "NO_COLOR",
            "FORCE_COLOR",
            "PAINCOMPARE_CATALOGUE",
            "PAINCOMPARE_FORMAT",
            "PAINCOMPARE_DEBUG",
            "TTY_COMPATIBLE",
            "PAINCOMPARE_NO_CACHE",
        )
        # coverage is measured in this process; measuring every real subprocess too doubled the
        # suite's time for lines the in-process tests already reach
        and not k.startswith("COV_CORE_")
    }
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


@pytest.fixture(scope="session")
def cat():
    """The bundled catalogue, loaded once: its records are immutable, so tests can share it."""
    from paincompare import catalogue

    return catalogue.load(BUNDLED)


@pytest.fixture(scope="session")
def signals(cat):
    """`check`'s signal words for the bundled catalogue."""
    from paincompare.check import signals as signal_words

    return signal_words.load(cat)


@pytest.fixture
def script_run(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Runs the installed `paincompare ARGS` in a subprocess from an empty folder: for what only a
    real process shows (encodings, signals, pipes, terminals, packaging)."""

    def _run(
        *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, input: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        env = env or user_env()
        return subprocess.run(
            [script(), *args],
            capture_output=True,
            text=True,
            encoding=env.get("PYTHONIOENCODING", "utf-8"),  # read the output as the process was told to write it
            env=env,
            cwd=cwd or tmp_path,
            input=input,
            timeout=60,
        )

    return _run


@pytest.fixture
def write_catalogue(tmp_path: Path) -> Callable[..., Path]:
    """Writes a catalogue built by tests/factory.py and returns its path."""

    def _write(*treatments: dict[str, Any], **options: Any) -> Path:
        return factory.write(tmp_path, factory.catalogue(*treatments, **options))

    return _write


class Result(NamedTuple):
    code: int
    stdout: str
    stderr: str

    @property
    def returncode(self) -> int:  # the same name as subprocess.CompletedProcess, so tests read alike
        return self.code


@pytest.fixture
def invoke(capsys, monkeypatch) -> Callable[..., Result]:
    """Runs paincompare's `main(argv)` in this process, as the console script would, with output captured.

    `env` replaces the whole environment (as `run` does for a subprocess); keyword arguments change
    single variables; `input` is what stdin holds.
    """
    import io

    from paincompare import cli

    def _invoke(*args: str, env: dict[str, str] | None = None, input: str | None = None, **environ: str) -> Result:
        if env is not None:
            for name in list(os.environ):
                if name not in env:
                    monkeypatch.delenv(name)
            for name, value in env.items():
                monkeypatch.setenv(name, value)
        else:
            for name in ("COLUMNS", "PAINCOMPARE_FORMAT", "PAINCOMPARE_CATALOGUE", "FORCE_COLOR", "NO_COLOR"):
                monkeypatch.delenv(name, raising=False)
        for name, value in environ.items():
            monkeypatch.setenv(name, value)
        if input is not None:
            monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(input.encode("utf-8")), encoding="utf-8"))
        capsys.readouterr()
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return _invoke


@pytest.fixture
def run(invoke: Callable[..., Result]) -> Callable[..., Result]:
    """The default way to run a command in tests: in this process (see `invoke`)."""
    return invoke
