"""How a record's facts are put in words, shared by the list and the compare grid: onset, cost tier,
guideline stances, findings, warnings."""

from paincompare import findings, guidance, query
from paincompare.catalogue import models as m
from paincompare.catalogue import scales
from paincompare.render.report import Report, ReportKind
from paincompare.render.views.parts import References, certainty, words


def cost_tier(t: m.Treatment, region: str) -> str:
    cost = t.cost_in(region)
    return cost.tier if cost else scales.NOT_REPORTED


def onset_words(onset: m.Onset, brief: bool = False) -> str:
    """'minutes, each dose': the speed and what it is counted from ('not reported' alone)."""
    if onset.speed == scales.NOT_REPORTED:
        return words(onset.speed)
    if brief:
        return f"{words(onset.speed)} ({'dose' if onset.basis == 'each-dose' else 'course'})"
    return f"{words(onset.speed)}, {'each dose' if onset.basis == 'each-dose' else 'from the start of a course'}"


def flag_level(t: m.Treatment, situations: frozenset[str]) -> str:
    """The firmest thing the sources say for these situations, as a scale word, or that they say nothing."""
    found = guidance.flagged(t, situations)
    return found[0].level if found else "no-warning-found"


def stance_lines(catalogue: m.Catalogue, stances: list[m.GuidelineStance], refs: References) -> list[str]:
    if not stances:
        return ["No guideline in this catalogue speaks to it."]
    return [refs.cite(_stance_words(catalogue, g), stance_sources(g)) for g in stances]


def stances_in_words(catalogue: m.Catalogue, stances: list[m.GuidelineStance]) -> str:
    return "; ".join(_stance_words(catalogue, g) for g in stances)


def _stance_words(catalogue: m.Catalogue, g: m.GuidelineStance) -> str:
    """'NICE NG193 (fibromyalgia, CRPS): do not offer': who, for what, and what it says."""
    scope = ", ".join(short_condition(catalogue, c) for c in g.conditions)
    return f"{guideline_name(catalogue, g.guideline)} ({scope}): {words(g.stance)}"


def lead_lines(report: Report) -> list[str]:
    if report.kind is ReportKind.LIST and report.filters.onset:
        onset = [
            f"--onset {report.filters.onset}: for medicines taken as needed, the time to relief after one dose; "
            "for courses, when trials first saw benefit. The onset column says which."
        ]
        return onset + lead_lines(report._replace(filters=report.filters._replace(onset=None)))
    if report.condition_text is None:
        if report.kind is ReportKind.LIST:
            return [
                "Each row shows the treatment's finding for chronic pain as a whole where it has one; otherwise its "
                "best result for one condition, marked as such."
            ]
        return []
    names = sorted(report.catalogue.conditions[c].name for c in report.filters.conditions or ())
    return [f"Evidence and guidelines for: {', '.join(names)} (asked for '{report.condition_text}')."]


NOT_A_MEDICINE = "Not reviewed: interactions are listed for medicines; see who should not use it."


def situation_words(catalogue: m.Catalogue, situation_id: str) -> str:
    """A situation's name as a heading: 'Pregnancy', 'Taking blood thinners'."""
    name = catalogue.situations[situation_id].name
    return name[:1].upper() + name[1:]


def scaled(word: str, summary: str) -> str:
    """'weeks: Benefit builds...'; a summary that already says 'Not reported' is not prefixed again."""
    if word == scales.NOT_REPORTED and summary.casefold().startswith("not reported"):
        return summary
    return f"{words(word)}: {summary}"


def finding_lines(
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


def guideline_name(catalogue: m.Catalogue, guideline: str) -> str:
    """'ACP 2017, past its 5-year currency rule': a guideline's short name with its standing."""
    status = catalogue.info.guideline_status(guideline)
    return catalogue.sources[guideline].label() + (f", {status}" if status else "")


def stance_sources(g: m.GuidelineStance) -> list[str]:
    return [g.guideline, *[s for s in g.sources if s != g.guideline]]


def short_condition(catalogue: m.Catalogue, condition_id: str) -> str:
    """A condition's name without its explanation in brackets: 'complex regional pain syndrome (CRPS)' -> 'CRPS'."""
    name = catalogue.conditions[condition_id].name
    if "(" in name and name.endswith(")"):
        inside = name[name.index("(") + 1 : -1]
        return inside if inside.isupper() else name[: name.index("(")].strip()
    return name
