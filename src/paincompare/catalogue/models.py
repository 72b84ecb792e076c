"""Typed, immutable records of a catalogue; the words their fields may take are in scales.py."""

# No "from __future__ import annotations" here: typing.NamedTuple compiles every string annotation
# into a ForwardRef, one compile() per field (measured: about 6 ms of every start-up for these records).

import datetime as dt
from typing import Any, NamedTuple

from paincompare.catalogue.scales import CAUTION_LEVELS, NOT_REPORTED, US_SCHEDULES


def normalise_name(name: str) -> str:
    """The form names are compared in: case folded; spaces, hyphens and underscores as one space."""
    return " ".join(name.casefold().replace("-", " ").replace("_", " ").split())


class Source(NamedTuple):
    id: str
    title: str
    authors: str | None
    publisher: str | None
    year: int
    url: str
    kind: str
    short: str | None = None  # e.g. "NICE NG193", shown where a full title would not fit
    region: str | None = None  # a guideline's: uk, us or international (required for guidelines)
    read_at: str | None = None  # a faithful copy the text was read in, when the primary page could not be

    def citation(self) -> str:
        """The full citation in one line: who, title, year, address and kind (never the copy)."""
        return f"{self.who()}. {self.title}. {self.year}. {self.url} ({self.kind})"

    def label(self) -> str:
        """A short name for one-line references: `short`, else the first author, else the publisher."""
        if self.short:
            return self.short
        if self.authors:
            names = [n.strip() for n in self.authors.replace(";", ",").split(",") if n.strip()]
            first = names[0].split()[0] if names and names[0].split() else self.authors
            return f"{first} et al." if len(names) > 1 else first
        return self.who()

    def who(self) -> str:
        """The authors, else the publisher, without a closing full stop."""
        return (self.authors or self.publisher or "").rstrip(".")


class Condition(NamedTuple):
    """One entry of the condition vocabulary; evidence and guideline scopes refer to it by id."""

    id: str
    name: str
    synonyms: tuple[str, ...]
    parent: str | None


class Situation(NamedTuple):
    """One entry of the situations vocabulary: who might need to take care, or what else they take."""

    id: str
    name: str
    synonyms: tuple[str, ...]
    kind: str


class Caution(NamedTuple):
    """What the sources say for one situation: 'do not use', 'ask first' or 'take care', and why."""

    when: str  # a situation id
    level: str
    text: str
    sources: tuple[str, ...]


class Cautions(NamedTuple):
    """Who should not use a treatment (cautions), or what it should not be taken with (interactions)."""

    entries: tuple[Caution, ...]  # may be empty: then `short` says what the sources read said
    short: str
    sources: tuple[str, ...]  # every source read for the block, whether or not it warned

    def for_situations(self, situations: frozenset[str]) -> list[Caution]:
        """The entries for any of these situations, firmest first."""
        chosen = [c for c in self.entries if c.when in situations]
        return sorted(chosen, key=lambda c: CAUTION_LEVELS.rank(c.level))


class HowGiven(NamedTuple):
    route: str
    setting: str
    sessions: str
    short: str
    sources: tuple[str, ...]


class Product(NamedTuple):
    """One product of a record whose products are scheduled differently (codeine alone vs with acetaminophen)."""

    name: str
    us_schedule: str | None
    level: str


class UkProduct(NamedTuple):
    """One product whose UK control differs from its class's (codeine tablets vs pharmacy co-codamol)."""

    name: str
    act_class: str
    schedule: str | None
    safe_custody: str


class UkControl(NamedTuple):
    """UK controlled-drug law for a record: its strictest product's class and schedule."""

    act_class: str
    schedule: str | None
    safe_custody: str
    in_force: dt.date | None
    summary: str
    short: str
    sources: tuple[str, ...]
    products: tuple[UkProduct, ...] | None = None

    def words(self) -> str:
        """'UK Class C, Schedule 3 (safe custody exempt)', or why it is not controlled."""
        if self.act_class == "none":
            return "not a UK controlled drug"
        if self.act_class == NOT_REPORTED:
            return "UK controlled-drug status not reported"
        if self.act_class == "psa":
            return "UK Psychoactive Substances Act 2016"
        schedule = f", Schedule {self.schedule}" if self.schedule else ""
        custody = {"required": " (safe custody)", "exempt": " (safe custody exempt)"}.get(self.safe_custody, "")
        by_product = ", strictest product" if self.products else ""
        return f"UK Class {self.act_class}{schedule}{custody}{by_product}"


class Availability(NamedTuple):
    """Whether a treatment can be had in one country, and how: licence, supply route, the NHS."""

    licensed_for_pain: str
    supply: str
    nhs: str | None  # the UK only
    summary: str
    short: str
    sources: tuple[str, ...]


class Availabilities(NamedTuple):
    uk: Availability | None
    us: Availability | None


class AddictionRisk(NamedTuple):
    level: str  # the highest of its products' levels, so a filter never hides a controlled product
    us_schedule: str | None  # the most restrictive of its products' schedules
    summary: str
    short: str
    sources: tuple[str, ...]
    products: tuple[Product, ...] | None = None

    def schedule_words(self, each_product: bool = False) -> str:
        """The schedule in words; where products differ, their schedules ("US Schedule II, III or V,
        by product"), or with `each_product` every product's name and schedule."""
        if not self.products:
            return "US " + _schedule_word(self.us_schedule) if self.us_schedule else "not a US controlled substance"
        if each_product:
            return "US schedule by product: " + "; ".join(
                f"{p.name}, {_schedule_word(p.us_schedule)}" for p in self.products
            )
        return _schedules_by_product([p.us_schedule for p in self.products])


def _schedule_word(schedule: str | None) -> str:
    return f"Schedule {schedule}" if schedule else "not controlled"


def _schedules_by_product(schedules: list[str | None]) -> str:
    """The schedules of several products in words: "US Schedule II, III or V, by product"."""
    named = sorted({s for s in schedules if s}, key=US_SCHEDULES.rank)
    words = ", ".join(named[:-1]) + (f" or {named[-1]}" if len(named) > 1 else named[-1])
    return f"US Schedule {words}{', or not controlled' if None in schedules else ''}, by product"


class Onset(NamedTuple):
    """Time until relief usually starts, after one dose or session, or from the start of a course."""

    speed: str
    basis: str
    summary: str
    short: str
    sources: tuple[str, ...]


class Duration(NamedTuple):
    """How long relief lasts, counted on the stated basis."""

    length: str
    basis: str
    summary: str
    short: str
    sources: tuple[str, ...]


class Invasiveness(NamedTuple):
    level: str
    short: str
    sources: tuple[str, ...]


class MeanDifference(NamedTuple):
    """Treatment minus comparator on a 0-10 scale where lower is better; negative favours it."""

    points: float
    low: float | None  # the 95% interval, where the review gives it
    high: float | None
    converted: str | None  # how a 0-100 or standardised result was put on the 0-10 scale


class Responders(NamedTuple):
    """How many in 100 reached a stated improvement, with the treatment and with the comparator."""

    treatment: float
    comparator: float
    definition: str


class Evidence(NamedTuple):
    condition: str  # an id from the condition vocabulary
    outcome: str
    comparator: str
    compared_with: str | None  # names the comparator; required for "other-treatment"
    follow_up: str
    benefit: str
    certainty: str | None  # None only when no trials were found
    mean_difference: MeanDifference | None
    responders: Responders | None
    effect: str
    sources: tuple[str, ...]
    note: str | None
    measured: str | None = None  # "during-use", or None for the usual follow-up


class SideEffects(NamedTuple):
    common: tuple[str, ...]
    common_short: str
    serious: tuple[str, ...]
    serious_short: str
    sources: tuple[str, ...]


class GuidelineStance(NamedTuple):
    guideline: str
    stance: str
    scope: str
    conditions: tuple[str, ...]  # ids from the condition vocabulary that the scope covers
    short: str
    sources: tuple[str, ...]
    wording: str | None


class Cost(NamedTuple):
    """What a treatment costs in one country: the tier for a month or a course, and the price behind it."""

    tier: str
    summary: str
    short: str
    sources: tuple[str, ...]
    price: float | None = None  # in the country's currency, for `unit`
    unit: str | None = None  # what the price buys: "100 tablets of 500 mg"
    month: str | None = None  # YYYY-MM the price applies to; prices go stale
    free_at_point_of_use: str | None = None  # "free" for NHS care, for instance


class Claim(NamedTuple):
    claim: str
    verdict: str
    explanation: str
    short: str
    sources: tuple[str, ...]
    attribute: str | None  # what the claim speaks to; required with `match`
    match: tuple[str, ...] | None  # phrases that find the claim in an article, paraphrases included


# US regulatory status (FDA) of a treatment for pain: approved for the conditions listed; approved
# only for other uses (pain is off-label); or not approved for any use.
class Approval(NamedTuple):
    """What the regulator has approved it for (paincompare check judges "FDA approved" by it)."""

    status: str
    conditions: tuple[str, ...]  # condition ids the approval covers; empty unless approved
    short: str
    sources: tuple[str, ...]


class Treatment(NamedTuple):
    id: str
    name: str
    uk_name: str | None  # the name UK readers know it by, where it differs ("Paracetamol (acetaminophen)")
    aliases: tuple[str, ...]
    category: str
    how_given: HowGiven
    availability: Availabilities | None
    addiction_risk: AddictionRisk
    uk_control: UkControl | None  # required for medicines (validation/rules.py)
    onset: Onset
    duration: Duration
    invasiveness: Invasiveness
    evidence: tuple[Evidence, ...]
    side_effects: SideEffects
    cautions: Cautions
    interactions: Cautions | None  # required for medicines (validation/rules.py)
    guidelines: tuple[GuidelineStance, ...]
    cost: Cost  # the US
    cost_uk: Cost | None
    claims: tuple[Claim, ...]
    approval: Approval | None
    reviewed: dt.date

    def display_name(self, region: str) -> str:
        """The name a reader in this region knows it by; the other name stays in brackets or aliases."""
        return self.uk_name if region == "uk" and self.uk_name else self.name

    def cost_in(self, region: str) -> Cost | None:
        return self.cost_uk if region == "uk" else self.cost


class CoreGuideline(NamedTuple):
    """A guideline of the core set every record is read against (docs/guideline-coverage.md)."""

    guideline: str
    why: str
    sources: tuple[str, ...]  # the guideline itself, and what its standing rests on
    status: str | None = None  # e.g. past its own currency rule


class CatalogueInfo(NamedTuple):
    title: str
    version: str
    reviewed: dt.date
    review_every_months: int
    funding: str
    disclaimer: str
    core_guidelines: tuple[CoreGuideline, ...]

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
            "core_guidelines": [
                {k: list(v) if isinstance(v, tuple) else v for k, v in g._asdict().items() if v is not None}
                for g in self.core_guidelines
            ],
        }

    def guideline_status(self, guideline: str) -> str | None:
        """What a reader must know about a core guideline's standing (e.g. past its currency rule), or None."""
        return next((g.status for g in self.core_guidelines if g.guideline == guideline), None)


class Catalogue(NamedTuple):
    """A checked catalogue: the first fields in the order of the file's top level (shape.TOP)."""

    info: CatalogueInfo
    sources: dict[str, Source]
    conditions: dict[str, Condition]
    situations: dict[str, Situation]
    treatments: tuple[Treatment, ...]
    path: str
