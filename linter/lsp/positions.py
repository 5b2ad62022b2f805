"""Columns as the editor counts them: goescape counts code points, LSP UTF-16 code units by default."""
from __future__ import annotations

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


class Lines:
    """A buffer's lines, split on first use (LSP and tree-sitter both end a line at "\\n")."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[str] | None = None

    def __len__(self) -> int:
        return len(self._split())

    def line(self, row: int) -> str:
        """The text of 0-based `row` without its line ending ("" past the end)."""
        lines = self._split()
        return lines[row].removesuffix("\r") if 0 <= row < len(lines) else ""

    def _split(self) -> list[str]:
        if self._lines is None:
            self._lines = self._text.split("\n")
        return self._lines


def to_units(text: str, column: int, encoding: str) -> int:
    """The offset in `encoding` units of 0-based code-point `column` in a line's `text`."""
    prefix = text[:column]
    if encoding == UTF32:
        return len(prefix)
    if encoding == UTF8:
        return len(prefix.encode("utf-8", "surrogatepass"))
    # every code point above the Basic Multilingual Plane takes two UTF-16 code units
    return len(prefix) + sum(1 for char in prefix if ord(char) > 0xFFFF)


def from_units(text: str, units: int, encoding: str) -> int:
    """The 0-based code-point column at offset `units` (in `encoding`) of a line's `text`; an
    offset inside a character, or past the end, is clamped as LSP asks."""
    if encoding == UTF32:
        return min(units, len(text))
    count = 0
    for index, char in enumerate(text):
        width = len(char.encode("utf-8", "surrogatepass")) if encoding == UTF8 else (2 if ord(char) > 0xFFFF else 1)
        if count + width > units:
            return index
        count += width
    return len(text)
