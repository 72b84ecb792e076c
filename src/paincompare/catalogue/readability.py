"""Reading grade of catalogue text (Flesch-Kincaid), so `validate` can hold short answers to plain words.

The test suite scores the long text with textstat; this small version needs no dictionary, so it can
run inside `validate` at no start-up cost. tests/test_readability.py keeps it close to textstat.
"""

from __future__ import annotations

import re

# The limit for one treatment's short answers taken together: school grade 9, about reading age 14,
# the same limit the test suite applies to each treatment's long text.
MAX_GRADE = 9.0

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """An estimate of a word's syllables: vowel groups, less a silent final e; numbers count one."""
    word = word.lower()
    if not word.isalpha():
        return 1 if word[:1].isdigit() else max(1, len(_VOWEL_GROUPS.findall(word)))
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if word.endswith(("ed", "es")) and count > 1 and word[-3:-2] not in ("t", "d", "s", "x", "z", "c", "g"):
        count -= 1
    return max(1, count)


def grade(text: str) -> float:
    """The Flesch-Kincaid grade of a text; 0 for text with no words."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text.strip() + " ")))
    total = sum(syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * total / len(words) - 15.59
