"""The JSON document of the list, compare, show, sources and conditions reports: every id resolved."""

from typing import Any

from paincompare import findings, guidance, query
from paincompare.catalogue import convert, shape
from paincompare.catalogue import models as m
from paincompare.render.report import Report, ReportKind
from paincompare.render.views.wording import flag_level


def records_document(
    report: Report, sources: list[str] | None = None, conditions: list[str] | None = None, counts: bool = False
) -> dict[str, Any]:
    """{"catalogue", "query", "treatments", "conditions", "references"}: every id the records use resolved."""
    catalogue = report.catalogue
    treatments = report.treatments
    cited = (
        sources if sources is not None else list(dict.fromkeys(s for t in treatments for s in shape.cited_sources(t)))
    )
    document = {
        "catalogue": catalogue.info.to_data(),
        "query": {"command": report.kind.value, "condition": report.condition_text, "region": report.region.code},
        "treatments": [_treatment_data(report, t) for t in treatments],
        "conditions": _conditions_data(catalogue, treatments, conditions, counts),
        "situations": _situations_data(catalogue, treatments),
        "references": resolved_references(catalogue, cited),
    }
    if report.kind is ReportKind.LIST:
        document["not_judged"] = [_not_judged_data(e) for e in report.not_judged]
        document["groups"] = [{"label": g.label, "treatments": [t.id for t in g.treatments]} for g in report.groups]
    return document


def _conditions_data(
    catalogue: m.Catalogue, treatments: tuple[m.Treatment, ...], conditions: list[str] | None, counts: bool
) -> dict[str, Any]:
    """The conditions asked for, or every one the records' findings and guidelines name; with `counts`,
    how many treatments have findings for each."""
    if conditions is None:
        used = [e.condition for t in treatments for e in t.evidence]
        used += [c for t in treatments for g in t.guidelines for c in g.conditions]
        conditions = list(dict.fromkeys(used))
    found = {}
    for cid in conditions:
        data = _without_id(convert.to_data(catalogue.conditions[cid], shape.record(m.Condition)))
        if counts:
            data["treatments"] = guidance.treatments_with_evidence(catalogue, cid, include_narrower=False)
            data["with_narrower"] = guidance.treatments_with_evidence(catalogue, cid, include_narrower=True)
        found[cid] = data
    return found


def _situations_data(catalogue: m.Catalogue, treatments: tuple[m.Treatment, ...]) -> dict[str, Any]:
    """Every situation the records' cautions and interactions name."""
    used = [c.when for t in treatments for block in (t.cautions, t.interactions) if block for c in block.entries]
    return {
        sid: _without_id(convert.to_data(catalogue.situations[sid], shape.record(m.Situation)))
        for sid in dict.fromkeys(used)
    }


def _not_judged_data(e: query.NotJudged) -> dict[str, Any]:
    return {
        "field": e.field,
        "option": e.option,
        "reason": e.reason,
        "shown": e.shown,
        "treatments": [t.id for t in e.treatments],
    }


def _without_id(data: dict[str, Any]) -> dict[str, Any]:
    """A record's data without its id, which is the key it is listed under."""
    del data["id"]
    return data


def resolved_references(catalogue: m.Catalogue, cited: list[str]) -> dict[str, Any]:
    """Every source id cited, resolved to its citation (without the id, which is the key)."""
    return {
        source_id: _without_id(convert.to_data(catalogue.sources[source_id], shape.record(m.Source)))
        for source_id in cited
    }


def _treatment_data(report: Report, t: m.Treatment) -> dict[str, Any]:
    data = convert.treatment_data(t)
    if report.kind is ReportKind.LIST:  # what the row showed, so a script sees the same finding
        shown = query.shown_finding(t, report.filters)
        data["shown_finding"] = None if shown is None else t.evidence.index(shown)
        if report.flags:
            data["flags"] = {text: flag_level(t, situations) for text, situations in report.flags}
    for entry, e in zip(data["evidence"], t.evidence):
        entry["statement"] = findings.statement(e)
    return data
