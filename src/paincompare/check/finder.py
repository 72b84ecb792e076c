"""Finds what an article says about catalogued treatments and judges it: for each sentence, the
treatments it speaks of (names, their plurals and possessives, brand names, abbreviations the page
defines, "it" and "this treatment" carried over, the page's subject), the condition it is about
(`--condition`, else the sentence's, its paragraph's, heading's or page's, else chronic pain), and
each claim it makes (mentions.py reads a sentence, claims.py its claims), judged by judge.py
against the record. Pure: the article and signal words come in already read; nothing here does I/O.

A sentence that matches one of a treatment's checked claims (by the claim's own `match` phrases)
gets that claim's verdict; a claim the rule table can judge gets the rule's verdict; an attribute
spoken of with nothing to judge is `not-checked`, shown with what the catalogue says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from paincompare import findings, guidance, query
from paincompare.catalogue import models as m
from paincompare.catalogue import scales
from paincompare.check.article import Article, Paragraph, Sentence
from paincompare.check.claims import Claim
from paincompare.check.judge import judge
from paincompare.check.mentions import PRONOUNS, Mention, Read, phrases, read_sentence, said_of
from paincompare.check.result import CheckResult, Finding
from paincompare.check.signals import Signals
from paincompare.check.verdicts import GRAVITY, Context, Verdict

# -- the article -----------------------------------------------------------------------------------


class _Page:
    """What the article has said so far: its subject and conditions, heading by heading."""

    def __init__(self, fixed: tuple[str, ...], catalogue: m.Catalogue) -> None:
        self.fixed = fixed  # --condition
        self.catalogue = catalogue
        self.subject: tuple[str, ...] = ()
        self.conditions: tuple[str, ...] = ()
        self.heading_subject: tuple[str, ...] = ()
        self.heading_conditions: tuple[str, ...] = ()
        self.lead_in: tuple[str, ...] = ()  # the subject of a line ending in ':' that leads into a list

    def heading(self, read: Read) -> None:
        named = tuple(dict.fromkeys(i for mention in read.mentions for i in mention.match.key.ids))
        self.heading_subject, self.heading_conditions = named, read.conditions
        self.subject = self.subject or named
        self.conditions = self.conditions or read.conditions

    def conditions_for(self, read: Read, paragraph: tuple[str, ...]) -> tuple[str, ...]:
        if read.any_condition and not self.fixed:
            return ()
        found = self.fixed or read.conditions or paragraph or self.heading_conditions or self.conditions
        return self._narrowest(found) or ("chronic-pain",)

    def _narrowest(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        """ "nerve pain after shingles": the narrower of two conditions, one under the other, is meant."""
        if len(ids) < 2:
            return ids
        above = {b for c in ids for b in guidance.broader(self.catalogue, c)[1:]}
        return tuple(c for c in ids if c not in above)


def check(
    catalogue: m.Catalogue, article: Article, signals: Signals, condition: frozenset[str] | None = None
) -> CheckResult:
    """Every finding about a catalogued treatment, in the order the article makes them.

    `condition` (from --condition) sets the condition for the whole article.
    """
    by_id = {t.id: t for t in catalogue.treatments}
    index = phrases(catalogue, signals)
    facts = _facts(catalogue)
    page = _Page(tuple(sorted(condition)) if condition else (), catalogue)
    abbreviations: dict[str, tuple[str, ...]] = {}
    memo: dict[tuple[object, ...], Any] = {}  # the judge's rules, applied once per claim, record and scope
    read_before: dict[tuple[str, int], Read] = {}  # a page repeats its menus, calls to action and claims
    found: list[Finding] = []

    def read(text: str) -> Read:
        """A sentence read once per page (with the abbreviations known so far): reading is pure."""
        key = (text, len(abbreviations))
        if key not in read_before:
            read_before[key] = read_sentence(said_of(text), index, abbreviations)
        return read_before[key]

    for paragraph in article.paragraphs:
        reads = [read(s.text) for s in paragraph.sentences]
        if paragraph.is_heading:
            page.heading(reads[0])
            page.lead_in = ()
            continue
        found += _paragraph(paragraph, reads, page, catalogue, by_id, facts, memo)
    return CheckResult(article, tuple(found))


def _paragraph(
    paragraph: Paragraph,
    reads: list[Read],
    page: _Page,
    catalogue: m.Catalogue,
    by_id: dict[str, m.Treatment],
    facts: Callable[[m.Treatment, str], tuple[str, tuple[str, ...]]],
    memo: dict[tuple[object, ...], Any],
) -> list[Finding]:
    found: list[Finding] = []
    carried: tuple[str, ...] = page.lead_in
    in_paragraph = tuple(dict.fromkeys(c for r in reads for c in r.conditions))
    for sentence, read in zip(paragraph.sentences, reads):
        subjects = _subjects(read, carried or page.heading_subject or page.subject)
        if any(mention.role != "compared" for mention in read.mentions):
            carried = _first_subject(read, subjects)
        if sentence.text.endswith(":"):  # "Benefits of CBD cream:" speaks of what the list after it says
            page.lead_in = subjects
        if not (subjects or read.mentions):  # it speaks of no catalogued treatment
            continue
        context = Context(
            catalogue, page.conditions_for(read, in_paragraph), None, memo, bool(read.conditions) and not page.fixed
        )
        found += _sentence_findings(sentence, read, subjects, context, by_id, facts)
    return found


def _sentence_findings(
    sentence: Sentence,
    read: Read,
    subjects: tuple[str, ...],
    context: Context,
    by_id: dict[str, m.Treatment],
    facts: Callable[[m.Treatment, str], tuple[str, tuple[str, ...]]],
) -> list[Finding]:
    """One sentence's findings, for its subjects and then every other treatment it names, each judged
    against the treatment it is compared with, if any ("less addictive than opioids")."""
    compared = next((by_id[i] for mn in read.mentions if mn.role == "compared" for i in mn.match.key.ids), None)
    named = tuple(dict.fromkeys(i for mention in read.mentions for i in mention.match.key.ids))  # in order: stable
    found: list[Finding] = []
    for tid in dict.fromkeys((*subjects, *named)):
        other = compared if compared and compared.id != tid else None
        judged_in = context if other is None else context._replace(compared=other)
        found += _findings(sentence, read, by_id[tid], subjects, judged_in, facts, tid in named)
    return found


def _first_subject(read: Read, subjects: tuple[str, ...]) -> tuple[str, ...]:
    """What "it" in the next sentence means: the sentence's first subject, with any names listed with
    it ("Gabapentin and pregabalin ... They"), not one named later in passing."""
    named = [mn for mn in read.mentions if any(i in subjects for i in mn.match.key.ids)]
    if not named:
        return subjects
    first = named[0]
    kept = [
        i for mn in named if mn is first or _listed_with(read, mn, first.match.key.ids[0]) for i in mn.match.key.ids
    ]
    return tuple(dict.fromkeys(kept))


def _subjects(read: Read, before: tuple[str, ...]) -> tuple[str, ...]:
    """Who the sentence speaks of: names said as its subject; else, after "it" or "this", the one
    spoken of before; else a name given as an example; else the one spoken of before; else a name
    said in passing."""

    def ids(role: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for mn in read.mentions if mn.role == role for i in mn.match.key.ids))

    if read.other_subject:
        return ()
    if before and read.said.words and read.said.words[0] in PRONOUNS:  # "It lacks the high of marijuana"
        return before
    return ids("subject") or (before if read.pronoun else ()) or ids("example") or before or ids("passing")


def _findings(
    sentence: Sentence,
    read: Read,
    t: m.Treatment,
    subjects: tuple[str, ...],
    context: Context,
    facts: Callable[[m.Treatment, str], tuple[str, tuple[str, ...]]],
    explicit: bool,
) -> list[Finding]:
    """The findings of one sentence about one treatment: checked claims, judged claims, then what
    the catalogue says on each attribute spoken of."""
    line, text = sentence
    checked = _matched_claims(sentence, read, t, explicit) if read.checked and t.id in subjects else []
    covered = {f.attribute for f in checked}
    judged = _judged(read, t, subjects, context) if t.id in subjects else {}
    ruled = [
        Finding(
            line, text, t.id, attribute, v.verdict, None, v.explanation, v.sources, _where(attribute, context), explicit
        )
        for attribute, v in judged.items()
        if attribute not in covered
    ]
    covered |= {f.attribute for f in ruled}
    attributes = [a for a in read.spoken_of if a not in covered]
    if not attributes and not (checked or ruled) and explicit:
        attributes = ["general"]
    said = [Finding(line, text, t.id, a, scales.NOT_CHECKED, None, *facts(t, a), None, explicit) for a in attributes]
    return [*checked, *ruled, *said]


def _matched_claims(sentence: Sentence, read: Read, t: m.Treatment, explicit: bool) -> list[Finding]:
    """The treatment's checked claims the sentence matches (by each claim's own `match` phrases)."""
    line, text = sentence
    return [
        Finding(
            line, text, t.id, claim.attribute, claim.verdict, claim, claim.explanation, claim.sources, None, explicit
        )
        for i, claim in enumerate(t.claims)
        if claim.attribute and (t.id, i) in read.checked
    ]


def _where(attribute: str, context: Context) -> str | None:
    """The condition an effectiveness verdict was judged for."""
    return context.conditions[0] if attribute == "effectiveness" and context.conditions else None


def _judged(read: Read, t: m.Treatment, subjects: tuple[str, ...], context: Context) -> dict[str, Verdict]:
    """Each attribute's verdict from the claims the sentence makes of this treatment: the gravest."""
    if not read.claims:
        return {}
    verdicts: dict[str, list[Verdict]] = {}
    for claim in read.claims:
        if not _claim_is_about(claim, t.id, read, subjects):
            continue
        verdict = judge(claim, t, context)
        if verdict is not None:
            verdicts.setdefault(claim.attribute, []).append(verdict)
    combined = {}
    for attribute, given in verdicts.items():
        given.sort(key=lambda v: GRAVITY.index(v.verdict))
        explanation = " ".join(dict.fromkeys(v.explanation for v in given))
        sources = tuple(dict.fromkeys(s for v in given for s in v.sources))
        combined[attribute] = Verdict(given[0].verdict, explanation, sources)
    return combined


def _claim_is_about(claim: Claim, tid: str, read: Read, subjects: tuple[str, ...]) -> bool:
    """A claim is about the subjects named before it in its sentence (the nearest name wins); with
    none named before it, about every subject ("There are no side effects with massage")."""
    before = [mn for mn in read.mentions if mn.match.first < claim.first and mn.role != "compared"]
    before = [mn for mn in before if any(i in subjects for i in mn.match.key.ids)]
    if not before:
        return True
    nearest = before[-1]
    return tid in nearest.match.key.ids or _listed_with(read, nearest, tid)


def _listed_with(read: Read, nearest: Mention, tid: str) -> bool:
    """ "Ketamine and lidocaine infusions are effective": names joined by "and", "or" or a comma share a claim."""
    words = read.said.words
    for mention in read.mentions:
        if tid in mention.match.key.ids and mention.match.end <= nearest.match.first:
            between = words[mention.match.end : nearest.match.first]
            return all(w in ("and", "or", ",", "&") for w in between)
    return False


# -- what the catalogue says, for a finding with no verdict -----------------------------------------


def _facts(catalogue: m.Catalogue) -> Callable[[m.Treatment, str], tuple[str, tuple[str, ...]]]:
    """`fact`, worked out once per treatment and attribute: a long article asks again and again."""
    known: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}

    def facts(t: m.Treatment, attribute: str) -> tuple[str, tuple[str, ...]]:
        if (t.id, attribute) not in known:
            known[(t.id, attribute)] = fact(t, attribute, catalogue)
        return known[(t.id, attribute)]

    return facts


def _addiction_fact(t: m.Treatment) -> str:
    risk = t.addiction_risk
    return f"Addiction risk: {risk.level.replace('-', ' ')}, {risk.schedule_words()}. {risk.short}"


def fact(t: m.Treatment, attribute: str, catalogue: m.Catalogue) -> tuple[str, tuple[str, ...]]:
    """What the catalogue says about a treatment on one attribute, with its sources."""
    return _FACTS.get(attribute, _what_it_is)(t, catalogue)


def _what_it_is(t: m.Treatment, _catalogue: m.Catalogue) -> tuple[str, tuple[str, ...]]:
    return f"What it is: {t.how_given.short}", t.how_given.sources


def _effect_fact(t: m.Treatment, catalogue: m.Catalogue) -> tuple[str, tuple[str, ...]]:
    best = query.shown_finding(t, query.Filters())
    if best is None:
        return "No finding in the catalogue.", t.how_given.sources
    condition = catalogue.conditions[best.condition].name
    sure = best.certainty.replace("-", " ") if best.certainty else "no trials"
    return f"Best finding: {findings.statement(best)} ({sure} certainty), for {condition}.", best.sources


def _guidelines_fact(t: m.Treatment, catalogue: m.Catalogue) -> tuple[str, tuple[str, ...]]:
    if not t.guidelines:
        return "No guideline in the catalogue speaks to it.", t.how_given.sources
    stances = "; ".join(
        f"{catalogue.sources[g.guideline].label()}: {g.stance.replace('-', ' ')}" for g in t.guidelines[:4]
    )
    more = f" (and {len(t.guidelines) - 4} more)" if len(t.guidelines) > 4 else ""
    return f"Guidelines: {stances}{more}.", tuple(dict.fromkeys(g.guideline for g in t.guidelines[:4]))


# What the catalogue says on each attribute an article speaks of; anything else is what the treatment is.
_FACTS: dict[str, Callable[[m.Treatment, m.Catalogue], tuple[str, tuple[str, ...]]]] = {
    "addiction": lambda t, _c: (_addiction_fact(t), t.addiction_risk.sources),
    "onset": lambda t, _c: (f"How soon it may help: {t.onset.short}", t.onset.sources),
    "duration": lambda t, _c: (f"How long relief lasts: {t.duration.short}", t.duration.sources),
    "safety": lambda t, _c: (
        f"Common: {t.side_effects.common_short} Serious: {t.side_effects.serious_short}",
        t.side_effects.sources,
    ),
    "effectiveness": _effect_fact,
    "invasiveness": lambda t, _c: (
        f"Invasiveness: {t.invasiveness.level}. {t.invasiveness.short}",
        t.invasiveness.sources,
    ),
    "cost": lambda t, _c: (f"Cost (US): {t.cost.tier.replace('-', ' ')}. {t.cost.short}", t.cost.sources),
    "approval": _guidelines_fact,
}
