"""Writes finished output to stdout or to a file; a file is replaced atomically or left untouched."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from paincompare.errors import OutputError
from paincompare.terminal import OutputEnv

STDOUT = "-"
DEFAULT_PAGER = "less -FRX"  # as git: quit if one screen, keep colour, leave the screen as it was


def pager_command(env: OutputEnv) -> str | None:
    """The pager for long output on a terminal: PAINCOMPARE_PAGER, else PAGER, else less -FRX; never in a pipe."""
    if not env.is_tty:
        return None
    chosen = os.environ.get("PAINCOMPARE_PAGER", os.environ.get("PAGER", DEFAULT_PAGER)).strip()
    return None if chosen in ("", "cat") else chosen


def write(text: str, destination: str | None, pager: str | None = None) -> None:
    """Writes to stdout when destination is None or '-' (through the pager when it is longer than
    the screen), else to that file."""
    if destination in (None, STDOUT):
        if sys.stdout is None:
            raise OutputError("standard output is closed; write to a file with -o FILE")
        if pager and text.count("\n") >= shutil.get_terminal_size((80, 24)).lines and _page(text, pager):
            return
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk or a device error behind stdout is an ordinary failure
            raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from None
        return
    write_file(Path(destination), text)


# The shell's exit codes for a command it could not find (127) or run (126): the pager never
# started, so nothing was shown.
_NOT_STARTED = (126, 127)


def _page(text: str, command: str) -> bool:
    """Shows text through the pager, run by the shell as git and man do, so any command line a person
    has in PAGER works ('less -S', 'cat > file'); False if it could not start (then it is printed)."""
    import subprocess  # only when paging; kept off the start-up path

    try:
        process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=_pager_environment())
    except OSError:
        return False
    try:
        assert process.stdin is not None
        process.stdin.write(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
        process.stdin.close()
    except BrokenPipeError:
        pass  # the person quit the pager before the end, or it never started (below)
    return process.wait() not in _NOT_STARTED


def _pager_environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # git's default: one screen quits, colour kept
    env.setdefault("LESSCHARSET", "utf-8")
    return env


def message(text: str) -> None:
    """A line for the person (never data) on stderr, unless stderr is closed."""
    if sys.stderr is not None:
        sys.stderr.write(text + "\n")


def write_file(path: Path, text: str) -> None:
    """Writes a temporary file beside `path`, then renames it over `path`: never a partial file.

    A symbolic link is followed, so the file it points to is replaced; a device or pipe
    (/dev/null, /dev/stdout, a FIFO) cannot be replaced and is written to directly.
    """
    if path.exists() and not path.is_file() and not path.is_dir():
        _write_through(path, text)
        return
    path = Path(os.path.realpath(path))
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: the folder {folder} does not exist")
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a directory")
    import tempfile  # only needed for -o FILE; kept off the start-up path

    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_permissions(path, temporary)
        os.replace(temporary, path)
    except OSError as exc:
        _remove(temporary)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        _remove(temporary)  # Ctrl-C or anything else: still no partial file left behind
        raise


def _write_through(path: Path, text: str) -> None:
    try:
        with path.open("w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _keep_permissions(path: Path, temporary: str) -> None:
    # mkstemp creates 0600; a new file gets the usual umask mode, a replaced one keeps its own
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)


def _remove(temporary: str) -> None:
    try:
        os.unlink(temporary)
    except OSError:
        pass
