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

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from paincompare import findings, query
from paincompare import models as m
from paincompare.article import Article, Sentence
from paincompare.phrases import K, Match, Phrases, Words, leftmost_longest, normalised

NOT_CHECKED = "not-checked"
FINDING_VERDICTS = (*m.VERDICTS.words, NOT_CHECKED)


class Signals(NamedTuple):
    """The words that tell what a sentence speaks to (src/paincompare/data/check-signals.yaml)."""

    attributes: tuple[tuple[str, str], ...]  # (phrase, the attribute it signals)
    # (absolute words such as "non-addictive", the attribute a record can refute)
    absolutes: tuple[tuple[str, str], ...]
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


def signals_from(data: dict[str, Any], catalogue: m.Catalogue) -> Signals:
    """The signals file's data as (phrase, what it signals) pairs; an unknown attribute is an error."""
    attributes = []
    for attribute, spec in (data.get("attributes") or {}).items():
        if attribute not in m.ATTRIBUTES:
            raise ValueError(
                f"attributes: '{attribute}' is not an attribute; use one of {', '.join(m.ATTRIBUTES.words)}"
            )
        attributes += [(word, attribute) for word in spec.get("words") or []]
    absolutes = [(word, a) for a, words in (data.get("absolutes") or {}).items() for word in words]
    known = {t.id for t in catalogue.treatments}
    groups = {}
    for phrase, ids in (data.get("groups") or {}).items():
        present = tuple(i for i in ids if i in known)  # another catalogue may not have every member
        if present:
            groups[normalised(phrase)] = present
    return Signals(tuple(attributes), tuple(absolutes), groups)


class _Tag(NamedTuple):
    """What a phrase found in a sentence stands for."""

    kind: str  # name | attribute | absolute | claim
    value: str = ""  # attribute: the attribute; claim: the treatment id
    ids: tuple[str, ...] = ()  # name: the treatment ids it names
    claim: int = 0  # claim: the claim's index in its record


def _phrases(catalogue: m.Catalogue, signals: Signals) -> Phrases[_Tag]:
    """Every phrase `check` looks for, in one set, so each sentence is read once."""
    owners: dict[str, list[str]] = {}
    for t in catalogue.treatments:
        for name in (t.id, t.name, *t.aliases):
            ids = owners.setdefault(normalised(name), [])
            if not ids:  # the first record to use a name owns it
                ids.append(t.id)
    for phrase, members in signals.groups.items():
        ids = owners.setdefault(phrase, [])
        ids += [i for i in members if i not in ids]
    tagged = [(phrase, _Tag("name", ids=tuple(ids))) for phrase, ids in owners.items()]
    tagged += [(phrase, _Tag("attribute", attribute)) for phrase, attribute in signals.attributes]
    tagged += [(phrase, _Tag("absolute", attribute)) for phrase, attribute in signals.absolutes]
    tagged += [
        (phrase, _Tag("claim", t.id, claim=i))
        for t in catalogue.treatments
        for i, claim in enumerate(t.claims)
        if claim.attribute
        for phrase in claim.match or ()
    ]
    return Phrases(tagged)


class _Read(NamedTuple):
    """One sentence, read: the treatments it names, what it speaks to, the claims and absolutes it makes."""

    mentions: dict[str, tuple[int, bool]]  # treatment id -> (word where first named, only compared with?)
    spoken_of: list[str]  # attributes, read with the names taken out: "surgery" is not also an attribute
    claimed: set[tuple[str, int]]  # (treatment id, claim index) of each checked claim said and not denied
    absolutes: list[Match[_Tag]]


def _read(said: Words, phrases: Phrases[_Tag]) -> _Read:
    by_kind: dict[str, list[Match[_Tag]]] = {"name": [], "attribute": [], "absolute": [], "claim": []}
    for match in phrases.every(said):
        by_kind[match.key.kind].append(match)
    mentions: dict[str, tuple[int, bool]] = {}
    name_words: set[int] = set()
    for match in leftmost_longest(by_kind["name"]):
        name_words.update(range(match.first, match.end))
        comparing = match.first > 0 and _comparing(said, match.first)
        for tid in match.key.ids:
            mentions.setdefault(tid, (match.first, comparing))
    spoken_of = {
        match.key.value
        for match in by_kind["attribute"]
        if not name_words or name_words.isdisjoint(range(match.first, match.end))
    }
    claimed = {(match.key.value, match.key.claim) for match in _affirmed(by_kind["claim"], said)}
    return _Read(mentions, sorted(spoken_of, key=m.ATTRIBUTES.rank), claimed, by_kind["absolute"])


def check(catalogue: m.Catalogue, article: Article, signals: Signals) -> CheckResult:
    """Every finding about a catalogued treatment, in the order the article makes them."""
    by_id = {t.id: t for t in catalogue.treatments}
    phrases = _phrases(catalogue, signals)
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
            heading_named = tuple(_read(Words.of(normalised(paragraph.sentences[0].text)), phrases).mentions)
            continue
        carried: tuple[str, ...] = ()
        for sentence in paragraph.sentences:
            said = Words.of(normalised(sentence.text))
            read = _read(said, phrases)
            named = tuple(read.mentions)
            compared = {tid for tid, (_at, comparing) in read.mentions.items() if comparing}
            # "Unlike opioids, it ...": the sentence's subject is still the treatment spoken of before
            subjects = tuple(t for t in named if t not in compared) or carried or heading_named
            if named and set(named) - compared:
                carried = subjects
            for tid in dict.fromkeys((*subjects, *named)):
                found += _findings(
                    sentence,
                    said,
                    read,
                    by_id[tid],
                    facts,
                    explicit=tid in read.mentions,
                    subject=tid in subjects,
                )
    return CheckResult(article, tuple(found))


# Words just before a name that make it only a comparison: "unlike opioids, ketamine ..."
_COMPARING = {
    *[("unlike",), ("than",), ("versus",), ("vs",), ("over",), ("avoid",), ("avoiding",)],
    *[("instead", "of"), ("compared", "with"), ("compared", "to"), ("alternative", "to"), ("alternatives", "to")],
}
_COMPARING_LAST = {words[-1] for words in _COMPARING}  # a name whose word before is none of these is no comparison


def _comparing(said: Words, first: int) -> bool:
    """Whether the words just before a name make it a comparison ("than, ketamine" does not; "vs. ketamine" does)."""
    if first > 1 and said.words[first - 1] == "." and said.words[first - 2] == "vs":
        first -= 1
    if said.words[first - 1] not in _COMPARING_LAST:
        return False
    return any(tuple(said.before(first, len(words))) == words for words in _COMPARING)


def _findings(
    sentence: Sentence,
    said: Words,
    read: _Read,
    t: m.Treatment,
    facts: Callable[[m.Treatment, str], tuple[str, tuple[str, ...]]],
    explicit: bool,
    subject: bool,
) -> list[Finding]:
    """The findings of one sentence about one treatment."""
    line, text = sentence
    result: list[Finding] = []
    covered: set[str] = set()
    for i, claim in enumerate(t.claims):
        if subject and claim.attribute and (t.id, i) in read.claimed:
            result.append(
                Finding(line, text, t.id, claim.attribute, claim.verdict, claim, claim.explanation, claim.sources)
            )
            covered.add(claim.attribute)
    attributes = list(read.spoken_of)
    if not attributes and not result and explicit:
        attributes = ["general"]
    named_at = read.mentions[t.id][0] if t.id in read.mentions else 0
    for attribute in attributes:
        if attribute in covered:
            continue
        refuted = _refuted(attribute, said, read, t, named_at) if subject else None
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


def _affirmed(matches: Iterable[Match[K]], said: Words, since: int = 0) -> list[Match[K]]:
    """The phrases found from word `since` on, leaving out each one denied by a negation in the four
    words just before it ("do not give lasting relief")."""
    return [
        match
        for match in matches
        if match.first >= since and not _NEGATIONS.intersection(said.before(match.first, 4, since))
    ]


def _refuted(
    attribute: str, said: Words, read: _Read, t: m.Treatment, named_at: int
) -> tuple[str, tuple[str, ...]] | None:
    """The record's fact that refutes an absolute word, or None when there is none to refute.

    The word must be said of this treatment: after its name ("X is non-addictive"), or of a
    treatment the sentence does not name but speaks of ("It is non-addictive").
    """
    if not any(match.key.value == attribute for match in _affirmed(read.absolutes, said, since=named_at)):
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
