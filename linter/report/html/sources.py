"""The source an HTML report shows: the lines around each flagged line, and the function holding it."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tree_sitter import Node

from goescape.linter.report.visible import visible
from goescape.linter.syntax.parsing import node_text, parse

CONTEXT = 3  # lines shown before and after each flagged or related line
MAX_LINE = 300  # characters shown of one line: a generated table's megabyte line would swamp the page
_TYPE_ARGUMENTS = re.compile(r"\[.*\]")


@dataclass(frozen=True)
class Hunk:
    """Consecutive source lines, the first being line `start` (1-based)."""

    start: int
    lines: tuple[str, ...]

    @property
    def end(self) -> int:
        return self.start + len(self.lines) - 1


@dataclass(frozen=True)
class Functions:
    """The top-level functions and methods of a file, by line: `(*Server).Serve`, `main`."""

    starts: tuple[int, ...] = ()  # 1-based first lines, ascending
    ends: tuple[int, ...] = ()
    names: tuple[str, ...] = ()

    def at(self, line: int) -> str:
        """The function whose declaration spans `line`, or "" outside every function."""
        i = bisect.bisect_right(self.starts, line) - 1
        return self.names[i] if i >= 0 and line <= self.ends[i] else ""


@dataclass(frozen=True)
class FileSource:
    """What the report shows of one file: its hunks, its functions, or why it could not be read."""

    hunks: tuple[Hunk, ...] = ()
    functions: Functions = Functions()
    error: str = ""


def load(path: Path, marked: Iterable[int]) -> FileSource:
    """The hunks of `path` around the 1-based lines `marked`; a file that cannot be read gets
    an error instead (the report still lists its findings)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return FileSource(error=f"cannot read {path.name}: {error.strerror or error}")
    # Decoded with replacement: a non-UTF-8 byte shows as U+FFFD instead of hiding the file.
    lines = data.decode("utf-8", errors="replace").split("\n")
    return FileSource(hunks=excerpt(lines, marked), functions=functions(data))


def windows(marked: Iterable[int], total: int, context: int = CONTEXT) -> list[tuple[int, int]]:
    """The 1-based inclusive line ranges `context` lines around each marked line, merged where
    they touch or overlap, clipped to the file's `total` lines."""
    merged: list[tuple[int, int]] = []
    for line in sorted(set(marked)):
        if not 1 <= line <= total:
            continue
        first, last = max(1, line - context), min(total, line + context)
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def excerpt(lines: list[str], marked: Iterable[int]) -> tuple[Hunk, ...]:
    total = len(lines) - 1 if lines and lines[-1] == "" else len(lines)  # the final newline ends a line
    return tuple(Hunk(first, tuple(_shown(lines[n - 1]) for n in range(first, last + 1)))
                 for first, last in windows(marked, total))


def _shown(line: str) -> str:
    line = visible(line.rstrip("\r"))  # control and bidi characters made visible, as in text reports
    return line if len(line) <= MAX_LINE else line[:MAX_LINE] + " …"


def functions(data: bytes) -> Functions:
    """The file's top-level functions, from its syntax tree (closures belong to the function
    that holds them); a tree with errors still names the declarations it has."""
    starts: list[int] = []
    ends: list[int] = []
    names: list[str] = []
    for node in parse(data).root_node.children:
        name = _name(node)
        if name:
            starts.append(node.start_point[0] + 1)
            ends.append(node.end_point[0] + 1)
            names.append(name)
    return Functions(tuple(starts), tuple(ends), tuple(names))


def _name(node: Node) -> str:
    if node.type not in ("function_declaration", "method_declaration"):
        return ""
    name_node = node.child_by_field_name("name")
    name = node_text(name_node) if name_node is not None else ""
    receiver = node.child_by_field_name("receiver")
    if node.type == "function_declaration" or not name or receiver is None:
        return name
    declared = [c for c in receiver.named_children if c.type == "parameter_declaration"]
    type_node = declared[0].child_by_field_name("type") if declared else None
    if type_node is None:
        return name
    base = _TYPE_ARGUMENTS.sub("", node_text(type_node)).replace(" ", "")
    return f"({base}).{name}" if base.startswith("*") else f"{base}.{name}"
