"""Safety basics: who should not use a treatment, what it should not be taken with, how soon a dose
works, and citations that name the primary page, never the copy a fact was read in."""

from __future__ import annotations

import csv
import io
import json

import factory
import pytest
from conftest import BUNDLED

from paincompare import catalogue, guidance, query
from paincompare.catalogue import scales

FORMATS = ("table", "plain", "markdown", "csv", "html", "json")
# Hosts that copy, mirror or share documents: never the citation a reader sees (docs/fact-checks.md).
COPY_HOSTS = (
    "scribd.", "docsbay.", "docslib.", "studylib.", "github.com", "medthority.", "medlibrary.", "fda.report",
    "druglib.", "drugcentral.", "rxlist.", "drugs.com", "pillsync.", "booksci.", "scite.ai", "slidelegend.",
    "joomag.", "ebroon.", "easymanua.ls", "manualshive.", "mimsdev.", "oddb.org", "votesmart.", "justia.",
    "govregs.", "pulsetoday.", "pharmacytimes.", "wikidoc.", "netlify.", "qualomics.", "skyscape.",
)  # fmt: skip


@pytest.fixture(scope="module")
def bundled():
    return catalogue.load(BUNDLED)


def medicines(cat):
    return [t for t in cat.treatments if t.category == "medication"]


# -- the catalogue --------------------------------------------------------------------------------------


def test_every_medicine_says_who_should_not_use_it_and_what_it_interacts_with(bundled):
    for t in medicines(bundled):
        assert t.cautions.entries, t.id
        assert t.interactions is not None, t.id
    assert all(t.cautions.short for t in bundled.treatments)


def test_every_medicine_has_a_pregnancy_entry(bundled):
    """Every medicine's label or data sheet has a pregnancy section, so every medicine says something."""
    missing = [t.id for t in medicines(bundled) if not t.cautions.for_situations(frozenset({"pregnancy"}))]
    assert not missing


def test_procedures_say_who_they_rule_out(bundled):
    needles = [t for t in bundled.treatments if t.category in ("interventional", "surgical")]
    assert needles and all(t.cautions.entries for t in needles), [t.id for t in needles if not t.cautions.entries]


def test_onset_is_given_for_every_medicine_or_says_why_not(bundled):
    for t in medicines(bundled):
        assert t.onset.basis in scales.ONSET_BASES
        if t.onset.speed == scales.NOT_REPORTED:
            assert t.onset.summary.startswith("Not reported:") and len(t.onset.summary.split()) > 5, t.id


def test_the_commonest_painkillers_no_longer_vanish_from_works_within_hours(run):
    shown = [t["id"] for t in json.loads(run("list", "--onset", "hours", "-f", "json").stdout)["treatments"]]
    for tid in ("oral-nsaids", "strong-opioids", "acetaminophen", "codeine", "tramadol"):
        assert tid in shown


def test_no_citation_is_a_copy_or_document_sharing_host(bundled):
    copies = [(sid, s.url) for sid, s in bundled.sources.items() if any(h in s.url for h in COPY_HOSTS)]
    assert not copies


def test_read_at_is_never_the_citation(bundled):
    read = [s for s in bundled.sources.values() if s.read_at]
    assert read, "the catalogue logs the copies it was read in"
    for s in read:
        assert s.read_at not in s.citation() and s.url != s.read_at


# -- the format ---------------------------------------------------------------------------------------------


def _problems(tmp_path, record, **changes):
    data = factory.catalogue(record)
    for key, value in changes.items():
        data[key] = value
    return [p.message for p in catalogue.problems_in(factory.write(tmp_path, data))]


def test_a_medicine_without_interactions_is_a_problem(tmp_path):
    record = factory.treatment("pill")
    del record["interactions"]
    assert any("a medicine needs 'interactions'" in p for p in _problems(tmp_path, record))
    record["category"] = "physical"
    assert _problems(tmp_path, record) == []


def test_an_unknown_situation_is_a_problem_with_a_suggestion(tmp_path):
    record = factory.treatment("pill")
    record["cautions"]["entries"][0]["when"] = "pregnant"
    [problem] = _problems(tmp_path, record)
    assert "unknown situation 'pregnant'" in problem and "did you mean 'pregnancy'" in problem


def test_a_caution_level_off_the_scale_is_a_problem(tmp_path):
    record = factory.treatment("pill")
    record["interactions"]["entries"][0]["level"] = "avoid"
    [problem] = _problems(tmp_path, record)
    assert "avoid" in problem and "do-not-use" in problem


def test_a_fact_read_only_in_copies_is_a_warning_not_a_problem(run, tmp_path):
    data = factory.catalogue(factory.treatment("pill"))
    data["sources"]["test-review"]["read_at"] = "https://mirror.example.org/review"
    path = factory.write(tmp_path, data)
    result = run("validate", str(path))
    assert result.code == 0 and "warning(s)" in result.stderr
    assert "warning: pill." in result.stdout and "read in a copy" in result.stdout
    data["sources"]["test-review"].pop("read_at")
    assert "warning" not in run("validate", str(factory.write(tmp_path, data))).stdout


# -- the views ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_compare_asks_who_should_not_use_it_in_every_format(run, fmt):
    out = run("compare", "ibuprofen", "duloxetine", "--format", fmt).stdout
    if fmt == "json":
        data = json.loads(out)
        assert all(t["cautions"]["entries"] and t["interactions"]["entries"] for t in data["treatments"])
        assert "pregnancy" in data["situations"] and "name" in data["situations"]["pregnancy"]
        return
    flat = " ".join(out.split())
    assert "Who should not" in flat and "Other medicines:" in flat  # one row: who, and with what
    detail = run("compare", "ibuprofen", "duloxetine", "--rows", "cautions,interactions", "-f", fmt).stdout
    assert "Who should not" in detail and "What should it not" in detail


def test_show_lists_every_caution_with_its_situation_and_level(run, bundled):
    out = run("show", "ibuprofen", "--format", "markdown").stdout
    nsaids = query.resolve(bundled, "ibuprofen")
    for c in nsaids.cautions.entries:
        assert c.text[:25].replace("'", "\\'") in out or c.text[:25] in out, c.text
    assert "Pregnancy: do not use." in out and "Taking blood thinners: ask a doctor or pharmacist first." in out


def test_a_treatment_with_no_interactions_block_says_so_not_nothing(run):
    out = run("compare", "tens", "acupuncture", "--rows", "interactions", "-f", "plain").stdout
    assert out.count("Not reviewed: interactions are listed for medicines") == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_list_flag_adds_what_the_sources_say_and_hides_no_row(run, fmt, bundled):
    out = run("list", "--flag", "pregnancy", "--flag", "blood thinners", "--format", fmt, COLUMNS="400").stdout
    if fmt == "json":
        rows = json.loads(out)["treatments"]
        assert len(rows) == len(bundled.treatments)
        levels = {r["flags"]["pregnancy"] for r in rows}
        assert levels <= {*scales.CAUTION_LEVELS.words, "no-warning-found"} and "do-not-use" in levels
        return
    if fmt in ("plain", "csv"):
        reader = csv.reader(io.StringIO(out), delimiter="\t" if fmt == "plain" else ",")
        rows = [r for r in reader if r and not r[0].startswith("#")]
        header = rows[0]
        assert header[-2:] == ["flag: pregnancy", "flag: blood thinners"] and len(rows) - 1 == len(bundled.treatments)
        return
    assert "What the sources say for: pregnancy; blood thinners" in out
    assert "no warning found in the sources read" in out
    for t in bundled.treatments:
        assert t.name.split(" (")[0] in out.replace("&#x27;", "'"), t.id


def test_a_flag_matches_everyday_words_and_never_an_unrelated_situation(bundled):
    assert guidance.match_situations(bundled, "pregnant") == {"pregnancy"}
    assert guidance.match_situations(bundled, "warfarin") == {"blood-thinners"}
    assert guidance.match_situations(bundled, "SSRIs") == {"serotonin-medicines"}
    assert "kidney-disease" not in guidance.match_situations(bundled, "liver")
    assert "blood-thinners" not in guidance.match_situations(bundled, "high blood pressure")


def test_an_unknown_flag_is_a_usage_error_with_suggestions(run):
    result = run("list", "--flag", "pregnency")
    assert result.code == 2 and "Did you mean: pregnancy?" in result.stderr


def test_absence_of_a_warning_is_said_never_shown_as_safety(bundled):
    exercise = query.resolve(bundled, "exercise")
    assert guidance.flagged(exercise, frozenset({"maoi"})) == []
    from paincompare.render import views

    assert views.NO_WARNING == "no warning found in the sources read"


def test_sources_detail_and_json_keep_the_copy_as_read_at(run, bundled):
    detail = run("sources", "ketamine", "--detail").stdout
    assert "Read in a copy at:" in detail
    assert "Read in a copy at:" not in run("sources", "ketamine").stdout
    data = json.loads(run("sources", "ketamine", "-f", "json").stdout)
    assert any("read_at" in ref for ref in data["references"].values())
    grid = run("compare", "ketamine", "opioids", "--detail").stdout
    for s in bundled.sources.values():
        if s.read_at:
            assert s.read_at not in grid


def test_onset_says_what_it_is_counted_from(run):
    out = run("list", "--onset", "hours", "-f", "markdown").stdout
    assert "for medicines taken as needed, the time to relief after one dose" in out
    assert "minutes, each dose" in out
    show = run("show", "duloxetine", "-f", "plain").stdout
    assert "(counted from the start of a course)" in show
