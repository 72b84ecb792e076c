"""Finds, reads and loads a catalogue file into typed records (with validation/, the YAML side)."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from paincompare.catalogue import cache
from paincompare.catalogue.models import Catalogue
from paincompare.errors import CatalogueError, PainCompareError, Problem

if TYPE_CHECKING:
    import yaml

MAX_BYTES = 10 * 1024 * 1024  # a catalogue is text; anything larger is a mistake or an attack
ENV_VAR = "PAINCOMPARE_CATALOGUE"


def bundled_path() -> Path:
    """The catalogue shipped with paincompare: inside an installed wheel, else the source tree's."""
    package_dir = Path(__file__).resolve().parents[1]  # paincompare/, above this catalogue/ package
    in_wheel = package_dir / "data" / "treatments.yaml"
    if in_wheel.is_file():
        return in_wheel
    # editable installs and a plain checkout import the package from src/, two levels below
    # the repository's data/ folder
    return package_dir.parents[1] / "data" / "treatments.yaml"


STDIN = "-"


def choose_path(explicit: str | None) -> Path:
    """--catalogue wins, then PAINCOMPARE_CATALOGUE, then the bundled catalogue; '-' is stdin."""
    chosen = explicit or os.environ.get(ENV_VAR)
    return Path(chosen) if chosen else bundled_path()


def display_name(path: Path) -> str:
    return "<stdin>" if str(path) == STDIN else str(path)


def read_bytes(path: Path, what: str = "catalogue", error: type[PainCompareError] | None = None) -> bytes:
    """The file's bytes (at most the size cap), or an error that says why it cannot be read.

    Catalogues and articles are read alike: `what` names the file in messages, and `error` is
    raised instead of a CatalogueError.
    """
    name = display_name(path)
    a_file = "a catalogue" if what == "catalogue" else "an article"
    try:
        # At most one byte past the cap is read: a device such as /dev/zero never ends.
        data = _read_at_most(path, name, MAX_BYTES + 1)
    except OSError as exc:
        raise _failure(error, name, _why_unreadable(exc, what, a_file)) from None
    if len(data) > MAX_BYTES:
        raise _failure(error, name, f"is larger than {MAX_BYTES // 1048576} MiB, the most {a_file} may be")
    return data


def _read_at_most(path: Path, name: str, limit: int) -> bytes:
    if name == "<stdin>":
        return sys.stdin.buffer.read(limit) if sys.stdin else b""
    if path.is_dir():
        raise IsADirectoryError(str(path))
    with path.open("rb") as stream:
        return stream.read(limit)


def _why_unreadable(exc: OSError, what: str, a_file: str) -> str:
    if isinstance(exc, FileNotFoundError):
        hint = (
            "check the path given to --catalogue or PAINCOMPARE_CATALOGUE" if what == "catalogue" else "check the path"
        )
        return f"no such file; {hint}"
    if isinstance(exc, IsADirectoryError):
        return f"is a directory, not {a_file} file"
    if isinstance(exc, PermissionError):
        return "permission denied; check the file's permissions"
    return f"cannot be read: {exc.strerror or exc}"


def _failure(error: type[PainCompareError] | None, name: str, message: str) -> PainCompareError:
    if error is None:
        return CatalogueError([Problem(name, 0, 0, message)])
    return error(f"{name}: {message}")


def decode(data: bytes, name: str) -> str:
    """The bytes as UTF-8 text, or a CatalogueError pointing at the first byte that is not."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CatalogueError([Problem(name, line, column, "the file is not UTF-8 text; save it as UTF-8")]) from None


def compose(text: str, name: str) -> yaml.Node | None:
    """The YAML node tree (with line and column of every node), or a CatalogueError."""
    import yaml  # only when a catalogue must really be parsed; cached runs never load it

    # libyaml's C loader parses several times faster; the pure one gives the same errors.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    tab = _tab_in_indentation(text)
    if tab:
        raise CatalogueError([Problem(name, tab[0], tab[1], "a tab is used for indentation; YAML needs spaces")])
    try:
        return yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        raise CatalogueError([_syntax_problem(exc, text, name)]) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)  # C and pure readers differ
        message = f"character U+{code:04X} is not allowed in YAML; remove it"
        raise CatalogueError([Problem(name, line, column, message)]) from None
    except yaml.YAMLError as exc:
        raise _error(name, f"YAML error: {exc}") from None


def load(path: Path, use_cache: bool = True) -> Catalogue:
    """A valid catalogue from `path`, or a CatalogueError listing the first problems found."""
    name = display_name(path)
    data = read_bytes(path)
    if not use_cache:
        return parse(decode(data, name), name)
    digest = cache.key(data)
    catalogue = cache.read(digest, name)
    if catalogue is None:
        catalogue = parse(decode(data, name), name)
        cache.write(digest, catalogue)  # only a catalogue that passed every check is stored
    return catalogue


def parse(text: str, name: str) -> Catalogue:
    """Parses and checks catalogue text; a CatalogueError lists the problems found."""
    from paincompare.catalogue.validation import CatalogueReader

    # Loading makes a node per value and no reference cycles; Python's cycle collector would
    # rescan the growing heap again and again (measured: 6.0 s instead of 0.9 s for 8,000
    # treatments), so it is paused while the tree is built and checked.
    collecting = gc.isenabled()
    gc.disable()
    try:
        reader = CatalogueReader(name)
        catalogue = reader.catalogue(compose(text, name))
    except RecursionError:  # only without libyaml, which stops at 1,000 levels by itself
        raise _error(name, "the YAML is nested too deeply to be a catalogue") from None
    finally:
        if collecting:
            gc.enable()
    if catalogue is None:
        raise CatalogueError(reader.problems)
    _last_warnings[name] = reader.warnings
    return catalogue


# What the last parse of each file warned of (validate shows them; they never stop a command).
_last_warnings: dict[str, list[Problem]] = {}


def problems_in(path: Path) -> list[Problem]:
    """Every problem in the catalogue at `path`; an empty list means it is valid. Never cached."""
    return examine(path)[0]


def examine(path: Path) -> tuple[list[Problem], list[Problem]]:
    """The catalogue's problems, and (when it has none) its warnings: facts resting on copies alone."""
    try:
        loaded = load(path, use_cache=False)
    except CatalogueError as exc:
        return exc.problems, []
    return [], _last_warnings.pop(loaded.path, [])


def _error(name: str, message: str) -> CatalogueError:
    return CatalogueError([Problem(name, 0, 0, message)])


def _tab_in_indentation(text: str) -> tuple[int, int] | None:
    if "\t" not in text:
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            return number, indent.index("\t") + 1
    return None


_SNIPPET_WIDTH = 72


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    problem = ", ".join(part for part in (exc.context, exc.problem) if part) or "cannot be parsed"
    if mark is None:
        return Problem(name, 0, 0, f"YAML syntax error: {problem}")
    lines = text.splitlines()
    if mark.line >= len(lines) and exc.context_mark is not None:
        mark = exc.context_mark  # the file ended first: point at what was left open
        problem += " before the end of the file; it starts here"
    if mark.line >= len(lines):
        return Problem(name, mark.line + 1, mark.column + 1, f"YAML syntax error: {problem} (at the end of the file)")
    snippet, column = _snippet(lines[mark.line], mark.column)
    message = f"YAML syntax error: {problem}\n    {snippet}\n    {' ' * column}^"
    return Problem(name, mark.line + 1, mark.column + 1, message)


def _snippet(line: str, column: int) -> tuple[str, int]:
    """At most _SNIPPET_WIDTH characters of `line` around `column`, and the column within them."""
    start = max(0, min(column - _SNIPPET_WIDTH // 2, len(line) - _SNIPPET_WIDTH))
    piece = line[start : start + _SNIPPET_WIDTH]
    if start > 0:
        piece, column = "..." + piece[3:], column - start
    if start + _SNIPPET_WIDTH < len(line):
        piece = piece[:-3] + "..."
    return piece, column
