"""Turns a composed YAML node tree into typed records, collecting every problem with its place."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from paincompare.catalogue import models as m
from paincompare.catalogue import readability, shape
from paincompare.catalogue.shape import SHAPES, TOP, Field, Kind
from paincompare.errors import Problem

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _NULL, _TIMESTAMP = _TAG + "str", _TAG + "int", _TAG + "null", _TAG + "timestamp"
_FLOAT = _TAG + "float"
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
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])\Z")

# Sentinel for a value that failed its check; the problem is already recorded.
INVALID: Any = object()


class CatalogueReader:
    """Reads one catalogue's nodes; `problems` lists everything wrong, in file order."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self._visited: set[int] = set()
        # every citation with where it is made, checked once sources are known
        self._citations: list[tuple[str, Node, str]] = []  # (source id, node, where it is cited)
        self._guideline_refs: list[tuple[str, Node]] = []
        self._condition_refs: list[tuple[str, Node]] = []
        self._situation_refs: list[tuple[str, Node]] = []
        # (sources, node, where) of every cited block, to say which rest on copies alone
        self._cited_blocks: list[tuple[tuple[str, ...], Node, str]] = []
        self.warnings: list[Problem] = []
        # where each Cost block's sources are: commercial sources may be cited there and nowhere else
        self._cost_sources: set[str] = set()
        self._checks: dict[Kind, Callable[[Node, str], Any]] = {}
        self._rules: dict[type, Callable[[Any, Node, str], bool]] = {
            m.Source: self._source_rule,
            m.MeanDifference: self._interval_rule,
            m.AddictionRisk: self._reporting(_products_problem),
            m.UkControl: self._reporting(_uk_products_problem),
            m.Evidence: self._reporting(_evidence_problem),
            m.Claim: self._claim_rule,
            m.Treatment: self._treatment_rule,
        }
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

    def short(self, node: Node, where: str) -> Any:
        value = self.text(node, where)
        if value is not INVALID and len(value.split()) > m.SHORT_WORDS:
            self.report(
                node,
                f"{where}: a short answer has at most {m.SHORT_WORDS} words, this one {len(value.split())}; "
                "keep what a grid cell can show and leave the rest to the long text",
            )
            return INVALID
        return value

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

    def number(self, node: Node, where: str) -> Any:
        scalar = self._scalar(node, where, "a number")
        if scalar is None:
            return INVALID
        try:
            value = float(scalar.value) if scalar.tag in (_INT, _FLOAT) else None
        except ValueError:
            value = None
        if value is None or value != value or value in (float("inf"), float("-inf")):
            self.report(node, f"{where}: expected a number such as -0.5, got {scalar.value!r}")
            return INVALID
        return value

    def percent(self, node: Node, where: str) -> Any:
        value = self.number(node, where)
        if value is not INVALID and not 0 <= value <= 100:
            self.report(node, f"{where}: expected how many in 100, from 0 to 100, got {value:g}")
            return INVALID
        return value

    def month(self, node: Node, where: str) -> Any:
        value = self.text(node, where)
        if value is not INVALID and not _MONTH.match(value):
            self.report(node, f"{where}: expected a month written 'YYYY-MM' in quotes, got {value!r}")
            return INVALID
        return value

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

    def cite(self, node: Node, where: str) -> Any:
        value = self.slug(node, where)
        if value is not INVALID:
            self._citations.append((value, node, where))
        return value

    def sources(self, node: Node, where: str) -> Any:
        return self.items(node, where, self.cite, non_empty=True)

    def condition_ref(self, node: Node, where: str) -> Any:
        value = self.slug(node, where)
        if value is not INVALID:
            self._condition_refs.append((value, node))
        return value

    def situation_ref(self, node: Node, where: str) -> Any:
        value = self.slug(node, where)
        if value is not INVALID:
            self._situation_refs.append((value, node))
        return value

    def guideline_ref(self, node: Node, where: str) -> Any:
        value = self.slug(node, where)
        if value is not INVALID:
            self._guideline_refs.append((value, node))
        return value

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
            check, required = spec[key]
            if not required and isinstance(value_node, ScalarNode) and value_node.tag == _NULL:
                values[key] = None  # an optional field written as null is the same as one left out
                continue
            values[key] = check(value_node, field_where)
            ok = ok and values[key] is not INVALID
        for name, (_check, required) in spec.items():
            if required and name not in key_lines:
                self.report(node, f"{where or 'catalogue file'}: missing required field '{name}'")
                ok = False
            values.setdefault(name, None)
        return values if ok else INVALID

    # -- records, by the shape in shape.py ------------------------------------------------------

    def check(self, kind: Kind) -> Callable[[Node, str], Any]:
        """The check for a kind of value; built once per kind and reused for every record."""
        found = self._checks.get(kind)
        if found is None:
            found = self._checks[kind] = self._build_check(kind)
        return found

    def _build_check(self, kind: Kind) -> Callable[[Node, str], Any]:
        simple: dict[str, Callable[[Node, str], Any]] = {
            "text": self.text,
            "short": self.short,
            "slug": self.slug,
            "url": self.url,
            "date": self.date,
            "number": self.number,
            "percent": self.percent,
            "schedule": self.schedule,
            "sources": self.sources,
            "condition": self.condition_ref,
            "situation": self.situation_ref,
            "month": self.month,
            "guideline": self.guideline_ref,
        }
        if kind.name in simple:
            return simple[kind.name]
        if kind.name == "integer":
            return self.integer(kind.low, kind.high)
        if kind.name == "word":
            assert kind.scale is not None
            return self.word(kind.scale)
        if kind.name == "list":
            assert kind.item is not None
            item, non_empty = self.check(kind.item), kind.non_empty
            return lambda node, where: self.items(node, where, item, non_empty)
        if kind.name == "record":
            assert kind.record is not None
            return self._record_check(kind.record)
        if kind.name == "map":
            assert kind.record is not None
            cls = kind.record
            return lambda node, where: self.keyed(node, where, cls)
        raise ValueError(f"no check for kind {kind.name!r}")

    def _spec(self, fields: tuple[Field, ...]) -> dict[str, tuple[Callable[[Node, str], Any], bool]]:
        return {f.name: (self.check(f.kind), f.required) for f in fields}

    def _record_check(self, cls: type) -> Callable[[Node, str], Any]:
        spec = self._spec(SHAPES[cls])
        rule = self._rules.get(cls)

        def check(node: Node, where: str) -> Any:
            if cls is m.Treatment and isinstance(node, MappingNode):
                where = _treatment_label(node, where)
            values = self.fields(node, where, spec)
            if cls is m.Cost:
                self._cost_sources.add(f"{where}.sources")
            if values is INVALID:
                return INVALID
            value = cls(**values)
            if rule is not None and not rule(value, node, where):
                return INVALID
            if cls is not m.Source and "sources" in values:
                self._cited_blocks.append((values["sources"], node, where))
            return value

        return check

    def keyed(self, node: Node, where: str, cls: type) -> Any:
        """A mapping of id -> record (sources, conditions); the id becomes the record's first field."""
        noun = _KEYED_NOUNS[cls]
        if not isinstance(node, MappingNode):
            self.report(node, f"{where}: expected a mapping of {noun} id -> its fields")
            return INVALID
        spec = self._spec(SHAPES[cls][1:])
        rule = self._rules.get(cls)
        records: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        ok = True
        for key_node, value_node in node.value:
            key = self.slug(key_node, f"{where} id")
            if key is INVALID:
                ok = False
                continue
            if key in key_lines:
                self.report(key_node, f"{where}: duplicate {noun} id '{key}' (first on line {key_lines[key]})")
                ok = False
                continue
            key_lines[key] = key_node.start_mark.line + 1
            label = f"{noun} '{key}'"
            values = self.fields(value_node, label, spec) if self._fresh(value_node, key, at=key_node) else INVALID
            value = INVALID if values is INVALID else cls(key, **values)
            if value is not INVALID and rule is not None and not rule(value, value_node, label):
                value = INVALID
            if value is INVALID:
                ok = False
                continue
            records[key] = value
        return records if ok else INVALID

    # -- rules that span fields of one record ----------------------------------------------------

    def _source_rule(self, source: m.Source, node: Node, where: str) -> bool:
        if source.kind == "guideline" and source.region is None:
            self.report(node, f"{where}: a guideline needs 'region' (uk, us or international), to be shown by country")
            return False
        if source.authors or source.publisher:
            return True
        self.report(node, f"{where}: needs 'authors' or 'publisher'")
        return False

    def _interval_rule(self, md: m.MeanDifference, node: Node, where: str) -> bool:
        if (md.low is None) != (md.high is None):
            self.report(node, f"{where}: give both 'low' and 'high' of the 95% interval, or neither")
            return False
        if md.low is not None and md.high is not None and not md.low <= md.points <= md.high:
            self.report(node, f"{where}: the interval must hold the estimate (low <= points <= high)")
            return False
        return True

    def _reporting(self, problem_of: Callable[[Any], str | None]) -> Callable[[Any, Node, str], bool]:
        """A rule from a function that says what is inconsistent in a record (or None)."""

        def rule(record: Any, node: Node, where: str) -> bool:
            problem = problem_of(record)
            if problem:
                self.report(node, f"{where}: {problem}")
                return False
            return True

        return rule

    def _claim_rule(self, claim: m.Claim, node: Node, where: str) -> bool:
        if claim.match and not claim.attribute:
            self.report(node, f"{where}: a claim with 'match' phrases needs 'attribute' (what it speaks to)")
            return False
        return True

    def _treatment_rule(self, t: m.Treatment, node: Node, where: str) -> bool:
        self._checked.append((t, node))
        if t.category == "medication" and t.interactions is None:
            self.report(node, f"{where}: a medicine needs 'interactions' (what it should not be taken with)")
            return False
        if t.category == "medication" and t.uk_control is None:
            self.report(node, f"{where}: a medicine needs 'uk_control' (its status under UK controlled-drug law)")
            return False
        grade = readability.grade(" ".join(shape.short_answers(t)))
        if grade > readability.MAX_GRADE:
            self.report(
                node,
                f"{where}: the short answers read at school grade {grade:.1f} (most {readability.MAX_GRADE}); "
                "use shorter words and sentences",
            )
            return False
        return True

    # -- the top level -----------------------------------------------------------------------------

    def catalogue(self, root: Node | None) -> m.Catalogue | None:
        """The whole catalogue, or None when any problem was found (see `problems`)."""
        if root is None:
            self.report(None, "the catalogue is empty; see docs/catalogue-format.md for the format")
            return None
        if not isinstance(root, MappingNode):
            self.report(
                root,
                "the top level must be a mapping with 'catalogue', 'sources', 'conditions', 'situations' and "
                "'treatments'",
            )
            return None
        top = self.fields(root, "", self._spec(TOP))
        if top is not INVALID:
            sources, conditions = top["sources"], top["conditions"]
        else:
            sources, conditions = self._partial(root, "sources"), self._partial(root, "conditions")
        if sources is not INVALID:
            self._check_citations(sources)
            self._warn_of_copies(sources)
        if conditions is not INVALID:
            self._check_conditions(conditions)
        situations = top["situations"] if top is not INVALID else self._partial(root, "situations")
        if situations is not INVALID:
            self._check_refs(self._situation_refs, situations, "situation", "situations")
        self._check_names()
        self.problems.sort(key=lambda p: (p.line, p.column))
        if self.problems or top is INVALID:
            return None
        parts = (top["catalogue"], sources, conditions, situations, top["treatments"])
        return m.Catalogue(*parts, self.filename)

    def _partial(self, root: MappingNode, name: str) -> Any:
        """One top-level mapping, when it is valid but something else is not, so references still get checked."""
        kind = next(f.kind for f in TOP if f.name == name)
        for key_node, value_node in root.value:
            if isinstance(key_node, ScalarNode) and key_node.value == name:
                return CatalogueReader(self.filename).check(kind)(value_node, name)
        return INVALID

    # -- checks across records -------------------------------------------------------------

    def _check_citations(self, sources: dict[str, m.Source]) -> None:
        for source_id, node, where in self._citations:
            source = sources.get(source_id)
            if source is None:
                self.report(
                    node, f"unknown source '{source_id}'{_did_you_mean(source_id, sources)}; add it under 'sources'"
                )
            elif source.kind == "commercial" and where.rpartition("[")[0] not in self._cost_sources:
                self.report(node, f"source '{source_id}' is commercial; commercial sources may be cited for cost only")
        for source_id, node in self._guideline_refs:
            source = sources.get(source_id)
            if source is None:
                self.report(
                    node, f"unknown guideline '{source_id}'{_did_you_mean(source_id, sources)}; add it under 'sources'"
                )
            elif source.kind != "guideline":
                self.report(node, f"'{source_id}' is a {source.kind}, not a guideline (kind: guideline)")

    def _warn_of_copies(self, sources: dict[str, m.Source]) -> None:
        """A block whose every source was read in a copy (read_at) rests on copies alone: a warning,
        since the copy is faithful, but the primary page should be read at the next review."""
        for cited, node, where in self._cited_blocks:
            found = [sources[s] for s in cited if s in sources]
            if found and all(s.read_at for s in found):
                mark = node.start_mark
                message = f"warning: {where}: every source was read in a copy (read_at); read the primary page"
                self.warnings.append(Problem(self.filename, mark.line + 1, mark.column + 1, message))

    def _check_refs(self, refs: list[tuple[str, Node]], known: dict[str, Any], noun: str, section: str) -> None:
        for ref, node in refs:
            if ref not in known:
                self.report(node, f"unknown {noun} '{ref}'{_did_you_mean(ref, known)}; add it under '{section}'")

    def _check_conditions(self, conditions: dict[str, m.Condition]) -> None:
        self._check_refs(self._condition_refs, conditions, "condition", "conditions")
        for condition in conditions.values():
            seen = [condition.id]
            parent = condition.parent
            while parent in conditions and parent not in seen:
                seen.append(parent)
                parent = conditions[parent].parent
            if parent in seen:
                self.report(None, f"condition '{condition.id}': its parents form a loop ({' > '.join(seen)})")

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


_KEYED_NOUNS = {m.Source: "source", m.Condition: "condition", m.Situation: "situation"}


def _products_problem(risk: m.AddictionRisk) -> str | None:
    """Why a record's level or schedule could hide one of its products from a filter, or None."""
    if not risk.products:
        return None
    if len(risk.products) < 2:
        return "'products' is for records whose products differ; list at least two, or leave it out"
    highest = max((p.level for p in risk.products), key=m.ADDICTION_LEVELS.rank)
    if risk.level != highest:
        return f"'level' must be the highest of its products' levels ('{highest}'), so no product is hidden"
    strictest = m.strictest_schedule(p.us_schedule for p in risk.products)
    if risk.us_schedule != strictest:
        return f"'us_schedule' must be the most restrictive of its products' schedules ({strictest or 'null'})"
    return None


def _uk_products_problem(uk: m.UkControl) -> str | None:
    """Why a record's UK class or schedule could hide one of its products, or None."""
    if not uk.products:
        return None
    known = [p for p in uk.products if p.act_class != m.NOT_REPORTED]
    strictest = min((p.act_class for p in known), key=m.UK_CLASSES.rank, default=uk.act_class)
    if uk.act_class != strictest:
        return f"'act_class' must be the strictest of its products' classes ('{strictest}'), so no product is hidden"
    schedules = [p.schedule for p in known if p.schedule]
    strictest_schedule = min(schedules, key=m.UK_SCHEDULES.rank, default=uk.schedule)
    if uk.schedule != strictest_schedule:
        return f"'schedule' must be the most restrictive of its products' schedules ('{strictest_schedule}')"
    return None


def _evidence_problem(e: m.Evidence) -> str | None:
    """What is inconsistent between an evidence entry's fields, or None."""
    no_trials = e.benefit == "no-trials"
    if no_trials and e.certainty is not None:
        return "'no-trials' has no certainty to rate; leave 'certainty' out"
    if not no_trials and e.certainty is None:
        return "missing required field 'certainty' (only 'benefit: no-trials' goes without one)"
    if no_trials != (e.comparator == "not-applicable"):
        return "'comparator: not-applicable' goes with 'benefit: no-trials', and only with it"
    if no_trials and (e.mean_difference or e.responders):
        return "'no-trials' cannot carry numbers"
    if e.comparator == "other-treatment" and not e.compared_with:
        return "'comparator: other-treatment' needs 'compared_with' to name the treatment"
    if e.mean_difference is not None:
        band = m.band_for(e.mean_difference.points)
        allowed = {band, *(["none"] if band == "slight" else []), *(["unclear"] if e.certainty == "very-low" else [])}
        if e.benefit not in allowed:
            return (
                f"benefit '{e.benefit}' does not match a mean difference of {e.mean_difference.points:g} points "
                f"(that is '{band}' on the bands in docs/catalogue-format.md)"
            )
    return None
