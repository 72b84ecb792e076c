"""Finding, reading and validating catalogue files: every problem named with its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import factory
import pytest
import yaml

from paincompare import catalogue
from paincompare.errors import CatalogueError

REPO = Path(__file__).resolve().parents[1]


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return [str(p) for p in catalogue.problems_in(path)]


def valid_text(**changes) -> str:
    return yaml.safe_dump(factory.catalogue(factory.treatment("alpha", **changes)), sort_keys=False)


def test_the_bundled_catalogue_is_found_from_the_source_tree():
    assert catalogue.bundled_path() == REPO / "data" / "treatments.yaml"


def test_choose_path_prefers_the_option_then_the_environment(monkeypatch):
    monkeypatch.setenv("PAINCOMPARE_CATALOGUE", "/from/env.yaml")
    assert catalogue.choose_path("/from/option.yaml") == Path("/from/option.yaml")
    assert catalogue.choose_path(None) == Path("/from/env.yaml")
    monkeypatch.delenv("PAINCOMPARE_CATALOGUE")
    assert catalogue.choose_path(None) == catalogue.bundled_path()


def test_a_valid_catalogue_loads_into_typed_records(tmp_path):
    loaded = catalogue.load(factory.write(tmp_path, factory.catalogue(factory.treatment("alpha", schedule="IV"))))
    (alpha,) = loaded.treatments
    assert alpha.addiction_risk.us_schedule == "IV"
    assert alpha.reviewed == dt.date(2026, 11, 1)
    assert loaded.info.next_review() == dt.date(2036, 11, 1)
    assert loaded.sources["test-review"].year == 2020


def test_every_problem_is_reported_with_its_line_not_just_the_first(tmp_path):
    text = valid_text().replace("speed: days", "speed: fast").replace("level: none", "level: nil")
    found = problems(tmp_path, text)
    assert len(found) == 3  # the speed, and both levels (addiction risk and invasiveness)
    assert any(":" in p and "'fast' is not an onset speed" in p for p in found)
    line_of_speed = text.splitlines().index("    speed: fast") + 1
    assert any(p.startswith(f"{tmp_path / 'c.yaml'}:{line_of_speed}:") for p in found)


def test_unknown_field_gets_a_did_you_mean(tmp_path):
    found = problems(tmp_path, valid_text().replace("    summary: Within days.", "    sumary: Within days."))
    assert any("unknown field 'sumary'; did you mean 'summary'?" in p for p in found)
    assert any("missing required field 'summary'" in p for p in found)


def test_unresolved_source_and_commercial_source_outside_cost(tmp_path):
    text = valid_text().replace("- test-review", "- test-reviw", 1)
    assert any("unknown source 'test-reviw'; did you mean 'test-review'?" in p for p in problems(tmp_path, text))
    text = valid_text().replace("- test-review", "- test-prices", 1)
    assert any("commercial sources may be cited for cost only" in p for p in problems(tmp_path, text))


def test_duplicate_ids_and_shared_aliases(tmp_path):
    data = factory.catalogue(
        factory.treatment("alpha", aliases=["shared"]),
        factory.treatment("beta", aliases=["Shared"]),
        factory.treatment("alpha"),
    )
    found = [str(p) for p in catalogue.problems_in(factory.write(tmp_path, data))]
    assert any("duplicate treatment id 'alpha'" in p for p in found)
    assert any("the name 'shared' is also used by 'alpha'" in p for p in found)


def test_yaml_11_traps_are_type_errors_not_silent_changes(tmp_path):
    found = problems(tmp_path, valid_text().replace("route: By mouth", "route: no"))
    assert any("expected text, got a yes/no value ('no'); put the text in quotes" in p for p in found)
    found = problems(tmp_path, valid_text().replace("version: '1'", "version: 1.10"))
    assert any("version: expected text, got a number ('1.10')" in p for p in found)


def test_unreadable_inputs_are_one_clear_problem(tmp_path):
    missing = tmp_path / "nope.yaml"
    with pytest.raises(CatalogueError, match="no such file"):
        catalogue.load(missing)
    with pytest.raises(CatalogueError, match="is a directory"):
        catalogue.load(tmp_path)
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    with pytest.raises(CatalogueError, match="the catalogue is empty"):
        catalogue.load(empty)


def test_a_broken_record_does_not_hide_a_clash_between_two_others(tmp_path):
    data = factory.catalogue(
        factory.treatment("alpha", aliases=["shared"]),
        factory.treatment("beta", addiction="bad"),
        factory.treatment("gamma", aliases=["shared"]),
    )
    found = [str(p) for p in catalogue.problems_in(factory.write(tmp_path, data))]
    assert any("'bad' is not an addiction level" in p for p in found)
    assert any("the name 'shared' is also used by 'alpha'" in p for p in found)
