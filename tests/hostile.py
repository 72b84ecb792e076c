"""Strings that try to act as markup, escape codes, formulas or HTML when shown; for renderer tests."""

from __future__ import annotations

import factory

HOSTILE = [
    "[red]red markup[/red] and a stray [/] tag",
    "an emoji code :pill: here",
    "ANSI \x1b[31mred\x1b[0m, OSC \x1b]0;title\x07 and clear \x1b[2J",
    '=HYPERLINK("http://evil.example","click")',
    "+1+2",
    "-3+4",
    "@SUM(A1:A2)",
    "\tTabbed",
    "\rCarriage",
    "pipe | in | cell",
    "line one\nline two",
    "<script>alert(1)</script> <img src=x onerror=alert(2)>",
    "**bold** _em_ `code` [link](http://evil.example) # heading",
    "bidi \u202eoverride\u202c and C1 \x9b31m",
]


def hostile_catalogue() -> dict:
    """A valid catalogue whose every kind of text field carries hostile strings."""

    def tainted(tid: str, index: int) -> dict:
        text = " ~ ".join(HOSTILE[index:] + HOSTILE[:index])
        record = factory.treatment(tid, name=f"{tid} {HOSTILE[index % len(HOSTILE)]}", aliases=[f"{tid}-alias"])
        record["how_given"].update(route=text, setting=HOSTILE[3], sessions=HOSTILE[6])
        record["addiction_risk"]["summary"] = text
        record["onset"]["summary"] = HOSTILE[4]
        record["evidence"][0].update(effect=text, note=HOSTILE[0], follow_up=HOSTILE[9])
        record["how_given"]["short"] = HOSTILE[0]
        record["onset"]["short"] = HOSTILE[2]
        record["cost"]["short"] = HOSTILE[5]
        record["side_effects"].update(common=list(HOSTILE), serious=[HOSTILE[3]])
        record["cost"]["summary"] = HOSTILE[3]
        record["claims"] = [
            {"claim": h, "verdict": "unproven", "explanation": h, "short": h, "sources": ["test-review"]}
            for h in HOSTILE
        ]
        return record

    data = factory.catalogue(tainted("alpha", 0), tainted("beta", 7))
    data["catalogue"]["disclaimer"] = "Not advice. " + HOSTILE[2]
    data["sources"]["test-review"]["title"] = HOSTILE[11]
    data["conditions"]["chronic-low-back-pain"]["name"] = HOSTILE[5]
    data["conditions"]["chronic-low-back-pain"]["synonyms"] = [HOSTILE[12]]
    return data
