"""`paincompare check`: the article's claims about treatments, beside the catalogue's checked claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ARTICLES

from paincompare.check import article, finder, mentions
from paincompare.check.phrases import Words, normalised
from paincompare.check.result import CheckResult
from paincompare.errors import ArticleError

ORIGIN = ARTICLES / "origin-ketamine-clinic.txt"


def run_check(cat, signals, path: Path) -> CheckResult:
    return finder.check(cat, article.read(path), signals)


def verdicts(result, treatment: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for f in result.findings:
        if f.treatment == treatment:
            found.setdefault(f.attribute, set()).add(f.verdict)
    return found


def test_the_origin_article_flags_all_six_ketamine_claims(cat, signals):
    result = run_check(cat, signals, ORIGIN)
    claims = {f.claim.claim: f.verdict for f in result.findings if f.treatment == "ketamine-infusion" and f.claim}
    ketamine = next(t for t in cat.treatments if t.id == "ketamine-infusion")
    assert claims == {c.claim: c.verdict for c in ketamine.claims}, "every one of its six checked claims is found"
    assert claims["Ketamine is non-addictive and does not produce a high."] == "contradicted"
    assert claims["Ketamine has few side effects, and they are mild and short-lived."] == "contradicted"


def test_the_origin_article_also_speaks_of_the_treatments_it_sets_against_ketamine(cat, signals):
    result = run_check(cat, signals, ORIGIN)
    named = {f.treatment for f in result.findings}
    assert {"acetaminophen", "oral-nsaids", "strong-opioids", "exercise-therapy"} <= named
    assert "spinal-fusion" not in named, "'surgery' alone names no treatment"
    opioids = verdicts(result, "strong-opioids")
    assert "contradicted" in opioids["effectiveness"]  # "more potent pain relief": a checked claim
    assert "supported" in opioids["addiction"]  # "a risk of addiction": the record's level is high


def test_unlike_x_puts_the_claim_on_the_other_treatment(cat, signals):
    result = run_check(cat, signals, ORIGIN)
    line = [f for f in result.findings if f.text.startswith("Unlike opioids")]
    assert {(f.treatment, f.verdict) for f in line if f.attribute == "addiction"} == {
        ("ketamine-infusion", "contradicted"),
        ("strong-opioids", "not-checked"),
    }


def test_what_a_sentence_offers_instead_is_compared_not_claimed(cat, signals, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kratom is an alternative to opioids that is not addictive.\n", encoding="utf-8")
    result = run_check(cat, signals, path)
    assert verdicts(result, "kratom")["addiction"] == {"contradicted"}
    assert verdicts(result, "strong-opioids")["addiction"] == {"not-checked"}  # not called non-addictive


@pytest.mark.parametrize("words", ["avoid", "an alternative to", "instead of", "rather than", "compared with"])
def test_words_that_make_a_name_a_comparison(words):
    said = Words.of(normalised(f"it helps you {words} knee replacement"))
    assert mentions._before_name(said, said.words.index("knee")) == "compared"
    assert mentions._before_name(Words.of("knee replacement works"), 1) == "subject"


def test_a_promotional_article_it_has_never_seen(cat, signals):
    result = run_check(cat, signals, ARTICLES / "promotional.md")
    assert "contradicted" in verdicts(result, "cannabinoids")["safety"]  # "no side effects", "safe, natural"
    assert "contradicted" in verdicts(result, "cannabinoids")["addiction"]  # "non-addictive" for Schedule I/III
    assert "contradicted" in verdicts(result, "gabapentin")["addiction"]
    assert "contradicted" in verdicts(result, "tramadol")["addiction"]
    assert "contradicted" in verdicts(result, "acetaminophen")["safety"]
    assert verdicts(result, "spinal-cord-stimulation")["effectiveness"] >= {"unproven"}
    said = {(f.line, f.text[:20]) for f in result.findings if f.treatment == "spinal-cord-stimulation"}
    assert said == {(7, "Spinal cord stimulat"), (7, "It is a recommended ")}, "the sentence saying it is found too"


def test_a_balanced_article_raises_no_contradiction_and_ignores_its_script(cat, signals):
    result = run_check(cat, signals, ARTICLES / "balanced.html")
    assert result.findings and not [f for f in result.findings if f.verdict == "contradicted"]
    assert not [f for f in result.findings if "tracking" in f.text or "font-family" in f.text]
    assert {"exercise-therapy", "strong-opioids", "acetaminophen", "duloxetine"} <= {
        f.treatment for f in result.findings
    }
    opioid = next(f for f in result.findings if f.treatment == "strong-opioids")
    assert opioid.line == 12, "HTML findings carry the source line"


@pytest.mark.parametrize(
    "attribute, sentence",
    [
        ("addiction", "Ketamine can be habit-forming."),
        ("onset", "Ketamine works within hours."),
        ("duration", "Ketamine gives permanent relief."),
        ("safety", "Ketamine carries a risk of bladder damage."),
        ("effectiveness", "Ketamine is effective for nerve pain."),
        ("invasiveness", "Ketamine is given through a drip."),
        ("cost", "Ketamine infusions are expensive and insurance rarely pays."),
        ("approval", "Ketamine is not FDA approved for pain."),
    ],
)
def test_each_attribute_is_recognised_by_its_signal_words(cat, signals, tmp_path, attribute, sentence):
    path = tmp_path / "one.txt"
    path.write_text(sentence, encoding="utf-8")
    found = {f.attribute for f in run_check(cat, signals, path).findings}
    assert attribute in found, found


def test_absolute_words_are_judged_against_the_record(cat, signals, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Acetaminophen is non-addictive. Ketamine is non-addictive. Exercise has no side effects.")
    result = run_check(cat, signals, path)
    assert verdicts(result, "acetaminophen")["addiction"] == {"supported"}  # no misuse is recorded
    assert verdicts(result, "ketamine-infusion")["addiction"] == {"contradicted"}
    assert verdicts(result, "exercise-therapy")["safety"] == {"contradicted"}  # the record lists soreness


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "the article is empty"),
        (b"   \n\n", "the article is empty"),
        (b"\x00\x01binary\x00", "is not text"),
        (b"caf\xe9 au lait", "not UTF-8"),
    ],
)
def test_unreadable_articles_are_one_clear_line(tmp_path, content, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=words):
        article.read(path)


def test_a_missing_or_huge_article(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        article.read(tmp_path / "nowhere.txt")
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"word " * (2 * 1024 * 1024 + 10))
    with pytest.raises(ArticleError, match="larger than 10 MiB"):
        article.read(huge)


def test_check_through_the_command_line_in_every_format(run, tmp_path):
    for fmt in ("table", "plain", "markdown", "csv", "json", "html"):
        result = run("check", str(ORIGIN), "--format", fmt)
        assert result.returncode == 0 and "non-addictive" in result.stdout, fmt
    document = json.loads(run("check", str(ORIGIN), "--format", "json").stdout)
    assert set(document) == {"catalogue", "article", "scorecard", "summary", "sort", "findings", "references"}
    assert document["article"]["sentences"] == 38
    cited = {s for f in document["findings"] for s in f["sources"]}
    assert cited == set(document["references"])


def test_fail_on_and_errors_exit_codes(run, tmp_path):
    assert run("check", str(ORIGIN), "--fail-on", "contradicted").returncode == 1
    assert run("check", str(ARTICLES / "balanced.html"), "--fail-on", "contradicted").returncode == 0
    assert run("check", str(ORIGIN), "--fail-on", "maybe").returncode == 2
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("check", str(empty))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "the article is empty" in result.stderr


def test_an_article_from_stdin(run):
    result = run("check", "-", "--format", "plain", input="Ketamine is non-addictive.\n")
    assert result.returncode == 0 and "\tcontradicted\t" in result.stdout


def test_article_text_is_data_in_every_format(run, tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(
        "Ketamine is <script>alert(1)</script> non-addictive \x1b[31m **bold** =HYPERLINK(1) | pipe.\n",
        encoding="utf-8",
    )
    for fmt in ("table", "plain", "markdown", "csv", "json", "html"):
        text = run("check", str(path), "--format", fmt).stdout
        assert "\x1b" not in text, fmt
        if fmt == "html":
            assert "<script>" not in text and "&lt;script&gt;" in text


@pytest.mark.parametrize(
    "content, words",
    [(b"\x00\x01\x02", "is not text"), (b"caf\xe9", "not UTF-8"), (b"", "the article is empty")],
)
def test_check_on_unreadable_input_is_one_line_and_exit_1(run, tmp_path, content, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("check", str(path))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and words in result.stderr and "Traceback" not in result.stderr


def test_check_on_a_huge_or_endless_input(run, tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"pain " * (2 * 1024 * 1024 + 10))
    for path in (str(huge), "/dev/zero"):
        result = run("check", path)
        assert result.returncode == 1 and "larger than 10 MiB, the most an article may be" in result.stderr


@pytest.mark.parametrize("name", ["balanced.html", "back-pain-leaflet.html", "nerve-pain-leaflet.txt"])
def test_balanced_pages_raise_no_contradiction(cat, signals, name):
    result = run_check(cat, signals, ARTICLES / name)
    assert result.findings
    assert [f.text for f in result.findings if f.verdict == "contradicted"] == []


def test_a_balanced_leaflet_gets_verdicts_that_agree(cat, signals):
    result = run_check(cat, signals, ARTICLES / "back-pain-leaflet.html")
    agreed = {(f.treatment, f.attribute) for f in result.findings if f.verdict == "supported"}
    assert {("strong-opioids", "addiction"), ("acupuncture", "approval"), ("exercise-therapy", "onset")} <= agreed
    assert "spinal-fusion" not in {f.treatment for f in result.findings if f.text.startswith("Surgery")}
    rfd = {
        f.attribute for f in result.findings if f.treatment == "radiofrequency-ablation" and f.text.startswith("RFD")
    }
    assert "duration" in rfd, "the abbreviation the page defines names the treatment"


def test_a_regenerative_clinic_page(cat, signals):
    result = run_check(cat, signals, ARTICLES / "knee-clinic.md")
    assert verdicts(result, "stem-cell-injections")["effectiveness"] == {"contradicted"}  # "clinically proven"
    assert "unproven" in verdicts(result, "prp-injections")["effectiveness"]  # "rebuild worn cartilage"
    assert "joint-replacement" not in {f.treatment for f in result.findings if f.text.startswith("Our treatments")}


def test_loading_a_catalogue_does_not_import_check():
    import subprocess
    import sys

    code = "import sys, paincompare.catalogue; print(any(n.startswith('paincompare.check') for n in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_condition_and_verdicts_only_on_the_command_line(run):
    document = json.loads(run("check", str(ARTICLES / "knee-clinic.md"), "--condition", "knee", "-f", "json").stdout)
    judged = [f for f in document["findings"] if f["attribute"] == "effectiveness" and f["condition"]]
    assert judged and {f["condition"] for f in judged} == {"knee-osteoarthritis"}
    only = json.loads(run("check", str(ARTICLES / "knee-clinic.md"), "--verdicts-only", "-f", "json").stdout)
    assert only["findings"] and "not-checked" not in {f["verdict"] for f in only["findings"]}
    assert only["summary"]["not-checked"] == 0 and only["summary"]["contradicted"] >= 1
    assert run("check", str(ORIGIN), "--condition", "kneee").returncode == 2
