"""The catalogue's vocabularies: every word a field may take, in the order filters and sorting use,
with the bands that turn a mean difference into a size of benefit."""

# No "from __future__ import annotations" here, for the reason given in models.py.

from collections.abc import Iterable
from typing import NamedTuple


class Scale(NamedTuple):
    """An ordered vocabulary: filters and sorting follow the order the words are written in."""

    name: str
    words: tuple[str, ...]

    def rank(self, word: str) -> int:
        return self.words.index(word)

    def __contains__(self, word: object) -> bool:
        return word in self.words


NOT_REPORTED = "not-reported"


CATEGORIES = Scale(
    "category",
    ("medication", "interventional", "surgical", "physical", "psychological", "complementary", "usual-care"),
)
ADDICTION_LEVELS = Scale("addiction level", ("none", "low", "moderate", "high"))
US_SCHEDULES = Scale("US schedule", ("I", "II", "III", "IV", "V"))  # most restrictive first
ONSET_SPEEDS = Scale("onset speed", ("minutes", "hours", "days", "weeks", "months", NOT_REPORTED))
# What an onset is counted from: one dose, session or procedure (medicines taken as needed), or the
# start of a course of regular use or sessions (when trials first saw benefit).
ONSET_BASES = Scale("onset basis", ("each-dose", "course"))
DURATION_LENGTHS = Scale("duration", ("hours", "days", "weeks", "months", "years", NOT_REPORTED))
# What a duration is counted from: one dose or session, the end of a course, for as long as the
# treatment goes on, or an implant or operation that stays.
DURATION_BASES = Scale("duration basis", ("each-dose", "after-course", "while-continued", "implant-or-surgery"))
INVASIVENESS = Scale("invasiveness", ("none", "minimal", "moderate", "major"))
CERTAINTIES = Scale("certainty", ("high", "moderate", "low", "very-low"))
# Direction and size of a finding, best first. The size bands are defined once, on a 0-10 scale,
# in docs/catalogue-format.md (AHRQ's bands); "no-trials" is its own state, never a certainty.
BENEFITS = Scale("benefit", ("large", "moderate", "small", "slight", "none", "worse", "unclear", "no-trials"))
# When a finding was measured, where that changes what it means: only during or right after use
# (TENS, a drip) is not evidence of relief that lasts. Left out where the timing is the usual one.
MEASURED = Scale("measured", ("during-use",))
OUTCOMES = Scale("outcome", ("pain", "function"))
COMPARATORS = Scale(
    "comparator",
    ("dummy", "usual-care", "waiting-list", "mixed-controls", "other-treatment", "no-comparison", "not-applicable"),
)
STANCES = Scale("stance", ("recommended", "consider", "no-recommendation", "not-recommended", "do-not-offer"))
COST_TIERS = Scale("cost tier", ("low", "medium", "high", "very-high", NOT_REPORTED))
VERDICTS = Scale("verdict", ("supported", "partly-supported", "unproven", "contradicted"))
# What `check` finds of a sentence: a verdict, or "not-checked" when the record has nothing to
# judge it by; in the scale's order, and gravest first (how a check report counts and highlights).
NOT_CHECKED = "not-checked"
FINDING_VERDICTS = (*VERDICTS.words, NOT_CHECKED)
FINDING_VERDICTS_GRAVEST_FIRST = (*reversed(VERDICTS.words), NOT_CHECKED)
APPROVAL_STATUSES = Scale("approval status", ("approved", "other-use", "not-approved"))
# What a sentence of an article speaks to (paincompare check); the words that signal each are data,
# in src/paincompare/data/check-signals.yaml.
ATTRIBUTES = Scale(
    "attribute",
    ("addiction", "onset", "duration", "safety", "effectiveness", "invasiveness", "cost", "approval", "general"),
)
# What a label or data sheet says for a situation, firmest first: a contraindication ("do not use"),
# a caution ("ask a doctor or pharmacist first"), or care to take ("take care").
CAUTION_LEVELS = Scale("caution level", ("do-not-use", "ask-first", "take-care"))
# A situation is a health matter (pregnancy, kidney disease) or a kind of other medicine (blood thinners).
SITUATION_KINDS = Scale("situation kind", ("health", "medicine"))
# Where a guideline applies: the person's country decides which guidelines speak first.
REGIONS = Scale("region", ("uk", "us", "international"))
# The countries a reader can ask for (--region): names, law, guidelines, availability and prices.
READER_REGIONS = ("uk", "us")
# UK controlled-drug law: the Misuse of Drugs Act 1971 class ("psa": the Psychoactive Substances
# Act 2016 instead; "none": not controlled), and the Misuse of Drugs Regulations 2001 schedule.
UK_CLASSES = Scale("UK class", ("A", "B", "C", "psa", "none", NOT_REPORTED))  # strictest first
UK_SCHEDULES = Scale("UK schedule", ("1", "2", "3", "4", "5"))  # most restrictive first
SAFE_CUSTODY = Scale("safe custody", ("required", "exempt", "none", NOT_REPORTED))
# Words, not yes/no: YAML would read an unquoted yes or no as true or false.
LICENSED = Scale("licence for pain", ("licensed", "off-label", "not-licensed", "not-a-medicine"))
SUPPLY = Scale(
    "supply",
    (
        "general-sale",
        "pharmacy",
        "over-the-counter",
        "prescription-only",
        "hospital-only",
        "not-licensed",
        "not-approved",
        "illegal-to-sell",
        "not-a-medicine",
    ),
)
NHS = Scale("NHS", ("available", "restricted", "not-available", "not-applicable"))
FREE_AT_USE = Scale("free at the point of use", ("free", "charged", "not-applicable"))
SOURCE_KINDS = Scale(
    "source kind",
    ("guideline", "systematic-review", "trial", "regulator", "label", "review", "commercial", "other"),
)

# Size bands on a 0-10 scale (AHRQ comparative-effectiveness reviews on chronic pain): a mean
# difference of at least this many points is at least this size. Below "small" is "slight".
BENEFIT_BANDS = (("large", 2.0), ("moderate", 1.0), ("small", 0.5))
SHORT_WORDS = 20  # a grid cell shows a short answer whole; longer text belongs in `show`


def strictest_schedule(schedules: Iterable[str | None]) -> str | None:
    """The most restrictive US schedule among several (I before V), or None when none is controlled."""
    controlled = [s for s in schedules if s is not None]
    return min(controlled, key=US_SCHEDULES.rank) if controlled else None


def band_for(points: float) -> str:
    """The size band of a mean difference on the 0-10 scale (negative favours the treatment)."""
    if points >= BENEFIT_BANDS[-1][1]:
        return "worse"
    if points > 0:
        return "none"  # worse by less than a small effect: no difference that matters
    for band, threshold in BENEFIT_BANDS:
        # AHRQ: small is 0.5 to 1.0 points, moderate more than 1 to 2, large more than 2
        if -points > threshold or (band == "small" and -points >= threshold):
            return band
    return "slight"
