"""Output formats behind one enum: each format is one module with a `render(report, env)`."""

from __future__ import annotations

import importlib
from enum import StrEnum
from typing import NamedTuple

from paincompare.models import Catalogue, Treatment
from paincompare.terminal import OutputEnv


class OutputFormat(StrEnum):
    TABLE = "table"
    PLAIN = "plain"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"
    HTML = "html"


class Report(NamedTuple):
    """What a command shows: which treatments, and for a comparison which rows."""

    command: str  # list | compare | show | sources
    catalogue: Catalogue
    treatments: tuple[Treatment, ...]
    rows: tuple[str, ...] = ()
    headers: bool = True  # plain and csv: False leaves out the header line


def render(report: Report, fmt: OutputFormat, env: OutputEnv) -> str:
    """The report as text in the chosen format; formats are imported only when used."""
    module = importlib.import_module(f"paincompare.render.{fmt.value}_format")
    return module.render(report, env)
