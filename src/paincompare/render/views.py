"""One neutral view per report kind (title, table, records, references, footer), drawn by every format.

Formats never look at treatments themselves: table, markdown and html draw `View.table`; plain and
csv write `View.records`; json writes `View.data`. `build` matches the report kind exhaustively, so
a new kind fails type-checking until it has a view, instead of rendering empty in some formats.
"""

from __future__ import annotations

from typing import Any, NamedTuple, assert_never

from paincompare import findings, query, shape
from paincompare import models as m
from paincompare.render import Report, ReportKind

CERTAINTY_SYMBOLS = {"high": "⊕⊕⊕⊕", "moderate": "⊕⊕⊕◯", "low": "⊕⊕◯◯", "very-low": "⊕◯◯◯"}
ASCII_CERTAINTY_SYMBOLS = {"high": "++++", "moderate": "+++o", "low": "++oo", "very-low": "+ooo"}
INVASIVENESS_MEANING = {
    "none": "no needles, cuts or implants",
    "minimal": "needles or a single injection",
    "moderate": "an image-guided procedure or a monitored drip into a vein",
    "major": "surgery or an implant",
}
BASIS_WORDS = {
    "each-dose": "each dose or session",
    "after-course": "after a course ends",
    "while-continued": "while it is continued",
    "implant-or-surgery": "an implant or operation",
}

# The comparison's rows: the questions people ask, the same for every option (Option Grid).
ROWS: dict[str, str] = {
    "evidence": "How well does it work?",
    "onset": "How soon might it help?",
    "duration": "How long does relief last?",
    "side-effects": "Common side effects",
    "serious-harms": "Serious harms",
    "addiction": "Addiction or misuse?",
    "what": "How is it given?",
    "invasiveness": "How invasive is it?",
    "guidelines": "What do guidelines say?",
    "cost": "What does it cost (US)?",
    "claims": "Claims checked",
    "reviewed": "Record last checked",
}
IDENTITY_ROWS: dict[str, str] = {"id": "Id", "aliases": "Also called"}
LIST_COLUMNS = ("Name", "What the evidence says", "Addiction", "Onset", "Invasive", "Cost")
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
    "us_schedule",
    "onset",
    "duration",
    "invasiveness",
    "cost",
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


def footer(catalogue: m.Catalogue) -> list[str]:
    """The review date, funding and disclaimer that close every human format."""
    info = catalogue.info
    return [
        f"Catalogue: {info.title}, version {info.version}; reviewed {info.reviewed.isoformat()}, "
        f"next review due {info.next_review().isoformat()}.",
        f"Funding: {info.funding}",
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
    rows, records = [], []
    for t in report.treatments:
        shown = query.shown_finding(t, filters)
        rows.append(
            [
                [t.name],
                _finding_lines(report.catalogue, shown, refs, ascii_only, with_condition=True, brief=True),
                _addiction_lines(t.addiction_risk),
                [words(t.onset.speed)],
                [words(t.invasiveness.level)],
                [words(t.cost.tier)],
            ]
        )
        records.append(_list_record(report.catalogue, t, shown))
    return View(
        kind=report.kind,
        title=TITLES[report.kind],
        lead=_lead(report),
        table=Table(list(LIST_COLUMNS), rows, row_labels=False),
        records=(list(LIST_FIELDS), records),
        references=refs.lines(full=False),
        footer=footer(report.catalogue),
        data={},
    )


def _addiction_lines(risk: m.AddictionRisk) -> list[str]:
    if risk.products:  # every product's schedule, so a class never hides its controlled product
        return [words(risk.level), risk.schedule_words().removeprefix("US ")]
    return [words(risk.level), *([f"Schedule {risk.us_schedule}"] if risk.us_schedule else [])]


def _list_record(catalogue: m.Catalogue, t: m.Treatment, shown: m.Evidence | None) -> list[str]:
    risk = t.addiction_risk
    finding = [
        catalogue.conditions[shown.condition].name if shown else "",
        findings.statement(shown) if shown else "not reported",
        shown.benefit if shown else m.NOT_REPORTED,
        (shown.certainty or "none") if shown else m.NOT_REPORTED,
        shown.comparator if shown else "",
    ]
    return [t.id, t.name, t.category, *finding, risk.level, risk.us_schedule or "none", t.onset.speed] + [
        t.duration.length,
        t.invasiveness.level,
        t.cost.tier,
    ]


def _lead(report: Report) -> list[str]:
    if report.condition_text is None:
        if report.kind is ReportKind.LIST:
            return ["Each row shows the treatment's finding with the largest benefit, and the condition it is for."]
        return []
    names = sorted(report.catalogue.conditions[c].name for c in report.filters.conditions or ())
    return [f"Evidence and guidelines for: {', '.join(names)} (asked for '{report.condition_text}')."]


# -- compare and show -----------------------------------------------------------------------------


def _grid_view(report: Report, ascii_only: bool) -> View:
    refs = References(report.catalogue)
    labels = {**IDENTITY_ROWS, **ROWS}
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
        else f"{TITLES[report.kind]}: {report.treatments[0].name}",
        lead=_lead(report),
        table=Table(["Question", *[t.name for t in report.treatments]], rows, row_labels=True),
        records=(["treatment", "question", "answer"], records),
        references=refs.lines(full=detail),
        footer=footer(report.catalogue),
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
    return (_detail_cell if detail else _short_cell)(t, row, refs)


def _short_cell(t: m.Treatment, row: str, refs: References) -> list[str]:
    if row == "what":
        return [refs.cite(t.how_given.short, t.how_given.sources)]
    if row == "onset":
        return [refs.cite(t.onset.short, t.onset.sources)]
    if row == "duration":
        return [refs.cite(t.duration.short, t.duration.sources)]
    if row == "side-effects":
        return [refs.cite(t.side_effects.common_short, t.side_effects.sources)]
    if row == "serious-harms":
        return [refs.cite(t.side_effects.serious_short, t.side_effects.sources)]
    if row == "addiction":
        risk = t.addiction_risk
        return [refs.cite(f"Risk: {words(risk.level)}; {risk.schedule_words()}. {risk.short}", risk.sources)]
    if row == "invasiveness":
        inv = t.invasiveness
        return [refs.cite(f"{words(inv.level).capitalize()}: {inv.short}", inv.sources)]
    if row == "cost":
        return [refs.cite(_scaled(t.cost.tier, t.cost.short), t.cost.sources)]
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
    if row == "onset":
        return [refs.cite(_scaled(t.onset.speed, t.onset.summary), t.onset.sources)]
    if row == "duration":
        d = t.duration
        return [refs.cite(f"{_scaled(d.length, d.summary)} (counted from {BASIS_WORDS[d.basis]})", d.sources)]
    if row in ("side-effects", "serious-harms"):
        effects = t.side_effects.common if row == "side-effects" else t.side_effects.serious
        lines = [f"- {effect}" for effect in effects]
        lines[-1] = refs.cite(lines[-1], t.side_effects.sources)
        return lines
    if row == "addiction":
        risk = t.addiction_risk
        return [f"{words(risk.level)}; {risk.schedule_words(each_product=True)}", refs.cite(risk.summary, risk.sources)]
    if row == "invasiveness":
        inv = t.invasiveness
        meaning = INVASIVENESS_MEANING[inv.level]
        return [refs.cite(f"{words(inv.level)} ({meaning}): {inv.short}", inv.sources)]
    if row == "cost":
        return [refs.cite(_scaled(t.cost.tier, t.cost.summary), t.cost.sources)]
    raise KeyError(row)


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
        lines[-1] += f" (+{others} more: see show)"
    return lines


def _finding_lines(
    catalogue: m.Catalogue,
    e: m.Evidence | None,
    refs: References,
    ascii_only: bool,
    with_condition: bool,
    brief: bool,
    short: bool = False,
) -> list[str]:
    """A finding: the GRADE sentence and its certainty, for which condition, against what, its numbers."""
    if e is None:
        return ["No finding for the condition asked about."]
    lines = [f"{findings.statement(e)} ({certainty(e.certainty, ascii_only)})."]
    condition = catalogue.conditions[e.condition].name
    if brief:
        lines.append(refs.cite(f"For {condition}.", e.sources))
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
    if not detail:
        return _stances_in_short(stances, refs)
    lines = []
    for g in stances:
        name = _guideline_name(refs.catalogue, g.guideline)
        wording = f" Says: {quoted(g.wording.rstrip('.') + '.', ascii_only)}" if g.wording else ""
        text = f"{name}: {words(g.stance).upper()}. For: {g.scope.rstrip('.')}.{wording}"
        lines.append(refs.cite(text, _stance_sources(g)))
    return lines


def _stances_in_short(stances: list[m.GuidelineStance], refs: References) -> list[str]:
    """One line per stance word, strongest for first: 'Do not offer: NICE NG59 (sciatica) [4]; ...'.

    Each guideline keeps its exact scope, as the conditions its stance covers, so a UK "do not
    offer" and a US "recommended" for different conditions are never read as one contradiction.
    """
    lines = []
    for stance in m.STANCES.words:
        by_guideline: dict[str, tuple[list[str], list[str]]] = {}
        for g in (g for g in stances if g.stance == stance):
            conditions, sources = by_guideline.setdefault(g.guideline, ([], []))
            conditions += [c for c in g.conditions if c not in conditions]
            sources += [s for s in _stance_sources(g) if s not in sources]
        if not by_guideline:
            continue
        parts = []
        for guideline, (conditions, sources) in by_guideline.items():
            scope = ", ".join(_short_condition(refs.catalogue, c) for c in conditions)
            parts.append(refs.cite(f"{_guideline_name(refs.catalogue, guideline)} ({scope})", sources))
        lines.append(f"{words(stance).capitalize()}: {'; '.join(parts)}.")
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
    rows = [[[str(n)], [s.id], [s.kind], [str(s.year)], [f"{s.who()}. {s.title}. {s.url}"]] for n, s in listing]
    records = [
        [str(n), s.id, s.kind, str(s.year), s.title, s.authors or "", s.publisher or "", s.url] for n, s in listing
    ]
    return View(
        kind=report.kind,
        title=TITLES[report.kind],
        lead=[],
        table=Table(["#", "Id", "Kind", "Year", "Citation"], rows, row_labels=False),
        records=(["number", "id", "kind", "year", "title", "authors", "publisher", "url"], records),
        references=[],  # the table is the bibliography
        footer=footer(report.catalogue),
        data={},
    )


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
        footer=footer(catalogue),
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
        return list(dict.fromkeys(s for t in report.treatments for s in t.cited_sources()))
    return list(report.catalogue.sources)


def _document(
    report: Report, sources: list[str] | None = None, conditions: list[str] | None = None, counts: bool = False
) -> dict[str, Any]:
    """{"catalogue", "query", "treatments", "conditions", "references"}: every id the records use resolved."""
    catalogue = report.catalogue
    cited = (
        sources if sources is not None else list(dict.fromkeys(s for t in report.treatments for s in t.cited_sources()))
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
    return {
        "catalogue": catalogue.info.to_data(),
        "query": {"command": report.kind.value, "condition": report.condition_text},
        "treatments": [_treatment_data(report, t) for t in report.treatments],
        "conditions": condition_data,
        "references": _references(catalogue, cited),
    }


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
        claim = f'Checked claim: "{f.claim.claim}"' if f.claim else ""
        row = row_of.get((f.line, f.text))
        if row is None:  # one row per sentence; every finding on it in the last cell
            row = row_of[(f.line, f.text)] = [[str(f.line)], [f.text], []]
            rows.append(row)
        row[2] += [f"({number}) {head}", *([claim] if claim else []), said]
        claimed = f.claim.claim if f.claim else ""
        records.append(
            [str(f.line), f.text, f.treatment, f.attribute, f.verdict, claimed, f.explanation, ", ".join(f.sources)]
        )
        notes.append(Note(number, f.verdict, " ".join(part for part in (head, claim, said) if part)))
    lead = [
        f"Article: {result.article.path}; {result.article.sentence_count()} sentences; "
        f"{len(result.findings)} findings about catalogued treatments.",
        *_verdict_summary(result.findings),
        "Each claim is read from the sentence (what it asserts, negated or hedged, for which condition) and "
        "judged against the record's fields by a rule per attribute, or matched to a claim the catalogue has "
        "checked. 'Unproven': the record has no good evidence either way. 'Not checked': the record has "
        "nothing to judge it by; what the catalogue says is shown so you can judge.",
    ]
    return View(
        kind=report.kind,
        title=TITLES[report.kind],
        lead=lead,
        table=Table(["Line", "What the article says", "What the catalogue says"], rows, row_labels=False),
        records=(list(CHECK_FIELDS), records),
        references=refs.lines(full=False),
        footer=footer(catalogue),
        data={},
        passages=_passages(result),
        notes=notes,
    )


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
            }
            for f in result.findings
        ],
        "references": _references(catalogue, cited),
    }
