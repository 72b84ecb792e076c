"""Typed, immutable records of a catalogue, and the ordered scales its fields use."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple


class Scale(NamedTuple):
    """An ordered vocabulary: filters and sorting follow the order the words are written in."""

    name: str
    words: tuple[str, ...]

    def rank(self, word: str) -> int:
        return self.words.index(word)

    def __contains__(self, word: object) -> bool:
        return word in self.words


NOT_REPORTED = "not-reported"


def normalise_name(name: str) -> str:
    """The form names are compared in: case folded; spaces, hyphens and underscores as one space."""
    return " ".join(name.casefold().replace("-", " ").replace("_", " ").split())


CATEGORIES = Scale(
    "category",
    ("medication", "interventional", "surgical", "physical", "psychological", "complementary", "usual-care"),
)
ADDICTION_LEVELS = Scale("addiction level", ("none", "low", "moderate", "high"))
US_SCHEDULES = Scale("US schedule", ("I", "II", "III", "IV", "V"))
ONSET_SPEEDS = Scale("onset speed", ("minutes", "hours", "days", "weeks", "months", NOT_REPORTED))
DURATION_LENGTHS = Scale("duration", ("hours", "days", "weeks", "months", "years", NOT_REPORTED))
INVASIVENESS = Scale("invasiveness", ("none", "minimal", "moderate", "major"))
CERTAINTIES = Scale("certainty", ("high", "moderate", "low", "very-low"))
STANCES = Scale("stance", ("recommended", "consider", "no-recommendation", "not-recommended", "do-not-offer"))
COST_TIERS = Scale("cost tier", ("low", "medium", "high", "very-high", NOT_REPORTED))
VERDICTS = Scale("verdict", ("supported", "partly-supported", "unproven", "contradicted"))
SOURCE_KINDS = Scale(
    "source kind",
    ("guideline", "systematic-review", "trial", "regulator", "label", "review", "commercial", "other"),
)


class Source(NamedTuple):
    id: str
    title: str
    authors: str | None
    publisher: str | None
    year: int
    url: str
    kind: str
    short: str | None = None  # e.g. "NICE NG193", shown where a full title would not fit

    def label(self) -> str:
        return self.short or self.id

    def who(self) -> str:
        """The authors, else the publisher, without a closing full stop."""
        return (self.authors or self.publisher or "").rstrip(".")

    def citation(self) -> str:
        """The full citation in one line: who, title, year, address and kind."""
        return f"{self.who()}. {self.title}. {self.year}. {self.url} ({self.kind})"

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"title": self.title}
        if self.authors:
            data["authors"] = self.authors
        if self.publisher:
            data["publisher"] = self.publisher
        data.update(year=self.year, url=self.url, kind=self.kind)
        if self.short:
            data["short"] = self.short
        return data


class HowGiven(NamedTuple):
    route: str
    setting: str
    sessions: str
    sources: tuple[str, ...]


class AddictionRisk(NamedTuple):
    level: str
    us_schedule: str | None
    summary: str
    sources: tuple[str, ...]


class Onset(NamedTuple):
    speed: str
    summary: str
    sources: tuple[str, ...]


class Duration(NamedTuple):
    length: str
    summary: str
    sources: tuple[str, ...]


class Evidence(NamedTuple):
    condition: str
    certainty: str
    effect: str
    sources: tuple[str, ...]
    note: str | None = None


class SideEffects(NamedTuple):
    common: tuple[str, ...]
    serious: tuple[str, ...]
    sources: tuple[str, ...]


class GuidelineStance(NamedTuple):
    guideline: str
    stance: str
    scope: str
    sources: tuple[str, ...]
    wording: str | None = None


class Cost(NamedTuple):
    tier: str
    summary: str
    sources: tuple[str, ...]


class Claim(NamedTuple):
    claim: str
    verdict: str
    explanation: str
    sources: tuple[str, ...]


class Treatment(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    category: str
    how_given: HowGiven
    addiction_risk: AddictionRisk
    onset: Onset
    duration: Duration
    invasiveness: str
    evidence: tuple[Evidence, ...]
    side_effects: SideEffects
    guidelines: tuple[GuidelineStance, ...]
    cost: Cost
    claims: tuple[Claim, ...]
    reviewed: dt.date

    def strongest_evidence(self) -> Evidence | None:
        """The evidence entry with the highest certainty (the first one on a tie)."""
        if not self.evidence:
            return None
        return min(self.evidence, key=lambda e: CERTAINTIES.rank(e.certainty))

    def cited_sources(self) -> list[str]:
        """Every source id this record cites, in the order the fields are written, once each."""
        blocks: list[Any] = [self.how_given, self.addiction_risk, self.onset, self.duration]
        blocks += [*self.evidence, self.side_effects]
        for stance in self.guidelines:
            blocks.append(stance)
        blocks += [self.cost, *self.claims]
        seen: dict[str, None] = {}
        for block in blocks:
            if isinstance(block, GuidelineStance):
                seen.setdefault(block.guideline)
            for source_id in block.sources:
                seen.setdefault(source_id)
        return list(seen)

    def to_data(self) -> dict[str, Any]:
        """The record as plain data, with the catalogue's field names (the JSON contract)."""
        return {
            "id": self.id,
            "name": self.name,
            "aliases": self.aliases,
            "category": self.category,
            "how_given": _block(self.how_given),
            "addiction_risk": _block(self.addiction_risk),
            "onset": _block(self.onset),
            "duration": _block(self.duration),
            "invasiveness": self.invasiveness,
            "evidence": [_block(e) for e in self.evidence],
            "side_effects": _block(self.side_effects),
            "guidelines": [_block(g) for g in self.guidelines],
            "cost": _block(self.cost),
            "claims": [_block(c) for c in self.claims],
            "reviewed": self.reviewed.isoformat(),
        }


def _block(block: Any) -> dict[str, Any]:
    """A record's fields as a mapping; tuples stay tuples (JSON writes them as arrays)."""
    data = dict(zip(block._fields, block))
    for optional in ("note", "wording"):  # left out rather than shown as null
        if data.get(optional, "") is None:
            del data[optional]
    return data


class CatalogueInfo(NamedTuple):
    title: str
    version: str
    reviewed: dt.date
    review_every_months: int
    funding: str
    disclaimer: str

    def next_review(self) -> dt.date:
        """The date after which the catalogue is past its review policy."""
        months = self.reviewed.month - 1 + self.review_every_months
        year, month = self.reviewed.year + months // 12, months % 12 + 1
        day = min(self.reviewed.day, 28)  # every month has a 28th; being early is the safe side
        return dt.date(year, month, day)

    def to_data(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "version": self.version,
            "reviewed": self.reviewed.isoformat(),
            "review_every_months": self.review_every_months,
            "next_review": self.next_review().isoformat(),
            "funding": self.funding,
            "disclaimer": self.disclaimer,
        }


class Catalogue(NamedTuple):
    info: CatalogueInfo
    sources: dict[str, Source]
    treatments: tuple[Treatment, ...]
    path: str
