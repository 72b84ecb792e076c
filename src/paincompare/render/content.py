"""What every human format shows: the list's columns, the comparison's questions, citations."""

from __future__ import annotations

from paincompare import models as m
from paincompare.render import Report

CERTAINTY_SYMBOLS = {"high": "⊕⊕⊕⊕", "moderate": "⊕⊕⊕◯", "low": "⊕⊕◯◯", "very-low": "⊕◯◯◯"}
ASCII_CERTAINTY_SYMBOLS = {"high": "++++", "moderate": "+++o", "low": "++oo", "very-low": "+ooo"}
INVASIVENESS_MEANING = {
    "none": "no needles, cuts or implants",
    "minimal": "needles or a single injection",
    "moderate": "an image-guided procedure or a monitored drip into a vein",
    "major": "surgery or an implant",
}

# The comparison's rows: the same questions for every treatment, in equal detail (Option Grid).
ROWS: dict[str, str] = {
    "what": "What is it and how is it given?",
    "onset": "How soon might it help?",
    "duration": "How long does relief last?",
    "evidence": "How well does it work?",
    "side-effects": "What side effects are common?",
    "serious-harms": "What serious harms can happen?",
    "addiction": "Can it cause addiction or misuse?",
    "invasiveness": "How invasive is it?",
    "guidelines": "What do guidelines say?",
    "cost": "What does it cost?",
    "claims": "Claims checked",
    "reviewed": "Record last checked",
}
IDENTITY_ROWS: dict[str, str] = {"id": "Id", "aliases": "Also called"}
# The list's fields for machine-readable text (plain, csv): scale words exactly as in the catalogue.
LIST_FIELDS = (
    "id",
    "name",
    "category",
    "addiction",
    "us_schedule",
    "onset",
    "duration",
    "invasiveness",
    "most_certain_evidence",
    "condition",
    "cost",
)
LIST_COLUMNS = (
    "Name",
    "Category",
    "Addiction risk",
    "Onset",
    "Duration",
    "Invasiveness",
    "Most certain evidence",
    "Cost",
)


def words(value: str) -> str:
    """A scale word as prose: 'not-reported' -> 'not reported'."""
    return value.replace("-", " ")


def certainty(value: str, ascii_only: bool = False) -> str:
    """GRADE certainty as symbol plus word, never a colour alone."""
    symbols = ASCII_CERTAINTY_SYMBOLS if ascii_only else CERTAINTY_SYMBOLS
    return f"{symbols[value]} {words(value)}"


def schedule(risk: m.AddictionRisk) -> str:
    return f"US Schedule {risk.us_schedule}" if risk.us_schedule else "not a US controlled substance"


class References:
    """Numbers each cited source in order of first use, so cells can say [1] and a list can follow."""

    def __init__(self, catalogue: m.Catalogue) -> None:
        self.catalogue = catalogue
        self.numbers: dict[str, int] = {}

    def mark(self, source_ids: tuple[str, ...] | list[str]) -> str:
        for source_id in source_ids:
            self.numbers.setdefault(source_id, len(self.numbers) + 1)
        return "[" + ", ".join(str(self.numbers[s]) for s in source_ids) + "]"

    def cite(self, text: str, source_ids: tuple[str, ...] | list[str]) -> str:
        return f"{text} {self.mark(source_ids)}"

    def listing(self) -> list[tuple[int, m.Source]]:
        return [(n, self.catalogue.sources[s]) for s, n in self.numbers.items()]

    def short_name(self, source_id: str) -> str:
        return self.catalogue.sources[source_id].label()


def list_row(t: m.Treatment, ascii_only: bool = False) -> list[str]:
    """One treatment's cells for `paincompare list`."""
    strongest = t.strongest_evidence()
    evidence = f"{certainty(strongest.certainty, ascii_only)}: {strongest.condition}" if strongest else "not reported"
    risk = t.addiction_risk
    addiction = words(risk.level) + (f" (Schedule {risk.us_schedule})" if risk.us_schedule else "")
    return [
        t.name,
        words(t.category),
        addiction,
        words(t.onset.speed),
        words(t.duration.length),
        words(t.invasiveness),
        evidence,
        words(t.cost.tier),
    ]


def quoted(text: str, ascii_only: bool) -> str:
    return f'"{text}"' if ascii_only else f"\u201c{text}\u201d"


def grid(report: Report, refs: References, ascii_only: bool = False) -> list[tuple[str, list[list[str]]]]:
    """For `compare` and `show`: (question, one cell of lines per treatment) for each row asked for."""
    labels = {**IDENTITY_ROWS, **ROWS}
    return [(labels[row], [cell(t, row, refs, ascii_only) for t in report.treatments]) for row in report.rows]


Layout = tuple[list[str], list[list[list[str]]]]  # header, rows of cells of lines


def layout(report: Report, refs: References, ascii_only: bool = False) -> Layout:
    """The table a person reads (table, markdown, html): the same header and cells in every format."""
    if report.command == "list":
        return list(LIST_COLUMNS), [[[c] for c in list_row(t, ascii_only)] for t in report.treatments]
    if report.command == "sources":
        rows = [
            [[str(n)], [s.id], [s.kind], [str(s.year)], [f"{s.who()}. {s.title}. {s.url}"]]
            for n, s in bibliography(report, refs)
        ]
        return ["#", "Id", "Kind", "Year", "Citation"], rows
    rows = [[[question], *cells] for question, cells in grid(report, refs, ascii_only)]
    return ["Question", *[t.name for t in report.treatments]], rows


def bibliography(report: Report, refs: References) -> list[tuple[int, m.Source]]:
    """For `sources`: every source, or those one treatment cites, numbered in order."""
    if report.treatments:
        refs.mark(list(dict.fromkeys(s for t in report.treatments for s in t.cited_sources())))
    else:
        refs.mark(list(report.catalogue.sources))
    return refs.listing()


def list_record(t: m.Treatment) -> list[str]:
    """One treatment's LIST_FIELDS, for formats that scripts read."""
    strongest = t.strongest_evidence()
    return [
        t.id,
        t.name,
        t.category,
        t.addiction_risk.level,
        t.addiction_risk.us_schedule or "none",
        t.onset.speed,
        t.duration.length,
        t.invasiveness,
        strongest.certainty if strongest else m.NOT_REPORTED,
        strongest.condition if strongest else "",
        t.cost.tier,
    ]


def cell(t: m.Treatment, row: str, refs: References, ascii_only: bool = False) -> list[str]:
    """The lines of one treatment's answer to one question, each fact followed by its citation."""
    if row == "id":
        return [t.id]
    if row == "aliases":
        return [", ".join(t.aliases) or "none"]
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
        return [refs.cite(_scaled(t.duration.length, t.duration.summary), t.duration.sources)]
    if row == "evidence":
        return [_evidence_line(e, refs, ascii_only) for e in t.evidence]
    if row in ("side-effects", "serious-harms"):
        effects = t.side_effects.common if row == "side-effects" else t.side_effects.serious
        lines = [f"- {effect}" for effect in effects]
        lines[-1] = refs.cite(lines[-1], t.side_effects.sources)
        return lines
    if row == "addiction":
        risk = t.addiction_risk
        return [f"{words(risk.level)}; {schedule(risk)}", refs.cite(risk.summary, risk.sources)]
    if row == "invasiveness":
        return [f"{words(t.invasiveness)}: {INVASIVENESS_MEANING[t.invasiveness]}"]
    if row == "guidelines":
        return [_guideline_line(g, refs, ascii_only) for g in t.guidelines] or [
            "No guideline in this catalogue speaks to it."
        ]
    if row == "cost":
        return [refs.cite(_scaled(t.cost.tier, t.cost.summary), t.cost.sources)]
    if row == "claims":
        return [
            refs.cite(f"{quoted(c.claim, ascii_only)}: {c.verdict.upper()}. {c.explanation}", c.sources)
            for c in t.claims
        ] or ["No commonly made claims checked."]
    if row == "reviewed":
        return [t.reviewed.isoformat()]
    raise KeyError(row)


def _scaled(word: str, summary: str) -> str:
    """'weeks: Benefit builds...'; a summary that already says 'Not reported' is not prefixed again."""
    if word == m.NOT_REPORTED and summary.casefold().startswith("not reported"):
        return summary
    return f"{words(word)}: {summary}"


def _evidence_line(e: m.Evidence, refs: References, ascii_only: bool) -> str:
    note = f" Note: {e.note}" if e.note else ""
    return refs.cite(f"{certainty(e.certainty, ascii_only)} | {e.condition}: {e.effect}{note}", e.sources)


def _guideline_line(g: m.GuidelineStance, refs: References, ascii_only: bool) -> str:
    wording = f" Says: {quoted(g.wording.rstrip('.') + '.', ascii_only)}" if g.wording else ""
    sources = [g.guideline, *[s for s in g.sources if s != g.guideline]]
    text = f"{refs.short_name(g.guideline)}: {words(g.stance).upper()}. For: {g.scope.rstrip('.')}.{wording}"
    return refs.cite(text, sources)


def footer(catalogue: m.Catalogue) -> list[str]:
    """The review date, funding and disclaimer that close every human format."""
    info = catalogue.info
    return [
        f"Catalogue: {info.title}, version {info.version}; reviewed {info.reviewed.isoformat()}, "
        f"next review due {info.next_review().isoformat()}.",
        f"Funding: {info.funding}",
        info.disclaimer,
    ]
