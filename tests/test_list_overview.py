"""list as an overview that says what it does not know: what filters and sorts could not judge, like
compared with like, guidelines beside benefits, and a screen's worth of rows on a terminal."""

from __future__ import annotations

import json

import factory
import pytest
from conftest import BUNDLED

from paincompare import catalogue, guidance, query
from paincompare.render import OutputFormat, Report, ReportKind, render, views
from paincompare.terminal import OutputEnv

PIPE = OutputEnv(is_tty=False, width=None, colour=False, ascii_only=False)
HUMAN_FORMATS = ("table", "plain", "markdown", "csv", "html")


@pytest.fixture(scope="module")
def bundled():
    return catalogue.load(BUNDLED)


def ids(treatments):
    return [t.id for t in treatments]


# -- what a filter could not judge ------------------------------------------------------------------


def test_a_filter_names_what_it_could_not_judge_and_only_what_that_filter_hid(write_catalogue):
    path = write_catalogue(
        factory.treatment("quick", onset="minutes"),
        factory.treatment("unknown-pill", onset="not-reported"),
        factory.treatment("unknown-jab", onset="not-reported", category="interventional"),
        factory.treatment("slow", onset="weeks"),
    )
    cat = catalogue.load(path)
    filters = query.Filters(onset="hours")
    assert ids(query.select(cat.treatments, filters)) == ["quick"]
    [onset] = query.not_judged(cat.treatments, filters)
    assert (onset.field, onset.option, onset.shown) == ("onset", "--onset hours", False)
    assert ids(onset.treatments) == ["unknown-pill", "unknown-jab"]  # "slow" was judged: it is slower
    medicines = query.Filters(onset="hours", categories=("medication",))
    [only] = query.not_judged(cat.treatments, medicines)
    assert ids(only.treatments) == ["unknown-pill"], "a record another filter leaves out is not named"


def test_a_filter_with_nothing_unknown_says_it_judged_everything(bundled):
    [addiction] = query.not_judged(bundled.treatments, query.Filters(max_addiction="none"))
    assert addiction.treatments == () and addiction.option == "--max-addiction none"
    [line] = views.not_judged_lines((addiction,))
    assert "every treatment had a value to judge by" in line


def test_a_condition_names_the_treatments_with_no_finding_for_it(bundled):
    filters = query.Filters(conditions=guidance.match_conditions(bundled, "fibromyalgia"))
    [evidence] = query.not_judged(bundled.treatments, filters)
    shown = ids(query.select(bundled.treatments, filters))
    assert evidence.treatments and not set(ids(evidence.treatments)) & set(shown)
    assert len(shown) + len(evidence.treatments) == len(bundled.treatments)


def test_no_filter_no_lines():
    assert query.not_judged([], query.Filters()) == []


@pytest.mark.parametrize("fmt", HUMAN_FORMATS)
@pytest.mark.parametrize("option", [["--onset", "hours"], ["--onset", "weeks"], ["--max-addiction", "none"]])
def test_every_human_format_names_what_a_filter_could_not_judge(run, bundled, fmt, option):
    result = run("list", *option, "--format", fmt)
    assert result.code == 0, result.stderr
    [entry] = query.not_judged(bundled.treatments, query.Filters(**{option[0][2:].replace("-", "_"): option[1]}))
    flat = " ".join(result.stdout.split())
    for t in entry.treatments:
        assert t.name.split(" (")[0] in flat, (t.id, fmt)
    expected = "Not shown" if entry.treatments else "every treatment had a value"
    assert expected in flat


def test_a_narrow_pipe_stacks_the_list_and_keeps_its_groups(run):
    out = run("list", "--sort", "cost", COLUMNS="50").stdout
    assert "COST NOT REPORTED: NOT RANKED" in out and "┌" not in out


def test_ibuprofen_and_morphine_no_longer_vanish_from_a_fast_list_without_a_word(run, bundled):
    fast = run("list", "--onset", "hours", "--format", "json")
    data = json.loads(fast.stdout)
    shown = [t["id"] for t in data["treatments"]]
    [entry] = data["not_judged"]
    unjudged = [t for t in bundled.treatments if t.onset.speed == "not-reported"]
    for t in unjudged:
        assert t.id in entry["treatments"] and t.id not in shown
    assert entry == {**entry, "field": "onset", "option": "--onset hours", "shown": False}


def test_json_lists_every_filter_and_sort_asked_for(run):
    data = json.loads(run("list", "--max-addiction", "none", "--onset", "weeks", "--sort", "cost", "-f", "json").stdout)
    assert [e["option"] for e in data["not_judged"]] == ["--max-addiction none", "--onset weeks", "--sort cost"]
    assert [e["shown"] for e in data["not_judged"]] == [False, False, True]


def test_nothing_matching_still_names_what_was_not_judged(run):
    result = run("list", "--onset", "minutes", "--category", "surgical")
    assert result.code == 0 and result.stdout == ""
    assert "no treatment matches" in result.stderr and "onset not reported" not in result.stderr.split("\n")[0]


# -- sorting: what cannot be ranked is a group of its own -------------------------------------------


def test_a_sort_puts_not_reported_in_a_labelled_group_never_silently_last(write_catalogue):
    path = write_catalogue(
        factory.treatment("dear", cost="very-high"),
        factory.treatment("unpriced", cost="not-reported"),
        factory.treatment("cheap", cost="low"),
    )
    cat = catalogue.load(path)
    for reverse in (False, True):
        groups = query.sort_groups(list(cat.treatments), "cost", reverse)
        assert [g.label for g in groups] == [None, "cost not reported: not ranked"]
        assert ids(groups[-1].treatments) == ["unpriced"]
    assert ids(query.sort_groups(list(cat.treatments), "cost")[0].treatments) == ["cheap", "dear"]
    assert ids(query.sort(list(cat.treatments), "cost", reverse=True)) == ["dear", "cheap", "unpriced"]


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_the_unranked_group_is_labelled_in_the_table(run, fmt):
    out = run("list", "--sort", "cost", "--format", fmt).stdout
    assert "Cost not reported: not ranked" in out
    assert out.index("Cost not reported: not ranked") < out.index("Acetaminophen")


@pytest.mark.parametrize("fmt", ["plain", "csv"])
def test_scripts_get_the_group_of_each_row_and_the_note(run, fmt):
    out = run("list", "--sort", "cost", "--format", fmt).stdout
    header = out.splitlines()[0]
    assert header.rstrip().endswith("group")
    assert "Not ranked (--sort cost), cost not reported" in out


# -- ranking like with like ---------------------------------------------------------------------------


def test_without_a_condition_a_finding_for_chronic_pain_as_a_whole_is_shown_first():
    general = factory.evidence("chronic-pain", "moderate", "small")
    special = factory.evidence("fibromyalgia", "moderate", "large")
    during = factory.evidence("chronic-pain", "moderate", "large", measured="during-use")
    cat_text = factory.dump(factory.catalogue(_with_evidence("x", [special, during, general])))
    t = catalogue.parse(cat_text, "test.yaml").treatments[0]
    shown = query.shown_finding(t, query.Filters())
    assert (shown.condition, shown.benefit, shown.measured) == ("chronic-pain", "small", None)
    fibro = query.Filters(conditions=frozenset({"fibromyalgia"}))
    assert query.shown_finding(t, fibro).benefit == "large"


def _with_evidence(tid, entries):
    record = factory.treatment(tid)
    record["evidence"] = entries
    return record


def test_benefit_ranks_findings_for_chronic_pain_apart_from_one_conditions_best(bundled):
    groups = query.sort_groups(list(bundled.treatments), "benefit")
    labels = [g.label for g in groups]
    assert labels[0] is None and query.BEST_FOR_ONE_CONDITION in labels and query.DURING_USE in labels
    main = groups[0].treatments
    for t in main:
        assert query.is_general(query.shown_finding(t, query.Filters()))
    during = next(g for g in groups if g.label == query.DURING_USE).treatments
    assert "tens" in ids(during), "a finding measured during use never heads the overview"
    first = main[0]
    assert first.id != "tens" and query.shown_finding(first, query.Filters()).measured is None


def test_with_a_condition_benefit_ranks_in_one_group_but_during_use_apart(bundled):
    filters = query.Filters(conditions=guidance.match_conditions(bundled, "back"))
    chosen = query.select(bundled.treatments, filters)
    labels = [g.label for g in query.sort_groups(chosen, "benefit", filters=filters)]
    assert query.BEST_FOR_ONE_CONDITION not in labels


def test_a_row_says_whose_condition_its_finding_is_for_and_when_it_was_measured(run):
    out = run("list", "--sort", "benefit", "--format", "plain").stdout
    assert "Best result, for" not in out  # plain keeps fields; the table says it in words
    table = run("list", "--sort", "benefit", COLUMNS="400").stdout
    assert "Best result, for neuropathic pain." in table
    assert "Measured during or right after use." in table
    assert table.index("Measured only during or right after use") > table.index("Best result for one condition")


# -- guidelines beside benefits -------------------------------------------------------------------------


def test_the_strongest_uk_and_us_stances_are_chosen_cautious_first(bundled):
    tens = query.resolve(bundled, "tens")
    stances = guidance.strongest_stances(bundled, tens, None)
    assert stances and stances[0].stance == "do-not-offer"
    assert bundled.sources[stances[0].guideline].region == "uk"
    nsaids = query.resolve(bundled, "ibuprofen")
    regions = [bundled.sources[g.guideline].region for g in guidance.strongest_stances(bundled, nsaids, None, "uk")]
    assert regions == ["uk", "us"]


@pytest.mark.parametrize("fmt", [*HUMAN_FORMATS, "json"])
def test_tens_do_not_offer_is_visible_in_the_overview_in_every_format(run, fmt):
    out = run("list", "--sort", "benefit", "--format", fmt, COLUMNS="400").stdout
    if fmt == "json":
        tens = next(t for t in json.loads(out)["treatments"] if t["id"] == "tens")
        assert any(g["stance"] == "do-not-offer" for g in tens["guidelines"])
        return
    line = next(line for line in out.replace("<br>", "\n").splitlines() if "do not offer" in line and "NICE" in line)
    assert line
    assert "do not offer" in out[out.index("TENS") :]


def test_a_guideline_source_needs_a_region(tmp_path):
    data = factory.catalogue()
    del data["sources"]["test-guideline"]["region"]
    problems = catalogue.problems_in(factory.write(tmp_path, data))
    assert any("needs 'region'" in p.message for p in problems)


# -- a screen's worth on a terminal -----------------------------------------------------------------------


def _on_screen(cat, width, wide=False):
    groups = (query.Group(None, cat.treatments),)
    report = Report(ReportKind.LIST, cat, cat.treatments, groups=groups, wide=wide)
    return render(report, OutputFormat.TABLE, OutputEnv(is_tty=True, width=width, colour=False, ascii_only=False))


def _rows_of(text, cat):
    """Lines from the first treatment's row to the last's, and the count of treatments."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(cat.treatments[0].name[:10]))
    end = next(i for i, line in enumerate(lines) if line.startswith("For every field"))
    return lines[start:end]


@pytest.mark.parametrize("width, per_row", [(80, 2), (100, 2), (160, 1), (200, 1)])
def test_list_on_a_terminal_takes_at_most_two_lines_a_treatment(bundled, width, per_row):
    text = _on_screen(bundled, width)
    rows = _rows_of(text, bundled)
    assert len(rows) == per_row * len(bundled.treatments)
    assert max(len(line) for line in text.splitlines()) <= width


def test_the_overview_keeps_every_guideline_stance_and_fact_whole_at_80_columns(bundled):
    rows = _rows_of(_on_screen(bundled, 80), bundled)
    for index, t in enumerate(bundled.treatments):
        first, second = rows[2 * index], rows[2 * index + 1]
        assert first.startswith(t.name.split()[0]), (first, t.name)
        name_column = len(first) - len(first[first.index("  ") :].lstrip())
        assert "…" not in first[name_column:], first  # the guideline stances are never cut
        assert t.onset.speed.replace("-", " ") in second and t.cost.tier.replace("-", " ") in second


def test_wide_and_pipes_keep_the_full_table(bundled):
    full = _on_screen(bundled, 80, wide=True)
    assert "References" in full and "For every field" not in full and "…" not in full
    piped = render(
        Report(ReportKind.LIST, bundled, bundled.treatments, groups=(query.Group(None, bundled.treatments),)),
        OutputFormat.TABLE,
        PIPE,
    )
    assert "┌" in piped and max(len(line) for line in piped.splitlines()) <= 100


def test_a_cut_value_ends_with_an_ellipsis_at_a_word():
    from paincompare.render import boxes

    [line] = boxes.brief(["A", "B"], [["one two three four five six seven", "x"]], 30, ([0], [1]), keep=1)[1]
    assert line.startswith("one two three four five…") and line.endswith("  x") and len(line) <= 30
    assert boxes.brief(["A", "B"], [["short", "x"]], 40, ([0], [1]), keep=1)[1] == ["short  x"]
