"""What an evidence entry says, in words: GRADE informative statements built from size x certainty.

The words come from here, never typed per entry, so the same size and certainty always read the
same (GRADE guidelines 26: Santesso et al., J Clin Epidemiol 2020;119:126-135). Pure: no I/O.
"""

from __future__ import annotations

from paincompare.catalogue import models as m
from paincompare.catalogue import scales

# (verb for one subject, verb after "may", noun) for each outcome, for benefit and for harm
_VERBS = {
    "pain": (("reduces", "reduce", "reduction in"), ("increases", "increase", "increase in")),
    "function": (("improves", "improve", "improvement in"), ("worsens", "worsen", "worsening of")),
}
_HEDGES = {"high": "", "moderate": "probably ", "low": "may "}
COMPARATOR_WORDS = {
    "dummy": "a dummy treatment",
    "usual-care": "usual care or no treatment",
    "waiting-list": "a waiting list",
    "mixed-controls": "a mix of control groups",
    "other-treatment": "another treatment",
    "no-comparison": "no comparison group",
    "not-applicable": "",
}


def statement(e: m.Evidence, subject: str = "") -> str:
    """The finding as one GRADE sentence; without a subject it starts with the verb, for a cell."""
    if e.benefit == "no-trials":
        return "No trials found"
    if e.certainty == "very-low" or e.benefit == "unclear":
        return _uncertain(e, subject)
    if e.comparator == "no-comparison":  # change over time, not an effect of the treatment
        return _over_time(e, subject)
    phrase = _effect(e, _HEDGES[e.certainty or "low"])
    return f"{subject} {phrase}" if subject else _capital(phrase)


def _uncertain(e: m.Evidence, subject: str) -> str:
    """Very low certainty: one statement whatever the size (GRADE 26's revised wording); else an unclear benefit."""
    outcome = e.outcome
    if e.certainty == "very-low" and subject:
        return f"The evidence is very uncertain about the effect of {subject} on {outcome}"
    if e.certainty == "very-low":
        return f"Evidence very uncertain about its effect on {outcome}"
    phrase = f"unclear whether {subject or 'it'} {_VERBS[outcome][0][0]} {outcome}"
    return f"It is {phrase}" if subject else _capital(phrase)


def _effect(e: m.Evidence, hedge: str) -> str:
    """The size and direction of an effect, hedged by certainty: "probably reduces pain slightly"."""
    (helps, help_, help_noun), (harms, harm_, _harm_noun) = _VERBS[e.outcome]
    results = {"": "results", "probably ": "probably results", "may ": "may result"}[hedge]
    if e.benefit == "worse":
        return f"{f'may {harm_}' if hedge == 'may ' else f'{hedge}{harms}'} {e.outcome}"
    if e.benefit in ("slight", "none"):
        return f"{results} in little or no difference in {e.outcome}"
    if e.benefit == "large":
        return f"{results} in a large {help_noun} {e.outcome}"
    verb = f"may {help_}" if hedge == "may " else f"{hedge}{helps}"
    return f"{verb} {e.outcome}" + (" slightly" if e.benefit == "small" else "")


_OVER_TIME = {
    "large": "got much better over time",
    "moderate": "got better over time",
    "small": "got a little better over time",
    "slight": "barely changed over time",
    "none": "did not get better over time",
    "worse": "got worse over time",
}


def _over_time(e: m.Evidence, subject: str) -> str:
    change = _OVER_TIME.get(e.benefit, "changed unclearly over time")
    who = f" with {subject}" if subject else ""
    return f"{e.outcome.capitalize()} {change}{who} (no comparison group, so not an effect of treatment)"


def comparison(e: m.Evidence) -> str:
    """Against what and when: 'vs a dummy treatment, at 2 to 12 weeks'."""
    if e.benefit == "no-trials":
        return ""
    if e.comparator == "no-comparison":
        against = "no comparison group"
    elif e.compared_with:
        against = f"vs {e.compared_with}"
    else:
        against = f"vs {COMPARATOR_WORDS[e.comparator]}"
    if e.follow_up.casefold().startswith("not reported"):
        return against
    when = e.follow_up[:1].lower() + e.follow_up[1:] if e.follow_up[1:2].islower() else e.follow_up
    return f"{against}, at {when}"


def numbers(e: m.Evidence, brief: bool = False) -> list[str]:
    """The entry's figures in words: the mean difference on 0-10, and responders as X in 100."""
    lines = []
    md = e.mean_difference
    if md is not None:
        what = "pain" if e.outcome == "pain" else "difficulty with daily life"
        text = f"{what} {_points(md.points)} on a 0-10 scale"
        if md.low is not None and md.high is not None:
            text += f" (95% CI {_points(md.low, short=True)} to {_points(md.high, short=True)})"
        if md.converted and not brief:
            text += f" (converted {md.converted})" if md.converted.startswith("from") else f" ({md.converted})"
        lines.append(_capital(text))
    r = e.responders
    if r is not None:
        lines.append(f"{_count(r.treatment)} in 100 vs {_count(r.comparator)} in 100: {r.definition}")
    return lines


def sort_key(e: m.Evidence) -> tuple[int, int]:
    """Best finding first: size of benefit, then certainty.

    A very-low-certainty finding ranks as 'unclear' whatever its size, because its statement is
    "the evidence is very uncertain" and it must not outrank a finding we can be surer of; so does
    a change over time with no comparison group, which is not an effect of the treatment.
    """
    uncertain = e.certainty == "very-low" or e.comparator == "no-comparison"
    benefit = "unclear" if uncertain and e.benefit != "no-trials" else e.benefit
    certainty = scales.CERTAINTIES.rank(e.certainty) if e.certainty else len(scales.CERTAINTIES.words)
    return (scales.BENEFITS.rank(benefit), certainty)


def _points(value: float, short: bool = False) -> str:
    amount = f"{abs(value):.2f}".rstrip("0").rstrip(".")
    if value == 0:
        return "0" if short else "no different"
    direction = "lower" if value < 0 else "higher"
    if short:
        return f"{amount} {direction}"
    return f"{amount} {'point' if amount == '1' else 'points'} {direction}"


def _count(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
