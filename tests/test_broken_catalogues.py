"""A corpus of broken catalogues (tests/broken/): each gives its own message at its own line, exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from paincompare import catalogue

BROKEN = Path(__file__).parent / "broken"

# file -> (line of the first problem, words the message must contain); line 0 = the whole file
EXPECTED = {
    "alias-bomb": (31, "expected text, got a list"),
    "alias-claimed-twice": (72, "the name 'first' is also used by 'alpha' (line 29)"),
    "anchor-and-alias": (35, "anchors and aliases (&name, *name) are not allowed"),
    "commercial-source-outside-cost": (56, "commercial sources may be cited for cost only"),
    "date-wrong-format": (71, "expected a date written YYYY-MM-DD, got '25/11/2026'"),
    "duplicate-field": (31, "duplicate field 'name' (first on line 30)"),
    "duplicate-source-id": (22, "duplicate source id 'test-review' (first on line 16)"),
    "duplicate-treatment-id": (72, "duplicate treatment id 'alpha' (first on line 29)"),
    "empty": (0, "the catalogue is empty"),
    "empty-evidence": (52, "must list at least one item"),
    "empty-text": (49, "must not be empty; write 'Not reported: <why>'"),
    "guideline-is-not-a-guideline": (62, "'test-review' is a systematic-review, not a guideline"),
    "impossible-date": (71, "'2026-02-30' is not a real date"),
    "mapping-key-not-text": (29, "missing required field 'name'"),
    "merge-key": (44, "unknown field '<<'"),
    "missing-required-field": (29, "missing required field 'invasiveness'"),
    "multiple-documents": (72, "expected a single document in the stream"),
    "not-utf8": (30, "not UTF-8 text"),
    "nul-byte": (30, "character U+0000 is not allowed"),
    "python-tag": (34, "how_given.route: expected text"),
    "review-policy-out-of-range": (6, "expected a whole number from 1 to 120, got '0'"),
    "schedule-outside-vocabulary": (40, "'VI' is not a US schedule; use one of: I, II, III, IV, V"),
    "source-without-author-or-publisher": (11, "needs 'authors' or 'publisher'"),
    "syntax-bad-indent": (30, "YAML syntax error: while parsing a block collection"),
    "syntax-unclosed-list": (32, "did not find expected ',' or ']'"),
    "tab-indentation": (30, "a tab is used for indentation; YAML needs spaces"),
    "top-level-list": (1, "the top level must be a mapping"),
    "unknown-field-typo": (44, "missing required field 'summary'"),
    "unresolved-source": (42, "unknown source 'test-reviw'; did you mean 'test-review'?"),
    "url-not-web": (20, "is not a web address; it must start with http:// or https://"),
    "value-outside-vocabulary": (39, "'extreme' is not an addiction level; use one of: none, low, moderate, high"),
    "wrong-shape": (33, "expected a mapping of fields (route, setting, sessions, sources)"),
    "yaml11-boolean": (34, "expected text, got a yes/no value ('no'); put the text in quotes"),
    "yaml11-float": (4, "expected text, got a number ('1.10')"),
    "yaml11-sexagesimal": (36, "expected text, got a whole number ('1:30')"),
    "yaml11-unquoted-date": (45, "expected text, got a date ('2024-01-05')"),
}


def test_the_corpus_is_complete():
    assert {p.stem for p in BROKEN.glob("*.yaml")} == set(EXPECTED)
    assert len(EXPECTED) >= 25


def test_the_base_they_were_made_from_is_valid():
    assert catalogue.problems_in(Path(__file__).parent / "fixtures" / "valid.yaml") == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_first_problem_names_the_line_and_the_fault(name):
    line, words = EXPECTED[name]
    problems = catalogue.problems_in(BROKEN / f"{name}.yaml")
    assert problems, "a broken catalogue passed"
    first = problems[0]
    assert first.line == line, str(first)
    assert words in first.message, str(first)
    assert str(first).startswith(f"{BROKEN / name}.yaml:{line}:" if line else f"{BROKEN / name}.yaml: ")


@pytest.mark.parametrize(
    "name", ["alias-bomb", "multiple-documents", "not-utf8", "tab-indentation", "unknown-field-typo"]
)
def test_through_the_installed_script_exit_1_and_no_traceback(run, name):
    path = BROKEN / f"{name}.yaml"
    for args in (["validate", str(path)], ["--catalogue", str(path), "list"]):
        result = run(*args)
        assert result.returncode == 1, result
        assert "Traceback" not in result.stderr
        shown = result.stdout + result.stderr
        assert f"{path}:{EXPECTED[name][0]}:" in shown
    assert run("--catalogue", str(path), "list").stdout == ""
