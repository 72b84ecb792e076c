"""Broken catalogues, each made from tests/fixtures/valid.yaml by one change: its own message at its own line.

The expected line is computed from the change (the line where the marked text lands), never typed,
so a new field in the fixture moves every case with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paincompare import catalogue
from paincompare.catalogue import models as m
from paincompare.catalogue.shape import SHAPES

VALID = Path(__file__).parent / "fixtures" / "valid.yaml"
TEXT = VALID.read_text(encoding="utf-8")
# the fixture's whole how_given block, whatever fields it has
_HOW_GIVEN = TEXT[TEXT.index("    how_given:\n") + len("    how_given:\n") : TEXT.index("    addiction_risk:")]

# name -> (text to replace, its replacement, text marking the reported line (default: the
# replacement's first line), words the message must contain)
CASES: dict[str, tuple[str, str, str | None, str]] = {
    "alias-bomb": (
        "  - id: alpha\n    name: Alpha\n",
        "  - id: alpha\n    name: [a, b]\n",
        "name: [a, b]",
        "expected text, got a list",
    ),
    "anchor-and-alias": (
        "      route: By mouth",
        "      route: &r By mouth\n      setting: *r\n      setting2: At home",
        "      setting: *r",
        "anchors and aliases",
    ),
    "commercial-source-outside-cost": (
        "      short: Within days.\n      sources: [test-review]",
        "      short: Within days.\n      sources: [test-prices]",
        "sources: [test-prices]",
        "commercial sources may be cited for cost only",
    ),
    "date-wrong-format": (
        '    reviewed: "2026-11-01"',
        '    reviewed: "25/11/2026"',
        None,
        "expected a date written YYYY-MM-DD, got '25/11/2026'",
    ),
    "duplicate-field": (
        "    name: Alpha\n",
        "    name: Alpha\n    name: Beta\n",
        "name: Beta",
        "duplicate field 'name'",
    ),
    "duplicate-source-id": ("  test-prices:", "  test-review:", None, "duplicate source id 'test-review'"),
    "duplicate-condition-id": ("  low-back-pain:", "  chronic-pain:", None, "duplicate condition id 'chronic-pain'"),
    "empty-evidence": (
        "    evidence:\n      - condition",
        "    evidence: []\n    unused:\n      - condition",
        "evidence: []",
        "must list at least one item",
    ),
    "empty-text": (
        "      summary: Within days.",
        '      summary: ""',
        None,
        "must not be empty; write 'Not reported: <why>'",
    ),
    "guideline-is-not-a-guideline": (
        "      - guideline: test-guideline",
        "      - guideline: test-review",
        None,
        "'test-review' is a systematic-review, not a guideline",
    ),
    "impossible-date": (
        '    reviewed: "2026-11-01"',
        '    reviewed: "2026-02-30"',
        None,
        "'2026-02-30' is not a real date",
    ),
    "merge-key": ("      route: By mouth", "      <<: {route: By mouth}", None, "unknown field '<<'"),
    "missing-required-field": ("      basis: each-dose\n", "", "      length: hours", "missing required field 'basis'"),
    "python-tag": (
        "      route: By mouth",
        "      route: !!python/name:os.system",
        None,
        "how_given.route: expected text",
    ),
    "review-policy-out-of-range": (
        "  review_every_months: 12",
        "  review_every_months: 0",
        None,
        "expected a whole number from 1 to 120, got '0'",
    ),
    "schedule-outside-vocabulary": (
        "      us_schedule: null",
        '      us_schedule: "VI"',
        None,
        "'VI' is not a US schedule",
    ),
    "source-without-author-or-publisher": (
        "    authors: Doe J\n",
        "",
        "    title: A test review",
        "needs 'authors' or 'publisher'",
    ),
    "syntax-unclosed-list": (
        "    aliases: [first]",
        "    aliases: [first",
        "    category",
        "did not find expected ',' or ']'",
    ),
    "unknown-field-typo": (
        "      summary: Within days.",
        "      sumary: Within days.",
        "      speed: days",
        "missing required field 'summary'",
    ),
    "unresolved-source": (
        "      sources: [test-review]\n    addiction_risk",
        "      sources: [test-reviw]\n    addiction_risk",
        "test-reviw",
        "unknown source 'test-reviw'; did you mean 'test-review'?",
    ),
    "url-not-web": ("    url: https://example.org/review", "    url: example.org/review", None, "is not a web address"),
    "value-outside-vocabulary": (
        "      level: none\n      us_schedule",
        "      level: extreme\n      us_schedule",
        "level: extreme",
        "'extreme' is not an addiction level",
    ),
    "wrong-shape": (
        _HOW_GIVEN,
        "      - By mouth\n",
        None,
        f"expected a mapping of fields ({', '.join(f.name for f in SHAPES[m.HowGiven])})",
    ),
    "yaml11-boolean": (
        "      route: By mouth",
        "      route: no",
        None,
        "expected text, got a yes/no value ('no'); put the text in quotes",
    ),
    "yaml11-float": ('  version: "1"', "  version: 1.10", None, "expected text, got a number ('1.10')"),
    "yaml11-sexagesimal": (
        "      sessions: Daily",
        "      sessions: 1:30",
        None,
        "expected text, got a whole number ('1:30')",
    ),
    "yaml11-unquoted-date": (
        "      summary: Cheap.",
        "      summary: 2024-01-05",
        None,
        "expected text, got a date ('2024-01-05')",
    ),
    "tab-indentation": ("    name: Alpha", "\tname: Alpha", None, "a tab is used for indentation"),
    # the rules of the structured-evidence format
    "short-too-long": (
        "      short: Within days.",
        "      short: " + "word " * 21,
        None,
        "a short answer has at most 20 words",
    ),
    "short-missing": (
        "      short: Cheap.\n",
        "",
        "      tier: low\n      summary: Cheap.\n",
        "missing required field 'short'",
    ),
    "unknown-condition": (
        "      - condition: low-back-pain",
        "      - condition: low-bak-pain",
        None,
        "unknown condition 'low-bak-pain'; did you mean 'low-back-pain'?",
    ),
    "unknown-parent-condition": (
        "    parent: chronic-pain",
        "    parent: chronic-pian",
        None,
        "unknown condition 'chronic-pian'",
    ),
    "guideline-condition-unknown": (
        "        conditions: [chronic-pain]",
        "        conditions: [back]",
        None,
        "unknown condition 'back'",
    ),
    "benefit-outside-vocabulary": ("        benefit: small", "        benefit: huge", None, "'huge' is not a benefit"),
    "comparator-outside-vocabulary": (
        "        comparator: dummy",
        "        comparator: placebo",
        None,
        "'placebo' is not a comparator",
    ),
    "no-trials-with-certainty": (
        "        benefit: small",
        "        benefit: no-trials",
        "      - condition",
        "'no-trials' has no certainty to rate",
    ),
    "missing-certainty": ("        certainty: low\n", "", "      - condition", "missing required field 'certainty'"),
    "benefit-disagrees-with-number": (
        "        benefit: small",
        "        benefit: large",
        "      - condition",
        "benefit 'large' does not match a mean difference of -0.6",
    ),
    "interval-without-estimate": (
        "{points: -0.6, low: -1.0, high: -0.2}",
        "{points: -0.6, low: -0.5, high: -0.2}",
        "mean_difference",
        "the interval must hold the estimate",
    ),
    "half-an-interval": (
        "{points: -0.6, low: -1.0, high: -0.2}",
        "{points: -0.6, low: -1.0}",
        "mean_difference",
        "give both 'low' and 'high'",
    ),
    "number-is-text": (
        "{points: -0.6,",
        "{points: lots,",
        "mean_difference",
        "expected a number such as -0.5, got 'lots'",
    ),
    "responders-over-100": (
        "responders: {treatment: 40",
        "responders: {treatment: 140",
        None,
        "expected how many in 100, from 0 to 100, got 140",
    ),
    "other-treatment-unnamed": (
        "        comparator: dummy",
        "        comparator: other-treatment",
        "      - condition",
        "needs 'compared_with'",
    ),
    "product-hidden-by-its-class-level": (
        "      level: none\n      us_schedule: null\n      summary: Not controlled.",
        "      level: low\n      us_schedule: IV\n      summary: Not controlled.\n      products:\n"
        "        - {name: one, us_schedule: IV, level: moderate}\n        - {name: two, us_schedule: null, level: low}",
        None,
        "'level' must be the highest of its products' levels ('moderate')",
    ),
    "product-schedule-hidden": (
        "      level: none\n      us_schedule: null\n      summary: Not controlled.",
        "      level: low\n      us_schedule: null\n      summary: Not controlled.\n      products:\n"
        "        - {name: one, us_schedule: IV, level: low}\n        - {name: two, us_schedule: null, level: low}",
        None,
        "'us_schedule' must be the most restrictive of its products' schedules (IV)",
    ),
    "one-product": (
        "      level: none\n      us_schedule: null\n      summary: Not controlled.",
        "      level: low\n      us_schedule: null\n      summary: Not controlled.\n      products:\n"
        "        - {name: one, us_schedule: null, level: low}",
        None,
        "list at least two",
    ),
    "basis-outside-vocabulary": (
        "      basis: each-dose",
        "      basis: forever",
        None,
        "'forever' is not a duration basis",
    ),
}
# whole-file cases: (bytes, line, words)
WHOLE: dict[str, tuple[bytes, int, str]] = {
    "empty": (b"", 0, "the catalogue is empty"),
    "top-level-list": (b"- a\n- b\n", 1, "the top level must be a mapping"),
    "multiple-documents": (TEXT.encode() + b"---\nx: 1\n", TEXT.count("\n") + 1, "expected a single document"),
    "not-utf8": (TEXT.replace("Alpha", "Alph\udcff", 1).encode("utf-8", "surrogateescape"), 0, "not UTF-8 text"),
    "nul-byte": (TEXT.replace("Alpha", "Al\x00pha", 1).encode(), 0, "character U+0000 is not allowed"),
}


def broken(name: str) -> tuple[str, int, str]:
    """The broken text, the line its first problem must be reported at, and the message's words."""
    old, new, marker, words = CASES[name]
    assert TEXT.count(old) >= 1, f"{name}: the fixture no longer has {old!r}"
    changed = TEXT.replace(old, new, 1)
    at = TEXT.index(old)
    mark = marker if marker is not None else new.lstrip("\n").splitlines()[0]
    where = (
        changed.index(mark, max(0, changed.rfind("\n", 0, at))) if mark in changed[at:] else changed.rindex(mark, 0, at)
    )
    return changed, changed.count("\n", 0, where) + 1, words


def line_of(data: bytes, words: str) -> int:
    text = data.decode("utf-8", "replace")
    index = max(text.find("Alph\ufffd"), text.find("Al\x00pha"))
    return text.count("\n", 0, index) + 1


def test_the_base_they_are_made_from_is_valid():
    assert catalogue.problems_in(VALID) == []


def test_every_rule_of_the_new_format_has_a_case():
    assert len(CASES) + len(WHOLE) >= 45


@pytest.mark.parametrize("name", sorted(CASES))
def test_first_problem_names_the_line_and_the_fault(tmp_path, name):
    text, line, words = broken(name)
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    problems = catalogue.problems_in(path)
    assert problems, "a broken catalogue passed"
    first = problems[0]
    assert words in first.message, str(first)
    assert first.line == line, str(first)
    assert str(first).startswith(f"{path}:{line}:")
    if name == "unknown-field-typo":  # the typo itself is named too, with the field meant
        assert any("unknown field 'sumary'; did you mean 'summary'?" in p.message for p in problems)


@pytest.mark.parametrize("name", sorted(WHOLE))
def test_whole_file_faults(tmp_path, name):
    data, line, words = WHOLE[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(data)
    (first, *_rest) = catalogue.problems_in(path)
    assert words in first.message, str(first)
    expected = line if line or name == "empty" else line_of(data, words)
    assert first.line == expected, str(first)


@pytest.mark.parametrize("name", ["tab-indentation", "short-too-long"])  # before parsing, and a rule of the format
def test_through_the_installed_script_exit_1_and_no_traceback(script_run, tmp_path, name):
    text, line, _words = broken(name)
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    for args in (["validate", str(path)], ["--catalogue", str(path), "list"]):
        result = script_run(*args)
        assert result.returncode == 1, result
        assert "Traceback" not in result.stderr
        assert f"{path}:{line}:" in result.stdout + result.stderr
    assert script_run("--catalogue", str(path), "list").stdout == ""
