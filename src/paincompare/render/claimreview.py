"""`check --format claimreview`: each judged finding as a schema.org ClaimReview, in JSON-LD.

Fact-checkers publish verdicts in this shape; search engines and Google's Fact Check Tools read it.
One ClaimReview per finding with a verdict (`not-checked` findings are left out), in a JSON array:

- `claimReviewed`: the sentence, cut at 75 characters on a word boundary (with "..."); the whole
  sentence is the reviewed Claim's `text`;
- `reviewRating`: a Rating whose `alternateName` is the verdict in words, and whose `ratingValue`
  is on the 1-5 scale below (`worstRating` 1, `bestRating` 5);
- `itemReviewed`: the Claim, with its `appearance` (the article's --url, else its path) and, when
  --url is given, the site it appeared on as its `author`;
- `author`: --author, else the Organization "paincompare"; `datePublished`: --date, else the
  date the catalogue was reviewed; `url`: --review-url, the page the review is published on
  (Google requires it; without it the reviews are still valid JSON-LD);
- `reviewBody`: what the catalogue says, with the treatment and attribute judged.
"""

from __future__ import annotations

import json
from typing import Any

from paincompare.render.report import Publication, Report

CONTEXT = "https://schema.org"
# The rating scale: 1 is the worst (the record contradicts the claim), 5 the best (it supports it).
SCALE = {"contradicted": 1, "unproven": 2, "partly-supported": 3, "supported": 5}
WORST, BEST = 1, 5
IN_WORDS = {
    "contradicted": "Contradicted by the evidence",
    "unproven": "Unproven",
    "partly-supported": "Partly supported",
    "supported": "Supported by the evidence",
}
CUT = 75  # claimReviewed's length at most, in characters


def cut(text: str, limit: int = CUT) -> str:
    """The sentence in at most `limit` characters, cut on a word boundary with '...' when too long."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = text[: limit - 3]
    head = room.rsplit(" ", 1)[0] if " " in room else room
    return head.rstrip(" ,;:") + "..."


def reviews(report: Report) -> list[dict[str, Any]]:
    """One ClaimReview per finding with a verdict, in the findings' order."""
    assert report.check is not None
    catalogue, result = report.catalogue, report.check
    publication = report.publication or Publication()
    names = {t.id: t.name for t in catalogue.treatments}
    appearance: dict[str, Any] = {"@type": "CreativeWork", "url": publication.article_url or result.article.path}
    claim_author = _site(publication.article_url)
    author = {"@type": "Organization", "name": publication.author or "paincompare"}
    date = publication.date or catalogue.info.reviewed.isoformat()
    found = []
    for f in result.findings:
        if f.verdict not in SCALE:
            continue
        item: dict[str, Any] = {"@type": "Claim", "text": f.text, "appearance": appearance}
        if claim_author:
            item["author"] = {"@type": "Organization", "name": claim_author, "url": publication.article_url}
        review: dict[str, Any] = {
            "@context": CONTEXT,
            "@type": "ClaimReview",
            "claimReviewed": cut(f.text),
            "itemReviewed": item,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": SCALE[f.verdict],
                "bestRating": BEST,
                "worstRating": WORST,
                "alternateName": IN_WORDS[f.verdict],
            },
            "reviewBody": f"{names[f.treatment]}, {f.attribute}: {f.explanation}",
            "author": author,
            "datePublished": date,
        }
        if publication.review_url:
            review["url"] = publication.review_url
        found.append(review)
    return found


def _site(url: str | None) -> str | None:
    """The host an article's address names ('www.example.com'), as the claim's author."""
    if not url:
        return None
    from urllib.parse import urlsplit  # 4 ms to import: only when --url is given

    host = urlsplit(url).hostname
    return host or None


# JSON-LD is pasted into <script type="application/ld+json">: an article's "</script>" must not end it.
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def render(report: Report) -> str:
    """The reviews as a JSON-LD array, indented; every character outside ASCII escaped, and the
    characters HTML reads as markup too (they occur only inside strings, so the JSON stays valid)."""
    return json.dumps(reviews(report), indent=2).translate(_HTML_SAFE) + "\n"
