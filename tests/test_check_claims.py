"""`check` reads what a sentence asserts and judges it by the rule table: sentences of our own, per
attribute, that must agree, be one step off, be the opposite, be negated, hedged, compared or about
another condition, and sentences the rules must leave alone."""

from __future__ import annotations

import pytest

from paincompare.check import article, finder
from paincompare.check.result import Finding


@pytest.fixture
def words(signals):
    return signals  # conftest's, loaded once per run


def findings_of(cat, words, text: str, condition: frozenset[str] | None = None) -> list[Finding]:
    page = article.Article("test.md", tuple(article.parse(text, "markdown")))
    return list(finder.check(cat, page, words, condition).findings)


def verdict(cat, words, text: str, treatment: str, attribute: str) -> str | None:
    """The verdict on one treatment and attribute of a short text (None: no finding at all)."""
    given = {f.verdict for f in findings_of(cat, words, text) if f.treatment == treatment and f.attribute == attribute}
    assert len(given) <= 1, given
    return given.pop() if given else None


CASES = [
    # addiction: level none (acetaminophen), low (gabapentin), moderate (ketamine), high (opioids)
    ("Acetaminophen is not addictive.", "acetaminophen", "addiction", "supported"),
    ("Gabapentin carries no risk of addiction.", "gabapentin", "addiction", "contradicted"),  # its checked claim
    ("Tramadol has a lower risk of addiction.", "tramadol", "addiction", "partly-supported"),
    ("Ketamine is non-addictive.", "ketamine-infusion", "addiction", "contradicted"),
    ("Oxycodone can lead to addiction.", "strong-opioids", "addiction", "supported"),
    ("Tramadol is addictive.", "tramadol", "addiction", "supported"),
    ("Kratom is less addictive than morphine.", "kratom", "addiction", "supported"),
    ("Opioids are less addictive than tramadol.", "strong-opioids", "addiction", "contradicted"),
    ("Paracetamol can be habit-forming.", "acetaminophen", "addiction", "unproven"),
    ("Kratom is non-habit forming and won't make you high.", "kratom", "addiction", "contradicted"),
    ("Duloxetine causes no euphoria.", "duloxetine", "addiction", "supported"),
    ("Non-invasive TENS helps chronic pain.", "tens", "effectiveness", "supported"),  # "non" is its own claim's
    # onset: ketamine hours, pregabalin days, physical therapy weeks, joint replacement months
    ("Ketamine infusions work within hours.", "ketamine-infusion", "onset", "partly-supported"),
    ("Pregabalin brings instant relief.", "pregabalin", "onset", "contradicted"),
    ("Pregabalin works within hours.", "pregabalin", "onset", "partly-supported"),
    ("Physical therapy gives immediate relief.", "exercise-therapy", "onset", "contradicted"),
    ("With physiotherapy it takes several weeks to feel better.", "exercise-therapy", "onset", "supported"),
    ("You will not feel an instant benefit from pregabalin.", "pregabalin", "onset", "supported"),
    ("Knee replacement brings relief right away.", "joint-replacement", "onset", "contradicted"),
    ("Ibuprofen works fast.", "oral-nsaids", "onset", "supported"),
    ("Kratom works fast.", "kratom", "onset", "unproven"),
    ("Duloxetine works fast.", "duloxetine", "onset", "contradicted"),
    ("Physical therapy brings relief within 24 hours.", "exercise-therapy", "onset", "contradicted"),
    ("Pregabalin can take 2 weeks to work.", "pregabalin", "onset", "supported"),
    # duration: epidural weeks, RFA months, joint replacement years, NSAIDs hours while taken
    ("Radiofrequency ablation gives long-lasting relief.", "radiofrequency-ablation", "duration", "supported"),
    ("An epidural gives relief for months.", "epidural-steroid", "duration", "partly-supported"),
    ("Radiofrequency ablation gives relief for months.", "radiofrequency-ablation", "duration", "supported"),
    ("A knee replacement gives lasting relief.", "joint-replacement", "duration", "supported"),
    ("Acupuncture cures back pain for good.", "acupuncture", "duration", "contradicted"),
    ("Ibuprofen does not cure arthritis.", "oral-nsaids", "duration", "supported"),
    ("The relief from ketamine lasts for years.", "ketamine-infusion", "duration", "contradicted"),
    ("Relief from ketamine often lasts for years.", "ketamine-infusion", "duration", "contradicted"),  # 3 steps
    ("Relief from an epidural can last for years.", "epidural-steroid", "duration", "partly-supported"),  # 2 steps
    ("Relief from an epidural lasts for weeks.", "epidural-steroid", "duration", "supported"),
    ("Radiofrequency ablation gives relief for 6 to 12 months.", "radiofrequency-ablation", "duration", "supported"),
    ("Patients who have suffered for years find relief with ketamine.", "ketamine-infusion", "duration", None),
    ("Ketamine brings relief for up to a year.", "ketamine-infusion", "duration", "contradicted"),
    # safety: massage lists no serious harms; cannabis and NSAIDs do
    ("Massage has no side effects.", "massage", "safety", "contradicted"),
    ("Massage usually causes no side effects.", "massage", "safety", "partly-supported"),
    ("There are no side effects with massage.", "massage", "safety", "contradicted"),
    ("Massage is safe.", "massage", "safety", "supported"),
    ("Cannabis has minimal side effects.", "cannabinoids", "safety", "contradicted"),
    ("Cannabis is relatively safe.", "cannabinoids", "safety", "partly-supported"),
    ("Acupuncture has minimal side effects.", "acupuncture", "safety", "partly-supported"),  # serious harms rare
    ("Paracetamol's side effects are rare.", "acetaminophen", "safety", "partly-supported"),
    ("Massage's side effects are rare.", "massage", "safety", "supported"),
    ("Ibuprofen can cause stomach bleeding and kidney problems.", "oral-nsaids", "safety", "supported"),
    ("CBD has no effect on the liver.", "cbd-products", "safety", "contradicted"),
    ("Pregabalin should not be stopped suddenly because of withdrawal.", "pregabalin", "safety", "supported"),
    # effectiveness: duloxetine small/moderate for fibromyalgia, CBD none for chronic pain
    ("Duloxetine helps fibromyalgia pain.", "duloxetine", "effectiveness", "supported"),
    (
        "Duloxetine is a proven, highly effective treatment for fibromyalgia.",
        "duloxetine",
        "effectiveness",
        "partly-supported",
    ),
    ("Paracetamol relieves low back pain.", "acetaminophen", "effectiveness", "contradicted"),
    ("CBD does not relieve chronic pain.", "cbd-products", "effectiveness", "supported"),
    ("Ketamine may help fibromyalgia.", "ketamine-infusion", "effectiveness", "unproven"),
    ("Ketamine works for chronic pain.", "ketamine-infusion", "effectiveness", "partly-supported"),  # CRPS
    ("Lidocaine infusions are effective for fibromyalgia.", "lidocaine-infusion", "effectiveness", "unproven"),
    ("Stem cell injections regenerate worn cartilage.", "stem-cell-injections", "effectiveness", "unproven"),
    ("TENS eliminates pain.", "tens", "effectiveness", "contradicted"),
    ("The benefits of ketamine for fibromyalgia are not proven.", "ketamine-infusion", "effectiveness", "supported"),
    (
        "There is little evidence that exercise helps chronic back pain.",
        "exercise-therapy",
        "effectiveness",
        "contradicted",
    ),
    ("Ketamine helps 80% of patients with fibromyalgia.", "ketamine-infusion", "effectiveness", "unproven"),
    # invasiveness: lidocaine infusion moderate, TENS none, spinal fusion major
    ("A lidocaine infusion is minimally invasive.", "lidocaine-infusion", "invasiveness", "partly-supported"),
    ("Spinal cord stimulation needs no incisions.", "spinal-cord-stimulation", "invasiveness", "contradicted"),
    ("TENS is non-invasive.", "tens", "invasiveness", "supported"),
    ("Spinal fusion is a non-invasive option.", "spinal-fusion", "invasiveness", "contradicted"),
    ("An epidural is less invasive than surgery.", "epidural-steroid", "invasiveness", "supported"),
    # cost: ketamine high, amitriptyline low
    ("Ketamine infusions are expensive.", "ketamine-infusion", "cost", "supported"),
    ("Ketamine infusions are affordable.", "ketamine-infusion", "cost", "partly-supported"),
    ("Ketamine infusions are cheap.", "ketamine-infusion", "cost", "contradicted"),
    ("Amitriptyline is cheap.", "amitriptyline", "cost", "supported"),
    # approval: guideline stances for the condition; sold without a prescription
    ("Acupuncture is recommended for low back pain.", "acupuncture", "approval", "contradicted"),
    ("Acupuncture is not recommended for low back pain.", "acupuncture", "approval", "supported"),
    ("Ibuprofen is sold over the counter.", "oral-nsaids", "approval", "supported"),
    # approval: the record's approval block, for the condition the sentence names
    ("Capsaicin patches are FDA approved for shingles pain.", "capsaicin-patch", "approval", "supported"),
    ("Pregabalin is licensed for nerve pain after shingles.", "pregabalin", "approval", "supported"),
    ("Gabapentin is approved for fibromyalgia.", "gabapentin", "approval", "contradicted"),
    ("Milnacipran is FDA approved.", "milnacipran", "approval", "partly-supported"),
    ("Ketamine is FDA approved for chronic pain.", "ketamine-infusion", "approval", "contradicted"),
    ("Low-dose naltrexone may not be FDA approved for pain.", "low-dose-naltrexone", "approval", "supported"),
    ("Tramadol is FDA approved.", "tramadol", "approval", "not-checked"),  # the record holds no approval
    ("Kratom is approved for nothing, and regulators warn against it.", "kratom", "approval", "supported"),
    ("That cannabis is addictive is a myth.", "cannabinoids", "addiction", "contradicted"),
]


@pytest.mark.parametrize("sentence, treatment, attribute, expected", CASES)
def test_each_attribute_is_judged_by_its_rule(cat, words, sentence, treatment, attribute, expected):
    assert verdict(cat, words, sentence, treatment, attribute) == expected


def test_every_verdict_is_given_by_the_rules():
    assert {expected for *_rest, expected in CASES} >= {"supported", "partly-supported", "unproven", "contradicted"}


@pytest.mark.parametrize(
    "sentence, treatment, attribute",
    [
        ("Chronic pain can affect your ability to work and exercise.", "exercise-therapy", "effectiveness"),
        ("Pregabalin can help you sleep and may ease anxiety.", "pregabalin", "effectiveness"),
        ("Surgery is rarely needed for back pain.", "spinal-fusion", "invasiveness"),
        ("Painkillers are not enough for some people.", "acetaminophen", "effectiveness"),
        ("COX-2 inhibitors are less likely to cause stomach problems than ibuprofen.", "oral-nsaids", "safety"),
    ],
)
def test_sentences_the_rules_leave_alone(cat, words, sentence, treatment, attribute):
    assert verdict(cat, words, sentence, treatment, attribute) in (None, "not-checked")


def test_the_condition_chooses_the_finding(cat, words):
    # acupuncture: small benefit for chronic low back pain (moderate), slight for knee osteoarthritis (low)
    back = verdict(cat, words, "Acupuncture works for chronic back pain.", "acupuncture", "effectiveness")
    knee = verdict(cat, words, "Acupuncture works for knee arthritis.", "acupuncture", "effectiveness")
    assert (back, knee) == ("supported", "partly-supported")


def test_the_condition_comes_from_the_heading_or_the_command_line(cat, words):
    text = "# Acupuncture for knee arthritis\n\nAcupuncture works.\n"
    assert {f.verdict for f in findings_of(cat, words, text) if f.attribute == "effectiveness"} == {"partly-supported"}
    back = frozenset({"chronic-low-back-pain"})
    assert {f.condition for f in findings_of(cat, words, text, back) if f.attribute == "effectiveness"} == {
        "chronic-low-back-pain"
    }


def test_a_comparison_keeps_its_subject(cat, words):
    found = findings_of(cat, words, "Unlike opioids, kratom is not addictive.")
    assert {(f.treatment, f.verdict) for f in found if f.attribute == "addiction"} == {
        ("kratom", "contradicted"),
        ("strong-opioids", "not-checked"),
    }


def test_the_page_subject_survives_examples_and_passing_mentions(cat, words):
    text = "# CBD oil\n\nThe THC-free oil carries no risk of addiction, though it is found in marijuana.\n"
    found = findings_of(cat, words, text)
    judged = {(f.treatment, f.verdict) for f in found if f.verdict != "not-checked"}
    assert judged == {("cbd-products", "partly-supported")}, "THC and marijuana are said in passing"


def test_an_abbreviation_the_page_defines_names_the_treatment(cat, words):
    text = "Radiofrequency denervation (RFD) uses heat.\n\nRFD gives relief for months.\n"
    found = findings_of(cat, words, text)
    assert ("radiofrequency-ablation", "duration", "supported") in {
        (f.treatment, f.attribute, f.verdict) for f in found
    }


@pytest.mark.parametrize("text", ["TENS units are non-invasive.", "Massage's effects are mild and temporary."])
def test_plurals_and_possessives_name_the_treatment(cat, words, text):
    assert {f.treatment for f in findings_of(cat, words, text)} & {"tens", "massage"}


def test_every_verdict_explains_what_was_said_what_the_record_says_and_the_rule(cat, words):
    (found,) = [f for f in findings_of(cat, words, "Ketamine infusions are cheap.") if f.attribute == "cost"]
    assert found.explanation.startswith("The article says: cheap (cost: ")
    assert "The catalogue: cost high" in found.explanation and "Contradicted:" in found.explanation
    assert found.sources


def test_it_in_the_next_sentence_is_the_first_subject_not_a_name_said_later(cat, words):
    text = (
        "A spinal cord stimulator is an option for people who found no relief with back surgery. "
        "It reduces pain in most patients.\n"
    )
    second = [f for f in findings_of(cat, words, text) if f.text.startswith("It reduces")]
    assert {f.treatment for f in second} == {"spinal-cord-stimulation"}


def test_a_negated_benefit_with_no_finding_is_left_unjudged(cat, words):
    assert verdict(
        cat, words, "Epidural injections do not help long-term back pain.", "epidural-steroid", "effectiveness"
    ) in (
        "not-checked",
        None,
    )


def test_a_list_speaks_of_what_the_line_leading_into_it_names(cat, words):
    text = (
        "# Relief without opioids\n\nBenefits of CBD cream:\n\n- Fast-acting relief\n- Non-addictive\n- No side effects"
    )
    found = {(f.treatment, f.attribute, f.verdict) for f in findings_of(cat, words, text) if f.verdict != "not-checked"}
    assert ("cbd-products", "safety", "contradicted") in found
    assert "strong-opioids" not in {t for t, _a, _v in found}, "'without opioids' only compares"


@pytest.mark.parametrize("text", ["Is gabapentin addictive?", "Ketamine is safer than opioids."])
def test_questions_and_bare_comparisons_assert_nothing_the_record_can_judge(cat, words, text):
    assert {f.verdict for f in findings_of(cat, words, text)} <= {"not-checked"}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Paracetamol may help hip arthritis a little.", "partly-supported"),  # slight benefit, high certainty
        ("Paracetamol may help low back pain.", "contradicted"),  # no benefit, high certainty
        ("Muscle relaxants may help fibromyalgia.", "unproven"),  # no benefit, very low certainty
    ],
)
def test_may_help_is_judged_by_how_sure_the_record_is(cat, words, sentence, expected):
    treatment = "acetaminophen" if "aracetamol" in sentence else "muscle-relaxants"
    assert verdict(cat, words, sentence, treatment, "effectiveness") == expected
