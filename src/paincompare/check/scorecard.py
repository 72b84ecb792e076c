"""The article scorecard: criteria of HealthNewsReview.org and DISCERN that can be judged from the
text itself, each `met`, `not met` or `not applicable` with the sentence or count that decided it.

HealthNewsReview.org reviewed some 2,500 health stories on ten criteria (costs, benefits and harms
quantified, quality of evidence, disease-mongering, independent sources, alternatives,
availability, novelty, reliance on a news release); DISCERN asks 15 questions of written
information about treatment choices (sources, dates, balance, risks, more than one choice, what
happens without treatment). Criteria that need a person (are the sources independent, is it
really new) are listed as `needs a reader`, never guessed.

The words are data (check-signals.yaml, `scorecard`); sentences are read as the rest of `check`
reads them: the article's sentences, whole-word phrase matching, and a negation in the four
words before a phrase ("no side effects", "not addictive") turning it round.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from paincompare.catalogue import models as m
from paincompare.check.mentions import said_of
from paincompare.check.phrases import Match, Phrases
from paincompare.check.result import CheckResult, Line
from paincompare.check.signals import Signals

MET, NOT_MET, NOT_APPLICABLE, NEEDS_A_READER = "met", "not met", "not applicable", "needs a reader"
STATUSES = (MET, NOT_MET, NOT_APPLICABLE, NEEDS_A_READER)
HNR = "HealthNewsReview.org"

# Criterion id, what it asks, and the rubric (with the question's number) it comes from.
CRITERIA: tuple[tuple[str, str, str], ...] = (
    ("costs", "Costs mentioned", f"{HNR} 1"),
    ("benefits-in-numbers", "Benefits in numbers (absolute, not only relative)", f"{HNR} 2; DISCERN 10"),
    ("harms", "Harms mentioned", f"{HNR} 3; DISCERN 11"),
    ("harms-in-numbers", "Harms in numbers", f"{HNR} 3"),
    ("evidence", "Quality of evidence mentioned (trials, reviews, certainty)", f"{HNR} 4; DISCERN 8"),
    ("alternatives", "Alternatives named (other treatments, usual care, doing nothing)", f"{HNR} 7; DISCERN 12, 14"),
    ("sources", "Sources cited (links, references, named studies) and dated", "DISCERN 4, 5"),
    ("balance", "Balance: harms or limits said where benefits are", "DISCERN 6"),
    (
        "red-flags",
        "No red-flag words (miracle, breakthrough, cure, game-changer, 100%...)",
        f"{HNR}, sensational language",
    ),
    (
        "commercial",
        "No selling (booking calls, prices, 'our clinic', affiliate wording)",
        f"{HNR} 6; DISCERN 6",
    ),
)
# What the text cannot show: listed for a person to judge.
FOR_A_READER: tuple[tuple[str, str, str], ...] = (
    ("independent-sources", "Independent sources, conflicts of interest stated", f"{HNR} 6"),
    ("novelty", "True novelty of the approach established", f"{HNR} 9"),
)

_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty "
    "seventy eighty ninety hundred".split()
)
_CURRENCY = frozenset("$£€")
_NEGATING = ("negation", "negation-after")


class Marks(NamedTuple):
    """What one sentence holds, for the scorecard and the worthiness order."""

    families: frozenset[str]  # the scorecard families said and not negated
    figures: tuple[str, ...]  # each number's kind: absolute or relative
    hype: tuple[str, ...]  # the red-flag words, as written
    year: bool  # a year (1900-2099)
    price: bool  # a currency sign before a number


class Reader:
    """Reads sentences for the scorecard's words, each sentence once."""

    def __init__(self, signals: Signals) -> None:
        tagged = [(p, "negation" if family == "negation" else family) for p, family in signals.scorecard]
        tagged += [(phrase, kind) for phrase, kind in signals.cues if kind in (*_NEGATING, "pseudo")]
        self._index: Phrases[str] = Phrases(tagged)
        self._read: dict[str, Marks] = {}

    def marks(self, text: str) -> Marks:
        if text not in self._read:
            self._read[text] = self._marks(text)
        return self._read[text]

    def _marks(self, text: str) -> Marks:
        said = said_of(text)
        words = said.words
        kept = _undenied(self._index.every(said))
        return Marks(
            frozenset(f.key for f in kept),
            _figures(words, [f for f in kept if f.key in ("absolute", "relative")]),
            tuple(" ".join(words[f.first : f.end]) for f in kept if f.key == "hype"),
            any(len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 2099 for w in words),
            any(w in _CURRENCY and i + 1 < len(words) and words[i + 1].isdigit() for i, w in enumerate(words)),
        )


def _undenied(found: list[Match[str]]) -> list[Match[str]]:
    """The scorecard's phrases that no negation denies; a negation inside a pseudo-negation ("not only")
    denies nothing."""
    pseudo = [f for f in found if f.key == "pseudo"]
    negations = [f for f in found if f.key in _NEGATING and not any(_inside(f, p) for p in pseudo)]
    return [f for f in found if f.key not in (*_NEGATING, "pseudo") and not _negated(f, negations)]


def _inside(match: Match[str], outer: Match[str]) -> bool:
    return outer.first <= match.first and match.end <= outer.end


def _negated(match: Match[str], negations: list[Match[str]]) -> bool:
    """A negation in the four words before a phrase ("has no side effects"), or one said just after it
    ("is a myth"); never one inside the phrase itself ("non-addictive" is said, not denied)."""
    return any(
        n.end <= match.first and match.first - n.end < 4
        if n.key == "negation"
        else match.end <= n.first and n.first - match.end < 4
        for n in negations
    )


def _is_number(word: str) -> bool:
    return word.isdigit() or word in _NUMBER_WORDS


def _figures(words: list[str], kinds: list[Match[str]]) -> tuple[str, ...]:
    """Each figure said ("3 in 10", "40%", "2 points", "twice as likely"), absolute or relative: a ratio,
    points or an absolute phrase make it absolute; a relative word within four words after it
    ("40% lower", "3 times more") makes it relative; a bare percentage is taken as absolute."""
    found = [("absolute", f.first) for f in kinds if f.key == "absolute" and words[f.first] in ("number", "nnt")]
    for i, word in enumerate(words[:-1]):
        kind = (
            _figure_kind(words[i + 1 : i + 4], [f.key for f in kinds if i < f.first <= i + 4])
            if _is_number(word)
            else None
        )
        if kind:
            found.append((kind, i))
    return tuple(kind for kind, _i in sorted(found, key=lambda k: k[1]))


def _figure_kind(after: list[str], near: list[str]) -> str | None:
    """What a number followed by `after` is: an absolute or a relative figure, or None (no figure)."""
    ratio = (after[0] == "in" and len(after) > 1 and _is_number(after[1])) or after[:2] in (
        ["out", "of"],
        ["of", "every"],
    )
    points = after[0] == "points" or after[:2] == ["percentage", "points"]
    percent = after[0] in ("%", "percent") or after[:2] == ["per", "cent"]
    times = after[0] == "times"
    if not (ratio or points or percent or times):
        return None
    if ratio or points or "absolute" in near:
        return "absolute"
    return "relative" if times or "relative" in near else "absolute"


# -- the article -----------------------------------------------------------------------------------


class _Said(NamedTuple):
    line: int
    text: str
    marks: Marks
    about: bool  # a finding speaks of a catalogued treatment in it
    heading: bool


def score(result: CheckResult, signals: Signals, catalogue: m.Catalogue, reader: Reader | None = None) -> list[Line]:
    """The scorecard of a checked article: one line per criterion, then those that need a reader."""
    reader = reader or Reader(signals)
    about = {(f.line, f.text) for f in result.findings}
    said = [
        _Said(s.line, s.text, reader.marks(s.text), (s.line, s.text) in about, p.is_heading)
        for p in result.article.paragraphs
        for s in p.sentences
    ]
    names = {t.id: t.name for t in catalogue.treatments}
    lines = [
        _costs(said),
        _benefits_in_numbers(said),
        _harms(said),
        _harms_in_numbers(said),
        _simple("evidence", said, "evidence", "no trial, review, study or certainty mentioned"),
        _alternatives(said, result, names),
        _sources(said),
        _balance(said, result, names),
        _red_flags(said),
        _commercial(said),
    ]
    return lines + [
        Line(c, label, rubric, NEEDS_A_READER, "the text cannot show it") for c, label, rubric in FOR_A_READER
    ]


def _criterion(criterion: str, status: str, evidence: str, line: int | None = None) -> Line:
    _id, label, rubric = next(c for c in CRITERIA if c[0] == criterion)
    return Line(criterion, label, rubric, status, evidence, line)


def _sentences(count: int) -> str:
    return f"{count} sentence" if count == 1 else f"{count} sentences"


def _quote(s: _Said) -> str:
    text = s.text if len(s.text) <= 160 else s.text[:157].rsplit(" ", 1)[0] + " ..."
    return f'line {s.line}: "{text}"'


def _first(said: list[_Said], test: Callable[[_Said], bool]) -> _Said | None:
    """The first sentence that passes, one in a paragraph before a heading."""
    found = next((s for s in said if not s.heading and test(s)), None)
    return found or next((s for s in said if s.heading and test(s)), None)


def _simple(criterion: str, said: list[_Said], family: str, none: str) -> Line:
    found = _first(said, lambda s: family in s.marks.families)
    if found is None:
        return _criterion(criterion, NOT_MET, none)
    return _criterion(criterion, MET, _quote(found), found.line)


def _costs(said: list[_Said]) -> Line:
    found = _first(said, lambda s: "costs" in s.marks.families or s.marks.price)
    if found is None:
        return _criterion("costs", NOT_MET, "no cost, price or insurance mentioned")
    return _criterion("costs", MET, _quote(found), found.line)


def _benefits_in_numbers(said: list[_Said]) -> Line:
    benefits = [s for s in said if s.about and "benefits" in s.marks.families]
    if not benefits:
        return _criterion("benefits-in-numbers", NOT_APPLICABLE, "no benefit is claimed")
    absolute = _first(benefits, lambda s: "absolute" in s.marks.figures)
    if absolute is not None:
        return _criterion("benefits-in-numbers", MET, _quote(absolute), absolute.line)
    relative = _first(benefits, lambda s: "relative" in s.marks.figures)
    if relative is not None:
        return _criterion("benefits-in-numbers", NOT_MET, f"only relative figures, {_quote(relative)}", relative.line)
    return _criterion(
        "benefits-in-numbers", NOT_MET, f"no figure in the {_sentences(len(benefits))} claiming a benefit"
    )


def _harms(said: list[_Said]) -> Line:
    """A harm said of a treatment the article speaks of (not "pain can result from nerve damage")."""
    return _simple("harms", [s for s in said if s.about], "harms", "no harm, side effect or risk of a treatment")


def _harms_in_numbers(said: list[_Said]) -> Line:
    harms = [s for s in said if s.about and "harms" in s.marks.families]
    found = _first(harms, lambda s: bool(s.marks.figures))
    if found is not None:
        return _criterion("harms-in-numbers", MET, _quote(found), found.line)
    if not harms:
        return _criterion("harms-in-numbers", NOT_MET, "no harm of a treatment is mentioned")
    return _criterion("harms-in-numbers", NOT_MET, f"no figure in the {_sentences(len(harms))} mentioning harms")


def _alternatives(said: list[_Said], result: CheckResult, names: dict[str, str]) -> Line:
    named = list(dict.fromkeys(f.treatment for f in result.findings))
    if len(named) >= 2:
        shown = ", ".join(names[t] for t in named[:6]) + (", ..." if len(named) > 6 else "")
        return _criterion("alternatives", MET, f"{len(named)} catalogued treatments named: {shown}")
    usual = _first(said, lambda s: "usual-care" in s.marks.families)
    if usual is not None:
        return _criterion("alternatives", MET, _quote(usual), usual.line)
    return _criterion(
        "alternatives", NOT_MET, f"{len(named)} catalogued treatment named; no usual care or doing nothing"
    )


def _sources(said: list[_Said]) -> Line:
    cited = [s for s in said if "sources" in s.marks.families]
    if not cited:
        return _criterion("sources", NOT_MET, "no link, reference or named study")
    dated = _first(cited, lambda s: s.marks.year)
    if dated is None:
        return _criterion("sources", NOT_MET, f"cited but not dated, {_quote(cited[0])}", cited[0].line)
    return _criterion("sources", MET, _quote(dated), dated.line)


def _balance(said: list[_Said], result: CheckResult, names: dict[str, str]) -> Line:
    """Each treatment whose benefits a sentence claims has a harm or limit said in a sentence about it."""
    marks = {(s.line, s.text): s.marks for s in said}
    benefits: dict[str, bool] = {}
    for f in result.findings:
        families = marks[(f.line, f.text)].families if (f.line, f.text) in marks else frozenset()
        if "benefits" in families:
            benefits.setdefault(f.treatment, False)
    for f in result.findings:
        families = marks[(f.line, f.text)].families if (f.line, f.text) in marks else frozenset()
        if f.treatment in benefits and families & {"harms", "limits"}:
            benefits[f.treatment] = True
    if not benefits:
        return _criterion("balance", NOT_APPLICABLE, "no treatment's benefits are claimed")
    without = [names[t] for t, balanced in benefits.items() if not balanced]
    if without:
        return _criterion("balance", NOT_MET, f"benefits with no harm or limit said: {', '.join(without)}")
    return _criterion(
        "balance", MET, f"a harm or limit is said of each of the {len(benefits)} treatments whose benefits it claims"
    )


def _red_flags(said: list[_Said]) -> Line:
    counts: dict[str, int] = {}
    first: _Said | None = None
    for s in said:
        for word in s.marks.hype:
            counts[word] = counts.get(word, 0) + 1
            first = first or s
    if not counts:
        return _criterion("red-flags", MET, "none found")
    listed = ", ".join(f'"{w}"' + (f" ({n})" if n > 1 else "") for w, n in counts.items())
    return _criterion("red-flags", NOT_MET, listed, first.line if first else None)


def _commercial(said: list[_Said]) -> Line:
    selling = [s for s in said if "commercial" in s.marks.families or s.marks.price]
    if not selling:
        return _criterion("commercial", MET, "no booking call, price, 'our clinic' or affiliate wording")
    more = f" (and {len(selling) - 1} more)" if len(selling) > 1 else ""
    return _criterion("commercial", NOT_MET, f"selling: {_quote(selling[0])}{more}", selling[0].line)
