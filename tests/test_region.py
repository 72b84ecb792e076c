"""The reader's country: chosen by option, environment or locale, and followed by names, controlled-drug
law, guidelines, availability and prices in every view and format."""

from __future__ import annotations

import copy
import json

import factory
import pytest
from conftest import BUNDLED

from paincompare import catalogue, guidance, query, region
from paincompare.errors import UsageError

FORMATS = ("table", "plain", "markdown", "csv", "html", "json")


# -- choosing the region ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "option, environ, expected",
    [
        ("uk", {"PAINCOMPARE_REGION": "us", "LANG": "en_US.UTF-8"}, ("uk", "--region")),
        (None, {"PAINCOMPARE_REGION": "UK", "LANG": "en_US.UTF-8"}, ("uk", "PAINCOMPARE_REGION")),
        (None, {"LANG": "en_GB.UTF-8"}, ("uk", "the locale (LANG=en_GB.UTF-8)")),
        (None, {"LC_ALL": "en_US.UTF-8", "LANG": "en_GB.UTF-8"}, ("us", "the locale (LC_ALL=en_US.UTF-8)")),
        (None, {"LC_MESSAGES": "cy_GB", "LANG": "en_US.UTF-8"}, ("uk", "the locale (LC_MESSAGES=cy_GB)")),
        (None, {"LC_ALL": "C.UTF-8", "LANG": "en_GB.UTF-8"}, ("us", "the default")),  # the first one set decides
        (None, {"LANG": "fr_FR.UTF-8"}, ("us", "the default")),
        (None, {"LANG": "en_GB@euro"}, ("uk", "the locale (LANG=en_GB@euro)")),
        (None, {}, ("us", "the default")),
    ],
)
def test_the_region_comes_from_option_then_environment_then_locale(option, environ, expected):
    assert tuple(region.choose(option, environ)) == expected


@pytest.mark.parametrize("option, environ", [("fr", {}), (None, {"PAINCOMPARE_REGION": "england"})])
def test_an_unknown_region_is_a_usage_error(option, environ):
    with pytest.raises(UsageError, match="is not a region; use one of: uk, us"):
        region.choose(option, environ)


def test_an_unknown_region_exits_2_with_one_line(run):
    result = run("--region", "fr", "list")
    assert result.code == 2 and result.stderr.count("\n") == 1
    assert run("list", PAINCOMPARE_REGION="mars").code == 2


def test_the_region_option_may_follow_the_command(run):
    assert "Region: UK (from --region)" in run("list", "--region", "uk", "-f", "plain").stdout


# -- what changes, on a small catalogue -------------------------------------------------------------------


@pytest.fixture
def two(write_catalogue):
    alpha = factory.treatment("alpha")
    beta = copy.deepcopy(factory.treatment("beta", name="Beta"))
    beta.pop("uk_name", None)
    beta["cost"].update(tier="low", price=1.0)
    beta["cost_uk"].update(tier="medium", price=50.0)
    return write_catalogue(alpha, beta)


@pytest.mark.parametrize("fmt", FORMATS)
def test_uk_names_control_and_prices_in_every_format(run, two, fmt):
    out = run("--catalogue", str(two), "--region", "uk", "compare", "alpha", "beta", "-f", fmt, COLUMNS="400").stdout
    if fmt == "json":
        data = json.loads(out)
        assert data["query"]["region"] == "uk"
        alpha = data["treatments"][0]
        assert alpha["uk_name"] == "Alphamol" and alpha["cost_uk"]["price"] == 1.94
        return
    if fmt not in ("plain", "csv"):  # scripts get ids; people get the name they know
        assert "Alphamol" in out
    assert "not a UK controlled drug" in out
    assert "Cheap on the NHS." in out and "From a pharmacy, or on the NHS." in out
    assert "Region: UK" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_us_view_of_the_same(run, two, fmt):
    out = run("--catalogue", str(two), "--region", "us", "compare", "alpha", "beta", "-f", fmt, COLUMNS="400").stdout
    if fmt == "json":
        assert json.loads(out)["query"]["region"] == "us"
        return
    assert "Alphamol" not in out
    assert "Sold without a prescription." in out and "Cheap on the NHS." not in out
    assert "Region: US" in out


def test_show_gives_both_countries_the_readers_first(run, two):
    out = run("--catalogue", str(two), "--region", "uk", "show", "alpha", "-f", "plain").stdout
    assert out.index("UK cost:") < out.index("US cost:")
    assert "Price: £1.94 for 100 tablets (2026-10)" in out and "Price: $4.50 for 100 tablets (2026-10)" in out
    assert out.index("UK: not a UK controlled drug") < out.index("US: none")


def test_sort_cost_follows_the_regions_prices(run, two):
    uk = json.loads(run("--catalogue", str(two), "--region", "uk", "list", "--sort", "cost", "-f", "json").stdout)
    us = json.loads(run("--catalogue", str(two), "--region", "us", "list", "--sort", "cost", "-f", "json").stdout)
    assert [t["id"] for t in uk["treatments"]] == ["alpha", "beta"]  # £1.94 low before £50 medium
    assert [t["id"] for t in us["treatments"]] == ["beta", "alpha"]  # $1.00 before $4.50, both low


def test_a_price_older_than_the_review_policy_is_flagged(run, write_catalogue):
    old = factory.treatment("alpha")
    old["cost_uk"]["month"] = "2009-01"  # the factory's catalogues review every 120 months
    path = write_catalogue(old)
    result = run("--catalogue", str(path), "--region", "uk", "show", "alpha", "-f", "markdown")
    assert "(price from 2009-01, older than the 120-month review policy)" in result.stdout
    listed = run("--catalogue", str(path), "--region", "uk", "list", "--wide", "-f", "markdown").stdout
    assert "Cost: low (an old price)" in listed
    assert "old price" not in run("--catalogue", str(path), "--region", "us", "list", "-f", "markdown").stdout
    assert result.stderr == "", "flagged where the price is shown, not as noise on stderr"


def test_a_month_that_is_not_a_month_is_a_problem(tmp_path):
    record = factory.treatment("alpha")
    record["cost_uk"]["month"] = "2026-13"
    problems = catalogue.problems_in(factory.write(tmp_path, factory.catalogue(record)))
    assert any("expected a month written 'YYYY-MM'" in p.message for p in problems)


def test_a_medicine_needs_its_uk_legal_status(tmp_path):
    record = factory.treatment("alpha")
    del record["uk_control"]
    problems = catalogue.problems_in(factory.write(tmp_path, factory.catalogue(record)))
    assert any("a medicine needs 'uk_control'" in p.message for p in problems)


def test_guidelines_put_the_readers_bodies_first():
    cat = catalogue.load(BUNDLED)
    nsaids = query.resolve(cat, "ibuprofen")
    for code in ("uk", "us"):
        ordered = guidance.by_region(cat, list(nsaids.guidelines), code)
        regions = [cat.sources[g.guideline].region for g in ordered]
        assert regions == sorted(regions, key=(code, "uk" if code == "us" else "us", "international").index)
        firmest = guidance.strongest_stances(cat, nsaids, None, code)
        assert cat.sources[firmest[0].guideline].region == code


# -- the bundled catalogue ------------------------------------------------------------------------------------


def test_every_medicine_has_its_uk_legal_status():
    cat = catalogue.load(BUNDLED)
    assert all(t.uk_control is not None for t in cat.treatments if t.category == "medication")


def test_a_uk_reader_sees_uk_names_law_nice_first_and_nhs_prices(run):
    out = run("compare", "paracetamol", "co-codamol", "-f", "markdown", LANG="en_GB.UTF-8").stdout
    assert "| Question | Paracetamol (acetaminophen) | Codeine and co-codamol" in out
    assert "UK Class B, Schedule 2" in out and "not a UK controlled drug" in out
    guidelines = next(line for line in out.splitlines() if line.startswith("| What do guidelines say?"))
    assert guidelines.index("NICE") < guidelines.index("ACR")
    assert "£1.94" in out and "Region: UK (from the locale (LANG=en\\_GB.UTF-8))" in out  # Markdown escapes _


def test_the_us_view_of_the_same_two(run):
    out = run("--region", "us", "compare", "paracetamol", "co-codamol", "-f", "markdown", LANG="en_GB.UTF-8").stdout
    assert "| Question | Acetaminophen (paracetamol) |" in out and "US Schedule" in out
    guidelines = next(line for line in out.splitlines() if line.startswith("| What do guidelines say?"))
    assert guidelines.index("ACR") < guidelines.index("NICE")
    assert "£1.94" not in out and "Region: US (from --region)" in out


def test_carisoprodol_is_not_licensed_in_the_uk(run):
    out = " ".join(run("show", "carisoprodol", "--region", "uk", "-f", "plain").stdout.split())
    assert "carisoprodol licences, including the UK's, should be suspended" in out
    grid = " ".join(run("compare", "carisoprodol", "ibuprofen", "--region", "uk", "-f", "plain").stdout.split())
    assert "Carisoprodol is not sold: its licence was stopped in 2007" in grid


def test_list_sort_cost_orders_by_the_uk_price(run):
    data = json.loads(run("--region", "uk", "list", "--sort", "cost", "-f", "json").stdout)
    ranked = [t for t in data["treatments"] if t["id"] in data["groups"][0]["treatments"]]
    tiers = ["low", "medium", "high", "very-high"]
    keys = [(tiers.index(t["cost_uk"]["tier"]), t["cost_uk"].get("price") or 0) for t in ranked]
    assert keys == sorted(keys) and len(ranked) >= 20
    assert data["not_judged"][-1]["option"] == "--sort cost"
