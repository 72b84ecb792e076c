"""The bundled catalogue is found from a built wheel, an editable install and the source tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import BUNDLED, REPO, user_env

pytestmark = pytest.mark.slow


def bundled_ids() -> list[str]:
    from paincompare import catalogue

    return [t.id for t in catalogue.load(BUNDLED).treatments]


def listed_ids(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [t["id"] for t in json.loads(result.stdout)["treatments"]]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        # hatchling is a test dependency, so the build needs no isolated environment of its own
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    (built,) = out.glob("paincompare-*.whl")
    return built


def test_the_wheel_carries_the_catalogue(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "paincompare/data/treatments.yaml" in names
        assert archive.read("paincompare/data/treatments.yaml") == BUNDLED.read_bytes()
        assert "paincompare/check/check-signals.yaml" in names, "check reads its signal words from its package"


def test_a_wheel_installed_in_a_fresh_venv_runs_from_anywhere(wheel, tmp_path):
    # A fresh virtual environment with nothing of the repository in it. Its dependencies come from
    # this test run's own environment through a .pth file (what pip would fetch, already here), so
    # the test proves the wheel's contents without a round of downloads.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    import typer  # the dependencies' home in the test environment

    (Path(site) / "dependencies.pth").write_text(str(Path(typer.__file__).parents[1]) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    where = subprocess.run(
        [str(python), "-c", "import paincompare; print(paincompare.__file__)"],
        capture_output=True,
        text=True,
        cwd=outside,
        check=True,
    ).stdout
    assert where.startswith(str(env_dir)), f"the wheel's own copy must be the one imported, not {where}"
    result = subprocess.run(
        [str(env_dir / "bin" / "paincompare"), "list", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=outside,
        env=user_env(),
        timeout=60,
    )
    assert listed_ids(result) == bundled_ids()
    module = subprocess.run(
        [str(python), "-m", "paincompare", "--version"],
        capture_output=True,
        text=True,
        cwd=outside,
        env=user_env(),
        timeout=60,
    )
    assert module.stdout.startswith("paincompare ")


def test_the_editable_install_reads_the_repository_catalogue(script_run):
    result = script_run("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert str(BUNDLED) in result.stderr


def test_the_source_tree_runs_without_installing(tmp_path):
    env = user_env(PYTHONPATH=str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run(
        [sys.executable, "-m", "paincompare", "list", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert listed_ids(result) == bundled_ids()
