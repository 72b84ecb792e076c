"""Builds small, valid catalogues for tests from the one valid fixture; each test changes only what
it is about.

Every record here is a copy of tests/fixtures/valid.yaml's own (its catalogue header, a source, a
condition, the treatment and its evidence entry), so a field added to the format is added once,
in that file, and every generated catalogue has it.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

FIXTURE = Path(__file__).parent / "fixtures" / "valid.yaml"
_BASE: dict[str, Any] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
SOURCES: dict[str, Any] = _BASE["sources"]

_CONDITIONS = (  # id, name, synonyms, parent
    ("chronic-pain", "chronic pain (any kind)", ["mixed chronic pain"], None),
    ("low-back-pain", "low back pain", ["lower back pain", "back pain"], "chronic-pain"),
    ("chronic-low-back-pain", "chronic low back pain", [], "low-back-pain"),
    ("fibromyalgia", "fibromyalgia", ["fibro"], "chronic-pain"),
    ("knee-osteoarthritis", "knee osteoarthritis", ["knee arthritis"], "chronic-pain"),
    ("neuropathic-pain", "neuropathic pain", ["nerve pain"], "chronic-pain"),
    ("post-herpetic-neuralgia", "post-herpetic neuralgia", ["shingles"], "neuropathic-pain"),
)


def _condition(name: str, synonyms: list[str], parent: str | None) -> dict[str, Any]:
    record = copy.deepcopy(_BASE["conditions"]["low-back-pain"])
    record.update(name=name, synonyms=list(synonyms))
    if parent:
        record["parent"] = parent
    else:
        record.pop("parent", None)
    return record


CONDITIONS: dict[str, Any] = {cid: _condition(name, syn, parent) for cid, name, syn, parent in _CONDITIONS}


def evidence(condition: str, certainty: str | None, benefit: str = "small", **extra: Any) -> dict[str, Any]:
    """The fixture's evidence entry for another condition; 'no-trials' goes without certainty."""
    entry = copy.deepcopy(_BASE["treatments"][0]["evidence"][0])
    for numbers in ("mean_difference", "responders"):  # they must agree with the benefit: leave them out
        entry.pop(numbers, None)
    entry.update(condition=condition, benefit=benefit)
    entry["comparator"] = "not-applicable" if benefit == "no-trials" else entry["comparator"]
    if certainty is None:
        entry.pop("certainty", None)
    else:
        entry["certainty"] = certainty
    entry.update(extra)
    return entry


def treatment(tid: str, **changes: Any) -> dict[str, Any]:
    """A valid record; keyword arguments replace whole top-level fields or pick scale words."""
    record = copy.deepcopy(_BASE["treatments"][0])
    record.update(id=tid, name=changes.pop("name", tid.replace("-", " ").title()), aliases=changes.pop("aliases", []))
    record["category"] = changes.pop("category", record["category"])
    record["addiction_risk"]["level"] = changes.pop("addiction", record["addiction_risk"]["level"])
    record["addiction_risk"]["us_schedule"] = changes.pop("schedule", record["addiction_risk"]["us_schedule"])
    record["onset"]["speed"] = changes.pop("onset", record["onset"]["speed"])
    record["duration"]["length"] = changes.pop("duration", record["duration"]["length"])
    record["invasiveness"]["level"] = changes.pop("invasiveness", record["invasiveness"]["level"])
    record["cost"]["tier"] = changes.pop("cost", record["cost"]["tier"])
    record["evidence"] = [evidence(*entry) for entry in changes.pop("evidence", [("chronic-low-back-pain", "low")])]
    record.update(changes)
    return record


def catalogue(*treatments: dict[str, Any], reviewed: str = "2026-11-01") -> dict[str, Any]:
    header = copy.deepcopy(_BASE["catalogue"])
    header.update(reviewed=reviewed, review_every_months=120)
    return {
        "catalogue": header,
        "sources": copy.deepcopy(SOURCES),  # tests may change a source; the next test must not see it
        "conditions": copy.deepcopy(CONDITIONS),
        "situations": copy.deepcopy(_BASE["situations"]),
        "treatments": list(treatments) or [treatment("alpha")],
    }


class _NoAliases(yaml.SafeDumper):
    """Writes shared values out in full: the loader refuses YAML anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_NoAliases, sort_keys=False, allow_unicode=True)


def write(folder: Path, data: dict[str, Any], name: str = "catalogue.yaml") -> Path:
    path = folder / name
    path.write_text(dump(data), encoding="utf-8")
    return path


def write_many(folder: Path, count: int, name: str = "many.yaml") -> Path:
    """A valid catalogue of `count` treatments, written fast by repeating one record's text."""
    head = dump({k: v for k, v in catalogue(treatment("t0")).items() if k != "treatments"})
    record = dump([treatment("t0")])
    body = "".join(
        record.replace("id: t0\n", f"id: t{i}\n").replace("name: T0\n", f"name: T{i}\n") for i in range(count)
    )
    path = folder / name
    path.write_text(head + "treatments:\n" + body, encoding="utf-8")
    return path
