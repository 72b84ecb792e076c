"""Writing output: -o replaces a file whole or leaves it untouched; '-' is stdout."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from paincompare import output
from paincompare.errors import OutputError


def test_write_file_replaces_whole_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("old")
    output.write_file(target, "new text\n")
    assert target.read_text() == "new text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_missing_folder_is_a_clear_error_and_creates_nothing(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        output.write_file(tmp_path / "no" / "such" / "file.txt", "x")
    assert list(tmp_path.iterdir()) == []


def test_read_only_folder_keeps_the_existing_file(tmp_path, monkeypatch):
    # Simulated: as root (as CI runs) a chmod'ed folder is still writable.
    target = tmp_path / "keep.txt"
    target.write_text("precious")

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", read_only)
    with pytest.raises(OutputError, match="Permission denied"):
        output.write_file(target, "new")
    assert target.read_text() == "precious"


def test_a_failed_write_removes_its_temporary_and_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "keep.txt"
    target.write_text("precious")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OutputError, match="No space left on device"):
        output.write_file(target, "new")
    assert target.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_dash_o_writes_a_file_and_nothing_to_stdout(run, tmp_path):
    target = tmp_path / "list.csv"
    result = run("list", "--format", "csv", "-o", str(target))
    assert result.returncode == 0 and result.stdout == ""
    rows = list(csv.reader(target.open(newline="", encoding="utf-8")))
    assert rows[0][0] == "id" and len(rows) > 30


def test_dash_o_dash_is_stdout(run):
    result = run("list", "--format", "plain", "-o", "-")
    assert result.stdout.startswith("id\tname\t")


def test_an_error_before_writing_leaves_the_existing_file_untouched(run, tmp_path):
    target = tmp_path / "compare.txt"
    target.write_text("earlier comparison")
    result = run("compare", "ketamine", "unicorn", "-o", str(target))
    assert result.returncode == 2
    assert target.read_text() == "earlier comparison"
    missing = run("list", "-o", str(tmp_path / "missing" / "out.txt"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr


def test_a_symbolic_link_is_followed_not_replaced(tmp_path):
    target = tmp_path / "real.txt"
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    output.write_file(link, "through the link\n")
    assert link.is_symlink() and target.read_text() == "through the link\n"


def test_devices_are_written_to_not_replaced(run):
    assert run("list", "-o", "/dev/null").returncode == 0
    assert Path("/dev/null").is_char_device()
    full = run("list", "-o", "/dev/full")
    assert full.returncode == 1 and "No space left on device" in full.stderr
    assert Path("/dev/full").is_char_device()


def test_closed_stdout_is_a_clear_error(tmp_path):
    import subprocess

    from conftest import script, user_env

    result = subprocess.run(
        f"'{script()}' list >&-", shell=True, capture_output=True, text=True, env=user_env(), timeout=60
    )
    assert result.returncode == 1
    assert "standard output is closed" in result.stderr and "Traceback" not in result.stderr


def _on_a_terminal(args: list[str], env: dict[str, str], rows: int = 20, columns: int = 100) -> str:
    """Runs paincompare with stdout on a pseudo-terminal of the given size; returns what it showed."""
    import fcntl
    import pty
    import struct
    import subprocess
    import termios

    from conftest import script

    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    process = subprocess.Popen([script(), *args], stdin=terminal, stdout=terminal, stderr=terminal, env=env)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=60)
    os.close(controller)
    return shown.decode("utf-8", "replace")


def test_long_output_on_a_terminal_goes_through_the_pager_and_never_in_a_pipe(tmp_path, run):
    from conftest import user_env

    paged = tmp_path / "paged.txt"
    pager = tmp_path / "pager.sh"
    pager.write_text(f"#!/bin/sh\ncat > {paged}\n", encoding="utf-8")
    pager.chmod(0o755)
    env = user_env(PAINCOMPARE_PAGER=str(pager), TERM="xterm")
    shown = _on_a_terminal(["compare", "ketamine", "opioids"], env)
    assert "How well does" in paged.read_text(encoding="utf-8") and "How well" not in shown
    paged.unlink()
    assert _on_a_terminal(["compare", "ketamine", "opioids", "--no-pager"], env).count("How well") == 1
    assert not paged.exists()
    assert "How well" in run("compare", "ketamine", "opioids", env=env).stdout and not paged.exists()
    short = _on_a_terminal(["compare", "ketamine", "opioids", "--rows", "cost"], env, rows=200)
    assert "what does it cost" in short and not paged.exists(), "output that fits the screen is printed"


@pytest.mark.slow
def test_the_pager_is_a_shell_command_line_as_git_runs_it(tmp_path):
    from conftest import user_env

    out = tmp_path / "out.txt"
    env = user_env(PAGER=f"cat > '{out}'", TERM="xterm")
    env.pop("PAINCOMPARE_PAGER", None)
    shown = _on_a_terminal(["compare", "ketamine", "opioids"], env)
    assert "How well does" in out.read_text(encoding="utf-8") and "How well" not in shown
    both = tmp_path / "both.txt"
    env = user_env(PAINCOMPARE_PAGER=f"cat > '{both}'; true", TERM="xterm")
    _on_a_terminal(["compare", "ketamine", "opioids"], env)
    assert "How well does" in both.read_text(encoding="utf-8"), "a command list runs whole"


@pytest.mark.slow
def test_a_pager_that_cannot_start_still_shows_the_output(tmp_path):
    from conftest import user_env

    env = user_env(PAINCOMPARE_PAGER="no-such-pager-on-this-machine --flag", TERM="xterm")
    shown = _on_a_terminal(["compare", "ketamine", "opioids"], env)
    assert shown.count("How well does") == 1


def test_pager_choice(monkeypatch):
    from paincompare import output
    from paincompare.terminal import OutputEnv

    tty = OutputEnv(is_tty=True, width=80, colour=False, ascii_only=False)
    for name in ("PAINCOMPARE_PAGER", "PAGER"):
        monkeypatch.delenv(name, raising=False)
    assert output.pager_command(tty) == "less -FRX"
    monkeypatch.setenv("PAGER", "more")
    assert output.pager_command(tty) == "more"
    monkeypatch.setenv("PAINCOMPARE_PAGER", "cat")
    assert output.pager_command(tty) is None
    assert output.pager_command(tty._replace(is_tty=False)) is None
