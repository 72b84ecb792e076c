"""The list report: one row per treatment (or two on a narrow terminal), grouped as sorted, with what
the filters could not judge said under the table."""

from paincompare import findings, guidance, query
from paincompare.catalogue import models as m
from paincompare.catalogue import scales
from paincompare.render.report import Report
from paincompare.render.views.parts import (
    BRIEF_CAUTION_WORDS,
    CAUTION_WORDS,
    NO_WARNING,
    TITLES,
    Cells,
    References,
    Table,
    View,
    certainty,
    footer,
    words,
)
from paincompare.render.views.wording import (
    cost_tier,
    finding_lines,
    flag_level,
    lead_lines,
    onset_words,
    short_condition,
    situation_words,
    stance_lines,
    stances_in_words,
)

LIST_COLUMNS = ("Name", "What the evidence says", "Guidelines (UK; US)", "Addiction", "Onset, invasive, cost")
# The overview a terminal shows: one short value per column, a row in one line or two (table_format).
BRIEF_COLUMNS = ("Treatment", "Best finding", "Guidelines (UK; US)", "Addiction", "Onset", "Invasive", "Cost")
# The overview's size words where the benefit word itself would not say it in a narrow column.
BRIEF_SIZES = {"slight": "too small", "none": "none", "no-trials": "no trials"}
LIST_FIELDS = (
    "id",
    "name",
    "category",
    "condition",
    "finding",
    "benefit",
    "certainty",
    "comparator",
    "addiction",
    "control",
    "onset",
    "duration",
    "invasiveness",
    "cost",
    "guidelines",
    "group",
)


def list_view(report: Report, ascii_only: bool) -> View:
    refs = References(report.catalogue)
    rows, records, brief = [], [], []
    group_of = {t.id: g.label for g in report.groups for t in g.treatments}
    for t in report.treatments:
        shown = query.shown_finding(t, report.filters)
        stances = guidance.strongest_stances(report.catalogue, t, report.filters.conditions, report.region.code)
        rows.append(_full_row(report, t, shown, stances, refs, ascii_only))
        brief.append(_brief_row(report, t, shown, stances, ascii_only))
        records.append(
            [
                *_list_record(report, t, shown),
                stances_in_words(report.catalogue, stances),
                group_of.get(t.id) or "",
                *[flag_level(t, situations) for _text, situations in report.flags],
            ]
        )
    starts = _group_starts(report)
    flag_header = [f"What the sources say for: {'; '.join(text for text, _s in report.flags)}"] if report.flags else []
    columns = [_guideline_header(report) if c.startswith("Guidelines") else c for c in LIST_COLUMNS]
    brief_columns = [_guideline_header(report) if c.startswith("Guidelines") else c for c in BRIEF_COLUMNS]
    return View(
        kind=report.kind,
        title=TITLES[report.kind],
        lead=lead_lines(report),
        table=Table([*columns, *flag_header], rows, row_labels=False, groups=starts),
        records=([*LIST_FIELDS, *[f"flag: {text}" for text, _s in report.flags]], records),
        references=refs.lines(full=False),
        footer=footer(report),
        data={},
        after=not_judged_lines(report.not_judged, report.region.code),
        brief=None if report.wide else Table([*brief_columns, *flag_header], brief, row_labels=False, groups=starts),
    )


def _full_row(
    report: Report,
    t: m.Treatment,
    shown: m.Evidence | None,
    stances: list[m.GuidelineStance],
    refs: References,
    ascii_only: bool,
) -> list[list[str]]:
    """A treatment's row of the full table: name, finding, guidelines, addiction, facts, and what the
    sources say for each --flag."""
    region = report.region.code
    overview = report.filters.conditions is None
    return [
        [t.display_name(region)],
        finding_lines(report.catalogue, shown, refs, ascii_only, True, brief=True, overview=overview),
        stance_lines(report.catalogue, stances, refs),
        _addiction_lines(t, region),
        [
            f"Onset: {onset_words(t.onset)}",
            f"Invasive: {words(t.invasiveness.level)}",
            f"Cost: {words(cost_tier(t, region))}{_old_price(t, report)}",
        ],
        *([_flag_lines(report, t, refs)] if report.flags else []),
    ]


def _guideline_header(report: Report) -> str:
    """'Guidelines (UK; US)': the reader's country first."""
    first = report.region.code
    other = next(r for r in scales.READER_REGIONS if r != first)
    return f"Guidelines ({first.upper()}; {other.upper()})"


def _old_price(t: m.Treatment, report: Report) -> str:
    cost = t.cost_in(report.region.code)
    return " (an old price)" if cost is not None and query.price_is_stale(cost, report.catalogue.info) else ""


def _flag_lines(report: Report, t: m.Treatment, refs: References) -> list[str]:
    """Per situation asked about, what the sources say, firmest first; never silence read as safety."""
    lines = []
    for text, situations in report.flags:
        found = guidance.flagged(t, situations)
        if not found:
            lines.append(f"{text}: {NO_WARNING}.")
        for c in found:
            lines.append(
                refs.cite(f"{situation_words(refs.catalogue, c.when)}: {CAUTION_WORDS[c.level]}. {c.text}", c.sources)
            )
    return lines


def _brief_flags(report: Report, t: m.Treatment) -> str:
    parts = []
    for text, situations in report.flags:
        found = guidance.flagged(t, situations)
        parts.append(f"{text}: {BRIEF_CAUTION_WORDS[found[0].level] if found else 'none found'}")
    return "; ".join(parts)


def _group_starts(report: Report) -> dict[int, str]:
    """Where each labelled group of a sort begins, by row index."""
    starts, index = {}, 0
    for group in report.groups:
        if group.label:
            starts[index] = group.label[:1].upper() + group.label[1:]
        index += len(group.treatments)
    return starts


def not_judged_lines(not_judged: tuple[query.NotJudged, ...], region: str = "us") -> list[str]:
    """What each filter and sort could not judge, in words, so an absence is never read as an answer."""
    lines = []
    for entry in not_judged:
        names = _and_list([t.display_name(region) for t in entry.treatments])
        if entry.shown and entry.treatments:
            lines.append(f"Not ranked ({entry.option}), {entry.reason}: {names}; listed last, in a group of their own.")
        elif entry.treatments:
            lines.append(f"Not shown ({entry.option}), {entry.reason}: {names}.")
        elif not entry.shown:
            lines.append(f"{entry.option}: every treatment had a value to judge by; none was left out for want of one.")
    return lines


def _and_list(names: list[str]) -> str:
    """Names joined by semicolons, since a name may hold commas: 'Oral NSAIDs (ibuprofen, naproxen); Codeine'."""
    return "; ".join(names)


def _brief_row(
    report: Report, t: m.Treatment, shown: m.Evidence | None, stances: list[m.GuidelineStance], ascii_only: bool
) -> Cells:
    """One short value a column, for the overview on a terminal (the full row: --wide, or show)."""
    addiction = _brief_addiction(t, report.region.code)
    stance_words = "; ".join(f"{_body(report.catalogue, g.guideline)}: {words(g.stance)}" for g in stances)
    return [
        [t.display_name(report.region.code)],
        [_brief_finding(report, shown, ascii_only)],
        [stance_words or "none found"],
        [addiction],
        [onset_words(t.onset, brief=True)],
        [words(t.invasiveness.level)],
        [words(cost_tier(t, report.region.code))],
        *([[_brief_flags(report, t)]] if report.flags else []),
    ]


def _brief_addiction(t: m.Treatment, region: str) -> str:
    """'high (II)' in the US, 'high (A/2)' in the UK: the level and the region's strictest control."""
    risk = t.addiction_risk
    if region == "uk":
        uk = t.uk_control
        if uk is None or uk.act_class == "none":
            return words(risk.level)
        mark = "PSA" if uk.act_class == "psa" else "/".join(p for p in (uk.act_class, uk.schedule) if p)
        return f"{words(risk.level)} ({mark})"
    every = [p.us_schedule for p in risk.products or ()] + [risk.us_schedule]
    schedules = sorted({s for s in every if s is not None}, key=scales.US_SCHEDULES.rank)
    return words(risk.level) + (f" ({'/'.join(schedules)})" if schedules else "")


def _brief_finding(report: Report, e: m.Evidence | None, ascii_only: bool) -> str:
    if e is None:
        return "no finding"
    size = scales.BENEFITS.words[findings.sort_key(e)[0]]
    size = BRIEF_SIZES.get(size, size)
    text = size if e.certainty is None else f"{size} {certainty(e.certainty, ascii_only).split()[0]}"
    where = short_condition(report.catalogue, e.condition)
    if report.filters.conditions is None and not query.is_general(e):
        text += f", best: {where}"
    elif report.filters.conditions is not None:
        text += f", {where}"
    return text + (", during use" if query.is_during_use(e) else "")


def _body(catalogue: m.Catalogue, guideline: str) -> str:
    """A guideline's body, for a narrow column: 'NICE' of 'NICE NG193'."""
    return catalogue.sources[guideline].label().split()[0]


def _addiction_lines(t: m.Treatment, region: str) -> list[str]:
    risk = t.addiction_risk
    if region == "uk":
        return [words(risk.level), t.uk_control.words() if t.uk_control else "UK status not reported"]
    if risk.products:  # every product's schedule, so a class never hides its controlled product
        return [words(risk.level), risk.schedule_words().removeprefix("US ")]
    return [words(risk.level), *([f"Schedule {risk.us_schedule}"] if risk.us_schedule else [])]


def _list_record(report: Report, t: m.Treatment, shown: m.Evidence | None) -> list[str]:
    catalogue, region = report.catalogue, report.region.code
    risk = t.addiction_risk
    finding = [
        catalogue.conditions[shown.condition].name if shown else "",
        findings.statement(shown) if shown else "not reported",
        shown.benefit if shown else scales.NOT_REPORTED,
        (shown.certainty or "none") if shown else scales.NOT_REPORTED,
        shown.comparator if shown else "",
    ]
    control = (t.uk_control.words() if t.uk_control else "not reported") if region == "uk" else risk.us_schedule
    return [t.id, t.display_name(region), t.category, *finding, risk.level, control or "none", t.onset.speed] + [
        t.duration.length,
        t.invasiveness.level,
        cost_tier(t, region),
    ]
