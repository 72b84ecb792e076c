"""Name resolution, each filter's ordinal meaning, and sorting, on the pure query layer."""

from __future__ import annotations

import factory
import pytest

from paincompare import catalogue, guidance, query
from paincompare.catalogue import scales
from paincompare.errors import UnknownConditionError, UnknownTreatmentError, UsageError


@pytest.fixture
def cat(tmp_path):
    data = factory.catalogue(
        factory.treatment(
            "opioid-pills",
            name="Strong opioids",
            aliases=["opioids", "Oxycodone"],
            addiction="high",
            schedule="II",
            onset="minutes",
            duration="hours",
            cost="medium",
            evidence=[("chronic-low-back-pain", "high", "slight")],
        ),
        factory.treatment(
            "exercise",
            name="Exercise therapy",
            aliases=["physical therapy"],
            category="physical",
            onset="weeks",
            duration="months",
            evidence=[("knee-osteoarthritis", "moderate", "small"), ("chronic-low-back-pain", "moderate", "moderate")],
        ),
        factory.treatment(
            "nerve-patch",
            name="Nerve patch",
            addiction="low",
            onset="days",
            duration="days",
            cost="not-reported",
            evidence=[("post-herpetic-neuralgia", "very-low", "large")],
        ),
        factory.treatment(
            "nerve-pill",
            name="Nerve pill",
            addiction="moderate",
            schedule="V",
            onset="not-reported",
            duration="not-reported",
            invasiveness="minimal",
            category="interventional",
            evidence=[("neuropathic-pain", "low", "small"), ("fibromyalgia", None, "no-trials")],
        ),
    )
    return catalogue.load(factory.write(tmp_path, data))


def ids(treatments):
    return [t.id for t in treatments]


@pytest.mark.parametrize(
    "name", ["opioids", "OPIOIDS", "oxycodone", "Strong Opioids", "opioid-pills", "opioid pills", "  strong   opioids "]
)
def test_resolve_by_id_name_or_alias_in_any_case(cat, name):
    assert query.resolve(cat, name).id == "opioid-pills"


def test_unknown_name_suggests_close_spellings(cat):
    with pytest.raises(UnknownTreatmentError) as caught:
        query.resolve(cat, "excercise")
    assert caught.value.suggestions == ["exercise (Exercise therapy)"]
    assert "Did you mean" in str(caught.value)


def test_a_name_shared_by_several_treatments_is_ambiguous_not_guessed(cat):
    with pytest.raises(UnknownTreatmentError) as caught:
        query.resolve(cat, "nerve")
    assert "more than one treatment" in str(caught.value)
    assert set(caught.value.suggestions) == {"nerve-patch (Nerve patch)", "nerve-pill (Nerve pill)"}


def test_nothing_close_gives_no_suggestion(cat):
    with pytest.raises(UnknownTreatmentError) as caught:
        query.resolve(cat, "unicorn")
    assert caught.value.suggestions == []
    assert caught.value.exit_code == 2


def test_resolve_all_keeps_order_and_drops_repeats(cat):
    assert ids(query.resolve_all(cat, ["exercise", "opioids", "physical therapy"])) == ["exercise", "opioid-pills"]


def test_max_addiction_is_at_or_below(cat):
    assert ids(query.select(cat.treatments, query.Filters(max_addiction="none"))) == ["exercise"]
    assert ids(query.select(cat.treatments, query.Filters(max_addiction="low"))) == ["exercise", "nerve-patch"]
    assert len(query.select(cat.treatments, query.Filters(max_addiction="high"))) == 4


def test_onset_means_at_least_this_fast_and_unknown_onset_never_passes(cat):
    assert ids(query.select(cat.treatments, query.Filters(onset="hours"))) == ["opioid-pills"]
    assert ids(query.select(cat.treatments, query.Filters(onset="days"))) == ["opioid-pills", "nerve-patch"]
    assert "nerve-pill" not in ids(query.select(cat.treatments, query.Filters(onset="months")))


def test_max_invasiveness_and_repeatable_category(cat):
    assert "nerve-pill" not in ids(query.select(cat.treatments, query.Filters(max_invasiveness="none")))
    chosen = query.select(cat.treatments, query.Filters(categories=("physical", "interventional")))
    assert ids(chosen) == ["exercise", "nerve-pill"]


def conditions(cat, text):
    return guidance.match_conditions(cat, text)


def test_conditions_match_words_of_ids_names_and_synonyms_and_take_narrower_ones(cat):
    assert conditions(cat, "nerve pain") == {"neuropathic-pain", "post-herpetic-neuralgia"}
    assert conditions(cat, "Shingles") == {"post-herpetic-neuralgia"}
    assert conditions(cat, "lower back") == {"low-back-pain", "chronic-low-back-pain"}
    assert conditions(cat, "back") == {"low-back-pain", "chronic-low-back-pain"}
    assert conditions(cat, "knee arthritis") == {"knee-osteoarthritis"}


def test_an_unknown_condition_is_a_usage_error_with_suggestions(cat):
    with pytest.raises(UnknownConditionError) as caught:
        conditions(cat, "fibromialgia")
    assert "Did you mean: fibromyalgia?" in str(caught.value) and caught.value.exit_code == 2
    with pytest.raises(UnknownConditionError, match="paincompare conditions"):
        conditions(cat, "zzz")


def test_condition_filter_and_the_finding_shown_are_for_that_condition(cat):
    nerve = query.Filters(conditions=conditions(cat, "nerve pain"))
    assert ids(query.select(cat.treatments, nerve)) == ["nerve-patch", "nerve-pill"]
    (pill,) = [t for t in cat.treatments if t.id == "nerve-pill"]
    assert query.shown_finding(pill, nerve).condition == "neuropathic-pain"
    fibro = query.Filters(conditions=conditions(cat, "fibromyalgia"))
    assert query.shown_finding(pill, fibro).benefit == "no-trials"


def test_min_evidence_applies_to_the_finding_shown(cat):
    sure = query.Filters(min_evidence="moderate")
    assert ids(query.select(cat.treatments, sure)) == ["opioid-pills", "exercise"]
    (exercise,) = [t for t in cat.treatments if t.id == "exercise"]
    assert query.shown_finding(exercise, sure).benefit == "moderate"
    # no-trials has no certainty, so it never passes a certainty filter
    assert ids(query.select(cat.treatments, query.Filters(min_evidence="low"))) == [
        "opioid-pills",
        "exercise",
        "nerve-pill",
    ]


def test_benefit_sort_ranks_size_then_certainty_never_certainty_alone(cat):
    back = query.Filters(conditions=conditions(cat, "back"))
    chosen = query.select(cat.treatments, back)
    # exercise: moderate benefit, moderate certainty; opioids: high certainty of a slight effect
    assert ids(query.sort(chosen, "benefit", filters=back)) == ["exercise", "opioid-pills"]
    everything = query.sort(list(cat.treatments), "benefit")
    # a very-low-certainty "large" ranks as unclear, after real findings; no-trials never outranks it
    assert ids(everything) == ["exercise", "nerve-pill", "opioid-pills", "nerve-patch"]


def test_filters_combine(cat):
    both = query.Filters(max_addiction="low", onset="weeks")
    assert ids(query.select(cat.treatments, both)) == ["exercise", "nerve-patch"]


def test_sort_follows_the_scale_as_written_with_not_reported_last(cat):
    assert ids(query.sort(list(cat.treatments), "onset")) == ["opioid-pills", "nerve-patch", "exercise", "nerve-pill"]
    assert ids(query.sort(list(cat.treatments), "onset", reverse=True)) == [
        "exercise",
        "nerve-patch",
        "opioid-pills",
        "nerve-pill",
    ]
    assert ids(query.sort(list(cat.treatments), "cost"))[-1] == "nerve-patch"
    assert ids(query.sort(list(cat.treatments), "name")) == ["exercise", "nerve-patch", "nerve-pill", "opioid-pills"]


def test_unknown_sort_key_and_scale_word_are_usage_errors(cat):
    with pytest.raises(UsageError):
        query.sort(list(cat.treatments), "price")
    with pytest.raises(UsageError, match="use one of: none, low, moderate, high"):
        query.check_word(scales.ADDICTION_LEVELS, "lowish", "--max-addiction")
