"""docs/json-output.schema.json is generated from the record shape, and its scales are the model's."""

from __future__ import annotations

import json

from conftest import REPO

from paincompare import json_schema
from paincompare.catalogue import scales
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
        ("evidence", "benefit"): scales.BENEFITS,
        ("evidence", "certainty"): scales.CERTAINTIES,
        ("evidence", "comparator"): scales.COMPARATORS,
        ("evidence", "outcome"): scales.OUTCOMES,
        ("duration", "basis"): scales.DURATION_BASES,
        ("duration", "length"): scales.DURATION_LENGTHS,
        ("onset", "speed"): scales.ONSET_SPEEDS,
        ("invasiveness", "level"): scales.INVASIVENESS,
        ("addiction_risk", "level"): scales.ADDICTION_LEVELS,
        ("product", "level"): scales.ADDICTION_LEVELS,
        ("guideline_stance", "stance"): scales.STANCES,
        ("cost", "tier"): scales.COST_TIERS,
        ("claim", "verdict"): scales.VERDICTS,
        ("treatment", "category"): scales.CATEGORIES,
        ("source", "kind"): scales.SOURCE_KINDS,
        ("claim", "attribute"): scales.ATTRIBUTES,
        ("source", "region"): scales.REGIONS,
        ("evidence", "measured"): scales.MEASURED,
        ("onset", "basis"): scales.ONSET_BASES,
        ("caution", "level"): scales.CAUTION_LEVELS,
        ("situation", "kind"): scales.SITUATION_KINDS,
        ("uk_control", "act_class"): scales.UK_CLASSES,
        ("uk_control", "schedule"): scales.UK_SCHEDULES,
        ("uk_control", "safe_custody"): scales.SAFE_CUSTODY,
        ("uk_product", "act_class"): scales.UK_CLASSES,
        ("uk_product", "schedule"): scales.UK_SCHEDULES,
        ("uk_product", "safe_custody"): scales.SAFE_CUSTODY,
        ("availability", "licensed_for_pain"): scales.LICENSED,
        ("availability", "supply"): scales.SUPPLY,
        ("availability", "nhs"): scales.NHS,
        ("cost", "free_at_point_of_use"): scales.FREE_AT_USE,
        ("approval", "status"): scales.APPROVAL_STATUSES,
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
    assert finding["verdict"]["enum"] == [*scales.VERDICTS.words, "not-checked"]
    assert finding["attribute"]["enum"] == list(scales.ATTRIBUTES.words)
