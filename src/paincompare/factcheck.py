"""`paincompare check`: finds what an article says about catalogued treatments and sets the
catalogue's checked claims and facts beside it. Pure: the article and the signal words come in
already read; nothing here does I/O.

It never invents a verdict. A sentence that matches one of a treatment's checked claims (by the
claim's own `match` phrases) gets that claim's verdict and sources; an absolute word the record
itself refutes ("non-addictive" for a controlled drug, "no side effects" for anything with listed
harms) is `contradicted`, with the fact that refutes it; everything else is `not-checked`, shown
with what the catalogue says on that attribute so the reader can judge.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from paincompare import findings, query
from paincompare import models as m
from paincompare.article import Article, Sentence

NOT_CHECKED = "not-checked"
FINDING_VERDICTS = (*m.VERDICTS.words, NOT_CHECKED)


class Signals(NamedTuple):
    """The words that tell what a sentence speaks to (src/paincompare/data/check-signals.yaml)."""

    attributes: dict[str, re.Pattern[str]]
    absolutes: dict[str, re.Pattern[str]]
    groups: dict[str, tuple[str, ...]]  # a phrase -> the treatment ids it stands for


class Finding(NamedTuple):
    line: int
    text: str
    treatment: str  # a treatment id
    attribute: str
    verdict: str  # one of FINDING_VERDICTS
    claim: m.Claim | None
    explanation: str
    sources: tuple[str, ...]


class CheckResult(NamedTuple):
    article: Article
    findings: tuple[Finding, ...]


def normalised(text: str) -> str:
    """Text as it is matched: case folded, curly quotes straight, hyphens and dashes as spaces."""
    text = text.casefold().translate(_FOLD)
    return " ".join(text.split())


_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "-": " ",
        "\u2010": " ",
        "\u2011": " ",
        "\u2012": " ",
        "\u2013": " ",
        "\u2014": " ",
        "\u00a0": " ",
    }
)


_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One pattern for whole-word phrases; a trailing * takes any ending ("addict*"). Compiled once."""
    key = tuple(phrases)
    found = _PATTERNS.get(key)
    if found is None:
        found = _PATTERNS[key] = _compile(key)
    return found


def _compile(phrases: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for phrase in sorted({normalised(p) for p in phrases if p.strip()}, key=len, reverse=True):
        stem = phrase.rstrip("*")
        parts.append(re.escape(stem) + (r"\w*" if phrase.endswith("*") else ""))
    if not parts:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


SIGNALS_FILE = "check-signals.yaml"  # in the package's data folder; extend it without code


def load_signals(catalogue: m.Catalogue) -> Signals:
    """The signal words shipped with paincompare (src/paincompare/data/check-signals.yaml)."""
    from pathlib import Path

    import yaml  # libyaml's safe loader where present, as for catalogues (importlib.resources costs 15 ms)

    text = (Path(__file__).parent / "data" / SIGNALS_FILE).read_text(encoding="utf-8")
    return signals_from(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), catalogue)


def signals_from(data: dict[str, Any], catalogue: m.Catalogue) -> Signals:
    """The signals file's data as patterns; a word for an unknown attribute or treatment is an error."""
    attributes = {}
    for attribute, spec in (data.get("attributes") or {}).items():
        if attribute not in m.ATTRIBUTES:
            raise ValueError(
                f"attributes: '{attribute}' is not an attribute; use one of {', '.join(m.ATTRIBUTES.words)}"
            )
        attributes[attribute] = phrase_pattern(spec.get("words") or [])
    absolutes = {a: phrase_pattern(words) for a, words in (data.get("absolutes") or {}).items()}
    known = {t.id for t in catalogue.treatments}
    groups = {}
    for phrase, ids in (data.get("groups") or {}).items():
        present = tuple(i for i in ids if i in known)  # another catalogue may not have every member
        if present:
            groups[normalised(phrase)] = present
    return Signals(attributes, absolutes, groups)


def check(catalogue: m.Catalogue, article: Article, signals: Signals) -> CheckResult:
    """Every finding about a catalogued treatment, in the order the article makes them."""
    by_id = {t.id: t for t in catalogue.treatments}
    names = _names_pattern(catalogue, signals)
    known: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}

    def facts(t: m.Treatment, attribute: str) -> tuple[str, tuple[str, ...]]:
        """`fact`, worked out once per treatment and attribute: a long article asks again and again."""
        if (t.id, attribute) not in known:
            known[(t.id, attribute)] = fact(t, attribute, catalogue)
        return known[(t.id, attribute)]

    found: list[Finding] = []
    heading_named: tuple[str, ...] = ()
    for paragraph in article.paragraphs:
        if paragraph.is_heading:
            heading_named = tuple(_mentions(normalised(paragraph.sentences[0].text), names, signals))
            continue
        carried: tuple[str, ...] = ()
        for sentence in paragraph.sentences:
            said = normalised(sentence.text)
            mentions = _mentions(said, names, signals)
            named = tuple(mentions)
            compared = {tid for tid, (_at, comparing) in mentions.items() if comparing}
            # "Unlike opioids, it ...": the sentence's subject is still the treatment spoken of before
            subjects = tuple(t for t in named if t not in compared) or carried or heading_named
            if named and set(named) - compared:
                carried = subjects
            without_names = names[0].sub(" ", said)
            spoken_of = [a for a, pattern in signals.attributes.items() if pattern.search(without_names)]
            for tid in dict.fromkeys((*subjects, *named)):
                found += _findings(
                    sentence,
                    said,
                    by_id[tid],
                    signals,
                    facts,
                    explicit=tid in mentions,
                    subject=tid in subjects,
                    spoken_of=spoken_of,
                    named_at=mentions[tid][0] if tid in mentions else None,
                )
    return CheckResult(article, tuple(found))


def _names_pattern(catalogue: m.Catalogue, signals: Signals) -> tuple[re.Pattern[str], dict[str, str]]:
    owner: dict[str, str] = {}
    for t in catalogue.treatments:
        for name in (t.id, t.name, *t.aliases):
            owner.setdefault(normalised(name), t.id)
    for phrase in signals.groups:
        owner.setdefault(phrase, "")
    return phrase_pattern(owner), owner


_COMPARING = re.compile(r"(?:unlike|instead of|rather than|than|compared (?:with|to)|versus|vs\.?|over)\s+$")


def _mentions(
    said: str, names: tuple[re.Pattern[str], dict[str, str]], signals: Signals
) -> dict[str, tuple[int, bool]]:
    """The treatments a (normalised) sentence names, in order: where first named, and whether only to
    compare with ("unlike opioids, ketamine ..."), so that what it claims is not put on them."""
    pattern, owner = names
    found: dict[str, tuple[int, bool]] = {}
    for match in pattern.finditer(said):
        phrase = match.group(0)
        comparing = bool(_COMPARING.search(said[: match.start()]))
        for tid in ([owner[phrase]] if owner.get(phrase) else []) + list(signals.groups.get(phrase, ())):
            if tid not in found:
                found[tid] = (match.start(), comparing)
    return found


def _findings(
    sentence: Sentence,
    said: str,
    t: m.Treatment,
    signals: Signals,
    facts: Callable[[m.Treatment, str], tuple[str, tuple[str, ...]]],
    explicit: bool,
    subject: bool,
    spoken_of: list[str],
    named_at: int | None = None,
) -> list[Finding]:
    """The findings of one sentence about one treatment; `spoken_of` is what the sentence speaks to,
    read with the treatments' names taken out, so a name ("surgery") is not also an attribute."""
    line, text = sentence
    result: list[Finding] = []
    covered: set[str] = set()
    for claim in t.claims:
        if subject and claim.match and claim.attribute and _affirmed(phrase_pattern(claim.match), said):
            result.append(
                Finding(line, text, t.id, claim.attribute, claim.verdict, claim, claim.explanation, claim.sources)
            )
            covered.add(claim.attribute)
    attributes = list(spoken_of)
    if not attributes and not result and explicit:
        attributes = ["general"]
    for attribute in attributes:
        if attribute in covered:
            continue
        refuted = _refuted(attribute, said, t, signals, named_at) if subject else None
        if refuted is not None:
            result.append(Finding(line, text, t.id, attribute, "contradicted", None, *refuted))
        else:
            result.append(Finding(line, text, t.id, attribute, NOT_CHECKED, None, *facts(t, attribute)))
    return result


_NEGATIONS = {
    "not",
    "no",
    "never",
    "nor",
    "isn't",
    "aren't",
    "doesn't",
    "don't",
    "didn't",
    "won't",
    "cannot",
    "can't",
    "hardly",
    "neither",
    "without",
    "unlikely",
    "myth",
    "false",
}


def _affirmed(pattern: re.Pattern[str], said: str) -> bool:
    """True when the phrase is said, and not denied by a negation just before it ("do not give lasting relief")."""
    for match in pattern.finditer(said):
        before = said[: match.start()].split()[-4:]
        if not _NEGATIONS.intersection(before):
            return True
    return False


def _refuted(
    attribute: str, said: str, t: m.Treatment, signals: Signals, named_at: int | None
) -> tuple[str, tuple[str, ...]] | None:
    """The record's fact that refutes an absolute word, or None when there is none to refute.

    The word must be said of this treatment: after its name ("X is non-addictive"), or of a
    treatment the sentence does not name but speaks of ("It is non-addictive").
    """
    pattern = signals.absolutes.get(attribute)
    if pattern is None or not _affirmed(pattern, said[named_at or 0 :]):
        return None
    if attribute == "addiction":
        risk = t.addiction_risk
        if risk.level == "none" and not risk.us_schedule:
            return None
        return _addiction_fact(t), risk.sources
    if attribute == "safety" and t.side_effects.serious:
        return f"Serious harms the record lists: {t.side_effects.serious_short}", t.side_effects.sources
    if attribute == "duration" and t.duration.basis != "implant-or-surgery":
        return f"How long relief lasts: {t.duration.short}", t.duration.sources
    return None


def _addiction_fact(t: m.Treatment) -> str:
    risk = t.addiction_risk
    return f"Addiction risk: {risk.level.replace('-', ' ')}, {risk.schedule_words()}. {risk.short}"


def fact(t: m.Treatment, attribute: str, catalogue: m.Catalogue) -> tuple[str, tuple[str, ...]]:
    """What the catalogue says about a treatment on one attribute, with its sources."""
    if attribute == "addiction":
        return _addiction_fact(t), t.addiction_risk.sources
    if attribute == "onset":
        return f"How soon it may help: {t.onset.short}", t.onset.sources
    if attribute == "duration":
        return f"How long relief lasts: {t.duration.short}", t.duration.sources
    if attribute == "safety":
        se = t.side_effects
        return f"Common: {se.common_short} Serious: {se.serious_short}", se.sources
    if attribute == "effectiveness":
        best = query.shown_finding(t, query.Filters())
        if best is None:
            return "No finding in the catalogue.", t.how_given.sources
        condition = catalogue.conditions[best.condition].name
        sure = best.certainty.replace("-", " ") if best.certainty else "no trials"
        return f"Best finding: {findings.statement(best)} ({sure} certainty), for {condition}.", best.sources
    if attribute == "invasiveness":
        return f"Invasiveness: {t.invasiveness.level}. {t.invasiveness.short}", t.invasiveness.sources
    if attribute == "cost":
        return f"Cost (US): {t.cost.tier.replace('-', ' ')}. {t.cost.short}", t.cost.sources
    if attribute == "approval":
        if not t.guidelines:
            return "No guideline in the catalogue speaks to it.", t.how_given.sources
        stances = "; ".join(
            f"{catalogue.sources[g.guideline].label()}: {g.stance.replace('-', ' ')}" for g in t.guidelines[:4]
        )
        more = f" (and {len(t.guidelines) - 4} more)" if len(t.guidelines) > 4 else ""
        return f"Guidelines: {stances}{more}.", tuple(dict.fromkeys(g.guideline for g in t.guidelines[:4]))
    return f"What it is: {t.how_given.short}", t.how_given.sources
