"""GRADE informative statements come from benefit x certainty, the same words every time."""

from __future__ import annotations

import pytest

from paincompare import findings
from paincompare.catalogue import models as m
from paincompare.catalogue import scales


def entry(benefit: str, certainty: str | None, outcome: str = "pain", comparator: str = "dummy", **extra) -> m.Evidence:
    values = dict(
        condition="chronic-pain",
        outcome=outcome,
        comparator=comparator,
        compared_with=None,
        follow_up="12 weeks",
        benefit=benefit,
        certainty=certainty,
        mean_difference=None,
        responders=None,
        effect="",
        sources=("s",),
        note=None,
    )
    values.update(extra)
    return m.Evidence(**values)


@pytest.mark.parametrize(
    "benefit, certainty, expected",
    [
        ("large", "high", "Results in a large reduction in pain"),
        ("large", "moderate", "Probably results in a large reduction in pain"),
        ("large", "low", "May result in a large reduction in pain"),
        ("moderate", "high", "Reduces pain"),
        ("moderate", "moderate", "Probably reduces pain"),
        ("moderate", "low", "May reduce pain"),
        ("small", "high", "Reduces pain slightly"),
        ("small", "moderate", "Probably reduces pain slightly"),
        ("small", "low", "May reduce pain slightly"),
        ("slight", "high", "Results in little or no difference in pain"),
        ("none", "moderate", "Probably results in little or no difference in pain"),
        ("none", "low", "May result in little or no difference in pain"),
        ("worse", "high", "Increases pain"),
        ("worse", "low", "May increase pain"),
        ("large", "very-low", "Evidence very uncertain about its effect on pain"),
        ("small", "very-low", "Evidence very uncertain about its effect on pain"),
        ("unclear", "low", "Unclear whether it reduces pain"),
        ("no-trials", None, "No trials found"),
    ],
)
def test_every_size_and_certainty_has_its_statement(benefit, certainty, expected):
    assert findings.statement(entry(benefit, certainty)) == expected


def test_a_subject_makes_a_full_sentence_and_function_has_its_own_verbs():
    assert findings.statement(entry("small", "moderate"), "Duloxetine") == "Duloxetine probably reduces pain slightly"
    assert findings.statement(entry("moderate", "high", outcome="function")) == "Improves function"
    assert (
        findings.statement(entry("small", "very-low"), "Ketamine")
        == "The evidence is very uncertain about the effect of Ketamine on pain"
    )


def test_change_without_a_comparison_group_is_never_called_an_effect():
    text = findings.statement(entry("large", "low", comparator="no-comparison"))
    assert text.startswith("Pain got much better over time") and "not an effect of treatment" in text
    assert findings.sort_key(entry("large", "low", comparator="no-comparison")) > findings.sort_key(
        entry("slight", "high")
    )


def test_ranking_is_size_first_then_certainty_and_very_low_never_outranks():
    ranked = sorted(
        [entry("slight", "high"), entry("small", "low"), entry("small", "high"), entry("large", "very-low")],
        key=findings.sort_key,
    )
    assert [(e.benefit, e.certainty) for e in ranked] == [
        ("small", "high"),
        ("small", "low"),
        ("slight", "high"),
        ("large", "very-low"),
    ]


def test_numbers_are_said_on_one_scale_with_their_interval_and_responders():
    md = m.MeanDifference(points=-0.69, low=-0.82, high=-0.56, converted=None)
    responders = m.Responders(treatment=33, comparator=19, definition="pain cut by at least half")
    lines = findings.numbers(entry("small", "high", mean_difference=md, responders=responders))
    assert lines == [
        "Pain 0.69 points lower on a 0-10 scale (95% CI 0.82 lower to 0.56 lower)",
        "33 in 100 vs 19 in 100: pain cut by at least half",
    ]
    crossing = m.MeanDifference(points=-0.05, low=-0.29, high=0.19, converted="from a 0-100 scale")
    (line,) = findings.numbers(entry("none", "high", mean_difference=crossing))
    assert "(95% CI 0.29 lower to 0.19 higher) (converted from a 0-100 scale)" in line


@pytest.mark.parametrize(
    "points, band",
    [
        (-2.5, "large"),
        (-1.5, "moderate"),
        (-1.0, "small"),
        (-0.5, "small"),
        (-0.2, "slight"),
        (0.2, "none"),
        (0.6, "worse"),
    ],
)
def test_size_bands_on_the_0_to_10_scale(points, band):
    assert scales.band_for(points) == band


def test_comparison_names_the_comparator_and_follow_up():
    assert findings.comparison(entry("small", "low")) == "vs a dummy treatment, at 12 weeks"
    named = entry("none", "low", comparator="other-treatment", compared_with="non-opioid medicines")
    assert findings.comparison(named) == "vs non-opioid medicines, at 12 weeks"
