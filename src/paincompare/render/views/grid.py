"""The compare and show reports: an Option Grid, one column per treatment and one row per question."""

from paincompare import findings, guidance
from paincompare import region as region_choice
from paincompare.catalogue import models as m
from paincompare.catalogue import scales
from paincompare.render.report import Report, ReportKind
from paincompare.render.views.parts import (
    BASIS_WORDS,
    CAUTION_WORDS,
    INVASIVENESS_MEANING,
    ONSET_BASIS_WORDS,
    TITLES,
    References,
    Table,
    View,
    footer,
    quoted,
    words,
)
from paincompare.render.views.regional import regional_detail, regional_short
from paincompare.render.views.wording import (
    NOT_A_MEDICINE,
    finding_lines,
    guideline_name,
    lead_lines,
    scaled,
    situation_words,
    stance_lines,
    stance_sources,
)

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


def grid_view(report: Report, ascii_only: bool) -> View:
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
        lead=lead_lines(report),
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
        return (regional_detail if detail else regional_short)(t, row, refs, report.region.code)
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
        return [refs.cite(f"{scaled(o.speed, o.summary)} (counted {ONSET_BASIS_WORDS[o.basis]})", o.sources)]
    if row in ("cautions", "interactions"):
        block = t.cautions if row == "cautions" else t.interactions
        if block is None:
            return [NOT_A_MEDICINE]
        if not block.entries:
            return [refs.cite(block.short, block.sources)]
        return [
            refs.cite(f"{situation_words(refs.catalogue, c.when)}: {CAUTION_WORDS[c.level]}. {c.text}", c.sources)
            for c in block.entries
        ]
    if row == "duration":
        d = t.duration
        return [refs.cite(f"{scaled(d.length, d.summary)} (counted from {BASIS_WORDS[d.basis]})", d.sources)]
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


def _block_sources(block: m.Cautions) -> list[str]:
    """Every source behind a cautions block's short answer: its entries' and those read for it."""
    return list(dict.fromkeys([s for c in block.entries for s in c.sources] + list(block.sources)))


def _evidence_cell(report: Report, t: m.Treatment, refs: References, ascii_only: bool, detail: bool) -> list[str]:
    chosen = [e for e in t.evidence if report.filters.conditions is None or e.condition in report.filters.conditions]
    if not chosen:
        return ["No evidence in this catalogue for the condition asked about."]
    chosen.sort(key=findings.sort_key)
    if detail:
        lines = []
        for e in chosen:
            lines += finding_lines(report.catalogue, e, refs, ascii_only, with_condition=True, brief=False)
            lines.append(refs.cite(f"In detail: {e.effect}" + (f" Note: {e.note}" if e.note else ""), e.sources))
        return lines
    lines = finding_lines(report.catalogue, chosen[0], refs, ascii_only, with_condition=True, brief=False, short=True)
    others = len(chosen) - 1
    if others:
        lines[-1] += f" (+{others} more)"
    return lines


def _guidelines_cell(report: Report, t: m.Treatment, refs: References, ascii_only: bool, detail: bool) -> list[str]:
    stances = guidance.stances_for(report.catalogue, t, report.filters.conditions)
    if not stances:
        return ["No guideline in this catalogue speaks to it" + (" for this condition." if t.guidelines else ".")]
    if not detail:  # a grid's short answer: the firmest UK and US stance, each in its exact scope
        firmest = guidance.strongest_stances(report.catalogue, t, report.filters.conditions, report.region.code)
        others = f" (+{len(stances) - len(firmest)} more)" if len(stances) > len(firmest) else ""
        return ["; ".join(stance_lines(report.catalogue, firmest, refs)) + others]
    lines = []
    for g in guidance.by_region(report.catalogue, stances, report.region.code):
        name = guideline_name(refs.catalogue, g.guideline)
        wording = f" Says: {quoted(g.wording.rstrip('.') + '.', ascii_only)}" if g.wording else ""
        text = f"{name}: {words(g.stance).upper()}. For: {g.scope.rstrip('.')}.{wording}"
        lines.append(refs.cite(text, stance_sources(g)))
    return lines


def _claims_cell(t: m.Treatment, refs: References, ascii_only: bool, detail: bool) -> list[str]:
    if not t.claims:
        return ["No commonly made claims checked."]
    if detail:
        return [
            refs.cite(f"{quoted(c.claim, ascii_only)}: {c.verdict.upper()}. {c.explanation}", c.sources)
            for c in t.claims
        ]
    counts = {v: sum(1 for c in t.claims if c.verdict == v) for v in scales.VERDICTS.words}
    summary = ", ".join(f"{n} {words(v)}" for v, n in counts.items() if n)
    sources = list(dict.fromkeys(s for c in t.claims for s in c.sources))
    return [refs.cite(f"{len(t.claims)} checked: {summary}.", sources)]
