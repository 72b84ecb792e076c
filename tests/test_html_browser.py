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
from paincompare.render import Report, ReportKind, views
from paincompare.render.views import ROWS

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
    if missing:
        reason = f"{', '.join(missing)} not installed (Debian: apt-get install chromium poppler-utils)"
        if os.environ.get("PAINCOMPARE_REQUIRE_BROWSER"):
            pytest.fail(f"the browser test must run here, but {reason}")
        pytest.skip(reason)
    return browser


def _print(browser: str, page: Path, pdf: Path, profile: Path) -> None:
    subprocess.run(
        [browser, *BROWSER_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{4,}", text))


@pytest.mark.parametrize("size", PAGE_SIZES)
def test_the_comparison_prints_whole_on_a4_and_letter(run, chromium, tmp_path, size):
    page = tmp_path / "comparison.html"
    result = run("compare", *TREATMENTS, "--format", "html", "--output", str(page))
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
    header = next(line for line in layout.splitlines() if "Question" in line)
    positions = [
        header.find(label) for label in ("Question", "IV ketamine infusion", "Long-term strong", "Exercise therapy")
    ]
    assert -1 not in positions and positions == sorted(positions), "the grid's four columns are side by side"

    # The whole grid is on page 1; every word of the grid, references and footer reaches the paper.
    cat = catalogue.load(BUNDLED)
    treatments = tuple(query.resolve(cat, name) for name in TREATMENTS)
    rows = tuple(row for row in ROWS if row != "reviewed")
    view = views.build(Report(ReportKind.COMPARE, cat, treatments, rows))
    grid_words = _words(" ".join(line for row in view.table.rows for cell in row for line in cell))
    first_page = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert not grid_words - _words(first_page), f"not on page 1: {sorted(grid_words - _words(first_page))[:20]}"
    expected = [r.text for r in view.references] + view.footer
    missing = _words(" ".join(expected)) - _words(layout)
    assert not missing, f"words missing from the printed page: {sorted(missing)[:20]}"


def test_the_page_prints_at_10_point_or_more(run, tmp_path):
    page = tmp_path / "comparison.html"
    run("compare", *TREATMENTS, "--format", "html", "--output", str(page))
    css = page.read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]
    sizes = [float(size) for size in re.findall(r"font-size: ([0-9.]+)pt", print_rules)]
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
    view = views.build(Report(ReportKind.COMPARE, cat, treatments, tuple(r for r in ROWS if r != "reviewed")))
    grid_words = _words(" ".join(line for row in view.table.rows for cell in row for line in cell))
    assert not grid_words - _words(layout), f"broken inside a word: {sorted(grid_words - _words(layout))[:20]}"
    assert "How soon might it help?\nIV ketamine infusion" in layout, "answers stand under their question"


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
