"""The guideline coverage matrix: each treatment against each guideline of the catalogue's core set.

docs/guideline-coverage.md is this module's output for the bundled catalogue;
tests/test_coverage.py fails when the file and the catalogue differ. Regenerate it with:

    python -m paincompare.coverage > docs/guideline-coverage.md
"""

from __future__ import annotations

import sys
from typing import NamedTuple

from paincompare.catalogue import models as m
from paincompare.catalogue import scales

DOES_NOT_ADDRESS = "does not address"


class Row(NamedTuple):
    treatment: m.Treatment
    cells: list[str]  # one per core guideline, in the core set's order
    others: list[str]  # stances from guidelines outside the core set


def stance_words(catalogue: m.Catalogue, stances: list[m.GuidelineStance]) -> str:
    """'do not offer (low back pain); consider (sciatica)': each stance word with the conditions it covers."""
    if not stances:
        return DOES_NOT_ADDRESS
    by_stance: dict[str, list[str]] = {}
    for g in stances:
        names = by_stance.setdefault(g.stance, [])
        names += [catalogue.conditions[c].name for c in g.conditions if catalogue.conditions[c].name not in names]
    ordered = sorted(by_stance, key=scales.STANCES.rank)
    return "; ".join(f"{stance.replace('-', ' ')} ({', '.join(by_stance[stance])})" for stance in ordered)


def matrix(catalogue: m.Catalogue) -> list[Row]:
    """One row per treatment, in catalogue order."""
    core = [g.guideline for g in catalogue.info.core_guidelines]
    rows = []
    for t in catalogue.treatments:
        cells = [stance_words(catalogue, [g for g in t.guidelines if g.guideline == c]) for c in core]
        outside = sorted({g.guideline for g in t.guidelines} - set(core))
        others = [
            f"{catalogue.sources[o].label()}: {stance_words(catalogue, [g for g in t.guidelines if g.guideline == o])}"
            for o in outside
        ]
        rows.append(Row(t, cells, others))
    return rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(catalogue: m.Catalogue) -> str:
    core = catalogue.info.core_guidelines
    rows = matrix(catalogue)
    addressed = sum(cell != DOES_NOT_ADDRESS for row in rows for cell in row.cells)
    lines = [
        "# Guideline coverage",
        "",
        "Generated from data/treatments.yaml by `python -m paincompare.coverage > docs/guideline-coverage.md`;",
        "tests/test_coverage.py fails when this file and the catalogue differ. Do not edit it by hand.",
        "",
        "Each row is a treatment, each column a guideline of the catalogue's core set (`core_guidelines` in",
        "the catalogue). A cell gives the guideline's stance and the conditions its scope covers, or",
        f'"{DOES_NOT_ADDRESS}" where we found no recommendation on that treatment in the guideline. Exact',
        "scopes and wording are in each record (`paincompare show TREATMENT`).",
        "",
        f"{len(rows)} treatments x {len(core)} guidelines: {addressed} of {len(rows) * len(core)} cells have a stance.",
        "",
        "## The core set",
        "",
        "| guideline | title | why it is in the core set | note on its standing |",
        "|---|---|---|---|",
    ]
    for g in core:
        source = catalogue.sources[g.guideline]
        lines.append(
            f"| {_cell(source.label())} | {_cell(source.title)} ({source.year}) | {_cell(g.why)} | "
            f"{_cell(g.status or '')} |"
        )
    lines += ["", "## Treatments against the core set", ""]
    lines.append("| treatment | " + " | ".join(_cell(catalogue.sources[g.guideline].label()) for g in core) + " |")
    lines.append("|---" * (len(core) + 1) + "|")
    for row in rows:
        lines.append(f"| {_cell(row.treatment.name)} | " + " | ".join(_cell(c) for c in row.cells) + " |")
    lines += ["", "## Other guidelines the catalogue cites", ""]
    for row in rows:
        if row.others:
            lines.append(f"- **{row.treatment.name}**: " + "; ".join(row.others))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    from paincompare import catalogue as catalogue_module

    sys.stdout.write(markdown(catalogue_module.load(catalogue_module.bundled_path())))
