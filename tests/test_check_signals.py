"""check-signals.yaml is checked like a catalogue: a typo in any section is one FILE:LINE error that
names it, never a word silently ignored; the shipped file passes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from paincompare.check import signals as signal_words
from paincompare.errors import CatalogueError

SHIPPED = signal_words.FILE.read_text(encoding="utf-8")


def edited(tmp_path, old: str, new: str):
    """The shipped file with one edit, and the line the edit is on."""
    assert SHIPPED.count(old) >= 1, old
    text = SHIPPED.replace(old, new, 1)
    path = tmp_path / "signals.yaml"
    path.write_text(text, encoding="utf-8")
    start = text.index(new) + len(new) - len(new.lstrip("\n"))  # the edit's first line, not the newline before it
    return path, text[:start].count("\n") + 1


# (the edit, what the one error must say): a typo or a wrong kind of value in each section
TYPOS = {
    "a section's name": ("\ncues:\n", "\ncue:\n", "unknown field 'cue'; did you mean 'cues'?"),
    "an attribute": ("\n  addiction:\n    name:", "\n  addicton:\n    name:", "unknown field 'addicton'"),
    "an attribute's words": ("    words: [addict*", "    word: [addict*", "unknown field 'word'"),
    "a claim value": (
        "    cheap: [cheap, inexpensive",
        "    cheep: [cheap, inexpensive",
        "claims.cost: unknown field 'cheep'; did you mean 'cheap'?",
    ),
    "a harm family's words": ("  liver: [liver, hepat*]", "  liver: liver", "harms.liver: expected a list"),
    "a cue kind": ("  hedge: [", "  hedges: [", "cues: unknown field 'hedges'; did you mean 'hedge'?"),
    "a condition's words": ('  fibromyalgia: ["widespread pain", "fibromyalgia"]', "  fibromyalgia: []", "must list"),
    "a group's members": ('"otc painkillers": [acetaminophen', '"otc painkillers": [Acetaminophen', "not a valid id"),
    "the generic names": ("generic: [surgery,", "generic: [yes,", "expected text, got a yes/no value"),
    "a scorecard family": ("  hype: [", "  hyped: [", "scorecard: unknown field 'hyped'; did you mean 'hype'?"),
}


@pytest.mark.parametrize("section", TYPOS)
def test_a_typo_in_each_section_is_one_error_at_its_line(tmp_path, cat, section):
    old, new, message = TYPOS[section]
    path, line = edited(tmp_path, old, new)
    with pytest.raises(CatalogueError) as caught:
        signal_words.load(cat, path)
    problems = caught.value.problems
    at_edit = [p for p in problems if p.line == line]
    assert len(at_edit) == 1 and message in at_edit[0].message
    # a renamed required key is also missing under its right name; nothing else is reported
    assert all("missing required field" in p.message for p in problems if p.line != line)
    assert f"{path}:{line}:" in str(caught.value)


def test_a_missing_scorecard_family_is_named(tmp_path, cat):
    start = SHIPPED.index("  hype: [")
    end = SHIPPED.index("\n  commercial:", start)
    path = tmp_path / "signals.yaml"
    path.write_text(SHIPPED[:start] + SHIPPED[end + 1 :], encoding="utf-8")
    with pytest.raises(CatalogueError, match=re.escape("scorecard: missing required field 'hype'")):
        signal_words.load(cat, path)


def test_the_shipped_file_and_harmless_edits_pass(tmp_path, cat):
    assert signal_words.load(cat).scorecard
    # a new harm family and a new group are the file's own names: they need no code
    path, _ = edited(tmp_path, "  overdose: [overdos*]", "  overdose: [overdos*]\n  hair: [hair loss]")
    assert ("hair loss", "hair") in signal_words.load(cat, path).harms
    # a group whose members another catalogue lacks is dropped, not an error
    path, _ = edited(tmp_path, '"otc painkillers": [acetaminophen', '"otc painkillers": [not-in-this-catalogue')
    assert signal_words.load(cat, path).groups


def test_a_checked_file_comes_from_the_cache_the_second_time(tmp_path, cat, monkeypatch):
    path, _ = edited(tmp_path, "  overdose: [overdos*]", "  overdose: [overdos*, overdoses]")
    first = signal_words.load(cat, path)
    from paincompare.check import signal_reader

    monkeypatch.setattr(signal_reader.SignalsReader, "read", lambda self, root: pytest.fail("read again"))
    assert signal_words.load(cat, path) == first


def test_an_edited_rule_or_word_list_checks_the_file_afresh(tmp_path, monkeypatch):
    import os
    import shutil

    for name in signal_words._DECIDING_MODULES:
        shutil.copy(Path(signal_words.__file__).with_name(name), tmp_path / name)
    monkeypatch.setattr(signal_words, "__file__", str(tmp_path / "signals.py"))
    stamps = {signal_words._rules_stamp()}
    for name in signal_words._DECIDING_MODULES:
        os.utime(tmp_path / name, ns=(1, 1))
        stamps.add(signal_words._rules_stamp())
    assert len(stamps) == 1 + len(signal_words._DECIDING_MODULES)


def test_every_check_module_the_signals_reader_uses_is_in_the_stamp():
    import ast

    reader = Path(signal_words.__file__).with_name("signal_reader.py")
    used = {
        node.module.rsplit(".", 1)[1] + ".py"
        for node in ast.walk(ast.parse(reader.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("paincompare.check.")
    }
    assert used | {"signal_reader.py"} == set(signal_words._DECIDING_MODULES)


def test_check_with_a_broken_signals_file_says_where_and_exits_1(tmp_path, run, monkeypatch):
    from conftest import ARTICLES

    path, line = edited(tmp_path, "  hedge: [", "  hedges: [")
    monkeypatch.setattr(signal_words, "FILE", path)
    result = run("check", str(ARTICLES / "origin-ketamine-clinic.txt"))
    assert result.code == 1 and result.stdout == ""
    assert f"{path}:{line}:" in result.stderr and "Traceback" not in result.stderr
