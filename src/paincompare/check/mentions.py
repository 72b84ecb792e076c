"""Reading one sentence: which treatments it names (names, plurals, possessives, brand names,
abbreviations the page defines, "it" carried over) and in which role (the subject, an example, the
thing compared with), the conditions it names, and the claims it makes (claims.py). Pure: the phrase
index is built once per catalogue and signal words, and nothing here does I/O.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from paincompare.catalogue import models as m
from paincompare.catalogue import scales
from paincompare.check import claims as claim_reader
from paincompare.check.claims import Claim, Tag
from paincompare.check.phrases import Match, Phrases, Words, leftmost_longest, normalised
from paincompare.check.signals import Signals

# -- the phrase index ------------------------------------------------------------------------------

_STRENGTH = re.compile(r"\b\d+(?:\.\d+)?\s*%\s*")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def name_variants(name: str) -> set[str]:
    """A name as pages write it: without its parenthesis or strength ("Capsaicin 8% patch" is a
    "capsaicin patch"), in the plural or singular ("TENS units", "opioid")."""
    plain = _STRENGTH.sub("", _PARENTHESIS.sub("", name)).strip()
    found = {name, plain} if plain else {name}
    for variant in list(found):
        last = variant.rsplit(None, 1)[-1]
        if not last.isalpha() or len(last) < 4:
            continue
        if last.endswith(("ch", "sh", "x")):
            found.add(variant + "es")
        elif last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 4:
            found.add(variant[:-1])
        elif not last.endswith("s"):
            found.add(variant + "s")
    return found


def _name_phrases(catalogue: m.Catalogue, signals: Signals) -> list[tuple[str, Tag]]:
    owners: dict[str, list[str]] = {}
    for t in catalogue.treatments:  # ids, names and aliases first: a variant never takes another's name
        for name in (t.id, t.name, *t.aliases):
            ids = owners.setdefault(normalised(name), [])
            if not ids:
                ids.append(t.id)
    for t in catalogue.treatments:
        for name in (t.name, *t.aliases):
            for variant in name_variants(name):
                owners.setdefault(normalised(variant), [t.id])
    for phrase in signals.generic:
        owners.pop(phrase, None)
    for phrase, members in signals.groups.items():
        ids = owners.setdefault(phrase, [])
        ids += [i for i in members if i not in ids]
    return [(phrase, Tag("name", ids=tuple(ids))) for phrase, ids in owners.items()]


def _condition_phrases(catalogue: m.Catalogue, signals: Signals) -> list[tuple[str, Tag]]:
    tagged = [(name, Tag("condition", c.id)) for c in catalogue.conditions.values() for name in (c.name, *c.synonyms)]
    return tagged + [(phrase, Tag("condition", c)) for phrase, c in signals.conditions]


def phrases(catalogue: m.Catalogue, signals: Signals) -> Phrases[Tag]:
    """Every phrase `check` looks for, in one set, so each sentence is read once."""
    families: dict[str, list[str]] = {}
    for phrase, family in signals.harms:
        families.setdefault(family, []).append(normalised(phrase))
    tagged = _name_phrases(catalogue, signals) + _condition_phrases(catalogue, signals)
    tagged += [(phrase, Tag("attribute", attribute)) for phrase, attribute in signals.attributes]
    tagged += [(phrase, Tag("claim", value, attribute)) for phrase, attribute, value in signals.claims]
    tagged += [(phrase, Tag("harm", family, "|".join(families[family]))) for phrase, family in signals.harms]
    tagged += [(phrase, Tag("cue", kind)) for phrase, kind in signals.cues]
    tagged += [
        (phrase, Tag("checked", t.id, position=i))
        for t in catalogue.treatments
        for i, claim in enumerate(t.claims)
        if claim.attribute
        for phrase in claim.match or ()
    ]
    return Phrases(tagged)


# -- one sentence, read ----------------------------------------------------------------------------

_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
PRONOUNS = {"it", "its", "this", "these", "they", "them", "their"}
# Words just before a name that make it only a comparison ("unlike opioids, ketamine ...")
_COMPARING = {
    *[("unlike",), ("than",), ("versus",), ("vs",), ("over",), ("avoid",), ("avoiding",), ("replace",)],
    *[("instead", "of"), ("compared", "with"), ("compared", "to"), ("alternative", "to"), ("alternatives", "to")],
    *[("rather", "than"), ("need", "for"), ("reliance", "on"), ("dependence", "on"), ("contrast", "to")],
    *[("stop", "taking"), ("stopped", "taking"), ("stopping",), ("quit",), ("quitting",), ("wean", "off")],
    *[("without",)],
}
# Words before a name that make it an example ("drugs like oxycodone"), or a passing mention, which
# is never what a sentence is about while the page has a subject ("associated with marijuana")
_EXAMPLE = {("like",), ("such", "as"), ("including",), ("e", ".", "g", ".")}
_PASSING = {("from",), ("off",), ("after",), ("associated", "with"), ("linked", "to"), ("found", "in")}
_MODIFIERS = {"prescription", "other", "traditional", "strong", "conventional", "common", "oral", "the", "a", "many"}


# The phrases above by their last word, with the role each gives: one look-up per name
_ROLE_BEFORE: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _role_given in [
    *((w, "compared") for w in _COMPARING),
    *((w, "example") for w in _EXAMPLE),
    *((w, "passing") for w in _PASSING),
]:
    _ROLE_BEFORE.setdefault(_words[-1], []).append((_words, _role_given))


class Mention(NamedTuple):
    match: Match[Tag]
    role: str  # subject | example | compared


class Read(NamedTuple):
    """One sentence, read: who it names and how, the conditions, claims and checked claims it makes."""

    said: Words
    mentions: list[Mention]
    spoken_of: list[str]  # attributes spoken of, read with the names taken out
    conditions: tuple[str, ...]
    claims: list[Claim]
    checked: set[tuple[str, int]]  # (treatment id, claim index) of each checked claim said and not denied
    pronoun: bool
    other_subject: bool  # it opens on another subject ("Surgery is rarely needed"): not the page's
    any_condition: bool  # "for appropriate conditions": the condition the record has best evidence for


def said_of(text: str) -> Words:
    """A sentence's words as matched: normalised, possessives dropped ("Massage's" is "massage")."""
    return Words.of(_POSSESSIVE.sub("", normalised(text)))


def read_sentence(said: Words, index: Phrases[Tag], abbreviations: dict[str, tuple[str, ...]]) -> Read:
    """What one sentence says: the treatments it names and in which role, the attributes and
    conditions it speaks of, the claims it makes and the checked claims it matches."""
    by_kind: dict[str, list[Match[Tag]]] = {}
    for match in index.every(said):
        by_kind.setdefault(match.key.kind, []).append(match)
    names = _names(said, by_kind.get("name", []), abbreviations)
    cues: dict[str, set[int]] = {}
    for cue in by_kind.get("cue", []):
        cues.setdefault(cue.key.value, set()).add(cue.first)
    conditions = tuple(dict.fromkeys(c.key.value for c in leftmost_longest(by_kind.get("condition", []))))
    return Read(
        said,
        [Mention(n, _role(said, n, cues.get("modifier", set()))) for n in names],
        _spoken_of(by_kind.get("attribute", []), names),
        conditions,
        [] if _asks(said) else claim_reader.read(said, by_kind, names, bool(conditions)),
        _checked(by_kind),
        _pronoun_first(said, names),
        not names and any(i < 3 for i in cues.get("other-subject", ())),
        bool(cues.get("some-condition")),
    )


def _names(said: Words, found: list[Match[Tag]], abbreviations: dict[str, tuple[str, ...]]) -> list[Match[Tag]]:
    """The names in a sentence, with the abbreviations the page has defined; any it defines are kept."""
    abbreviated = _abbreviated(said, abbreviations)
    names = leftmost_longest(sorted(found + abbreviated) if abbreviated else found)
    _define_abbreviations(said, names, abbreviations)
    return names


def _spoken_of(attributes: list[Match[Tag]], names: list[Match[Tag]]) -> list[str]:
    """The attributes a sentence speaks of, outside the names in it, in the scale's order."""
    name_words = {i for n in names for i in range(n.first, n.end)}
    spoken = {a.key.value for a in attributes if name_words.isdisjoint(range(a.first, a.end))}
    return sorted(spoken, key=scales.ATTRIBUTES.rank)


def _checked(by_kind: dict[str, list[Match[Tag]]]) -> set[tuple[str, int]]:
    """(treatment id, claim position) of each checked claim whose phrase the sentence says, undenied."""
    negations = [c for c in by_kind.get("cue", []) if c.key.value in ("negation", "negation-after")]
    return {(c.key.value, c.key.position) for c in by_kind.get("checked", []) if not _denied(c, negations)}


def _asks(said: Words) -> bool:
    """A question asserts nothing ("Is gabapentin addictive?")."""
    return bool(said.words) and said.words[-1] == "?"


def _pronoun_first(said: Words, names: list[Match[Tag]]) -> bool:
    """Whether "it", "this" or "they" comes before any name: the sentence speaks of the one before."""
    until = names[0].first if names else len(said.words)
    return not PRONOUNS.isdisjoint(said.words[:until])


def _denied(match: Match[Tag], negations: list[Match[Tag]]) -> bool:
    """A checked claim's phrase with a negation in the four words before it ("do not give lasting relief"),
    or one said after it ("FDA approved for nothing", "is a myth")."""
    return any(
        n.end <= match.first and match.first - n.end < 4
        if n.key.value == "negation"
        else match.end <= n.first and n.first - match.end < 4
        for n in negations
    )


def _abbreviated(said: Words, abbreviations: dict[str, tuple[str, ...]]) -> list[Match[Tag]]:
    if not abbreviations or abbreviations.keys().isdisjoint(said.words):
        return []
    return [Match(i, i + 1, Tag("name", ids=abbreviations[w])) for i, w in enumerate(said.words) if w in abbreviations]


def _define_abbreviations(said: Words, names: list[Match[Tag]], abbreviations: dict[str, tuple[str, ...]]) -> None:
    """ "radiofrequency ablation (RFA)": the page's own short name, known from here on."""
    words = said.words
    for n in names:
        if n.end + 2 < len(words) and words[n.end] == "(" and words[n.end + 2] == ")":
            short = words[n.end + 1]
            if short.isalpha() and 2 <= len(short) <= 6:
                abbreviations.setdefault(short, n.key.ids)


def _role(said: Words, name: Match[Tag], modifiers: set[int]) -> str:
    """How a name is said: the subject, an example or passing mention ("drugs like oxycodone",
    "THC-induced"), or what it is compared with."""
    after = name.end + (name.end < len(said.words) and said.words[name.end] == ")")
    if after in modifiers:
        return "passing"
    return _before_name(said, name.first)


def _before_name(said: Words, first: int) -> str:
    start = first
    while start > 0 and said.words[start - 1] in _MODIFIERS:
        start -= 1
    if start > 1 and said.words[start - 1] == "." and said.words[start - 2] == "vs":
        start -= 1
    if not start:
        return "subject"
    for words, role in _ROLE_BEFORE.get(said.words[start - 1], ()):
        if tuple(said.before(start, len(words))) == words:
            return role
    return "subject"
