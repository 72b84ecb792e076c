"""One neutral view per report kind (title, table, records, references, footer), drawn by every format.

Formats never look at treatments themselves: table, markdown and html draw `View.table`; plain and
csv write `View.records`; json writes `View.data`. `build` matches the report kind exhaustively, so
a new kind fails type-checking until it has a view, instead of rendering empty in some formats.
"""

# No "from __future__ import annotations": typing.NamedTuple would compile each string annotation
# (models.py says what it costs).

from typing import Any, NamedTuple, assert_never

from paincompare import findings, query
from paincompare import region as region_choice
from paincompare.catalogue import models as m
from paincompare.catalogue import shape
from paincompare.render.report import Report, ReportKind

CERTAINTY_SYMBOLS = {"high": "⊕⊕⊕⊕", "moderate": "⊕⊕⊕◯", "low": "⊕⊕◯◯", "very-low": "⊕◯◯◯"}
ASCII_CERTAINTY_SYMBOLS = {"high": "++++", "moderate": "+++o", "low": "++oo", "very-low": "+ooo"}
INVASIVENESS_MEANING = {
    "none": "no needles, cuts or implants",
    "minimal": "needles or a single injection",
    "moderate": "an image-guided procedure or a monitored drip into a vein",
    "major": "surgery or an implant",
}
ONSET_BASIS_WORDS = {"each-dose": "after one dose or session", "course": "from the start of a course"}
CAUTION_WORDS = {"do-not-use": "do not use", "ask-first": "ask a doctor or pharmacist first", "take-care": "take care"}
NO_WARNING = "no warning found in the sources read"
BRIEF_CAUTION_WORDS = {"do-not-use": "do not use", "ask-first": "ask first", "take-care": "take care"}
BASIS_WORDS = {
    "each-dose": "each dose or session",
    "after-course": "after a course ends",
    "while-continued": "while it is continued",
    "implant-or-surgery": "an implant or operation",
}

# The comparison's rows: the questions people ask, the same for every option (Option Grid).
ROWS: dict[str, str] = {
    "evidence": "How well does it work?",
    "relief": "How soon might it help, and for how long?",
    "onset": "How soon might it help?",
    "duration": "How long does relief last?",
    "side-effects": "Common side effects",
    "serious-harms": "Serious harms",
    "who": "Who should not use it, or with what?",
    "cautions": "Who should not use it?",
    "interactions": "What should it not be taken with?",
    "addiction": "Addiction or misuse?",
    "what": "How is it given, and how invasive?",
    "invasiveness": "How invasive is it?",
    "guidelines": "What do guidelines say?",
    "cost": "Can you get it, and what does it cost?",
    "claims": "Claims checked",
    "reviewed": "Record last checked",
}
IDENTITY_ROWS: dict[str, str] = {"id": "Id", "aliases": "Also called"}
# compare's questions when --rows is not given: the visit page's grid, kept to what prints on one
# page for four options. "relief" answers onset and duration together; the invasiveness word stands
# in "what"; claims and the review date are in show (and --rows).
COMPARE_ROWS = (
    "evidence",
    "relief",
    "side-effects",
    "serious-harms",
    "who",
    "addiction",
    "what",
    "guidelines",
    "cost",
)
# show: every question once, each in full ("relief" and "who" would repeat the rows they join).
SHOW_ROWS = ("id", "aliases", *(row for row in ROWS if row not in ("relief", "who")))
LIST_COLUMNS = ("Name", "What the evidence says", "Guidelines (UK; US)", "Addiction", "Onset, invasive, cost")
# The overview a terminal shows: one short value per column, a row in one line or two (table_format).
BRIEF_COLUMNS = ("Treatment", "Best finding", "Guidelines (UK; US)", "Addiction", "Onset", "Invasive", "Cost")
# The overview's size words: a column's worth of findings.BENEFIT_WORDS.
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
TITLES = {
    ReportKind.LIST: "Chronic pain treatments",
    ReportKind.COMPARE: "Comparison of chronic pain treatments",
    ReportKind.SHOW: "Chronic pain treatment",
    ReportKind.SOURCES: "Sources",
    ReportKind.CONDITIONS: "Conditions",
    ReportKind.CHECK: "Fact check",
}

Cells = list[list[str]]  # a row: each cell a list of lines


class Table(NamedTuple):
    header: list[str]
    rows: list[Cells]
    row_labels: bool  # the first column names each row (a grid's questions)
    groups: dict[int, str] = {}  # row index -> the label of the group that starts there (list sorts)


class Reference(NamedTuple):
    number: int
    text: str  # the full citation, or short name, year and address (grid views)
    url: str


class Passage(NamedTuple):
    """A paragraph of a checked article: its sentences, each with the numbers of the notes on it."""

    is_heading: bool
    sentences: list[tuple[str, list[int], str]]  # text, note numbers, the strongest verdict on it ("" if none)


class Note(NamedTuple):
    number: int
    verdict: str
    text: str  # "IV ketamine infusion, addiction: CONTRADICTED. ... [3, 4]"


class View(NamedTuple):
    """What one report shows, in no format yet."""

    kind: ReportKind
    title: str
    lead: list[str]  # lines before the table: what is shown, for which condition
    table: Table  # for people: table, markdown, html
    records: tuple[list[str], list[list[str]]]  # for scripts: header and rows of fields (plain, csv)
    references: list[Reference]  # numbered lines after the table
    footer: list[str]
    data: dict[str, Any]  # for json: built only when asked for (build's data_only), else empty
    passages: list[Passage] = []  # check: the article itself, for the annotated page (html)
    notes: list[Note] = []  # check: the numbered notes beside it
    after: list[str] = []  # lines after the table: what a filter or sort could not judge
    brief: Table | None = None  # list on a terminal: one short value a cell, drawn one or two lines a row


def words(value: str) -> str:
    """A scale word as prose: 'not-reported' -> 'not reported'."""
    return value.replace("-", " ")


def certainty(value: str | None, ascii_only: bool = False) -> str:
    """GRADE certainty as symbol plus word, never a colour alone."""
    if value is None:
        return "no trials to rate"
    symbols = ASCII_CERTAINTY_SYMBOLS if ascii_only else CERTAINTY_SYMBOLS
    return f"{symbols[value]} {words(value)}"


def quoted(text: str, ascii_only: bool) -> str:
    return f'"{text}"' if ascii_only else f"\u201c{text}\u201d"


class References:
    """Numbers each cited source in order of first use, so cells can say [1] and a list can follow."""

    def __init__(self, catalogue: m.Catalogue) -> None:
        self.catalogue = catalogue
        self.numbers: dict[str, int] = {}

    def mark(self, source_ids: tuple[str, ...] | list[str]) -> str:
        """'[3, 5-8]': the sources' numbers, runs of three or more joined by a dash."""
        for source_id in source_ids:
            self.numbers.setdefault(source_id, len(self.numbers) + 1)
        numbers = sorted({self.numbers[s] for s in source_ids})
        parts: list[str] = []
        start = 0
        for i in range(1, len(numbers) + 1):
            if i == len(numbers) or numbers[i] != numbers[i - 1] + 1:
                run = numbers[start:i]
                parts += [f"{run[0]}-{run[-1]}"] if len(run) >= 3 else [str(n) for n in run]
                start = i
        return "[" + ", ".join(parts) + "]"

    def cite(self, text: str, source_ids: tuple[str, ...] | list[str]) -> str:
        return f"{text} {self.mark(source_ids)}"

    def listing(self) -> list[tuple[int, m.Source]]:
        return [(n, self.catalogue.sources[s]) for s, n in self.numbers.items()]

    def lines(self, full: bool) -> list[Reference]:
        """One line per source: the full citation, or short name, year and address (grid views)."""
        if full:
            return [Reference(n, s.citation(), s.url) for n, s in self.listing()]
        return [Reference(n, f"{s.label()}, {s.year}. {s.url}", s.url) for n, s in self.listing()]


def footer(report: Report) -> list[str]:
    """The review date, funding, region and disclaimer that close every human format."""
    info = report.catalogue.info
    return [
        f"Catalogue: {info.title}, version {info.version}; reviewed {info.reviewed.isoformat()}, "
        f"next review due {info.next_review().isoformat()}.",
        f"Funding: {info.funding}",
        report.region.footer(),
        info.disclaimer,
    ]


def build(report: Report, ascii_only: bool = False, data_only: bool = False) -> View:
    """The report's view; every report kind has exactly one builder.

    `data_only` (for JSON) builds just the document: drawing the table's cells would be wasted work.
    """
    if data_only:
        return View(report.kind, TITLES[report.kind], [], Table([], [], False), ([], []), [], [], _data(report))
    match report.kind:
        case ReportKind.LIST:
            return _list_view(report, ascii_only)
        case ReportKind.COMPARE | ReportKind.SHOW:
            return _grid_view(report, ascii_only)
        case ReportKind.SOURCES:
            return _sources_view(report)
        case ReportKind.CONDITIONS:
            return _conditions_view(report)
        case ReportKind.CHECK:
            return _check_view(report)
        case _:
            assert_never(report.kind)


# -- list -----------------------------------------------------------------------------------------


def _list_view(report: Report, ascii_only: bool) -> View:
    refs = References(report.catalogue)
    filters = report.filters
    rows, records, brief = [], [], []
    group_of = {t.id: g.label for g in report.groups for t in g.treatments}
    for t in report.treatments:
        shown = query.shown_finding(t, filters)
        stances = query.strongest_stances(report.catalogue, t, filters.conditions, report.region.code)
        rows.append(
            [
                [t.display_name(report.region.code)],
                _finding_lines(
                    report.catalogue, shown, refs, ascii_only, True, brief=True, overview=filters.conditions is None
                ),
                _stance_lines(report.catalogue, stances, refs),
                _addiction_lines(t, report.region.code),
                [
                    f"Onset: {_onset_words(t.onset)}",
                    f"Invasive: {words(t.invasiveness.level)}",
                    f"Cost: {words(_cost_tier(t, report.region.code))}{_old_price(t, report)}",
                ],
                *([_flag_lines(report, t, refs)] if report.flags else []),
            ]
        )
        brief.append(_brief_row(report, t, shown, stances, ascii_only))
        records.append(
            [
                *_list_record(report, t, shown),
                _stances_in_words(report.catalogue, stances),
                group_of.get(t.id) or "",
                *[_flag_level(t, situations) for _text, situations in report.flags],
            ]
        )
    starts = _group_starts(report)
    flag_header = [f"What the sources say for: {'; '.join(text for text, _s in report.flags)}"] if report.flags else []
    columns = [_guideline_header(report) if c.startswith("Guidelines") else c for c in LIST_COLUMNS]
    brief_columns = [_guideline_header(report) if c.startswith("Guidelines") else c for c in BRIEF_COLUMNS]
    return View(
        kind=report.kind,
        title=TITLES[report.kind],
        lead=_lead(report),
        table=Table([*columns, *flag_header], rows, row_labels=False, groups=starts),
        records=([*LIST_FIELDS, *[f"flag: {text}" for text, _s in report.flags]], records),
        references=refs.lines(full=False),
        footer=footer(report),
        data={},
        after=not_judged_lines(report.not_judged, report.region.code),
        brief=None if report.wide else Table([*brief_columns, *flag_header], brief, row_labels=False, groups=starts),
    )


def _guideline_header(report: Report) -> str:
    """'Guidelines (UK; US)': the reader's country first."""
    first = report.region.code
    other = next(r for r in m.READER_REGIONS if r != first)
    return f"Guidelines ({first.upper()}; {other.upper()})"


def _old_price(t: m.Treatment, report: Report) -> str:
    cost = t.cost_in(report.region.code)
    return " (an old price)" if cost is not None and query.price_is_stale(cost, report.catalogue.info) else ""


def _cost_tier(t: m.Treatment, region: str) -> str:
    cost = t.cost_in(region)
    return cost.tier if cost else m.NOT_REPORTED


def _onset_words(onset: m.Onset, brief: bool = False) -> str:
    """'minutes, each dose': the speed and what it is counted from ('not reported' alone)."""
    if onset.speed == m.NOT_REPORTED:
        return words(onset.speed)
    if brief:
        return f"{words(onset.speed)} ({'dose' if onset.basis == 'each-dose' else 'course'})"
    return f"{words(onset.speed)}, {'each dose' if onset.basis == 'each-dose' else 'from the start of a course'}"


def _flag_level(t: m.Treatment, situations: frozenset[str]) -> str:
    """The firmest thing the sources say for these situations, as a scale word, or that they say nothing."""
    found = query.flagged(t, situations)
    return found[0].level if found else "no-warning-found"


def _flag_lines(report: Report, t: m.Treatment, refs: References) -> list[str]:
    """Per situation asked about, what the sources say, firmest first; never silence read as safety."""
    lines = []
    for text, situations in report.flags:
        found = query.flagged(t, situations)
        if not found:
            lines.append(f"{text}: {NO_WARNING}.")
        for c in found:
            lines.append(
                refs.cite(f"{_situation(refs.catalogue, c.when)}: {CAUTION_WORDS[c.level]}. {c.text}", c.sources)
            )
    return lines


def _brief_flags(report: Report, t: m.Treatment) -> str:
    parts = []
    for text, situations in report.flags:
        found = query.flagged(t, situations)
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
        [_onset_words(t.onset, brief=True)],
        [words(t.invasiveness.level)],
        [words(_cost_tier(t, report.region.code))],
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
    schedules = sorted({s for s in every if s is not None}, key=m.US_SCHEDULES.rank)
    return words(risk.level) + (f" ({'/'.join(schedules)})" if schedules else "")


def _brief_finding(report: Report, e: m.Evidence | None, ascii_only: bool) -> str:
    if e is None:
        return "no finding"
    size = m.BENEFITS.words[findings.sort_key(e)[0]]
    size = BRIEF_SIZES.get(size, size)
    text = size if e.certainty is None else f"{size} {certainty(e.certainty, ascii_only).split()[0]}"
    where = _short_condition(report.catalogue, e.condition)
    if report.filters.conditions is None and not query.is_general(e):
        text += f", best: {where}"
    elif report.filters.conditions is not None:
        text += f", {where}"
    return text + (", during use" if query.is_during_use(e) else "")


def _body(catalogue: m.Catalogue, guideline: str) -> str:
    """A guideline's body, for a narrow column: 'NICE' of 'NICE NG193'."""
    return catalogue.sources[guideline].label().split()[0]


def _stance_lines(catalogue: m.Catalogue, stances: list[m.GuidelineStance], refs: References) -> list[str]:
    if not stances:
        return ["No guideline in this catalogue speaks to it."]
    return [refs.cite(_stance_words(catalogue, g), _stance_sources(g)) for g in stances]


def _stances_in_words(catalogue: m.Catalogue, stances: list[m.GuidelineStance]) -> str:
    return "; ".join(_stance_words(catalogue, g) for g in stances)


def _stance_words(catalogue: m.Catalogue, g: m.GuidelineStance) -> str:
    """'NICE NG193 (fibromyalgia, CRPS): do not offer': who, for what, and what it says."""
    scope = ", ".join(_short_condition(catalogue, c) for c in g.conditions)
    return f"{_guideline_name(catalogue, g.guideline)} ({scope}): {words(g.stance)}"


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
        shown.benefit if shown else m.NOT_REPORTED,
        (shown.certainty or "none") if shown else m.NOT_REPORTED,
        shown.comparator if shown else "",
    ]
    control = (t.uk_control.words() if t.uk_control else "not reported") if region == "uk" else risk.us_schedule
    return [t.id, t.display_name(region), t.category, *finding, risk.level, control or "none", t.onset.speed] + [
        t.duration.length,
        t.invasiveness.level,
        _cost_tier(t, region),
    ]


def _lead(report: Report) -> list[str]:
    if report.kind is ReportKind.LIST and report.filters.onset:
        onset = [
            f"--onset {report.filters.onset}: for medicines taken as needed, the time to relief after one dose; "
            "for courses, when trials first saw benefit. The onset column says which."
        ]
        return onset + _lead(report._replace(filters=report.filters._replace(onset=None)))
    if report.condition_text is None:
        if report.kind is ReportKind.LIST:
            return [
                "Each row shows the treatment's finding for chronic pain as a whole where it has one; otherwise its "
                "best result for one condition, marked as such."
            ]
        return []
    names = sorted(report.catalogue.conditions[c].name for c in report.filters.conditions or ())
    return [f"Evidence and guidelines for: {', '.join(names)} (asked for '{report.condition_text}')."]


# -- compare and show -----------------------------------------------------------------------------


def _grid_view(report: Report, ascii_only: bool) -> View:
    refs = References(report.catalogue)
    where = region_choice.NAMES[report.region.code]
    labels = {**IDENTITY_ROWS, **ROWS, "cost": f"Can you get it, and what does it cost ({where})?"}
    detail = report.detail or report.kind is ReportKind.SHOW
    grid = [
        (row, labels[row], [_cell(report, t, row, refs, ascii_only, detail) for t in report.treatments])
        for row in report.rows
    ]
    rows = [[[question], *cells] for _row, question, cells in grid]
    records = [
        [t.id, question, " | ".join(cell)]
        for _row, question, cells in grid
        for t, cell in zip(report.treatments, cells)
    ]
    return View(
        kind=report.kind,
        title=TITLES[report.kind]
        if report.kind is ReportKind.COMPARE
        else f"{TITLES[report.kind]}: {report.treatments[0].display_name(report.region.code)}",
        lead=_lead(report),
        table=Table(
            ["Question", *[t.display_name(report.region.code) for t in report.treatments]], rows, row_labels=True
        ),
        records=(["treatment", "question", "answer"], records),
        references=refs.lines(full=detail),
        footer=footer(report),
        data={},
    )


def _cell(report: Report, t: m.Treatment, row: str, refs: References, ascii_only: bool, detail: bool) -> list[str]:
    """The lines of one treatment's answer to one question, each fact followed by its citation."""
    if row == "id":
        return [t.id]
    if row == "aliases":
        return [", ".join(t.aliases) or "none"]
    if row == "reviewed":
        return [t.reviewed.isoformat()]
    if row == "evidence":
        return _evidence_cell(report, t, refs, ascii_only, detail)
    if row == "guidelines":
        return _guidelines_cell(report, t, refs, ascii_only, detail)
    if row == "claims":
        return _claims_cell(t, refs, ascii_only, detail)
    if row in ("addiction", "cost"):
        return (_regional_detail if detail else _regional_short)(t, row, refs, report.region.code)
    return (_detail_cell if detail else _short_cell)(t, row, refs)


def _short_cell(t: m.Treatment, row: str, refs: References) -> list[str]:
    if row == "what":  # the invasiveness word too, so a grid without that row still says it
        level = words(t.invasiveness.level).capitalize()
        return [refs.cite(f"{level}: {t.how_given.short}", [*t.how_given.sources, *t.invasiveness.sources])]
    if row == "onset":
        return [refs.cite(t.onset.short, t.onset.sources)]
    if row == "relief":
        return [f"{refs.cite(t.onset.short, t.onset.sources)} {refs.cite(t.duration.short, t.duration.sources)}"]
    if row == "who":  # cautions, then interactions, in one answer
        lines = _short_cell(t, "cautions", refs)
        if t.interactions is not None:
            lines[-1] += f" Other medicines: {refs.cite(t.interactions.short, _block_sources(t.interactions))}"
        return lines
    if row in ("cautions", "interactions"):
        block = t.cautions if row == "cautions" else t.interactions
        if block is None:
            return [NOT_A_MEDICINE]
        return [refs.cite(block.short, _block_sources(block))]
    if row == "duration":
        return [refs.cite(t.duration.short, t.duration.sources)]
    if row == "side-effects":
        return [refs.cite(t.side_effects.common_short, t.side_effects.sources)]
    if row == "serious-harms":
        return [refs.cite(t.side_effects.serious_short, t.side_effects.sources)]
    if row == "invasiveness":
        inv = t.invasiveness
        return [refs.cite(f"{words(inv.level).capitalize()}: {inv.short}", inv.sources)]
    raise KeyError(row)


def _detail_cell(t: m.Treatment, row: str, refs: References) -> list[str]:
    if row == "what":
        g = t.how_given
        return [
            words(t.category),
            f"How: {g.route}",
            f"Where: {g.setting}",
            refs.cite(f"How often: {g.sessions}", g.sources),
        ]
    if row == "relief":
        return [*_detail_cell(t, "onset", refs), *_detail_cell(t, "duration", refs)]
    if row == "who":
        return [*_detail_cell(t, "cautions", refs), *_detail_cell(t, "interactions", refs)]
    if row == "onset":
        o = t.onset
        return [refs.cite(f"{_scaled(o.speed, o.summary)} (counted {ONSET_BASIS_WORDS[o.basis]})", o.sources)]
    if row in ("cautions", "interactions"):
        block = t.cautions if row == "cautions" else t.interactions
        if block is None:
            return [NOT_A_MEDICINE]
        if not block.entries:
            return [refs.cite(block.short, block.sources)]
        return [
            refs.cite(f"{_situation(refs.catalogue, c.when)}: {CAUTION_WORDS[c.level]}. {c.text}", c.sources)
            for c in block.entries
        ]
    if row == "duration":
        d = t.duration
        return [refs.cite(f"{_scaled(d.length, d.summary)} (counted from {BASIS_WORDS[d.basis]})", d.sources)]
    if row in ("side-effects", "serious-harms"):
        effects = t.side_effects.common if row == "side-effects" else t.side_effects.serious
        lines = [f"- {effect}" for effect in effects]
        lines[-1] = refs.cite(lines[-1], t.side_effects.sources)
        return lines
    if row == "invasiveness":
        inv = t.invasiveness
        meaning = INVASIVENESS_MEANING[inv.level]
        return [refs.cite(f"{words(inv.level)} ({meaning}): {inv.short}", inv.sources)]
    raise KeyError(row)


# -- what changes with the reader's country ---------------------------------------------------------


def _regional_short(t: m.Treatment, row: str, refs: References, region: str) -> list[str]:
    """Addiction and cost in the reader's country: its controlled-drug law; whether and how it can be had, and
    its price."""
    if row == "addiction":
        risk = t.addiction_risk
        if region == "uk":
            if t.uk_control is None:
                return [refs.cite(f"Risk: {words(risk.level)}; UK status not reported. {risk.short}", risk.sources)]
            uk = t.uk_control
            return [refs.cite(f"Risk: {words(risk.level)}; {uk.words()}. {risk.short}", [*risk.sources, *uk.sources])]
        return [refs.cite(f"Risk: {words(risk.level)}; {risk.schedule_words()}. {risk.short}", risk.sources)]
    parts = []  # one paragraph: whether and how it can be had, then what it costs
    available = _availability(t, region)
    if available:
        parts.append(refs.cite(available.short, available.sources))
    cost = t.cost_in(region)
    if cost is None:
        parts.append(f"Not reported: no {region_choice.NAMES[region]} price in this catalogue.")
    else:
        price = _scaled(cost.tier, cost.short) + _stale_note(cost, refs.catalogue, brief=True)
        parts.append(refs.cite(price, cost.sources))
    return [" ".join(parts)]


def _regional_detail(t: m.Treatment, row: str, refs: References, region: str) -> list[str]:
    """In full: the reader's country first, then the other's, so a pharmacist sees both."""
    other = next(r for r in m.READER_REGIONS if r != region)
    lines = []
    for where in (region, other):
        name = region_choice.NAMES[where]
        if row == "addiction":
            lines += _control_detail(t, where, name, refs)
            continue
        available = _availability(t, where)
        if available:
            nhs = f" NHS: {words(available.nhs)}." if available.nhs else ""
            supply = f"{name}: {words(available.supply)}; for pain: {words(available.licensed_for_pain)}.{nhs}"
            lines.append(refs.cite(f"{supply} {available.summary}", available.sources))
        cost = t.cost_in(where)
        if cost is None:
            lines.append(f"{name} cost: not reported: no {name} price in this catalogue.")
        else:
            price = _price_words(cost, where)
            text = f"{name} cost: {_scaled(cost.tier, cost.summary)}{price}{_stale_note(cost, refs.catalogue)}"
            lines.append(refs.cite(text, cost.sources))
    return lines


def _control_detail(t: m.Treatment, where: str, name: str, refs: References) -> list[str]:
    risk = t.addiction_risk
    if where == "us":
        return [
            f"{name}: {words(risk.level)}; {risk.schedule_words(each_product=True)}",
            refs.cite(risk.summary, risk.sources),
        ]
    uk = t.uk_control
    if uk is None:
        return [f"{name}: controlled-drug status not reported in this catalogue."]
    products = "; ".join(f"{p.name}: {_uk_product_words(p)}" for p in uk.products or ())
    since = f" In force since {uk.in_force.isoformat()}." if uk.in_force else ""
    head = f"{name}: {uk.words()}" + (f" ({products})" if products else "")
    return [head, refs.cite(f"{uk.summary}{since}", uk.sources)]


def _uk_product_words(p: m.UkProduct) -> str:
    if p.act_class == "none":
        return "not controlled"
    if p.act_class == m.NOT_REPORTED:
        return "status not reported"
    if p.act_class == "psa":
        return "Psychoactive Substances Act 2016"
    return f"Class {p.act_class}" + (f", Schedule {p.schedule}" if p.schedule else "")


def _availability(t: m.Treatment, region: str) -> m.Availability | None:
    return getattr(t.availability, region) if t.availability else None


CURRENCY = {"uk": "£", "us": "$"}


def _price_words(cost: m.Cost, region: str) -> str:
    if cost.price is None:
        return ""
    unit = f" for {cost.unit}" if cost.unit else ""
    month = f" ({cost.month})" if cost.month else ""
    return f" Price: {CURRENCY[region]}{cost.price:,.2f}{unit}{month}."


def _stale_note(cost: m.Cost, catalogue: m.Catalogue, brief: bool = False) -> str:
    """' (price from 2024-03, older than the 12-month review policy)', or nothing; in a grid cell, shorter."""
    if not query.price_is_stale(cost, catalogue.info):
        return ""
    if brief:
        return " (an old price)"
    return f" (price from {cost.month}, older than the {catalogue.info.review_every_months}-month review policy)"


NOT_A_MEDICINE = "Not reviewed: interactions are listed for medicines; see who should not use it."


def _block_sources(block: m.Cautions) -> list[str]:
    """Every source behind a cautions block's short answer: its entries' and those read for it."""
    return list(dict.fromkeys([s for c in block.entries for s in c.sources] + list(block.sources)))


def _situation(catalogue: m.Catalogue, situation_id: str) -> str:
    """A situation's name as a heading: 'Pregnancy', 'Taking blood thinners'."""
    name = catalogue.situations[situation_id].name
    return name[:1].upper() + name[1:]


def _scaled(word: str, summary: str) -> str:
    """'weeks: Benefit builds...'; a summary that already says 'Not reported' is not prefixed again."""
    if word == m.NOT_REPORTED and summary.casefold().startswith("not reported"):
        return summary
    return f"{words(word)}: {summary}"


def _evidence_cell(report: Report, t: m.Treatment, refs: References, ascii_only: bool, detail: bool) -> list[str]:
    chosen = [e for e in t.evidence if report.filters.conditions is None or e.condition in report.filters.conditions]
    if not chosen:
        return ["No evidence in this catalogue for the condition asked about."]
    chosen.sort(key=findings.sort_key)
    if detail:
        lines = []
        for e in chosen:
            lines += _finding_lines(report.catalogue, e, refs, ascii_only, with_condition=True, brief=False)
            lines.append(refs.cite(f"In detail: {e.effect}" + (f" Note: {e.note}" if e.note else ""), e.sources))
        return lines
    lines = _finding_lines(report.catalogue, chosen[0], refs, ascii_only, with_condition=True, brief=False, short=True)
    others = len(chosen) - 1
    if others:
        lines[-1] += f" (+{others} more)"
    return lines


def _finding_lines(
    catalogue: m.Catalogue,
    e: m.Evidence | None,
    refs: References,
    ascii_only: bool,
    with_condition: bool,
    brief: bool,
    short: bool = False,
    overview: bool = False,
) -> list[str]:
    """A finding: the GRADE sentence and its certainty, for which condition, against what, its numbers.

    In an `overview` (a list with no condition asked for), a finding for one condition is marked as
    that treatment's best result, so it never reads as an answer for chronic pain in general.
    """
    if e is None:
        return ["No finding for the condition asked about."]
    lines = [f"{findings.statement(e)} ({certainty(e.certainty, ascii_only)})."]
    condition = catalogue.conditions[e.condition].name
    if brief:
        best = overview and not query.is_general(e)
        during = " Measured during or right after use." if query.is_during_use(e) else ""
        lines.append(refs.cite(f"{'Best result, for' if best else 'For'} {condition}.{during}", e.sources))
        return lines
    context = ", ".join(part for part in (f"For {condition}" if with_condition else "", findings.comparison(e)) if part)
    if short:  # one paragraph: what it says, then for whom and against what
        lines[0] += f" {context}."
    else:
        lines.append(context + ".")
    lines += [f"{figure}." for figure in findings.numbers(e, brief=short)]
    lines[-1] = refs.cite(lines[-1], e.sources)
    return lines


def _guidelines_cell(report: Report, t: m.Treatment, refs: References, ascii_only: bool, detail: bool) -> list[str]:
    stances = query.stances_for(report.catalogue, t, report.filters.conditions)
    if not stances:
        return ["No guideline in this catalogue speaks to it" + (" for this condition." if t.guidelines else ".")]
    if not detail:  # a grid's short answer: the firmest UK and US stance, each in its exact scope
        firmest = query.strongest_stances(report.catalogue, t, report.filters.conditions, report.region.code)
        others = f" (+{len(stances) - len(firmest)} more)" if len(stances) > len(firmest) else ""
        return ["; ".join(_stance_lines(report.catalogue, firmest, refs)) + others]
    lines = []
    for g in query.by_region(report.catalogue, stances, report.region.code):
        name = _guideline_name(refs.catalogue, g.guideline)
        wording = f" Says: {quoted(g.wording.rstrip('.') + '.', ascii_only)}" if g.wording else ""
        text = f"{name}: {words(g.stance).upper()}. For: {g.scope.rstrip('.')}.{wording}"
        lines.append(refs.cite(text, _stance_sources(g)))
    return lines


def _guideline_name(catalogue: m.Catalogue, guideline: str) -> str:
    """'ACP 2017, past its 5-year currency rule': a guideline's short name with its standing."""
    status = catalogue.info.guideline_status(guideline)
    return catalogue.sources[guideline].label() + (f", {status}" if status else "")


def _stance_sources(g: m.GuidelineStance) -> list[str]:
    return [g.guideline, *[s for s in g.sources if s != g.guideline]]


def _short_condition(catalogue: m.Catalogue, condition_id: str) -> str:
    """A condition's name without its explanation in brackets: 'complex regional pain syndrome (CRPS)' -> 'CRPS'."""
    name = catalogue.conditions[condition_id].name
    if "(" in name and name.endswith(")"):
        inside = name[name.index("(") + 1 : -1]
        return inside if inside.isupper() else name[: name.index("(")].strip()
    return name


def _claims_cell(t: m.Treatment, refs: References, ascii_only: bool, detail: bool) -> list[str]:
    if not t.claims:
        return ["No commonly made claims checked."]
    if detail:
        return [
            refs.cite(f"{quoted(c.claim, ascii_only)}: {c.verdict.upper()}. {c.explanation}", c.sources)
            for c in t.claims
        ]
    counts = {v: sum(1 for c in t.claims if c.verdict == v) for v in m.VERDICTS.words}
    summary = ", ".join(f"{n} {words(v)}" for v, n in counts.items() if n)
    sources = list(dict.fromkeys(s for c in t.claims for s in c.sources))
    return [refs.cite(f"{len(t.claims)} checked: {summary}.", sources)]


# -- sources and conditions -----------------------------------------------------------------------


def _sources_view(report: Report) -> View:
    refs = References(report.catalogue)
    refs.mark(_bibliography_ids(report))
    listing = refs.listing()
    rows = [[[str(n)], [s.id], [s.kind], [str(s.year)], _source_lines(s, report.detail)] for n, s in listing]
    records = [
        [str(n), s.id, s.kind, str(s.year), s.title, s.authors or "", s.publisher or "", s.url, s.read_at or ""]
        for n, s in listing
    ]
    return View(
        kind=report.kind,
        title=TITLES[report.kind],
        lead=[],
        table=Table(["#", "Id", "Kind", "Year", "Citation"], rows, row_labels=False),
        records=(["number", "id", "kind", "year", "title", "authors", "publisher", "url", "read_at"], records),
        references=[],  # the table is the bibliography
        footer=footer(report),
        data={},
    )


def _source_lines(s: m.Source, detail: bool) -> list[str]:
    """The citation; with --detail, the faithful copy it was read in, never in place of the citation."""
    lines = [f"{s.who()}. {s.title}. {s.url}"]
    if detail and s.read_at:
        lines.append(f"Read in a copy at: {s.read_at}")
    return lines


def _conditions_view(report: Report) -> View:
    catalogue = report.catalogue
    rows, records = [], []
    for c in _in_tree_order(catalogue):
        depth = len(query.broader(catalogue, c.id)) - 1
        own = query.treatments_with_evidence(catalogue, c.id, include_narrower=False)
        total = query.treatments_with_evidence(catalogue, c.id, include_narrower=True)
        name = ("  " * (depth - 1) + "└ " if depth else "") + c.name  # the tree, readable without indents too
        rows.append([[name], [c.id], [", ".join(c.synonyms) or "none"], [str(own)], [str(total)]])
        records.append([c.id, c.name, c.parent or "", "; ".join(c.synonyms), str(own), str(total)])
    header = ["Condition", "Id", "Also called", "Treatments", "With narrower"]
    return View(
        kind=report.kind,
        title=TITLES[report.kind],
        lead=[
            "Treatments: how many have evidence for this condition; with narrower: counting the conditions under it."
        ],
        table=Table(header, rows, row_labels=False),
        records=(["id", "name", "parent", "synonyms", "treatments", "with_narrower"], records),
        references=[],
        footer=footer(report),
        data={},
    )


def _in_tree_order(catalogue: m.Catalogue) -> list[m.Condition]:
    ordered: list[m.Condition] = []

    def visit(parent: str | None) -> None:
        for c in catalogue.conditions.values():
            if c.parent == parent:
                ordered.append(c)
                visit(c.id)

    visit(None)
    return ordered


# -- json ----------------------------------------------------------------------------------------


def _data(report: Report) -> dict[str, Any]:
    """The JSON document of any report kind."""
    match report.kind:
        case ReportKind.SOURCES:
            return _document(report, sources=[s for s in _bibliography_ids(report)])
        case ReportKind.CONDITIONS:
            return _document(report, conditions=list(report.catalogue.conditions), counts=True)
        case ReportKind.LIST | ReportKind.COMPARE | ReportKind.SHOW:
            return _document(report)
        case ReportKind.CHECK:
            return _check_document(report)
        case _:
            assert_never(report.kind)


def _bibliography_ids(report: Report) -> list[str]:
    if report.treatments:
        return list(dict.fromkeys(s for t in report.treatments for s in shape.cited_sources(t)))
    return list(report.catalogue.sources)


def _document(
    report: Report, sources: list[str] | None = None, conditions: list[str] | None = None, counts: bool = False
) -> dict[str, Any]:
    """{"catalogue", "query", "treatments", "conditions", "references"}: every id the records use resolved."""
    catalogue = report.catalogue
    cited = (
        sources
        if sources is not None
        else list(dict.fromkeys(s for t in report.treatments for s in shape.cited_sources(t)))
    )
    if conditions is None:
        used = [e.condition for t in report.treatments for e in t.evidence]
        used += [c for t in report.treatments for g in t.guidelines for c in g.conditions]
        conditions = list(dict.fromkeys(used))
    condition_data = {}
    for cid in conditions:
        data = shape.to_data(catalogue.conditions[cid], shape.record(m.Condition))
        del data["id"]
        if counts:
            data["treatments"] = query.treatments_with_evidence(catalogue, cid, include_narrower=False)
            data["with_narrower"] = query.treatments_with_evidence(catalogue, cid, include_narrower=True)
        condition_data[cid] = data
    used_situations = [
        c.when for t in report.treatments for block in (t.cautions, t.interactions) if block for c in block.entries
    ]
    situations = {}
    for sid in dict.fromkeys(used_situations):
        situations[sid] = shape.to_data(catalogue.situations[sid], shape.record(m.Situation))
        del situations[sid]["id"]
    document = {
        "catalogue": catalogue.info.to_data(),
        "query": {"command": report.kind.value, "condition": report.condition_text, "region": report.region.code},
        "treatments": [_treatment_data(report, t) for t in report.treatments],
        "conditions": condition_data,
        "situations": situations,
        "references": _references(catalogue, cited),
    }
    if report.kind is ReportKind.LIST:
        document["not_judged"] = [
            {
                "field": e.field,
                "option": e.option,
                "reason": e.reason,
                "shown": e.shown,
                "treatments": [t.id for t in e.treatments],
            }
            for e in report.not_judged
        ]
        document["groups"] = [{"label": g.label, "treatments": [t.id for t in g.treatments]} for g in report.groups]
    return document


def _references(catalogue: m.Catalogue, cited: list[str]) -> dict[str, Any]:
    """Every source id cited, resolved to its citation (without the id, which is the key)."""
    references = {}
    for source_id in cited:
        data = shape.to_data(catalogue.sources[source_id], shape.record(m.Source))
        del data["id"]
        references[source_id] = data
    return references


def _treatment_data(report: Report, t: m.Treatment) -> dict[str, Any]:
    data = shape.treatment_data(t)
    if report.kind is ReportKind.LIST:  # what the row showed, so a script sees the same finding
        shown = query.shown_finding(t, report.filters)
        data["shown_finding"] = None if shown is None else t.evidence.index(shown)
        if report.flags:
            data["flags"] = {text: _flag_level(t, situations) for text, situations in report.flags}
    for entry, e in zip(data["evidence"], t.evidence):
        entry["statement"] = findings.statement(e)
    return data


# -- check ---------------------------------------------------------------------------------------

# Strongest first: the verdict a sentence is highlighted with when several findings touch it.
_VERDICT_ORDER = ("contradicted", "unproven", "partly-supported", "supported", "not-checked")
CHECK_FIELDS = ("line", "sentence", "treatment", "attribute", "verdict", "claim", "explanation", "sources")


def _check_view(report: Report) -> View:
    assert report.check is not None
    catalogue, result = report.catalogue, report.check
    names = {t.id: t.name for t in catalogue.treatments}
    refs = References(catalogue)
    rows: list[Cells] = []
    records, notes = [], []
    row_of: dict[tuple[int, str], Cells] = {}
    for number, f in enumerate(result.findings, start=1):
        said = refs.cite(f.explanation, list(f.sources))
        verdict = f.verdict.upper().replace("-", " ")
        head = f"{names[f.treatment]}, {f.attribute}: {verdict}."
        if result.worth:
            head += f" ({result.worth[number - 1].words().capitalize()}.)"
        claim = f'Checked claim: "{f.claim.claim}"' if f.claim else ""
        row = row_of.get((f.line, f.text))
        if row is None:  # one row per sentence; every finding on it in the last cell
            row = row_of[(f.line, f.text)] = [[str(f.line)], [f.text], []]
            rows.append(row)
        row[2] += [f"({number}) {head}", *([claim] if claim else []), said]
        claimed = f.claim.claim if f.claim else ""
        record = [
            str(f.line),
            f.text,
            f.treatment,
            f.attribute,
            f.verdict,
            claimed,
            f.explanation,
            ", ".join(f.sources),
        ]
        if result.worth:
            record += [str(result.worth[number - 1].score), ", ".join(result.worth[number - 1].reasons)]
        records.append(record)
        notes.append(Note(number, f.verdict, " ".join(part for part in (head, claim, said) if part)))
    lead = [
        f"Article: {result.article.path}; {result.article.sentence_count()} sentences; "
        f"{len(result.findings)} findings about catalogued treatments.",
        *_scorecard_lines(result.scorecard),
        *_verdict_summary(result.findings),
        "Each claim is read from the sentence (what it asserts, negated or hedged, for which condition) and "
        "judged against the record's fields by a rule per attribute, or matched to a claim the catalogue has "
        "checked. 'Unproven': the record has no good evidence either way. 'Not checked': the record has "
        "nothing to judge it by; what the catalogue says is shown so you can judge.",
        *([f"Sorted by worthiness (fixed weights: {_weights_in_words()}), worthiest first."] if result.worth else []),
    ]
    header = list(CHECK_FIELDS) + (["worthiness", "reasons"] if result.worth else [])
    card = [_scorecard_record(line, len(header)) for line in result.scorecard]
    return View(
        kind=report.kind,
        title=TITLES[report.kind],
        lead=lead,
        table=Table(["Line", "What the article says", "What the catalogue says"], rows, row_labels=False),
        records=(header, card + records),
        references=refs.lines(full=False),
        footer=footer(report),
        data={},
        passages=_passages(result),
        notes=notes,
    )


def _weights_in_words() -> str:
    """check --sort worthiness: the fixed weights, as the lead states them (check/worthiness.py)."""
    from paincompare.check.worthiness import WEIGHTS  # only a sorted check has them to state

    return ", ".join(f"{name} +{weight}" for name, weight in WEIGHTS)


def _scorecard_lines(card: Any) -> list[str]:
    """The scorecard above the findings: how many criteria are met, then one line per criterion."""
    if not card:
        return []
    judged = [line for line in card if line.status != "needs a reader"]
    met = sum(1 for line in judged if line.status == "met")
    lines = [
        f"Scorecard: {met} of {len(judged)} criteria met (HealthNewsReview.org and DISCERN criteria that can be "
        "judged from the text; the rest need a reader)."
    ]
    lines += [f"{line.status.upper()}: {line.label} ({line.rubric}): {line.evidence}" for line in card]
    return lines


def _scorecard_record(line: Any, width: int) -> list[str]:
    """A criterion as a plain/csv record: attribute 'scorecard:ID', verdict its status, claim what it
    asks, explanation the evidence, sources the rubric."""
    record = [
        "" if line.line is None else str(line.line),
        "",
        "",
        f"scorecard:{line.criterion}",
        line.status,
        line.label,
        line.evidence,
        line.rubric,
    ]
    return record + [""] * (width - len(record))


def _verdict_summary(found: Any) -> list[str]:
    """One line per verdict, gravest first, with the numbers of its findings: the summary above the detail."""
    lines = []
    for verdict in _VERDICT_ORDER:
        numbers = [str(n) for n, f in enumerate(found, start=1) if f.verdict == verdict]
        if numbers:
            shown = ", ".join(numbers[:12]) + (", ..." if len(numbers) > 12 else "")
            lines.append(f"{verdict.upper().replace('-', ' ')}: {len(numbers)} (findings {shown})")
    return lines or ["No finding about a catalogued treatment."]


def _passages(result: Any) -> list[Passage]:
    """The article's paragraphs, each sentence with the numbers of its notes and its strongest verdict."""
    by_sentence: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for number, f in enumerate(result.findings, start=1):
        by_sentence.setdefault((f.line, f.text), []).append((number, f.verdict))
    passages = []
    for paragraph in result.article.paragraphs:
        sentences = []
        for sentence in paragraph.sentences:
            marks = by_sentence.get((sentence.line, sentence.text), [])
            strongest = min((v for _n, v in marks), key=_VERDICT_ORDER.index, default="")
            sentences.append((sentence.text, [n for n, _v in marks], strongest))
        passages.append(Passage(paragraph.is_heading, sentences))
    return passages


def _check_document(report: Report) -> dict[str, Any]:
    """The check's JSON contract: catalogue, article, findings and the sources they cite."""
    assert report.check is not None
    catalogue, result = report.catalogue, report.check
    cited = list(dict.fromkeys(s for f in result.findings for s in f.sources))
    return {
        "catalogue": catalogue.info.to_data(),
        "article": {"path": result.article.path, "sentences": result.article.sentence_count()},
        "summary": {v: sum(1 for f in result.findings if f.verdict == v) for v in _VERDICT_ORDER},
        "scorecard": [
            {
                "criterion": line.criterion,
                "label": line.label,
                "rubric": line.rubric,
                "status": line.status,
                "evidence": line.evidence,
                "line": line.line,
            }
            for line in result.scorecard
        ],
        "sort": "worthiness" if result.worth else "article",
        "findings": [
            {
                "line": f.line,
                "text": f.text,
                "treatment": f.treatment,
                "attribute": f.attribute,
                "verdict": f.verdict,
                "claim": f.claim.claim if f.claim else None,
                "explanation": f.explanation,
                "sources": list(f.sources),
                "condition": f.condition,
                **(
                    {"worthiness": {"score": result.worth[i].score, "reasons": list(result.worth[i].reasons)}}
                    if result.worth
                    else {}
                ),
            }
            for i, f in enumerate(result.findings)
        ],
        "references": _references(catalogue, cited),
    }
