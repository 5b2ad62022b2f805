"""A Go source file: its bytes, line table and byte-to-code-point column mapping."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from goescape.linter.findings import Position

# Go's convention for generated files (https://go.dev/s/generatedcode): the line must appear before
# the package clause, so a comment quoting it further down does not make a file "generated".
_GENERATED = re.compile(rb"^// Code generated .* DO NOT EDIT\.$", re.MULTILINE)
_PACKAGE = re.compile(rb"^\s*package\s", re.MULTILINE)


@dataclass(eq=False)
class SourceFile:
    """One file's bytes, with the conversions every stage needs."""

    path: Path
    data: bytes
    display: str = ""  # the path as the user should see it (relative when possible)

    def __post_init__(self) -> None:
        if not self.display:
            self.display = str(self.path)

    @cached_property
    def _line_starts(self) -> list[int]:
        # Built on first use: a package's siblings are parsed for the model, never reported on.
        starts = [0]
        starts.extend(m.end() for m in re.finditer(rb"\n", self.data))
        return starts

    @cached_property
    def text(self) -> str:
        """The source decoded as UTF-8; invalid bytes become U+FFFD."""
        return self.data.decode("utf-8", errors="replace")

    @cached_property
    def is_valid_utf8(self) -> bool:
        try:
            self.data.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True

    @cached_property
    def is_generated(self) -> bool:
        match = _GENERATED.search(self.data)
        if match is None:
            return False
        package = _PACKAGE.search(self.data)
        return package is None or match.start() < package.start()

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_of(self, offset: int) -> int:
        """The 0-based line holding byte `offset`."""
        return bisect.bisect_right(self._line_starts, offset) - 1

    def line_start(self, line: int) -> int:
        """The byte offset where 0-based `line` starts."""
        return self._line_starts[line]

    def line_bytes(self, line: int) -> bytes:
        """The bytes of 0-based `line`, without its line terminator."""
        start = self._line_starts[line]
        end = self._line_starts[line + 1] if line + 1 < len(self._line_starts) else len(self.data)
        return self.data[start:end].rstrip(b"\r\n")

    def line_text(self, line: int) -> str:
        return self.line_bytes(line).decode("utf-8", errors="replace")

    def column(self, line: int, byte_column: int) -> int:
        """The 1-based code-point column of a 0-based (line, byte column) point."""
        prefix = self.line_bytes(line)[:byte_column]
        return len(prefix.decode("utf-8", errors="replace")) + 1

    def position(self, point: tuple[int, int]) -> Position:
        """Convert a tree-sitter point (0-based row, byte column) to a 1-based Position."""
        row, byte_column = point
        return Position(row + 1, self.column(row, byte_column))
