"""JSON for scripts: one shape for every command (docs/json-output.schema.json), every id resolved."""

from __future__ import annotations

import json
import re

from paincompare.render.views import View
from paincompare.terminal import OutputEnv

# json.dumps escapes C0 controls but passes DEL, C1 controls and bidi overrides through raw;
# outside string literals JSON is ASCII, so escaping them in the text is always valid.
_RAW_CONTROLS = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def render(view: View, headers: bool, env: OutputEnv) -> str:
    if not env.is_tty:
        # For scripts: compact and ASCII-escaped (control characters included), which json's C
        # encoder writes several times faster than the indented form.
        return json.dumps(view.data, separators=(",", ":")) + "\n"
    # For a person at a terminal: indented, with readable non-ASCII text.
    text = json.dumps(view.data, ensure_ascii=env.ascii_only, indent=2)
    return _RAW_CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"
