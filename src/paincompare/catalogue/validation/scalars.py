"""Checks of single values: text, short answers, ids, web addresses, numbers, dates and scale words."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from yaml.nodes import Node, ScalarNode, SequenceNode

from paincompare.catalogue import scales
from paincompare.catalogue.validation.nodes import (
    FLOAT,
    INT,
    INVALID,
    NULL,
    STR,
    TAG_WORDS,
    TIMESTAMP,
    Checked,
    NodeReader,
)

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_URL = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+[^\s]*\Z")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])\Z")


class ScalarReader(NodeReader):
    """Checks one value against its kind, reporting what is wrong and how to write it."""

    def _scalar(self, node: Node, where: str, expected: str) -> ScalarNode | None:
        if isinstance(node, ScalarNode):
            return node
        shape = "a list" if isinstance(node, SequenceNode) else "a mapping"
        self.report(node, f"{where}: expected {expected}, got {shape}")
        return None

    def text(self, node: Node, where: str) -> Checked[str]:
        scalar = self._scalar(node, where, "text")
        if scalar is None:
            return INVALID
        if scalar.tag != STR:
            got = TAG_WORDS.get(scalar.tag, "a non-text value")
            self.report(node, f"{where}: expected text, got {got} ({scalar.value!r}); put the text in quotes")
            return INVALID
        value: str = scalar.value.strip()
        if not value:
            self.report(node, f"{where}: must not be empty; write 'Not reported: <why>' if nothing is known")
            return INVALID
        return value

    def short(self, node: Node, where: str) -> Checked[str]:
        value = self.text(node, where)
        if value is not INVALID and len(value.split()) > scales.SHORT_WORDS:
            self.report(
                node,
                f"{where}: a short answer has at most {scales.SHORT_WORDS} words, this one {len(value.split())}; "
                "keep what a grid cell can show and leave the rest to the long text",
            )
            return INVALID
        return value

    def slug(self, node: Node, where: str) -> Checked[str]:
        value = self.text(node, where)
        if value is not INVALID and not _SLUG.match(value):
            self.report(node, f"{where}: '{value}' is not a valid id; use lower-case letters, digits and hyphens")
            return INVALID
        return value

    def url(self, node: Node, where: str) -> Checked[str]:
        value = self.text(node, where)
        if value is not INVALID and not _URL.match(value):
            self.report(node, f"{where}: '{value}' is not a web address; it must start with http:// or https://")
            return INVALID
        return value

    def integer(self, lowest: int, highest: int) -> Callable[[Node, str], Checked[int]]:
        def check(node: Node, where: str) -> Checked[int]:
            scalar = self._scalar(node, where, "a whole number")
            if scalar is None:
                return INVALID
            if scalar.tag != INT or not scalar.value.isdigit() or not lowest <= int(scalar.value) <= highest:
                self.report(node, f"{where}: expected a whole number from {lowest} to {highest}, got {scalar.value!r}")
                return INVALID
            return int(scalar.value)

        return check

    def number(self, node: Node, where: str) -> Checked[float]:
        scalar = self._scalar(node, where, "a number")
        if scalar is None:
            return INVALID
        try:
            value = float(scalar.value) if scalar.tag in (INT, FLOAT) else None
        except ValueError:
            value = None
        if value is None or value != value or value in (float("inf"), float("-inf")):
            self.report(node, f"{where}: expected a number such as -0.5, got {scalar.value!r}")
            return INVALID
        return value

    def percent(self, node: Node, where: str) -> Checked[float]:
        value = self.number(node, where)
        if value is not INVALID and not 0 <= value <= 100:
            self.report(node, f"{where}: expected how many in 100, from 0 to 100, got {value:g}")
            return INVALID
        return value

    def month(self, node: Node, where: str) -> Checked[str]:
        value = self.text(node, where)
        if value is not INVALID and not _MONTH.match(value):
            self.report(node, f"{where}: expected a month written 'YYYY-MM' in quotes, got {value!r}")
            return INVALID
        return value

    def date(self, node: Node, where: str) -> Checked[dt.date]:
        scalar = self._scalar(node, where, "a date")
        if scalar is None:
            return INVALID
        text = scalar.value.strip()
        if scalar.tag not in (STR, TIMESTAMP) or not _DATE.match(text):
            self.report(node, f"{where}: expected a date written YYYY-MM-DD, got {scalar.value!r}")
            return INVALID
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.report(node, f"{where}: {text!r} is not a real date")
            return INVALID

    def word(self, scale: scales.Scale) -> Callable[[Node, str], Checked[str]]:
        def check(node: Node, where: str) -> Checked[str]:
            value = self.text(node, where)
            if value is not INVALID and value not in scale:
                allowed = ", ".join(scale.words)
                article = "an" if scale.name[0] in "aeiou" else "a"
                self.report(node, f"{where}: '{value}' is not {article} {scale.name}; use one of: {allowed}")
                return INVALID
            return value

        return check

    def schedule(self, node: Node, where: str) -> Checked[str] | None:
        if isinstance(node, ScalarNode) and node.tag == NULL:
            return None
        return self.word(scales.US_SCHEDULES)(node, where)

    # -- collections -----------------------------------------------------------------------
