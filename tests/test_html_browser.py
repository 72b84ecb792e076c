"""The HTML page in a real browser: headless Chromium prints it on A4 and Letter with nothing lost."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import BUNDLED

from paincompare import catalogue, query
from paincompare import region as region_choice
from paincompare.render import Report, ReportKind, views

TREATMENTS = ("ketamine", "opioids", "physical therapy")
BROWSER_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
]
PAGE_SIZES = {"A4": "(A4)", "Letter": "(letter)"}  # as pdfinfo names the page size


pytestmark = pytest.mark.slow


def _tool(*names: str) -> str | None:
    return next((path for name in names if (path := shutil.which(name))), None)


@pytest.fixture(scope="module")
def chromium() -> str:
    browser = _tool("chromium", "chromium-browser", "google-chrome")
    missing = [
        name
        for name, path in (("chromium", browser), ("pdftotext", _tool("pdftotext")), ("pdfinfo", _tool("pdfinfo")))
        if not path
    ]
    if not _has_arial_metrics():
        missing.append("a font with Arial's metrics")
    if missing:
        reason = f"{', '.join(missing)} not installed (Debian: apt-get install chromium poppler-utils fonts-liberation)"
        if os.environ.get("PAINCOMPARE_REQUIRE_BROWSER"):
            pytest.fail(f"the browser test must run here, but {reason}")
        pytest.skip(reason)
    return browser


def _has_arial_metrics() -> bool:
    """The print style asks for Arial, or Liberation Sans with the same metrics: page breaks were
    measured with them, so the test runs where one of them is installed."""
    match = _tool("fc-match")
    if not match:
        return False
    family = subprocess.run([match, "Arial"], capture_output=True, text=True).stdout
    return "Arial" in family or "Liberation Sans" in family or "Arimo" in family


def _print(browser: str, page: Path, pdf: Path, profile: Path) -> None:
    subprocess.run(
        [browser, *BROWSER_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{4,}", text))


OPTIONS = ("ketamine", "opioids", "physical therapy", "ibuprofen")


def _page_text(pdf: Path, page: int) -> str:
    command = ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


# Two to four options; the last two the longest answers we found among four-option grids.
# Each in the US and the UK view: their availability, law and prices differ in length.
GRIDS = [
    ("us", OPTIONS[:2]),
    ("us", OPTIONS[:3]),
    ("us", OPTIONS),
    ("uk", OPTIONS),
    ("us", ("cgrp-antibodies", "botulinum-toxin", "tens", "acupuncture")),
    ("uk", ("muscle-relaxants", "codeine", "tramadol", "buprenorphine")),
    ("us", ("cbt", "strong-opioids", "ketamine-infusion", "codeine")),
]


@pytest.mark.parametrize("size", PAGE_SIZES)
@pytest.mark.parametrize(
    "region, names", GRIDS, ids=lambda value: value if isinstance(value, str) else f"{len(value)}-{value[0]}"
)
def test_the_comparison_prints_whole_on_page_one_with_a_page_for_notes(run, chromium, tmp_path, size, region, names):
    page = tmp_path / "comparison.html"
    result = run("--region", region, "compare", *names, "--format", "html", "--output", str(page))
    assert result.returncode == 0, result.stderr
    sized = tmp_path / f"comparison-{size}.html"
    sized.write_text(
        page.read_text(encoding="utf-8").replace("</head>", f"<style>@page {{ size: {size}; }}</style></head>"),
        encoding="utf-8",
    )
    pdf = tmp_path / f"comparison-{size}.pdf"
    _print(chromium, sized, pdf, tmp_path / "profile")

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert PAGE_SIZES[size] in info

    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    cat = catalogue.load(BUNDLED)
    treatments = tuple(query.resolve(cat, name) for name in names)
    first_words = [t.display_name(region).split()[0] for t in treatments]
    header = next(line for line in layout.splitlines() if all(word in line for word in first_words))
    positions = [header.find(word) for word in first_words]
    assert -1 not in positions and positions == sorted(positions), "the options' columns are side by side"

    # The whole grid is on page 1; the notes box has page 2 to itself; every word reaches the paper.
    chosen = region_choice.choose(region, {})
    view = views.build(Report(ReportKind.COMPARE, cat, treatments, views.COMPARE_ROWS, region=chosen))
    grid_words = _words(" ".join(line for row in view.table.rows for cell in row for line in cell))
    first_page = _page_text(pdf, 1)
    assert not grid_words - _words(first_page), f"not on page 1: {sorted(grid_words - _words(first_page))[:20]}"
    notes_page = _page_text(pdf, 2).split()
    assert notes_page[:5] == ["Questions", "to", "ask", "and", "notes"], notes_page[:10]
    assert "References" not in notes_page, "the notes page is left free to write on"
    expected = [r.text for r in view.references] + view.footer
    missing = _words(" ".join(expected)) - _words(layout)
    assert not missing, f"words missing from the printed page: {sorted(missing)[:20]}"


def test_the_page_prints_at_10_point_or_more(run, tmp_path):
    page = tmp_path / "comparison.html"
    run("compare", *TREATMENTS, "--format", "html", "--output", str(page))
    css = page.read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]
    # every text at 10 pt or more; only the question labels above each row of answers are smaller
    body_rules = [rule for rule in print_rules.split("\n") if not rule.strip().startswith("tr.question th")]
    sizes = [float(size) for size in re.findall(r"font-size: ([0-9.]+)pt", "\n".join(body_rules))]
    assert sizes and min(sizes) >= 10
    assert "thead { display: table-header-group; }" in css and "break-inside: avoid" in css
    assert "Questions to ask and notes" in css + page.read_text(encoding="utf-8")


def test_no_word_is_broken_on_a_phone_width_screen(run, chromium, tmp_path):
    """In a phone-wide window (360 px) the grid stacks by question; words wrap, never break inside."""
    page = tmp_path / "comparison.html"
    run("compare", *TREATMENTS, "--format", "html", "--output", str(page))
    # the page inside a 360 px frame: its media queries see a phone's width, as on a phone
    phone = tmp_path / "phone.html"
    phone.write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        '<iframe src="comparison.html" style="width:360px;height:20000px;border:0"></iframe></body></html>',
        encoding="utf-8",
    )
    pdf = tmp_path / "phone.pdf"
    _print(chromium, phone, pdf, tmp_path / "profile")
    layout = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    cat = catalogue.load(BUNDLED)
    treatments = tuple(query.resolve(cat, name) for name in TREATMENTS)
    view = views.build(Report(ReportKind.COMPARE, cat, treatments, views.COMPARE_ROWS))
    grid_words = _words(" ".join(line for row in view.table.rows for cell in row for line in cell))
    assert not grid_words - _words(layout), f"broken inside a word: {sorted(grid_words - _words(layout))[:20]}"
    assert "How well does it work?\n\nIV ketamine infusion" in layout, "answers stand under their question"


def test_the_annotated_article_prints_with_every_verdict_word(run, chromium, tmp_path):
    """check --format html -o review.html: the article, each flagged sentence highlighted with its
    verdict as a word (never colour alone) and its numbered notes, all of it reaching the paper."""
    review = tmp_path / "review.html"
    source = Path(__file__).parent / "articles" / "promotional.md"
    result = run("check", str(source), "-o", str(review))
    assert result.returncode == 0, result.stderr
    page = review.read_text(encoding="utf-8")
    assert '<mark class="contradicted">' in page and "<script" not in page
    pdf = tmp_path / "review.pdf"
    _print(chromium, review, pdf, tmp_path / "profile")
    layout = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(layout.split())
    for words in ("contradicted", "not checked", "Spinal cord stimulation lets people stop taking opioids"):
        assert words in flat, words
    assert _words(source.read_text(encoding="utf-8")) <= _words(layout), "the article is there whole"
