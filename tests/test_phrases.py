"""Whole-word phrase matching, word by word: what `check` finds names, signals and claims with."""

from __future__ import annotations

import pytest

from paincompare.check.phrases import Phrases, Words, leftmost_longest, normalised


def said(text: str) -> Words:
    return Words.of(normalised(text))


def find(phrases: Phrases, text: str) -> list:
    return leftmost_longest(phrases.every(said(text)))


def test_normalised_folds_case_quotes_and_hyphens():
    assert normalised("Non\u2011Addictive \u201cIV\u201d  Ketamine") == 'non addictive "iv" ketamine'


def test_the_leftmost_longest_phrase_wins_and_matches_do_not_overlap():
    names = Phrases([("nsaids", "oral"), ("topical nsaids", "topical"), ("nsaid gel", "gel")])
    found = find(names, "Topical NSAIDs beat NSAIDs.")
    assert [(m.first, m.end, m.key) for m in found] == [(0, 2, "topical"), (3, 4, "oral")]


@pytest.mark.parametrize(
    "text, found",
    [
        ("It is addictive.", True),
        ("addicts and addiction", True),
        ("an addict", True),
        ("the addit", False),
        ("readdiction", False),  # whole words only: the stem must start a word
    ],
)
def test_a_trailing_star_takes_any_ending(text, found):
    assert bool(find(Phrases([("addict*", "a")]), text)) is found


@pytest.mark.parametrize(
    "text, found",
    [
        ("no side effects at all", True),
        ("no side-effects", True),
        ("no side, effects", False),  # the words of a phrase must stand next to each other
        ("no. side effects", False),
        ("no side", False),
    ],
)
def test_a_phrase_is_its_words_side_by_side(text, found):
    assert bool(find(Phrases([("no side effects", "x")]), text)) is found


def test_punctuation_inside_a_phrase_is_kept_as_the_phrase_has_it():
    name = Phrases([("acetaminophen (paracetamol)", "acetaminophen")])
    assert find(name, "Acetaminophen (paracetamol) is cheap.")
    assert not find(name, "Acetaminophen is cheap.")


def test_stems_and_phrases_that_share_a_first_word_are_all_found_longest_first():
    phrases = Phrases([("work*", "stem"), ("works fast", "phrase"), ("fast", "word")])
    assert [(m.first, m.key) for m in phrases.every(said("It works fast"))] == [
        (1, "phrase"),
        (1, "stem"),
        (2, "word"),
    ]


def test_every_finds_overlapping_phrases_from_a_word_on():
    phrases = Phrases([("pain relief", "relief"), ("relief", "word")])
    text = said("no pain relief here, just relief")
    # punctuation marks are words of their own: the comma is word 4
    assert [(m.first, m.key) for m in phrases.every(text)] == [(1, "relief"), (2, "word"), (6, "word")]
    assert [m.first for m in phrases.every(text, since=3)] == [6]


def test_empty_and_repeated_phrases_are_ignored():
    phrases = Phrases([("", "a"), ("*", "b"), ("fast", "c"), ("Fast", "c")])
    assert [m.key for m in phrases.every(said("fast"))] == ["c"]
    assert Phrases([]).every(said("anything at all")) == []
