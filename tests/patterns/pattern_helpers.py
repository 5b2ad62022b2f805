"""Helpers for the pattern tests: a one-file package model, and nodes found by their text."""
from __future__ import annotations

from pathlib import Path

from tree_sitter import Node

from goescape.linter.model import FileModel, PackageModel
from goescape.linter.syntax.parsing import parse
from goescape.linter.syntax.source import SourceFile


def single_file(source: str) -> FileModel:
    """The model of `source` as the only file of package example.com/p."""
    data = source.encode()
    return PackageModel([(SourceFile(Path("/virtual/p.go"), data), parse(data))], path="example.com/p") \
        .file(Path("/virtual/p.go"))


def node_at(fm: FileModel, marker: str, snippet: str) -> Node:
    """The smallest named node spanning the last `snippet` before `marker` on its line."""
    data = fm.source.data
    end = data.index(marker.encode())
    line_start = data.rindex(b"\n", 0, end) + 1
    start = data.rindex(snippet.encode(), line_start, end)
    found = fm.tree.root_node.named_descendant_for_byte_range(start, start + len(snippet))
    assert found is not None and found.text == snippet.encode(), found
    return found
