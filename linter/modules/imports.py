"""A package folder's import paths and package name, read cheaply from the files' headers (no parse)."""
from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

from goescape.linter.syntax.buildtags import matches

# The import declarations sit between the package clause and the first other declaration.
_FIRST_DECLARATION = re.compile(rb"^(?:func|type|var|const)\b", re.MULTILINE)
_IMPORT_BLOCK = re.compile(rb"\bimport\s*\((.*?)\)", re.DOTALL)
_IMPORT_LINE = re.compile(rb"\bimport\s+(?:[\w.]+\s+)?[\"`]([^\"`]+)[\"`]")
_SPEC = re.compile(rb"(?:^|\s)(?:[\w.]+\s+)?[\"`]([^\"`\n]+)[\"`]")
_COMMENTS = re.compile(rb"//[^\n]*|/\*.*?\*/", re.DOTALL)
_PACKAGE = re.compile(rb"^package\s+(\w+)", re.MULTILINE)
_IGNORED = re.compile(rb"^//go:build\s+ignore\s*$", re.MULTILINE)


def source_files(folder: Path | str) -> list[str]:
    """The folder's non-test Go files the go command would consider (not `.`/`_` files)."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if e.name.endswith(".go") and not e.name.endswith("_test.go")
                     and not e.name.startswith((".", "_"))]
    except OSError:
        return []
    return sorted(names)


def every_import(folder: Path | str) -> tuple[str, ...]:
    """The import paths of every Go file in the folder, whatever its package clause (an external
    `_test` package), build constraints or platform: what a lint of the folder resolves."""
    imports: set[str] = set()
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(".go") and not e.name.startswith((".", "_")))
    except OSError:
        return ()
    for name in names:
        try:
            imports.update(file_imports(Path(folder, name).read_bytes()))
        except OSError:
            continue
    return tuple(sorted(imports))


def header(data: bytes) -> bytes:
    """The part of a Go file before its first top-level declaration, comments removed."""
    end = _FIRST_DECLARATION.search(data)
    return _COMMENTS.sub(b" ", data[: end.start()] if end is not None else data)


def file_imports(data: bytes) -> list[str]:
    """The import paths a Go file's source declares."""
    text = header(data)
    found = [m.group(1) for m in _IMPORT_LINE.finditer(text)]
    for block in _IMPORT_BLOCK.finditer(text):
        found.extend(m.group(1) for m in _SPEC.finditer(block.group(1)))
    return [path.decode("utf-8", errors="replace") for path in found]


def scan(folder: Path | str, tags: frozenset[str] | None = None) -> tuple[str | None, tuple[str, ...]]:
    """The package name most non-test files declare (files under `//go:build ignore` aside) and
    the import paths of those files, sorted; with `tags`, only the files a build with those tags
    compiles count (`_windows.go` files do not import into a Linux build)."""
    names: Counter[str] = Counter()
    imports: set[str] = set()
    per_file: list[tuple[str, list[str]]] = []
    for name in source_files(folder):
        try:
            data = Path(folder, name).read_bytes()
        except OSError:
            continue
        head = header(data)
        if _IGNORED.search(data[: len(head) + 1024]) or (tags is not None and not matches(name, data, tags)):
            continue
        clause = _PACKAGE.search(head)
        if clause is None:
            continue
        package = clause.group(1).decode("ascii", errors="replace")
        names[package] += 1
        per_file.append((package, file_imports(data)))
    if not names:
        return None, ()
    chosen = max(sorted(names), key=lambda n: names[n])
    for package, paths in per_file:
        if package == chosen:
            imports.update(paths)
    return chosen, tuple(sorted(imports))
