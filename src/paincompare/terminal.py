"""The one place that decides terminal versus pipe: width, colour, encoding; and makes data inert."""

from __future__ import annotations

import os
import re
import shutil
from typing import NamedTuple, TextIO

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides that can
# reorder what a reader sees. Shown as visible escapes so a fact-checker sees they were there.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Text with every control character replaced by a visible escape such as \\x1b."""
    return _CONTROL.sub(
        lambda match: f"\\x{ord(match.group()):02x}" if ord(match.group()) < 0x100 else f"\\u{ord(match.group()):04x}",
        text,
    )


class OutputEnv(NamedTuple):
    """Facts about where output goes; renderers get these instead of looking at sys.stdout."""

    is_tty: bool
    width: int | None  # None: not a terminal; tables are wrapped at a fixed width (table_format.FILE_WIDTH)
    colour: bool
    ascii_only: bool  # the stream cannot encode symbols such as ⊕

    @classmethod
    def detect(cls, stream: TextIO, no_color: bool = False, environ: dict[str, str] | None = None) -> OutputEnv:
        env = os.environ if environ is None else environ
        try:
            is_tty = stream.isatty()
        except (AttributeError, ValueError):
            is_tty = False
        return cls(
            is_tty=is_tty,
            width=_width(is_tty, env),
            colour=_colour(is_tty, no_color, env),
            ascii_only=not _can_encode(stream, "⊕◯\u201c"),
        )

    @classmethod
    def for_file(cls, environ: dict[str, str] | None = None) -> OutputEnv:
        """A file written with -o: UTF-8, no colour, the width COLUMNS sets or the fixed file width."""
        return cls(
            is_tty=False,
            width=_width(False, os.environ if environ is None else environ),
            colour=False,
            ascii_only=False,
        )


def _width(is_tty: bool, env: dict[str, str] | os._Environ[str]) -> int | None:
    columns = env.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), 20)
    if not is_tty:
        return None
    if env.get("TERM") == "dumb":
        return 80
    return shutil.get_terminal_size((80, 24)).columns


def _colour(is_tty: bool, no_color: bool, env: dict[str, str] | os._Environ[str]) -> bool:
    if no_color or env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    if env.get("FORCE_COLOR"):
        return True
    return is_tty


def _can_encode(stream: TextIO, sample: str) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        sample.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
