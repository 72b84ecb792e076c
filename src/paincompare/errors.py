"""Exit codes and the exceptions that carry a message for the person at the keyboard."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class ExitCode(IntEnum):
    """Every exit status paincompare uses; documented in the README."""

    OK = 0
    ERROR = 1  # the catalogue is broken, a file cannot be read or written
    USAGE = 2  # an unknown treatment, a bad option or value
    INTERRUPTED = 130  # Ctrl-C


class Problem(NamedTuple):
    """One thing wrong with a catalogue, at a place in its file."""

    file: str
    line: int  # 1-based; 0 when the problem has no single place
    column: int  # 1-based
    message: str

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}: {self.message}"
        return f"{self.file}: {self.message}"


class PainCompareError(Exception):
    """An expected failure; its message is shown as it is, without a traceback."""

    exit_code = ExitCode.ERROR


class UsageError(PainCompareError):
    """The command line asked for something that does not exist or does not fit."""

    exit_code = ExitCode.USAGE


class UnknownTreatmentError(UsageError):
    """A treatment name matched nothing, or more than one treatment."""

    def __init__(self, name: str, suggestions: list[str], ambiguous: bool = False) -> None:
        self.name = name
        self.suggestions = suggestions
        if ambiguous:
            text = f"'{name}' matches more than one treatment: {', '.join(suggestions)}. Name one of them."
        elif suggestions:
            text = f"unknown treatment '{name}'. Did you mean: {', '.join(suggestions)}?"
        else:
            text = f"unknown treatment '{name}'. Run 'paincompare list' to see every treatment."
        super().__init__(text)


class UnknownConditionError(UsageError):
    """A --condition word matched no condition in the vocabulary."""

    def __init__(self, text: str, suggestions: list[str]) -> None:
        if suggestions:
            message = f"unknown condition '{text}'. Did you mean: {', '.join(suggestions)}?"
        else:
            message = f"unknown condition '{text}'. Run 'paincompare conditions' to see every condition."
        super().__init__(message)


class UnknownSituationError(UsageError):
    """A --flag word matched no situation in the vocabulary."""

    def __init__(self, text: str, suggestions: list[str], every: list[str]) -> None:
        hint = f"Did you mean: {', '.join(suggestions)}?" if suggestions else f"Use one of: {'; '.join(every)}."
        super().__init__(f"--flag: unknown situation '{text}'. {hint}")


class CatalogueError(PainCompareError):
    """The catalogue file cannot be read, or breaks the catalogue format."""

    shown_at_most = 10

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self._summary())

    def _summary(self) -> str:
        lines = [str(p) for p in self.problems[: self.shown_at_most]]
        hidden = len(self.problems) - self.shown_at_most
        if hidden > 0:
            lines.append(f"... and {hidden} more problems; run 'paincompare validate' to see them all.")
        return "\n".join(lines)


class ArticleError(PainCompareError):
    """An article given to `check` cannot be read: missing, too large, binary, not UTF-8, empty."""


class OutputError(PainCompareError):
    """The output file cannot be written."""
