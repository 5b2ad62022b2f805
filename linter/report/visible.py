"""Control and bidirectional characters made visible, for reports printed to a terminal."""
from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and
# isolates of "Trojan Source" (CVE-2021-42574): printed raw they corrupt a terminal, make grep
# call the report binary, or reorder what the reader sees.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    if char < "\x20":
        return chr(0x2400 + ord(char))  # U+2400 CONTROL PICTURES: one character for one
    if char == "\x7f":
        return "\u2421"
    return "\ufffd"


def visible(text: str) -> str:
    """`text` with each hidden character replaced by one visible one (columns stay aligned)."""
    return _HIDDEN.sub(_picture, text)
