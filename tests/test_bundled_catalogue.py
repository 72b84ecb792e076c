"""The shipped catalogue's content: coverage, regulatory facts, claims, balance and plain language."""

from __future__ import annotations

import pytest
import textstat
from conftest import BUNDLED

from paincompare import catalogue, query
from paincompare.catalogue import models as m
from paincompare.catalogue import shape

# Readability thresholds, measured with textstat 0.7.3's Flesch-Kincaid grade over every summary,
# effect and claim explanation (too noisy on one short field, so applied per treatment and overall).
# Grade 9 is about reading age 14, the ceiling Healthcare Improvement Scotland sets for aids a
# professional explains; the whole catalogue must read at grade 8 or below, and Flesch reading
# ease 60+ ("plain English").
MAX_GRADE_PER_TREATMENT = 9.0
MAX_GRADE_OVERALL = 8.0
MIN_READING_EASE_OVERALL = 60.0


@pytest.fixture(scope="module")
def cat():
    return catalogue.load(BUNDLED)


REQUIRED_NAMES = [
    "acetaminophen",
    "paracetamol",
    "ibuprofen",
    "topical nsaid",
    "opioids",
    "tramadol",
    "buprenorphine",
    "gabapentin",
    "pregabalin",
    "duloxetine",
    "amitriptyline",
    "lidocaine plaster",
    "qutenza",
    "ketamine",
    "lidocaine infusion",
    "cannabis",
    "muscle relaxant",
    "botox",
    "physical therapy",
    "cbt",
    "acceptance and commitment therapy",
    "mbsr",
    "pain management programme",
    "acupuncture",
    "spinal manipulation",
    "massage",
    "yoga",
    "tai chi",
    "tens",
    "epidural steroid injection",
    "radiofrequency ablation",
    "trigger point injection",
    "spinal cord stimulation",
    "spinal surgery",
    "usual care",
    # catalogue 2: what marketing pushes and writers check, and mainstream options that were missing
    "cbd",
    "kratom",
    "low-dose naltrexone",
    "prp",
    "stem cell injections",
    "codeine",
    "milnacipran",
    "nortriptyline",
    "carbamazepine",
    "cortisone shot",
    "hyaluronic acid injection",
    "knee replacement",
    "weight loss",
    "erenumab",
]


def test_at_least_45_treatments_covering_every_required_one(cat):
    assert len(cat.treatments) >= 45
    for name in REQUIRED_NAMES:
        query.resolve(cat, name)  # raises if missing


@pytest.mark.parametrize(
    "name, schedule",
    [
        ("opioids", "II"),
        ("tramadol", "IV"),
        ("buprenorphine", "III"),
        ("pregabalin", "V"),
        ("ketamine", "III"),
        ("gabapentin", None),
        ("acetaminophen", None),
        ("duloxetine", None),
        ("codeine", "II"),
        ("tylenol with codeine", "II"),  # the record's strictest; the product itself is III (below)
        ("kratom", None),
    ],
)
def test_us_schedules(cat, name, schedule):
    assert query.resolve(cat, name).addiction_risk.us_schedule == schedule


@pytest.mark.parametrize(
    "name, product, schedule", [("carisoprodol", "carisoprodol", "IV"), ("marijuana", "outside", "I")]
)
def test_a_class_gives_each_products_schedule_and_the_strictest_as_its_own(cat, name, product, schedule):
    risk = query.resolve(cat, name).addiction_risk
    assert risk.us_schedule == schedule
    assert [p.us_schedule for p in risk.products or () if product in p.name] == [schedule]


def test_max_addiction_never_hides_a_controlled_product_behind_its_class(run):
    import json

    shown = {
        r["id"] for r in json.loads(run("list", "--max-addiction", "low", "--format", "json").stdout)["treatments"]
    }
    assert "muscle-relaxants" not in shown and "cannabinoids" not in shown
    assert "acetaminophen" in shown


def test_ketamine_has_the_origin_articles_six_claims_and_non_addictive_is_contradicted(cat):
    ketamine = query.resolve(cat, "ketamine")
    assert len(ketamine.claims) == 6
    verdicts = {c.claim.lower(): c.verdict for c in ketamine.claims}
    (non_addictive,) = [v for claim, v in verdicts.items() if "non-addictive" in claim]
    assert non_addictive == "contradicted"
    (few_side_effects,) = [v for claim, v in verdicts.items() if "few side effects" in claim]
    assert few_side_effects == "contradicted"
    assert ketamine.addiction_risk.level != "none"


def test_nice_ng193_does_not_initiate_opioids_or_ketamine(cat):
    for name in ("opioids", "ketamine"):
        stances = {g.guideline: g.stance for g in query.resolve(cat, name).guidelines}
        assert stances["nice-ng193"] == "do-not-offer"


def test_harms_are_given_in_as_much_detail_as_benefits(cat):
    for t in cat.treatments:
        assert t.side_effects.common and t.side_effects.serious, t.id
        assert t.evidence, t.id


# Medicines whose US label carries a boxed warning (read on DailyMed or openFDA; docs/fact-checks.md)
BOXED = (
    "oral-nsaids",
    "topical-nsaids",
    "strong-opioids",
    "tramadol",
    "buprenorphine",
    "codeine",
    "duloxetine",
    "amitriptyline",
    "nortriptyline",
    "milnacipran",
    "carbamazepine",
    "botulinum-toxin",
)


@pytest.mark.parametrize("tid", BOXED)
def test_every_boxed_warning_is_among_the_serious_harms(cat, tid):
    (t,) = [t for t in cat.treatments if t.id == tid]
    assert any("boxed warning" in harm for harm in t.side_effects.serious)


def test_commercial_sources_only_for_cost(cat):
    commercial = {s for s, source in cat.sources.items() if source.kind == "commercial"}
    for t in cat.treatments:
        non_cost = set(shape.cited_sources(t)) - set(t.cost.sources) - set(t.cost_uk.sources if t.cost_uk else ())
        assert not non_cost & commercial, t.id


def test_every_source_is_cited_and_has_a_year_and_address(cat):
    cited = {s for t in cat.treatments for s in shape.cited_sources(t)}
    cited |= {s for g in cat.info.core_guidelines for s in g.sources}
    assert set(cat.sources) == cited, f"uncited: {sorted(set(cat.sources) - cited)}"


def test_every_finding_says_direction_size_and_comparator(cat):
    entries = [e for t in cat.treatments for e in t.evidence]
    assert all(e.comparator and e.benefit and e.follow_up for e in entries)
    for t in cat.treatments:
        for e in t.evidence:
            said = e.effect.casefold()
            if e.certainty == "very-low":  # "no trials" is its own state, never a very-low certainty
                for words in ("no trial", "found no review", "no eligible", "not reported: "):
                    assert words not in said, (t.id, e.condition, words)


def test_share_of_findings_with_numbers_never_falls(cat):
    entries = [e for t in cat.treatments for e in t.evidence]
    with_numbers = [e for e in entries if e.mean_difference or e.responders]
    # measured 37 of 87 (43%) after the migration and review, and 51 of 126 (40%) once catalogue 2
    # added 39 entries (14 with numbers); the goal is 60% (see docs/fact-checks.md)
    assert len(with_numbers) / len(entries) >= 0.40


def test_every_condition_in_the_vocabulary_has_evidence(cat):
    with_evidence = {e.condition for t in cat.treatments for e in t.evidence}
    assert sorted(set(cat.conditions) - with_evidence) == []


def _prose(t) -> list[str]:
    """Every prose field and short answer of a record, found by walking its shape: a prose field
    added to the shape is scored with no change here."""
    return [value for _kind, value in shape.values_of_kind(t, shape.record(m.Treatment), ("prose", "short"))]


def test_plain_language_per_treatment(cat):
    too_hard = {t.id: textstat.flesch_kincaid_grade(" ".join(_prose(t))) for t in cat.treatments}
    assert {k: v for k, v in too_hard.items() if v > MAX_GRADE_PER_TREATMENT} == {}


def test_plain_language_overall(cat):
    text = " ".join(p for t in cat.treatments for p in _prose(t))
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE_OVERALL
    assert textstat.flesch_reading_ease(text) >= MIN_READING_EASE_OVERALL


def test_show_ketamine_lists_claims_with_verdicts_and_certainty_symbols(run):
    result = run("show", "ketamine")
    assert result.stdout.count("CONTRADICTED") >= 2
    assert "PARTLY-SUPPORTED" in result.stdout and "SUPPORTED" in result.stdout
    assert "⊕⊕⊕◯ moderate" in result.stdout
    assert "reviewed 2026-11-25" in result.stdout
