"""`check`'s article scorecard: each criterion with sentences that must meet it and must not, the
test articles' scorecards, and the worthiness order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ARTICLES

from paincompare.check import article, finder, scorecard, worthiness
from paincompare.check.result import Line

ORIGIN = ARTICLES / "origin-ketamine-clinic.txt"
BALANCED = ARTICLES / "balanced.html"
PROMOTIONAL = ARTICLES / "promotional.md"


def card(cat, signals, text: str) -> dict[str, Line]:
    result = finder.check(cat, article.Article("test.txt", tuple(article.parse(text, "text"))), signals)
    return {line.criterion: line for line in scorecard.score(result, signals, cat)}


def status(cat, signals, text: str, criterion: str) -> str:
    return card(cat, signals, text)[criterion].status


# (criterion, text that must meet it, texts that must not); each text an article of its own
CASES = [
    (
        "costs",
        [
            "Duloxetine costs about $15 a month.",
            "Gabapentin is cheap as a generic.",
            "Many insurers will not pay for a nerve block, and duloxetine is covered by most plans.",
        ],
        ["Duloxetine may ease nerve pain.", "The costume party was fun, and duloxetine helped."],
    ),
    (
        "benefits-in-numbers",
        [
            "In trials, 4 in 10 people taking duloxetine had much less pain.",
            "About 30% of patients on gabapentin reported better sleep and less pain.",
            "Duloxetine lowered pain by 1.5 points on a 10-point scale, which helps a little.",
        ],
        [
            "People on duloxetine were 3 times more likely to feel better.",
            "Duloxetine reduced pain 40% more than placebo.",
            "Duloxetine helps many people with nerve pain.",
        ],
    ),
    (
        "harms",
        ["Duloxetine can cause nausea and dry mouth.", "Gabapentin carries a risk of dizziness."],
        [
            "Gabapentin has no side effects.",
            "Duloxetine is not addictive.",
            "Chronic pain can follow nerve damage or an injury. Duloxetine is one treatment.",
        ],
    ),
    (
        "harms-in-numbers",
        ["About 1 in 10 people taking duloxetine get nausea.", "Dizziness affected 20% of people on gabapentin."],
        ["Duloxetine can cause nausea.", "Gabapentin has no side effects in 9 out of 10 people."],
    ),
    (
        "evidence",
        [
            "A Cochrane review of 18 trials found that duloxetine helps nerve pain.",
            "The evidence for gabapentin in back pain is of low certainty.",
        ],
        ["Duloxetine is a wonderful medicine.", "Gabapentin is taken three times a day."],
    ),
    (
        "alternatives",
        [
            "Duloxetine and gabapentin are both used for nerve pain.",
            "Compared with usual care, duloxetine helped a little.",
        ],
        ["Duloxetine is used for nerve pain.", "Take duloxetine with food."],
    ),
    (
        "sources",
        [
            "A 2023 study published in the BMJ found duloxetine modestly helpful.",
            "Source: NICE guideline NG193 (2021) on duloxetine.",
        ],
        [
            "According to researchers, duloxetine helps.",
            "In 2019 I started taking duloxetine.",
            "Duloxetine helps.",
        ],
    ),
    (
        "balance",
        [
            "Duloxetine eases nerve pain. It can cause nausea.",
            "Gabapentin may help nerve pain, but it may not work for everyone.",
        ],
        ["Duloxetine eases nerve pain quickly.", "Gabapentin works well and helps you sleep."],
    ),
    (
        "red-flags",
        [
            "Duloxetine may help some people.",
            "There is no cure for fibromyalgia, and duloxetine helps only some.",
            "None works for everyone, duloxetine included.",
        ],
        [
            "This breakthrough means duloxetine is a miracle.",
            "Gabapentin is 100% safe.",
            "Duloxetine is a game-changer.",
            "Gabapentin will cure your nerve pain.",
            "Revolutionary duloxetine therapy.",
        ],
    ),
    (
        "commercial",
        [
            "Duloxetine is available on prescription.",
            "Ask your doctor whether duloxetine suits you.",
        ],
        [
            "Book a free consultation at our clinic today to start duloxetine.",
            "Duloxetine sessions are $250 each.",
            "We may earn a commission from links on this page about gabapentin.",
            "Call us now about gabapentin.",
        ],
    ),
]


@pytest.mark.parametrize(("criterion", "meets", "fails"), CASES, ids=[c[0] for c in CASES])
def test_each_criterion_meets_and_fails_on_its_sentences(cat, signals, criterion, meets, fails):
    for text in meets:
        assert status(cat, signals, text, criterion) == scorecard.MET, (criterion, text)
    for text in fails:
        assert status(cat, signals, text, criterion) == scorecard.NOT_MET, (criterion, text)


def test_every_criterion_has_cases_and_a_rubric():
    assert {c for c, _m, _f in CASES} == {c for c, _l, _r in scorecard.CRITERIA}
    assert all(("HealthNewsReview.org" in r or "DISCERN" in r) for _c, _l, r in scorecard.CRITERIA)


def test_not_applicable_when_nothing_is_claimed(cat, signals):
    found = card(cat, signals, "Duloxetine is a capsule.")
    assert found["benefits-in-numbers"].status == scorecard.NOT_APPLICABLE
    assert found["balance"].status == scorecard.NOT_APPLICABLE


def test_what_needs_a_reader_is_listed_never_guessed(cat, signals):
    found = card(cat, signals, "Independent experts agree this new, first-ever duloxetine is novel.")
    assert found["independent-sources"].status == scorecard.NEEDS_A_READER
    assert found["novelty"].status == scorecard.NEEDS_A_READER


def test_the_evidence_names_what_decided(cat, signals):
    found = card(cat, signals, "Duloxetine is a miracle and a miracle cure.")
    assert found["red-flags"].evidence == '"miracle" (2), "cure"'
    assert found["alternatives"].evidence.startswith("1 catalogued treatment named")


def scored(cat, signals, path: Path) -> dict[str, Line]:
    result = finder.check(cat, article.read(path), signals)
    return {line.criterion: line for line in scorecard.score(result, signals, cat)}


def test_the_origin_article_scorecard(cat, signals):
    found = scored(cat, signals, ORIGIN)
    assert found["costs"].status == scorecard.MET and "can be expensive" in found["costs"].evidence
    assert found["benefits-in-numbers"].status == scorecard.NOT_MET
    assert found["harms-in-numbers"].status == scorecard.NOT_MET
    assert found["alternatives"].status == scorecard.MET
    assert found["sources"].status == scorecard.NOT_MET
    assert found["red-flags"].status == scorecard.NOT_MET and '"non addictive" (2)' in found["red-flags"].evidence


def test_the_balanced_article_meets_more_than_the_promotional_one(cat, signals):
    balanced, promotional = scored(cat, signals, BALANCED), scored(cat, signals, PROMOTIONAL)
    met = [sum(line.status == scorecard.MET for line in card.values()) for card in (balanced, promotional)]
    assert met[0] > met[1]
    assert promotional["commercial"].status == scorecard.NOT_MET and "Our clinic" in promotional["commercial"].evidence
    assert balanced["red-flags"].status == scorecard.MET  # "none works for everyone" promises nothing


# -- worthiness ------------------------------------------------------------------------------------


def test_worthiness_weights_and_reasons(cat, signals):
    text = "My friend said ketamine is 100% non-addictive. Duloxetine may help some people."
    result = finder.check(cat, article.Article("t.txt", tuple(article.parse(text, "text"))), signals)
    ordered = worthiness.ordered(result, scorecard.Reader(signals))
    first, last = ordered.worth[0], ordered.worth[-1]
    assert ordered.findings[0].treatment == "ketamine-infusion" and ordered.findings[0].attribute == "addiction"
    assert first.reasons == (
        "names a treatment",
        "has a number",
        "absolute or hype word",
        "could harm if believed",
        "anecdote",
    )
    assert first.score == sum(w for _n, w in worthiness.WEIGHTS) == 9
    assert worthiness.in_words(first).startswith("worthiness 9: names a treatment (+1), has a number (+2)")
    assert last.score < first.score and ordered.findings[-1].treatment == "duloxetine"
    assert [w.score for w in ordered.worth] == sorted((w.score for w in ordered.worth), reverse=True)


def test_sort_worthiness_through_the_command_line(run):
    table = run("check", str(ORIGIN), "--sort", "worthiness", "--format", "markdown").stdout
    assert "Sorted by worthiness (fixed weights: names a treatment +1" in " ".join(table.split())
    assert "CONTRADICTED. (Worthiness 5: absolute or hype word (+2), could harm if believed (+3).)" in " ".join(
        table.split()
    )
    document = json.loads(run("check", str(ORIGIN), "--sort", "worthiness", "--format", "json").stdout)
    scores = [f["worthiness"]["score"] for f in document["findings"]]
    assert document["sort"] == "worthiness" and scores == sorted(scores, reverse=True)
    plain = run("check", str(ORIGIN), "--sort", "worthiness", "--format", "plain").stdout.splitlines()
    assert plain[0].endswith("\tworthiness\treasons")
    assert run("check", str(ORIGIN), "--sort", "loudest").returncode == 2


# -- every format ----------------------------------------------------------------------------------


def met_in(fmt: str, text: str) -> int:
    """How many criteria the output says are met, read as a person or script would read that format."""
    if fmt == "json":
        return sum(1 for line in json.loads(text)["scorecard"] if line["status"] == "met")
    if fmt in ("plain", "csv"):
        sep = "\t" if fmt == "plain" else ","
        return sum(1 for line in text.splitlines() if f"{sep}scorecard:" in line and f"{sep}met{sep}" in line)
    return sum(1 for line in text.replace(">", ">\n").splitlines() if line.lstrip().startswith("MET: "))


@pytest.mark.parametrize("fmt", ["table", "plain", "markdown", "csv", "json", "html"])
def test_the_scorecard_is_in_every_format_and_the_balanced_article_scores_higher(run, fmt):
    balanced = run("check", str(BALANCED), "--format", fmt).stdout
    promotional = run("check", str(PROMOTIONAL), "--format", fmt).stdout
    assert met_in(fmt, balanced) > met_in(fmt, promotional) >= 1, fmt
    if fmt in ("table", "markdown", "html"):  # above the findings
        assert balanced.index("Scorecard:") < balanced.index("Exercise therapy is one of")


def test_the_origin_scorecard_on_the_command_line(run):
    text = " ".join(run("check", str(ORIGIN)).stdout.split())
    assert 'MET: Costs mentioned (HealthNewsReview.org 1): line 32: "However, it can be expensive' in text
    assert "NOT MET: Benefits in numbers" in text and "NOT MET: Harms in numbers" in text
    assert "MET: Alternatives named" in text and "NOT MET: Sources cited" in text
    assert "NOT MET: No red-flag words" in text and '"non addictive" (2)' in text
    assert "NEEDS A READER: Independent sources" in text and "NEEDS A READER: True novelty" in text


def test_the_scorecard_and_worthiness_validate_against_the_published_schema(run):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).parents[1] / "docs" / "json-output.schema.json").read_text(encoding="utf-8"))
    for args in ((), ("--sort", "worthiness")):
        document = json.loads(run("check", str(PROMOTIONAL), "--format", "json", *args).stdout)
        jsonschema.validate(document, schema)
        assert [line["criterion"] for line in document["scorecard"]] == [
            *(c for c, _l, _r in scorecard.CRITERIA),
            *(c for c, _l, _r in scorecard.FOR_A_READER),
        ]
