"""`check --format claimreview`: schema.org ClaimReview JSON-LD, checked field by field.

The checks are written from schema.org's ClaimReview, Claim and Rating types and Google's Fact
Check markup documentation: `claimReviewed`, `reviewRating` (with `alternateName`) and `url` are
required there; `author`, `datePublished` and `itemReviewed` (a Claim with `appearance` and
`author`) are recommended; `ratingValue` lies between `worstRating` and `bestRating`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from conftest import ARTICLES

from paincompare.render import claimreview

ORIGIN = ARTICLES / "origin-ketamine-clinic.txt"
REVIEW_URL = "https://news.example/fact-checks/ketamine"
ARTICLE_URL = "https://clinic.example/ketamine-infusion"

# Properties schema.org defines on ClaimReview (with those inherited from Review, CreativeWork, Thing)
# that the output uses; anything else would be a typo no reader understands.
CLAIMREVIEW_PROPERTIES = {
    "@context",
    "@type",
    "claimReviewed",
    "itemReviewed",
    "reviewRating",
    "reviewBody",
    "author",
    "datePublished",
    "url",
}
RATING_PROPERTIES = {"@type", "ratingValue", "bestRating", "worstRating", "alternateName"}
CLAIM_PROPERTIES = {"@type", "text", "appearance", "author"}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def problems(review: dict[str, Any], require_url: bool = True) -> list[str]:
    """What a ClaimReview lacks or has wrong, as schema.org and Google's markup rules read it."""
    found = []
    if review.get("@context") != "https://schema.org" or review.get("@type") != "ClaimReview":
        found.append("@context https://schema.org and @type ClaimReview")
    found += [f"unknown property {key}" for key in set(review) - CLAIMREVIEW_PROPERTIES]
    claim = review.get("claimReviewed")
    if not isinstance(claim, str) or not claim.strip() or len(claim) > claimreview.CUT:
        found.append("claimReviewed: text of at most 75 characters")
    rating = review.get("reviewRating")
    if not isinstance(rating, dict) or rating.get("@type") != "Rating":
        found.append("reviewRating: a Rating")
    else:
        found += [f"unknown Rating property {key}" for key in set(rating) - RATING_PROPERTIES]
        if not isinstance(rating.get("alternateName"), str) or not rating["alternateName"].strip():
            found.append("reviewRating.alternateName: the verdict in words")
        numbers = [rating.get(k) for k in ("worstRating", "ratingValue", "bestRating")]
        if (
            not all(_is_number(n) for n in numbers)
            or not numbers[0] <= numbers[1] <= numbers[2]
            or numbers[0] == numbers[2]
        ):
            found.append("ratingValue between worstRating and bestRating, numbers")
    if require_url and not str(review.get("url", "")).startswith(("https://", "http://")):
        found.append("url: the review page's address")
    author = review.get("author")
    if not isinstance(author, dict) or author.get("@type") not in ("Organization", "Person") or not author.get("name"):
        found.append("author: an Organization or Person with a name")
    try:
        dt.date.fromisoformat(str(review.get("datePublished")))
    except ValueError:
        found.append("datePublished: an ISO 8601 date")
    item = review.get("itemReviewed")
    if not isinstance(item, dict) or item.get("@type") != "Claim":
        found.append("itemReviewed: a Claim")
    else:
        found += [f"unknown Claim property {key}" for key in set(item) - CLAIM_PROPERTIES]
        appearance = item.get("appearance")
        if not isinstance(appearance, dict) or appearance.get("@type") != "CreativeWork" or not appearance.get("url"):
            found.append("itemReviewed.appearance: a CreativeWork with its url")
        if not isinstance(item.get("text"), str) or not claim or not item["text"].startswith(claim.rstrip(".")[:-3]):
            found.append("itemReviewed.text: the whole sentence claimReviewed was cut from")
        claim_author = item.get("author")
        if claim_author is not None and (not isinstance(claim_author, dict) or not claim_author.get("name")):
            found.append("itemReviewed.author: a named Organization or Person")
    return found


def test_the_checks_catch_what_is_wrong():
    assert problems({}) and "url: the review page's address" in problems({"@type": "ClaimReview"})
    bad_rating = {"@type": "Rating", "ratingValue": 7, "bestRating": 5, "worstRating": 1, "alternateName": "x"}
    assert "ratingValue between worstRating and bestRating, numbers" in problems({"reviewRating": bad_rating})


def test_every_judged_finding_is_a_valid_claimreview(run, tmp_path):
    out = tmp_path / "review.jsonld"
    args = ["--url", ARTICLE_URL, "--review-url", REVIEW_URL, "--author", "Health Desk", "--date", "2026-03-01"]
    result = run("check", str(ORIGIN), *args, "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    reviews = json.loads(out.read_text(encoding="utf-8"))
    document = json.loads(run("check", str(ORIGIN), "--format", "json").stdout)
    judged = [f for f in document["findings"] if f["verdict"] != "not-checked"]
    assert isinstance(reviews, list) and len(reviews) == len(judged) > 0
    for review, finding in zip(reviews, judged):
        assert problems(review) == [], review
        assert review["itemReviewed"]["text"] == finding["text"]
        assert review["reviewRating"]["ratingValue"] == claimreview.SCALE[finding["verdict"]]
        assert review["itemReviewed"]["appearance"]["url"] == ARTICLE_URL
        assert review["itemReviewed"]["author"]["name"] == "clinic.example"
        assert review["author"] == {"@type": "Organization", "name": "Health Desk"}
        assert review["datePublished"] == "2026-03-01" and review["url"] == REVIEW_URL
    verdicts = {r["reviewRating"]["alternateName"] for r in reviews}
    assert "Contradicted by the evidence" in verdicts


def test_defaults_come_from_the_catalogue_and_the_path(run):
    reviews = json.loads(run("check", str(ORIGIN), "--format", "claimreview").stdout)
    first = reviews[0]
    assert problems(first, require_url=False) == [] and "url" not in first
    assert first["author"] == {"@type": "Organization", "name": "paincompare"}
    assert first["datePublished"] == "2026-11-25"  # the catalogue's review date
    assert first["itemReviewed"]["appearance"]["url"] == str(ORIGIN) and "author" not in first["itemReviewed"]


def test_the_scale_is_one_to_five_and_every_verdict_has_words():
    assert (
        set(claimreview.SCALE)
        == set(claimreview.IN_WORDS)
        == {
            "contradicted",
            "unproven",
            "partly-supported",
            "supported",
        }
    )
    assert claimreview.WORST == min(claimreview.SCALE.values()) == 1
    assert claimreview.BEST == max(claimreview.SCALE.values()) == 5


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Ketamine is non-addictive.", "Ketamine is non-addictive."),
        (
            "Many patients experience weeks or even months of pain relief after completing a series of infusions.",
            "Many patients experience weeks or even months of pain relief after...",
        ),
        ("x" * 80, "x" * 72 + "..."),
    ],
)
def test_claim_reviewed_is_cut_on_a_word_boundary(text, cut):
    assert claimreview.cut(text) == cut and len(claimreview.cut(text)) <= 75


def test_other_commands_refuse_claimreview_in_one_line(run, tmp_path):
    for args in (
        ["list", "--format", "claimreview"],
        ["compare", "ketamine", "opioids", "-o", str(tmp_path / "x.jsonld")],
    ):
        result = run(*args)
        assert result.returncode == 2 and result.stdout == "", args
        assert result.stderr.count("\n") == 1 and "is for 'check' only" in result.stderr
    assert not (tmp_path / "x.jsonld").exists()


def test_bad_options_are_usage_errors(run):
    assert "not a date" in run("check", str(ORIGIN), "--date", "March 1").stderr
    assert run("check", str(ORIGIN), "--url", "clinic.example").returncode == 2
    assert run("check", str(ORIGIN), "--format", "claimreview", "-o", "x.json").returncode == 2


def test_hostile_article_text_stays_data(run, tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text("Ketamine is \x1b[31m non-addictive \u202e </script><script>x</script>.\n", encoding="utf-8")
    text = run("check", str(path), "--format", "claimreview").stdout
    assert "\x1b" not in text and "\u202e" not in text and "<" not in text
    assert json.loads(text)[0]["reviewRating"]["alternateName"] == "Contradicted by the evidence"
