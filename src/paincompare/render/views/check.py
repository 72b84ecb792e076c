"""The check report: each claim with its verdict, the article's passages, the scorecard, and its JSON."""

from typing import TYPE_CHECKING, Any

from paincompare.catalogue import scales
from paincompare.render.report import Report
from paincompare.render.views.documents import resolved_references
from paincompare.render.views.parts import TITLES, Cells, Note, Passage, References, Table, View, footer

if TYPE_CHECKING:  # the checker's types, named in strings: a catalogue report never imports the checker
    from paincompare.check.result import CheckResult, Finding, Line, Worth

CHECK_FIELDS = ("line", "sentence", "treatment", "attribute", "verdict", "claim", "explanation", "sources")


def check_view(report: Report) -> View:
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
            head += f" ({_worth_in_words(result.worth[number - 1])}.)"
        claim = f'Checked claim: "{f.claim.claim}"' if f.claim else ""
        row = row_of.get((f.line, f.text))
        if row is None:  # one row per sentence; every finding on it in the last cell
            row = row_of[(f.line, f.text)] = [[str(f.line)], [f.text], []]
            rows.append(row)
        row[2] += [f"({number}) {head}", *([claim] if claim else []), said]
        records.append(_finding_record(f, result.worth[number - 1] if result.worth else None))
        notes.append(Note(number, f.verdict, " ".join(part for part in (head, claim, said) if part)))
    header = list(CHECK_FIELDS) + (["worthiness", "reasons"] if result.worth else [])
    card = [_scorecard_record(line, len(header)) for line in result.scorecard]
    return View(
        kind=report.kind,
        title=TITLES[report.kind],
        lead=_check_lead(result),
        table=Table(["Line", "What the article says", "What the catalogue says"], rows, row_labels=False),
        records=(header, card + records),
        references=refs.lines(full=False),
        footer=footer(report),
        data={},
        passages=_passages(result),
        notes=notes,
    )


def _check_lead(result: "CheckResult") -> list[str]:
    """What was read, the scorecard, the verdicts by kind, and how claims are judged."""
    return [
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


def _finding_record(f: "Finding", worth: "Worth | None") -> list[str]:
    """One finding as a CSV record (CHECK_FIELDS), with its worthiness and reasons when sorted by them."""
    record = [
        str(f.line),
        f.text,
        f.treatment,
        f.attribute,
        f.verdict,
        f.claim.claim if f.claim else "",
        f.explanation,
        ", ".join(f.sources),
    ]
    return record + ([str(worth.score), ", ".join(worth.reasons)] if worth else [])


def _worth_in_words(worth: "Worth") -> str:
    from paincompare.check.worthiness import in_words  # only a sorted check has worthiness to state

    return in_words(worth).capitalize()


def _weights_in_words() -> str:
    """check --sort worthiness: the fixed weights, as the lead states them (check/worthiness.py)."""
    from paincompare.check.worthiness import WEIGHTS  # only a sorted check has them to state

    return ", ".join(f"{name} +{weight}" for name, weight in WEIGHTS)


def _scorecard_lines(card: "tuple[Line, ...]") -> list[str]:
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


def _scorecard_record(line: "Line", width: int) -> list[str]:
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


def _verdict_summary(found: "tuple[Finding, ...]") -> list[str]:
    """One line per verdict, gravest first, with the numbers of its findings: the summary above the detail."""
    lines = []
    for verdict in scales.FINDING_VERDICTS_GRAVEST_FIRST:
        numbers = [str(n) for n, f in enumerate(found, start=1) if f.verdict == verdict]
        if numbers:
            shown = ", ".join(numbers[:12]) + (", ..." if len(numbers) > 12 else "")
            lines.append(f"{verdict.upper().replace('-', ' ')}: {len(numbers)} (findings {shown})")
    return lines or ["No finding about a catalogued treatment."]


def _passages(result: "CheckResult") -> list[Passage]:
    """The article's paragraphs, each sentence with the numbers of its notes and its strongest verdict."""
    by_sentence: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for number, f in enumerate(result.findings, start=1):
        by_sentence.setdefault((f.line, f.text), []).append((number, f.verdict))
    passages = []
    for paragraph in result.article.paragraphs:
        sentences = []
        for sentence in paragraph.sentences:
            marks = by_sentence.get((sentence.line, sentence.text), [])
            strongest = min((v for _n, v in marks), key=scales.FINDING_VERDICTS_GRAVEST_FIRST.index, default="")
            sentences.append((sentence.text, [n for n, _v in marks], strongest))
        passages.append(Passage(paragraph.is_heading, sentences))
    return passages


def check_document(report: Report) -> dict[str, Any]:
    """The check's JSON contract: catalogue, article, findings and the sources they cite."""
    assert report.check is not None
    catalogue, result = report.catalogue, report.check
    cited = list(dict.fromkeys(s for f in result.findings for s in f.sources))
    return {
        "catalogue": catalogue.info.to_data(),
        "article": {"path": result.article.path, "sentences": result.article.sentence_count()},
        "summary": {
            v: sum(1 for f in result.findings if f.verdict == v) for v in scales.FINDING_VERDICTS_GRAVEST_FIRST
        },
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
        "references": resolved_references(catalogue, cited),
    }
