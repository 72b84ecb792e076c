"""Reads what one sentence asserts: each claim as (attribute, value, negated, hedged), from the
phrases found in it (check-signals.yaml), with NegEx/ConText-style scope.

A negation ("does not", "no", "without", "lacks", "unlikely to") turns round a claim that follows
it within six words of the same clause; a pseudo-negation ("not only", "not to") is none; a hedge
("may", "can", "typically", "for some", "if") softens a claim within six words before it or four
after it; a clause ends at "but", "however", "although", a semicolon or a colon. What follows
"than" speaks of the compared treatment, so it is no claim about the subject.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from paincompare.check.phrases import Match, Words, leftmost_longest


class Tag(NamedTuple):
    """What a phrase found in a sentence stands for."""

    kind: str  # name | attribute | claim | harm | cue | condition | checked
    value: str = ""  # attribute, claim value, harm family, cue kind, condition id, or a checked claim's treatment
    attribute: str = ""  # claim: the attribute its value is on
    ids: tuple[str, ...] = ()  # name: the treatment ids it names
    position: int = 0  # checked: the claim's index in its record


class Claim(NamedTuple):
    attribute: str
    value: str
    words: str  # the words that assert it, as the sentence says them (normalised)
    first: int  # the word it starts at
    negated: bool
    hedged: bool
    harms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # safety "harm": (family, the words that name it)
    surgery: bool = False  # "less invasive than surgery": compared with an operation in general

    def meaning(self) -> str:
        """The value in words, as an explanation gives it."""
        said = _MEANINGS.get((self.attribute, self.value), self.value.replace("-", " "))
        if self.harms:
            said = "can cause " + ", ".join(family for family, _words in self.harms)
        return ("not " if self.negated else "") + ("hedged, " if self.hedged else "") + said


_MEANINGS = {
    ("addiction", "none"): "no addiction risk",
    ("addiction", "risk"): "a risk of addiction",
    ("addiction", "lower"): "a lower addiction risk",
    ("onset", "immediate"): "within minutes",
    ("onset", "fast"): "within minutes or hours",
    ("onset", "days"): "within days",
    ("onset", "weeks"): "after weeks",
    ("onset", "slow"): "after weeks or months",
    ("duration", "lasting"): "months or longer",
    ("duration", "short"): "weeks or less",
    ("duration", "cure"): "a cure",
    ("safety", "none"): "no side effects",
    ("safety", "mild"): "only mild side effects",
    ("safety", "few"): "side effects are few or rare",
    ("safety", "safe"): "safe",
    ("safety", "scoped-safe"): "safe, within a stated use",
    ("effectiveness", "works"): "it works",
    ("effectiveness", "strong"): "it works well, proven",
    ("effectiveness", "structural"): "it repairs tissue",
    ("effectiveness", "unproven"): "the evidence is lacking",
    ("effectiveness", "sparing"): "less use of other medicines",
    ("effectiveness", "other"): "an outcome other than pain",
    ("invasiveness", "none"): "non-invasive",
    ("invasiveness", "minimal"): "minimally invasive",
    ("invasiveness", "office"): "an office procedure",
    ("invasiveness", "less"): "less invasive",
    ("approval", "otc"): "sold without a prescription",
}
_WINDOW_BEFORE, _WINDOW_AFTER = 6, 4
_MARK = re.compile(r"\W")  # a punctuation mark, which does not count as a word in a window
_UNITS = {"minute": "minutes", "hour": "hours", "day": "days", "week": "weeks", "month": "months", "year": "years"}
LASTING = frozenset(  # words after which a number of weeks or months is how long relief lasts
    ("last", "lasts", "lasted", "lasting", "maintain", "maintains", "maintained")
)
_NUMBER = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|few|several|many)$")
_SURGERY = ("surgery", "surgical", "operation", "surgeries")


class _Scope:
    """The cues of one sentence, and the scope rules that read them."""

    def __init__(self, said: Words, cues: list[Match[Tag]], claimed: list[Match[Tag]]) -> None:
        self.said = said
        self.by_kind: dict[str, list[Match[Tag]]] = {}
        for cue in cues:
            self.by_kind.setdefault(cue.key.value, []).append(cue)
        self.ends = [c.first for c in self.by_kind.get("end", ())]
        # a negation that is a pseudo-negation ("not only"), or part of a claim's own words ("non-invasive",
        # "no side effects"), turns nothing else round
        taken = {i for p in (*self.by_kind.get("pseudo", ()), *claimed) for i in range(p.first, p.end)}
        for kind in ("negation", "negation-after") if taken else ():
            self.by_kind[kind] = [c for c in self.by_kind.get(kind, ()) if c.first not in taken]

    def has(self, kind: str) -> bool:
        return kind in self.by_kind

    def _near(self, a: int, b: int, window: int) -> bool:
        """Whether words a..b are in one clause, with fewer than `window` words (not marks) between."""
        if any(a <= e < b for e in self.ends):
            return False
        return sum(1 for w in self.said.words[a:b] if not _MARK.match(w)) < window

    def before(self, kind: str, first: int, window: int = _WINDOW_BEFORE) -> bool:
        return any(c.end <= first and self._near(c.end, first, window) for c in self.by_kind.get(kind, ()))

    def after(self, kind: str, end: int) -> bool:
        return any(end <= c.first and self._near(end, c.first, _WINDOW_AFTER) for c in self.by_kind.get(kind, ()))

    def negated(self, first: int, end: int) -> bool:
        said = self.before("negation", first) or self.after("negation-after", end)
        return said and not self._partly(first)

    def hedged(self, first: int, end: int) -> bool:
        return self.before("hedge", first) or self.after("hedge", end) or self._partly(first)

    def _partly(self, first: int) -> bool:
        """ "It does not work for everyone": a negation of "everyone" says "not for some", a hedge."""
        return any(self._near(min(c.first, first), max(c.first, first), 99) for c in self.by_kind.get("universal", ()))

    def compared_part(self, first: int) -> bool:
        """Whether the words are said of the compared treatment: after "than" in the same clause."""
        return self.before("than", first, window=len(self.said.words))


def read(
    said: Words, matches: dict[str, list[Match[Tag]]], names: list[Match[Tag]], about_condition: bool
) -> list[Claim]:
    """The claims a sentence makes, in the order it makes them, from the phrases found in it by kind."""
    by_kind = {kind: matches.get(kind, []) for kind in ("claim", "harm", "cue")}
    if not by_kind["claim"] and not by_kind["harm"] and LASTING.isdisjoint(said.words) and "for" not in said.words:
        return []
    scope = _Scope(said, by_kind["cue"], by_kind["claim"])
    claims = _phrase_claims(said, by_kind["claim"], names, scope)
    claims += _lasting_for(said, scope, claims)
    claims += _within(said, scope, claims)
    claims += _harms(said, by_kind["harm"], scope, claims)
    return sorted(_fit(claims, scope, said, about_condition), key=lambda c: c.first)


def _phrase_claims(said: Words, found: list[Match[Tag]], names: list[Match[Tag]], scope: _Scope) -> list[Claim]:
    """A claim for each claim phrase, longest first within an attribute, unless it is part of a name,
    part of another attribute's longer phrase, or said of the thing compared with."""
    named = {i for n in names for i in range(n.first, n.end)}
    attributes = {m.key.attribute for m in found}
    claims = []
    for attribute in attributes:
        for match in leftmost_longest([m for m in found if m.key.attribute == attribute]):
            inside = len(attributes) > 1 and _inside_another(match, found)
            if not inside and named.isdisjoint(range(match.first, match.end)) and not scope.compared_part(match.first):
                claims.append(_claim(said, match, scope))
    return claims


def _inside_another(match: Match[Tag], others: list[Match[Tag]]) -> bool:
    """Whether a phrase lies inside a longer one of another attribute ("no risk" in "no risk of addiction")."""
    return any(
        o.first <= match.first and match.end <= o.end and o.end - o.first > match.end - match.first for o in others
    )


def _claim(said: Words, match: Match[Tag], scope: _Scope) -> Claim:
    words = " ".join(said.words[match.first : match.end])
    rest = said.words[match.end :]
    after_than = rest[rest.index("than") + 1 :][:8] if "than" in rest else []
    return Claim(
        match.key.attribute,
        match.key.value,
        words,
        match.first,
        scope.negated(match.first, match.end),
        scope.hedged(match.first, match.end),
        surgery=any(w.startswith(_SURGERY) for w in after_than),
    )


def _fit(claims: list[Claim], scope: _Scope, said: Words, about_condition: bool) -> list[Claim]:
    """Claims whose words need company: speed and length need relief spoken of, fewer medicines
    need a reducing word, and "it helps" with sleep or mood is outside the pain the record measures."""
    relief = scope.has("relief")
    other = scope.has("other-outcome") and not about_condition and "pain" not in said.words
    return [
        c._replace(value="other") if other and c.attribute == "effectiveness" and c.value in _BENEFIT else c
        for c in claims
        if not _lacks_company(c, relief, scope, said)
    ]


_BENEFIT = ("works", "strong", "may")


def _lacks_company(c: Claim, relief: bool, scope: _Scope, said: Words) -> bool:
    if c.attribute == "onset":
        return not relief
    if c.attribute == "duration" and c.words.startswith("for ") and not _of_relief(said.words, c.first):
        return True  # "patients who have suffered for years" says how long the pain lasted
    if c.attribute == "duration":
        return c.value not in ("cure", "lasting") and not relief
    return c.value == "sparing" and not scope.has("reducing")


_SOON = {"minutes": "immediate", "hours": "fast", "days": "days", "weeks": "weeks", "months": "slow"}


def _within(said: Words, scope: _Scope, claims: list[Claim]) -> list[Claim]:
    """ "relief within 24 hours", "works in 30 minutes": a speed in numbers, when relief is spoken of."""
    if any(c.attribute == "onset" for c in claims) or not scope.has("relief"):
        return []
    words = said.words
    for i, word in enumerate(words[:-2]):
        if word in ("within", "in", "after") and _NUMBER.match(words[i + 1]):
            unit = _UNITS.get(words[i + 2].rstrip("s"), "")
            if unit in _SOON:
                return [Claim("onset", _SOON[unit], " ".join(words[i : i + 3]), i, scope.negated(i, i + 3), False)]
    return []


def _lasting_for(said: Words, scope: _Scope, claims: list[Claim]) -> list[Claim]:
    """ "lasts three months", "relief for up to 12 weeks": a length in numbers after a lasting word."""
    if any(c.attribute == "duration" for c in claims):
        return []
    words = said.words
    relief = scope.has("relief")
    for i, word in enumerate(words):
        if word not in LASTING and not (relief and word == "for" and _of_relief(words, i)):  # "relief for 12 weeks"
            continue
        for j in range(i + 1, min(i + 6, len(words))):
            unit = _UNITS.get(words[j].rstrip("s"))
            if unit and _NUMBER.match(words[j - 1]):
                return [Claim("duration", unit, " ".join(words[i : j + 1]), i, scope.negated(i, j + 1), False)]
    return []


# Words just before "for <a length>" that make the length how long relief lasts
_RELIEF_FOR = frozenset(
    "relief relieve relieves last lasts lasted lasting results benefit benefits effect effects improvement "
    "improvements better free maintained help helps works work".split()
)


def _of_relief(words: list[str], at: int) -> bool:
    """Whether "for" at word `at` follows a word of relief ("relief for months", not "pain for years")."""
    return at > 0 and words[at - 1] in _RELIEF_FOR


def _harms(said: Words, harms: list[Match[Tag]], scope: _Scope, claims: list[Claim]) -> list[Claim]:
    """The harms a sentence names, as one claim of harms said and one of harms denied."""
    taken = {i for c in claims if c.attribute == "safety" for i in range(c.first, c.first + len(c.words.split()))}
    said_harms: dict[bool, dict[str, tuple[str, ...]]] = {True: {}, False: {}}
    first: dict[bool, int] = {}
    for match in leftmost_longest(harms):
        if match.first in taken or scope.before("reducing", match.first):
            continue  # "less likely to cause stomach problems": a comparison the record cannot judge
        negated = scope.negated(match.first, match.end)
        said_harms[negated].setdefault(match.key.value, tuple(_stems(match.key.attribute)))
        first.setdefault(negated, match.first)
    return [
        Claim(
            "safety",
            "harm",
            _around(said, first[n]),
            first[n],
            n,
            scope.hedged(first[n], first[n] + 1),
            tuple(found.items()),
        )
        for n, found in said_harms.items()
        if found
    ]


def _around(said: Words, first: int) -> str:
    return " ".join(said.words[first : first + 4])


def _stems(words: str) -> list[str]:
    """The family's words as the record's text is searched for them ("infection*" -> "infection")."""
    return [w.rstrip("*") for w in words.split("|")]
