"""docs/json-output.schema.json is generated from the record shape, and its scales are the model's."""

from __future__ import annotations

import json

from conftest import REPO

from paincompare import json_schema
from paincompare.catalogue import models as m
from paincompare.render import ReportKind

FILE = REPO / "docs" / "json-output.schema.json"


def test_the_published_schema_is_the_generated_one():
    assert FILE.read_text(encoding="utf-8") == json_schema.text(), (
        "regenerate it: python -m paincompare.json_schema > docs/json-output.schema.json"
    )


def test_every_enumeration_is_a_models_scale():
    schema = json.loads(FILE.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    pairs = {
        ("evidence", "benefit"): m.BENEFITS,
        ("evidence", "certainty"): m.CERTAINTIES,
        ("evidence", "comparator"): m.COMPARATORS,
        ("evidence", "outcome"): m.OUTCOMES,
        ("duration", "basis"): m.DURATION_BASES,
        ("duration", "length"): m.DURATION_LENGTHS,
        ("onset", "speed"): m.ONSET_SPEEDS,
        ("invasiveness", "level"): m.INVASIVENESS,
        ("addiction_risk", "level"): m.ADDICTION_LEVELS,
        ("product", "level"): m.ADDICTION_LEVELS,
        ("guideline_stance", "stance"): m.STANCES,
        ("cost", "tier"): m.COST_TIERS,
        ("claim", "verdict"): m.VERDICTS,
        ("treatment", "category"): m.CATEGORIES,
        ("source", "kind"): m.SOURCE_KINDS,
        ("claim", "attribute"): m.ATTRIBUTES,
        ("source", "region"): m.REGIONS,
        ("evidence", "measured"): m.MEASURED,
        ("onset", "basis"): m.ONSET_BASES,
        ("caution", "level"): m.CAUTION_LEVELS,
        ("situation", "kind"): m.SITUATION_KINDS,
        ("uk_control", "act_class"): m.UK_CLASSES,
        ("uk_control", "schedule"): m.UK_SCHEDULES,
        ("uk_control", "safe_custody"): m.SAFE_CUSTODY,
        ("uk_product", "act_class"): m.UK_CLASSES,
        ("uk_product", "schedule"): m.UK_SCHEDULES,
        ("uk_product", "safe_custody"): m.SAFE_CUSTODY,
        ("availability", "licensed_for_pain"): m.LICENSED,
        ("availability", "supply"): m.SUPPLY,
        ("availability", "nhs"): m.NHS,
        ("cost", "free_at_point_of_use"): m.FREE_AT_USE,
        ("approval", "status"): m.APPROVAL_STATUSES,
    }
    for (record, field), scale in pairs.items():
        assert defs[record]["properties"][field]["enum"] == list(scale.words), (record, field)
    found = {
        (name, field)
        for name, record in defs.items()
        for field, spec in record["properties"].items()
        if "enum" in spec and field != "us_schedule" and (name, field) != ("check", "sort")  # check's order, below
    }
    assert found == set(pairs), "an enumeration has no model scale to match"
    assert defs["report"]["properties"]["query"]["properties"]["command"]["enum"] == [k.value for k in ReportKind]
    assert defs["check"]["properties"]["sort"]["enum"] == ["article", "worthiness"]
    finding = defs["check"]["properties"]["findings"]["items"]["properties"]
    assert finding["verdict"]["enum"] == [*m.VERDICTS.words, "not-checked"]
    assert finding["attribute"]["enum"] == list(m.ATTRIBUTES.words)
