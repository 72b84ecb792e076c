"""Turns a composed YAML node tree into typed records, collecting every problem with its place."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from paincompare import models as m
from paincompare.errors import Problem

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _NULL, _TIMESTAMP = _TAG + "str", _TAG + "int", _TAG + "null", _TAG + "timestamp"
_TAG_WORDS = {
    _TAG + "bool": "a yes/no value",
    _INT: "a whole number",
    _TAG + "float": "a number",
    _NULL: "nothing (null)",
    _TIMESTAMP: "a date",
}
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_URL = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+[^\s]*\Z")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")

# Sentinel for a value that failed its check; the problem is already recorded.
INVALID: Any = object()


class CatalogueReader:
    """Reads one catalogue's nodes; `problems` lists everything wrong, in file order."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self._visited: set[int] = set()
        # (source id, node, cited from cost?) for every citation, checked once sources are known
        self._citations: list[tuple[str, Node, bool]] = []
        self._guideline_refs: list[tuple[str, Node]] = []
        self._in_cost = False
        self._treatment_check: Callable[[Node, str], Any] | None = None
        # every record that passed its own checks, with its node: names are compared across these
        # even when another record is broken, so that one fix does not reveal the next problem
        self._checked: list[tuple[m.Treatment, Node]] = []

    # -- reporting -------------------------------------------------------------------------

    def report(self, node: Node | None, message: str) -> None:
        if node is None:
            self.problems.append(Problem(self.filename, 0, 0, message))
            return
        mark = node.start_mark
        self.problems.append(Problem(self.filename, mark.line + 1, mark.column + 1, message))

    def _fresh(self, node: Node, where: str, at: Node | None = None) -> bool:
        """False (and a problem, reported at `at`) when a node is reached twice: a YAML alias."""
        if id(node) in self._visited:
            self.report(at or node, f"{where}: anchors and aliases (&name, *name) are not allowed; write the value out")
            return False
        self._visited.add(id(node))
        return True

    # -- scalars ---------------------------------------------------------------------------

    def _scalar(self, node: Node, where: str, expected: str) -> ScalarNode | None:
        if isinstance(node, ScalarNode):
            return node
        shape = "a list" if isinstance(node, SequenceNode) else "a mapping"
        self.report(node, f"{where}: expected {expected}, got {shape}")
        return None

    def text(self, node: Node, where: str) -> Any:
        scalar = self._scalar(node, where, "text")
        if scalar is None:
            return INVALID
        if scalar.tag != _STR:
            got = _TAG_WORDS.get(scalar.tag, "a non-text value")
            self.report(node, f"{where}: expected text, got {got} ({scalar.value!r}); put the text in quotes")
            return INVALID
        value = scalar.value.strip()
        if not value:
            self.report(node, f"{where}: must not be empty; write 'Not reported: <why>' if nothing is known")
            return INVALID
        return value

    def optional_text(self, node: Node, where: str) -> Any:
        if isinstance(node, ScalarNode) and node.tag == _NULL:
            return None
        return self.text(node, where)

    def slug(self, node: Node, where: str) -> Any:
        value = self.text(node, where)
        if value is not INVALID and not _SLUG.match(value):
            self.report(node, f"{where}: '{value}' is not a valid id; use lower-case letters, digits and hyphens")
            return INVALID
        return value

    def url(self, node: Node, where: str) -> Any:
        value = self.text(node, where)
        if value is not INVALID and not _URL.match(value):
            self.report(node, f"{where}: '{value}' is not a web address; it must start with http:// or https://")
            return INVALID
        return value

    def integer(self, lowest: int, highest: int) -> Callable[[Node, str], Any]:
        def check(node: Node, where: str) -> Any:
            scalar = self._scalar(node, where, "a whole number")
            if scalar is None:
                return INVALID
            if scalar.tag != _INT or not scalar.value.isdigit() or not lowest <= int(scalar.value) <= highest:
                self.report(node, f"{where}: expected a whole number from {lowest} to {highest}, got {scalar.value!r}")
                return INVALID
            return int(scalar.value)

        return check

    def date(self, node: Node, where: str) -> Any:
        scalar = self._scalar(node, where, "a date")
        if scalar is None:
            return INVALID
        text = scalar.value.strip()
        if scalar.tag not in (_STR, _TIMESTAMP) or not _DATE.match(text):
            self.report(node, f"{where}: expected a date written YYYY-MM-DD, got {scalar.value!r}")
            return INVALID
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.report(node, f"{where}: {text!r} is not a real date")
            return INVALID

    def word(self, scale: m.Scale) -> Callable[[Node, str], Any]:
        def check(node: Node, where: str) -> Any:
            value = self.text(node, where)
            if value is not INVALID and value not in scale:
                allowed = ", ".join(scale.words)
                article = "an" if scale.name[0] in "aeiou" else "a"
                self.report(node, f"{where}: '{value}' is not {article} {scale.name}; use one of: {allowed}")
                return INVALID
            return value

        return check

    def schedule(self, node: Node, where: str) -> Any:
        if isinstance(node, ScalarNode) and node.tag == _NULL:
            return None
        return self.word(m.US_SCHEDULES)(node, where)

    # -- collections -----------------------------------------------------------------------

    def items(self, node: Node, where: str, item: Callable[[Node, str], Any], non_empty: bool) -> Any:
        if not isinstance(node, SequenceNode):
            self.report(node, f"{where}: expected a list")
            return INVALID
        if non_empty and not node.value:
            self.report(node, f"{where}: must list at least one item")
            return INVALID
        values = []
        for index, child in enumerate(node.value):
            child_where = f"{where}[{index}]"
            values.append(item(child, child_where) if self._fresh(child, child_where) else INVALID)
        return INVALID if INVALID in values else tuple(values)

    def text_list(self, node: Node, where: str) -> Any:
        return self.items(node, where, self.text, non_empty=True)

    def alias_list(self, node: Node, where: str) -> Any:
        return self.items(node, where, self.text, non_empty=False)

    def cite(self, node: Node, where: str) -> Any:
        value = self.slug(node, where)
        if value is not INVALID:
            self._citations.append((value, node, self._in_cost))
        return value

    def sources(self, node: Node, where: str) -> Any:
        return self.items(node, where, self.cite, non_empty=True)

    def fields(self, node: Node, where: str, spec: dict[str, tuple[Callable[[Node, str], Any], bool]]) -> Any:
        """Checks a mapping against a spec of name -> (check, required); returns name -> value."""
        if not isinstance(node, MappingNode):
            self.report(node, f"{where}: expected a mapping of fields ({', '.join(spec)})")
            return INVALID
        values: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        ok = True
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self.report(key_node, f"{where}: a field name must be plain text")
                ok = False
                continue
            if key in key_lines:
                self.report(key_node, f"{where}: duplicate field '{key}' (first on line {key_lines[key]})")
                ok = False
                continue
            key_lines[key] = key_node.start_mark.line + 1
            if key not in spec:
                self.report(key_node, f"{where}: unknown field '{key}'{_did_you_mean(key, spec)}")
                ok = False
                continue
            field_where = f"{where}.{key}" if where else key
            if not self._fresh(value_node, field_where, at=key_node):
                ok = False
                continue
            check, _required = spec[key]
            values[key] = check(value_node, field_where)
            ok = ok and values[key] is not INVALID
        for name, (_check, required) in spec.items():
            if required and name not in key_lines:
                self.report(node, f"{where or 'catalogue file'}: missing required field '{name}'")
                ok = False
        return values if ok else INVALID

    # -- the catalogue's record types ------------------------------------------------------

    def _block(self, cls: type, spec: dict[str, tuple[Callable[[Node, str], Any], bool]]):
        def check(node: Node, where: str) -> Any:
            values = self.fields(node, where, spec)
            return INVALID if values is INVALID else cls(**values)

        return check

    def cost(self, node: Node, where: str) -> Any:
        self._in_cost = True
        try:
            return self._block(
                m.Cost,
                {
                    "tier": (self.word(m.COST_TIERS), True),
                    "summary": (self.text, True),
                    "sources": (self.sources, True),
                },
            )(node, where)
        finally:
            self._in_cost = False

    def guideline_ref(self, node: Node, where: str) -> Any:
        value = self.slug(node, where)
        if value is not INVALID:
            self._guideline_refs.append((value, node))
        return value

    def treatment(self, node: Node, where: str) -> Any:
        if isinstance(node, MappingNode):
            where = _treatment_label(node, where)
        if self._treatment_check is None:
            self._treatment_check = self._block(m.Treatment, self._treatment_spec())
        treatment = self._treatment_check(node, where)
        if treatment is not INVALID:
            self._checked.append((treatment, node))
        return treatment

    def _treatment_spec(self) -> dict[str, tuple[Callable[[Node, str], Any], bool]]:
        block = self._block
        return {
            "id": (self.slug, True),
            "name": (self.text, True),
            "aliases": (self.alias_list, True),
            "category": (self.word(m.CATEGORIES), True),
            "how_given": (
                block(
                    m.HowGiven,
                    {
                        "route": (self.text, True),
                        "setting": (self.text, True),
                        "sessions": (self.text, True),
                        "sources": (self.sources, True),
                    },
                ),
                True,
            ),
            "addiction_risk": (
                block(
                    m.AddictionRisk,
                    {
                        "level": (self.word(m.ADDICTION_LEVELS), True),
                        "us_schedule": (self.schedule, True),
                        "summary": (self.text, True),
                        "sources": (self.sources, True),
                    },
                ),
                True,
            ),
            "onset": (
                block(
                    m.Onset,
                    {
                        "speed": (self.word(m.ONSET_SPEEDS), True),
                        "summary": (self.text, True),
                        "sources": (self.sources, True),
                    },
                ),
                True,
            ),
            "duration": (
                block(
                    m.Duration,
                    {
                        "length": (self.word(m.DURATION_LENGTHS), True),
                        "summary": (self.text, True),
                        "sources": (self.sources, True),
                    },
                ),
                True,
            ),
            "invasiveness": (self.word(m.INVASIVENESS), True),
            "evidence": (
                lambda n, w: self.items(
                    n,
                    w,
                    block(
                        m.Evidence,
                        {
                            "condition": (self.text, True),
                            "certainty": (self.word(m.CERTAINTIES), True),
                            "effect": (self.text, True),
                            "sources": (self.sources, True),
                            "note": (self.optional_text, False),
                        },
                    ),
                    non_empty=True,
                ),
                True,
            ),
            "side_effects": (
                block(
                    m.SideEffects,
                    {
                        "common": (self.text_list, True),
                        "serious": (self.text_list, True),
                        "sources": (self.sources, True),
                    },
                ),
                True,
            ),
            "guidelines": (
                lambda n, w: self.items(
                    n,
                    w,
                    block(
                        m.GuidelineStance,
                        {
                            "guideline": (self.guideline_ref, True),
                            "stance": (self.word(m.STANCES), True),
                            "scope": (self.text, True),
                            "sources": (self.sources, True),
                            "wording": (self.optional_text, False),
                        },
                    ),
                    non_empty=False,
                ),
                True,
            ),
            "cost": (self.cost, True),
            "claims": (
                lambda n, w: self.items(
                    n,
                    w,
                    block(
                        m.Claim,
                        {
                            "claim": (self.text, True),
                            "verdict": (self.word(m.VERDICTS), True),
                            "explanation": (self.text, True),
                            "sources": (self.sources, True),
                        },
                    ),
                    non_empty=False,
                ),
                True,
            ),
            "reviewed": (self.date, True),
        }

    def source(self, node: Node, where: str) -> Any:
        values = self.fields(
            node,
            where,
            {
                "title": (self.text, True),
                "authors": (self.optional_text, False),
                "publisher": (self.optional_text, False),
                "year": (self.integer(1800, 2200), True),
                "url": (self.url, True),
                "kind": (self.word(m.SOURCE_KINDS), True),
                "short": (self.optional_text, False),
            },
        )
        if values is INVALID:
            return INVALID
        if not values.get("authors") and not values.get("publisher"):
            self.report(node, f"{where}: needs 'authors' or 'publisher'")
            return INVALID
        for optional in ("authors", "publisher", "short"):
            values.setdefault(optional, None)
        return values

    def source_map(self, node: Node, where: str) -> Any:
        if not isinstance(node, MappingNode):
            self.report(node, f"{where}: expected a mapping of source id -> citation")
            return INVALID
        sources: dict[str, m.Source] = {}
        key_lines: dict[str, int] = {}
        ok = True
        for key_node, value_node in node.value:
            source_id = self.slug(key_node, f"{where} id")
            if source_id is INVALID:
                ok = False
                continue
            if source_id in key_lines:
                self.report(
                    key_node, f"{where}: duplicate source id '{source_id}' (first on line {key_lines[source_id]})"
                )
                ok = False
                continue
            key_lines[source_id] = key_node.start_mark.line + 1
            values = (
                self.source(value_node, f"source '{source_id}'")
                if self._fresh(value_node, source_id, at=key_node)
                else INVALID
            )
            if values is INVALID:
                ok = False
                continue
            sources[source_id] = m.Source(id=source_id, **values)
        return sources if ok else INVALID

    def info(self, node: Node, where: str) -> Any:
        return self._block(
            m.CatalogueInfo,
            {
                "title": (self.text, True),
                "version": (self.text, True),
                "reviewed": (self.date, True),
                "review_every_months": (self.integer(1, 120), True),
                "funding": (self.text, True),
                "disclaimer": (self.text, True),
            },
        )(node, where)

    def catalogue(self, root: Node | None) -> m.Catalogue | None:
        """The whole catalogue, or None when any problem was found (see `problems`)."""
        if root is None:
            self.report(None, "the catalogue is empty; see docs/catalogue-format.md for the format")
            return None
        if not isinstance(root, MappingNode):
            self.report(root, "the top level must be a mapping with 'catalogue', 'sources' and 'treatments'")
            return None
        top = self.fields(
            root,
            "",
            {
                "catalogue": (self.info, True),
                "sources": (self.source_map, True),
                "treatments": (lambda n, w: self.items(n, w, self.treatment, non_empty=True), True),
            },
        )
        sources = top.get("sources", INVALID) if top is not INVALID else self._partial_sources(root)
        if sources is not INVALID:
            self._check_citations(sources)
        self._check_names()
        self.problems.sort(key=lambda p: (p.line, p.column))
        if self.problems or top is INVALID:
            return None
        return m.Catalogue(top["catalogue"], sources, top["treatments"], self.filename)

    def _partial_sources(self, root: MappingNode) -> Any:
        """The sources, when they are valid but something else is not, so citations still get checked."""
        for key_node, value_node in root.value:
            if isinstance(key_node, ScalarNode) and key_node.value == "sources":
                reader = CatalogueReader(self.filename)
                sources = reader.source_map(value_node, "sources")
                return sources
        return INVALID

    # -- checks across records -------------------------------------------------------------

    def _check_citations(self, sources: dict[str, m.Source]) -> None:
        for source_id, node, in_cost in self._citations:
            source = sources.get(source_id)
            if source is None:
                self.report(
                    node, f"unknown source '{source_id}'{_did_you_mean(source_id, sources)}; add it under 'sources'"
                )
            elif source.kind == "commercial" and not in_cost:
                self.report(node, f"source '{source_id}' is commercial; commercial sources may be cited for cost only")
        for source_id, node in self._guideline_refs:
            source = sources.get(source_id)
            if source is None:
                self.report(
                    node, f"unknown guideline '{source_id}'{_did_you_mean(source_id, sources)}; add it under 'sources'"
                )
            elif source.kind != "guideline":
                self.report(node, f"'{source_id}' is a {source.kind}, not a guideline (kind: guideline)")

    def _check_names(self) -> None:
        owner: dict[str, tuple[str, int]] = {}
        ids: dict[str, int] = {}
        for treatment, node in self._checked:
            line = node.start_mark.line + 1
            if treatment.id in ids:
                self.report(node, f"duplicate treatment id '{treatment.id}' (first on line {ids[treatment.id]})")
                continue
            ids[treatment.id] = line
            for name in {m.normalise_name(n) for n in (treatment.id, treatment.name, *treatment.aliases)}:
                if name in owner and owner[name][0] != treatment.id:
                    other, other_line = owner[name]
                    self.report(
                        node,
                        f"{treatment.id}: the name '{name}' is also used by '{other}' (line {other_line}); "
                        "names and aliases must be unique",
                    )
                else:
                    owner[name] = (treatment.id, line)


def _treatment_label(node: MappingNode, where: str) -> str:
    for key_node, value_node in node.value:
        if getattr(key_node, "value", None) == "id" and isinstance(value_node, ScalarNode):
            return f"{value_node.value}"
    return where


def _did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
