"""Writes finished output to stdout or to a file; a file is replaced atomically or left untouched."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from paincompare.errors import OutputError

STDOUT = "-"


def write(text: str, destination: str | None) -> None:
    """Writes to stdout when destination is None or '-', else to that file."""
    if destination in (None, STDOUT):
        if sys.stdout is None:
            raise OutputError("standard output is closed; write to a file with -o FILE")
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_file(Path(destination), text)


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
