"""JSON for scripts: one shape for every command, with every cited source resolved."""

from __future__ import annotations

import json
import re
from typing import Any

from paincompare.render import Report
from paincompare.terminal import OutputEnv

# json.dumps escapes C0 controls but passes DEL, C1 controls and bidi overrides through raw;
# outside string literals JSON is ASCII, so escaping them in the text is always valid.
_RAW_CONTROLS = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def document(report: Report) -> dict[str, Any]:
    """{"catalogue": metadata, "treatments": records in order shown, "references": id -> citation}."""
    catalogue = report.catalogue
    cited: dict[str, None] = {}
    for treatment in report.treatments:
        for source_id in treatment.cited_sources():
            cited.setdefault(source_id)
    if report.command == "sources" and not report.treatments:
        cited = dict.fromkeys(catalogue.sources)
    return {
        "catalogue": catalogue.info.to_data(),
        "treatments": [t.to_data() for t in report.treatments],
        "references": {s: catalogue.sources[s].to_data() for s in cited},
    }


def render(report: Report, env: OutputEnv) -> str:
    if not env.is_tty:
        # For scripts: compact and ASCII-escaped (control characters included), which json's C
        # encoder writes several times faster than the indented form.
        return json.dumps(document(report)) + "\n"
    # For a person at a terminal: indented, with readable non-ASCII text.
    text = json.dumps(document(report), ensure_ascii=env.ascii_only, indent=2)
    return _RAW_CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"
