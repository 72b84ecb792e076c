"""Whole-word phrase matching for `paincompare check`, word by word, with no regular expression to build.

A 100 KB article has about 2,000 sentences, each matched against some 800 phrases: treatment
names, signal words, claims' match phrases and absolute words. One big alternation per phrase set
cost about 15 ms to compile at every start and was tried at every character; here each sentence is
split into words once and every phrase is in one index by its first words, so a sentence costs a
few dict look-ups per word (bench/run.py, k/c).

Text is matched as `normalised` gives it: case folded, curly quotes straight, hyphens and dashes
as spaces. A phrase's last word may end in `*` to take any ending (`addict*`). Punctuation marks
count as words of their own, so the words of a phrase must stand next to each other with nothing
but spaces between them, unless the phrase itself has a mark there ("acetaminophen (paracetamol)").
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from typing import Generic, NamedTuple, TypeVar

K = TypeVar("K", bound=Hashable)

_WORD = re.compile(r"\w+(?:'\w+)*|[^\w\s]")  # a word, or one punctuation mark
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


def normalised(text: str) -> str:
    """Text as it is matched: case folded, curly quotes straight, hyphens and dashes as spaces."""
    return " ".join(text.casefold().translate(_FOLD).split())


class Words(NamedTuple):
    """A normalised text split into words and punctuation marks."""

    text: str
    words: list[str]

    @classmethod
    def of(cls, text: str) -> Words:
        return cls(text, _WORD.findall(text))

    def before(self, index: int, count: int, since: int = 0) -> list[str]:
        """Up to `count` words before word `index`, none before word `since`."""
        return self.words[max(since, index - count) : index]


class Match(NamedTuple, Generic[K]):
    first: int  # index of its first word
    end: int  # index after its last word
    key: K  # what the phrase stands for


class _Phrase(NamedTuple, Generic[K]):
    words: list[str]
    stem: bool  # the last word is a stem: it takes any ending
    key: K


class Phrases(Generic[K]):
    """A set of phrases, each standing for a key (a treatment id, an attribute, a claim).

    Indexed so that most words cost one or two dict look-ups: one-word phrases by the word,
    longer ones by their first two words (or by the first, when the second is a stem), stems
    by their first few letters.
    """

    def __init__(self, phrases: Iterable[tuple[str, K]]) -> None:
        self._words: dict[str, list[K]] = {}
        self._pairs: dict[tuple[str, str], list[_Phrase[K]]] = {}
        self._stemmed_pairs: dict[str, list[_Phrase[K]]] = {}  # two words, the second a stem: "side effect*"
        stems: list[_Phrase[K]] = []
        seen: set[tuple[str, K]] = set()
        for text, key in phrases:
            phrase = normalised(text)
            if not phrase.strip("* ") or (phrase, key) in seen:
                continue
            seen.add((phrase, key))
            stem = phrase.endswith("*")
            bare = phrase.rstrip("*")
            words = bare.split() if bare.replace(" ", "").isalnum() else Words.of(bare).words  # most are plain
            entry = _Phrase(words, stem, key)
            if len(words) == 1:
                if stem:
                    stems.append(entry)
                else:
                    self._words.setdefault(words[0], []).append(key)
            elif stem and len(words) == 2:
                self._stemmed_pairs.setdefault(words[0], []).append(entry)
            else:
                self._pairs.setdefault((words[0], words[1]), []).append(entry)
        for entries in self._pairs.values():  # the longest phrase first: leftmost-longest wins
            entries.sort(key=lambda e: len(e.words), reverse=True)
        self._prefix = min((len(e.words[0]) for e in stems), default=0)
        self._stems: dict[str, list[_Phrase[K]]] = {}
        for entry in stems:
            self._stems.setdefault(entry.words[0][: self._prefix], []).append(entry)
        # the words a phrase of two or more words starts with; and, for each word seen, what it starts
        self._pair_starts = frozenset(a for a, _b in self._pairs) | frozenset(self._stemmed_pairs)
        self._known: dict[str, tuple[bool, tuple[K, ...]]] = {}

    def every(self, said: Words, since: int = 0) -> list[Match[K]]:
        """Every phrase said from word `since` on, in order, overlaps included (longest first at a word)."""
        words, count, known = said.words, len(said.words), self._known
        found: list[Match[K]] = []
        for i in range(since, count):
            word = words[i]
            seen = known.get(word)
            if seen is None:  # what a word can start, worked out once: an article repeats its words
                seen = known[word] = self._seen(word)
            if seen[0] and i + 1 < count:
                for entry in self._pairs.get((word, words[i + 1]), ()):
                    if _said_at(entry, said, i):
                        found.append(Match(i, i + len(entry.words), entry.key))
                for entry in self._stemmed_pairs.get(word, ()):
                    if _said_at(entry, said, i):
                        found.append(Match(i, i + 2, entry.key))
            if seen[1]:
                found += [Match(i, i + 1, key) for key in seen[1]]
        return found

    def _seen(self, word: str) -> tuple[bool, tuple[K, ...]]:
        """Whether a phrase of two or more words can start with a word, and the keys of the one-word
        phrases and stems it is."""
        return word in self._pair_starts, (*self._words.get(word, ()), *self._stemmed(word))

    def _stemmed(self, word: str) -> tuple[K, ...]:
        """The keys of the one-word stems a word starts with ("addict*" for "addictive")."""
        entries = self._stems.get(word[: self._prefix], ()) if self._prefix else ()
        return tuple(e.key for e in entries if word.startswith(e.words[0]))


def _said_at(entry: _Phrase[K], said: Words, i: int) -> bool:
    """Whether a phrase of two or more words is said from word i (its first two words may be known)."""
    n = len(entry.words)
    said_words = said.words[i : i + n]
    if len(said_words) < n:
        return False
    if entry.stem:
        return said_words[:-1] == entry.words[:-1] and said_words[-1].startswith(entry.words[-1])
    return said_words == entry.words


def leftmost_longest(matches: Iterable[Match[K]]) -> list[Match[K]]:
    """From `every`'s matches, the ones a reader sees: leftmost first, the longest where they overlap."""
    chosen: list[Match[K]] = []
    after = 0
    for match in matches:
        if match.first >= after:
            chosen.append(match)
            after = match.end
    return chosen
