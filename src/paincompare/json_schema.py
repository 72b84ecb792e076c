"""The JSON Schema of `--format json`, generated from the record shape (shape.py).

docs/json-output.schema.json is this module's output; tests/test_json_schema.py fails when the
file and the code differ. Regenerate it with:

    python -m paincompare.json_schema > docs/json-output.schema.json
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from paincompare.catalogue import models as m
from paincompare.catalogue import scales, shape
from paincompare.check.scorecard import CRITERIA as _CRITERIA
from paincompare.check.scorecard import FOR_A_READER as _FOR_A_READER
from paincompare.check.scorecard import STATUSES as _STATUSES
from paincompare.check.worthiness import WEIGHTS as _WORTHINESS
from paincompare.render import ReportKind

_SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_TEXT = {"type": "string", "minLength": 1}
# Fields JSON output adds to records: computed from the record, never stored in the catalogue.
_ADDED: dict[type, dict[str, tuple[dict[str, Any], bool]]] = {
    m.Evidence: {"statement": ({**_TEXT, "description": "the finding as a GRADE informative statement"}, True)},
    m.Treatment: {
        "shown_finding": (
            {
                "type": ["integer", "null"],
                "minimum": 0,
                "description": "list only: index of the evidence entry the row showed",
            },
            False,
        ),
        "flags": (
            {
                "type": "object",
                "description": "list --flag only: for each situation asked about, the firmest thing the sources "
                "say (a caution level), or no-warning-found",
                "additionalProperties": {"enum": [*scales.CAUTION_LEVELS.words, "no-warning-found"]},
            },
            False,
        ),
    },
    m.Condition: {
        "treatments": ({"type": "integer", "minimum": 0}, False),
        "with_narrower": ({"type": "integer", "minimum": 0}, False),
    },
}


def _kind(kind: shape.Kind) -> dict[str, Any]:
    build = _KIND_SCHEMAS.get(kind.name)
    if build is None:
        raise ValueError(f"no schema for kind {kind.name!r}")
    return build(kind)


def _short(_: shape.Kind) -> dict[str, Any]:
    return {**_TEXT, "description": f"a short answer of at most {scales.SHORT_WORDS} words"}


def _word(kind: shape.Kind) -> dict[str, Any]:
    return {"enum": list(kind.given_scale().words)}


def _list(kind: shape.Kind) -> dict[str, Any]:
    return {"type": "array", "items": _kind(kind.given_item()), **({"minItems": 1} if kind.non_empty else {})}


def _record_ref(kind: shape.Kind) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{_def_name(kind.given_record())}"}


def _id(_: shape.Kind) -> dict[str, Any]:
    return {"type": "string", "pattern": _SLUG_PATTERN}


# The schema of each kind of value in the shape, built afresh for every field.
_KIND_SCHEMAS: dict[str, Callable[[shape.Kind], dict[str, Any]]] = {
    "text": lambda _: dict(_TEXT),
    "prose": lambda _: dict(_TEXT),
    "short": _short,
    "slug": _id,
    "condition": _id,
    "situation": _id,
    "guideline": _id,
    "url": lambda _: {"type": "string", "pattern": "^https?://"},
    "date": lambda _: {"type": "string", "pattern": _DATE_PATTERN},
    "month": lambda _: {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"},
    "integer": lambda kind: {"type": "integer", "minimum": kind.low, "maximum": kind.high},
    "number": lambda _: {"type": "number"},
    "percent": lambda _: {"type": "number", "minimum": 0, "maximum": 100},
    "word": _word,
    "schedule": lambda _: {"enum": [*scales.US_SCHEDULES.words, None]},
    "sources": lambda _: {"type": "array", "items": _id(_), "minItems": 1},
    "list": _list,
    "record": _record_ref,
}


def _def_name(cls: type) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in cls.__name__).lstrip("_")


def _record(cls: type, keyed: bool = False) -> dict[str, Any]:
    fields = shape.SHAPES[cls][1:] if keyed else shape.SHAPES[cls]
    properties = {f.name: _kind(f.kind) for f in fields}
    required = [f.name for f in fields if f.required]
    for name, (schema, always) in _ADDED.get(cls, {}).items():
        properties[name] = schema
        if always:
            required.append(name)
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


# check's verdicts, gravest first, and the finding that has none


def _check_document(info: dict[str, Any]) -> dict[str, Any]:
    """`paincompare check`'s document: the article, its findings, and the sources they cite."""
    finding = {
        "type": "object",
        "properties": {
            "line": {"type": "integer", "minimum": 1},
            "text": _TEXT,
            "treatment": {"type": "string", "pattern": _SLUG_PATTERN},
            "attribute": {"enum": list(scales.ATTRIBUTES.words)},
            "verdict": {"enum": list(scales.FINDING_VERDICTS)},
            "claim": {"type": ["string", "null"]},
            "explanation": _TEXT,
            "sources": {"type": "array", "items": {"type": "string", "pattern": _SLUG_PATTERN}, "minItems": 1},
            "condition": {
                "type": ["string", "null"],
                "description": "the condition id an effectiveness verdict was judged for, else null",
            },
            "worthiness": {
                "type": "object",
                "description": "--sort worthiness only: the finding's weight and the reasons that gave it",
                "properties": {
                    "score": {"type": "integer", "minimum": 0},
                    "reasons": {"type": "array", "items": {"enum": [name for name, _w in _WORTHINESS]}},
                },
                "required": ["score", "reasons"],
                "additionalProperties": False,
            },
        },
        "required": [
            "line",
            "text",
            "treatment",
            "attribute",
            "verdict",
            "claim",
            "explanation",
            "sources",
            "condition",
        ],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {
            "catalogue": info,
            "article": {
                "type": "object",
                "properties": {"path": _TEXT, "sentences": {"type": "integer", "minimum": 0}},
                "required": ["path", "sentences"],
                "additionalProperties": False,
            },
            "summary": {
                "type": "object",
                "description": "how many findings have each verdict, gravest first",
                "properties": {v: {"type": "integer", "minimum": 0} for v in scales.FINDING_VERDICTS_GRAVEST_FIRST},
                "required": list(scales.FINDING_VERDICTS_GRAVEST_FIRST),
                "additionalProperties": False,
            },
            "scorecard": {
                "type": "array",
                "description": "the article judged on HealthNewsReview.org and DISCERN criteria, one per criterion",
                "items": {
                    "type": "object",
                    "properties": {
                        "criterion": {"enum": [c for c, _l, _r in (*_CRITERIA, *_FOR_A_READER)]},
                        "label": _TEXT,
                        "rubric": _TEXT,
                        "status": {"enum": list(_STATUSES)},
                        "evidence": _TEXT,
                        "line": {"type": ["integer", "null"], "minimum": 1},
                    },
                    "required": ["criterion", "label", "rubric", "status", "evidence", "line"],
                    "additionalProperties": False,
                },
            },
            "sort": {"enum": ["article", "worthiness"], "description": "the order of the findings"},
            "findings": {"type": "array", "items": finding},
            "references": {"type": "object", "additionalProperties": {"$ref": "#/$defs/source"}},
        },
        "required": ["catalogue", "article", "scorecard", "summary", "sort", "findings", "references"],
        "additionalProperties": False,
    }


def schema() -> dict[str, Any]:
    """The whole output document's schema: one shape for every command, and check's own."""
    info = _record(m.CatalogueInfo)
    info["properties"]["next_review"] = {"type": "string", "pattern": _DATE_PATTERN}
    info["required"].append("next_review")
    keyed = (m.Source, m.Condition, m.Situation)
    defs = {_def_name(cls): _record(cls) for cls in shape.SHAPES if cls not in (m.CatalogueInfo, *keyed)}
    defs.update({_def_name(cls): _record(cls, keyed=True) for cls in keyed})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "paincompare --format json output",
        "description": (
            "What every command prints with --format json: catalogue metadata, what was asked, the "
            "treatments shown in order, and every condition and source they refer to, resolved; or, for "
            "check, the article, its findings and the sources they cite. "
            "Field names are those of the catalogue format (docs/catalogue-format.md). Generated from "
            "src/paincompare/catalogue/shape.py by src/paincompare/json_schema.py."
        ),
        "oneOf": [{"$ref": "#/$defs/report"}, {"$ref": "#/$defs/check"}],
        "$defs": {**defs, "report": _report_document(info), "check": _check_document(info)},
    }


def _report_document(info: dict[str, Any]) -> dict[str, Any]:
    """Every command but check: catalogue, query, treatments, and what they refer to, resolved."""
    return {
        "type": "object",
        "properties": {
            "catalogue": info,
            "query": {
                "type": "object",
                "properties": {
                    "command": {"enum": [kind.value for kind in ReportKind]},
                    "condition": {"type": ["string", "null"]},
                    "region": {"enum": list(scales.READER_REGIONS)},
                },
                "required": ["command", "condition", "region"],
                "additionalProperties": False,
            },
            "treatments": {"type": "array", "items": {"$ref": "#/$defs/treatment"}},
            "conditions": {"type": "object", "additionalProperties": {"$ref": "#/$defs/condition"}},
            "situations": {"type": "object", "additionalProperties": {"$ref": "#/$defs/situation"}},
            "references": {"type": "object", "additionalProperties": {"$ref": "#/$defs/source"}},
            "not_judged": {
                "description": "list only: for each filter and sort asked for, the treatments it could not judge "
                "for want of a value (shown: false, left out of the rows; shown: true, listed unranked)",
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "field": _TEXT,
                        "option": _TEXT,
                        "reason": _TEXT,
                        "shown": {"type": "boolean"},
                        "treatments": {"type": "array", "items": {"type": "string", "pattern": _SLUG_PATTERN}},
                    },
                    "required": ["field", "option", "reason", "shown", "treatments"],
                    "additionalProperties": False,
                },
            },
            "groups": {
                "description": "list only: the rows in the groups a sort ranked them in, in order; label null for "
                "the main group",
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "label": {"type": ["string", "null"]},
                        "treatments": {"type": "array", "items": {"type": "string", "pattern": _SLUG_PATTERN}},
                    },
                    "required": ["label", "treatments"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["catalogue", "query", "treatments", "conditions", "situations", "references"],
        "additionalProperties": False,
    }


def text() -> str:
    return json.dumps(schema(), indent=2) + "\n"


if __name__ == "__main__":
    print(text(), end="")
