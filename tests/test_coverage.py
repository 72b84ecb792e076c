"""The guideline coverage matrix in docs/: complete for the bundled catalogue, and current."""

from __future__ import annotations

import factory
from conftest import BUNDLED, REPO

from paincompare import catalogue, coverage

DOC = REPO / "docs" / "guideline-coverage.md"


def test_the_file_in_docs_is_the_generated_matrix_of_the_bundled_catalogue():
    assert DOC.read_text(encoding="utf-8") == coverage.markdown(catalogue.load(BUNDLED)), (
        "regenerate it: python -m paincompare.coverage > docs/guideline-coverage.md"
    )


def test_every_treatment_meets_every_core_guideline_and_no_core_stance_is_left_out():
    cat = catalogue.load(BUNDLED)
    rows = coverage.matrix(cat)
    core = [g.guideline for g in cat.info.core_guidelines]
    assert [r.treatment.id for r in rows] == [t.id for t in cat.treatments]
    for row in rows:
        assert len(row.cells) == len(core) and all(row.cells), row.treatment.id
        for guideline, cell in zip(core, row.cells, strict=True):
            stances = [g for g in row.treatment.guidelines if g.guideline == guideline]
            assert (cell == coverage.DOES_NOT_ADDRESS) == (not stances), (row.treatment.id, guideline)
            for g in stances:
                assert g.stance.replace("-", " ") in cell


def test_a_cell_gives_each_stance_with_its_conditions_strongest_for_first():
    record = factory.treatment("alpha")
    (stance,) = record["guidelines"]
    record["guidelines"] = [
        {**stance, "stance": "do-not-offer", "conditions": ["low-back-pain"]},
        {**stance, "stance": "recommended", "conditions": ["chronic-pain", "fibromyalgia"]},
        {**stance, "stance": "do-not-offer", "conditions": ["fibromyalgia"]},
    ]
    cat = catalogue.parse(factory.dump(factory.catalogue(record)), "test.yaml")
    (row,) = coverage.matrix(cat)
    assert row.cells == [
        "recommended (chronic pain (any kind), fibromyalgia); do not offer (low back pain, fibromyalgia)"
    ]
    assert coverage.stance_words(cat, []) == "does not address"
