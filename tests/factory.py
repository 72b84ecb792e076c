"""Builds small, valid catalogues for tests; each test changes only what it is about."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

SOURCES = {
    "test-guideline": {
        "title": "A test guideline (TG1)",
        "publisher": "Test Institute",
        "year": 2021,
        "url": "https://example.org/tg1",
        "kind": "guideline",
    },
    "test-review": {
        "title": "A test review",
        "authors": "Doe J",
        "year": 2020,
        "url": "https://example.org/review",
        "kind": "systematic-review",
    },
    "test-prices": {
        "title": "A test price list",
        "publisher": "Test Shop",
        "year": 2026,
        "url": "https://example.org/prices",
        "kind": "commercial",
    },
}


def treatment(tid: str, **changes: Any) -> dict[str, Any]:
    """A valid record; keyword arguments replace whole top-level fields or pick scale words."""

    def cite() -> list[str]:
        return ["test-review"]  # a new list each time, so YAML output has no anchors

    record: dict[str, Any] = {
        "id": tid,
        "name": changes.pop("name", tid.replace("-", " ").title()),
        "aliases": changes.pop("aliases", []),
        "category": changes.pop("category", "medication"),
        "how_given": {
            "route": "By mouth",
            "setting": "At home",
            "sessions": "Daily",
            "short": "A pill by mouth.",
            "sources": cite(),
        },
        "addiction_risk": {
            "level": changes.pop("addiction", "none"),
            "us_schedule": changes.pop("schedule", None),
            "summary": "Not controlled.",
            "short": "No misuse reported.",
            "sources": cite(),
        },
        "onset": {
            "speed": changes.pop("onset", "days"),
            "summary": "Within days.",
            "short": "Days.",
            "sources": cite(),
        },
        "duration": {
            "length": changes.pop("duration", "hours"),
            "basis": "each-dose",
            "summary": "Hours.",
            "short": "Hours.",
            "sources": cite(),
        },
        "invasiveness": {"level": changes.pop("invasiveness", "none"), "short": "None.", "sources": cite()},
        "evidence": [evidence(*entry) for entry in changes.pop("evidence", [("chronic-low-back-pain", "low")])],
        "side_effects": {
            "common": ["Nausea"],
            "common_short": "Nausea.",
            "serious": ["Not reported: no serious harms found."],
            "serious_short": "None found.",
            "sources": cite(),
        },
        "guidelines": [
            {
                "guideline": "test-guideline",
                "stance": "consider",
                "scope": "Adults",
                "conditions": ["chronic-pain"],
                "short": "Consider it.",
                "wording": "Consider it",
                "sources": ["test-guideline"],
            }
        ],
        "cost": {
            "tier": changes.pop("cost", "low"),
            "summary": "Cheap.",
            "short": "Cheap.",
            "sources": ["test-prices"],
        },
        "claims": [],
        "reviewed": "2026-11-01",
    }
    record.update(changes)
    return record


CONDITIONS = {
    "chronic-pain": {"name": "chronic pain (any kind)", "synonyms": ["mixed chronic pain"]},
    "low-back-pain": {"name": "low back pain", "synonyms": ["lower back pain", "back pain"], "parent": "chronic-pain"},
    "chronic-low-back-pain": {"name": "chronic low back pain", "synonyms": [], "parent": "low-back-pain"},
    "fibromyalgia": {"name": "fibromyalgia", "synonyms": ["fibro"], "parent": "chronic-pain"},
    "knee-osteoarthritis": {"name": "knee osteoarthritis", "synonyms": ["knee arthritis"], "parent": "chronic-pain"},
    "neuropathic-pain": {"name": "neuropathic pain", "synonyms": ["nerve pain"], "parent": "chronic-pain"},
    "post-herpetic-neuralgia": {
        "name": "post-herpetic neuralgia",
        "synonyms": ["shingles"],
        "parent": "neuropathic-pain",
    },
}


def evidence(condition: str, certainty: str | None, benefit: str = "small", **extra: Any) -> dict[str, Any]:
    """One evidence entry; 'no-trials' goes without certainty and with comparator not-applicable."""
    entry: dict[str, Any] = {
        "condition": condition,
        "outcome": "pain",
        "comparator": "not-applicable" if benefit == "no-trials" else "dummy",
        "follow_up": "12 weeks",
        "benefit": benefit,
    }
    if certainty is not None:
        entry["certainty"] = certainty
    entry.update(effect="A small effect.", sources=["test-review"], **extra)
    return entry


def catalogue(*treatments: dict[str, Any], reviewed: str = "2026-11-01") -> dict[str, Any]:
    return {
        "catalogue": {
            "title": "Test catalogue",
            "version": "1",
            "reviewed": reviewed,
            "review_every_months": 120,
            "funding": "None.",
            "disclaimer": "For tests only; not medical advice.",
        },
        "sources": copy.deepcopy(SOURCES),  # tests may change a source; the next test must not see it
        "conditions": copy.deepcopy(CONDITIONS),
        "treatments": list(treatments) or [treatment("alpha")],
    }


def write(folder: Path, data: dict[str, Any], name: str = "catalogue.yaml") -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def write_many(folder: Path, count: int, name: str = "many.yaml") -> Path:
    """A valid catalogue of `count` treatments, written fast by repeating one record's text."""
    head = yaml.safe_dump(
        {k: v for k, v in catalogue(treatment("t0")).items() if k != "treatments"}, sort_keys=False, allow_unicode=True
    )
    record = yaml.safe_dump([treatment("t0")], sort_keys=False, allow_unicode=True)
    body = "".join(
        record.replace("id: t0\n", f"id: t{i}\n").replace("name: T0\n", f"name: T{i}\n") for i in range(count)
    )
    path = folder / name
    path.write_text(head + "treatments:\n" + body, encoding="utf-8")
    return path
