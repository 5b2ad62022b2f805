"""The compiler's verdict behind a finding (`--verify`), as text lines and as SARIF code flows.

A finding's `properties["compiler"]` lists the compiler diagnostics behind it, each with the
`flows` of its `-m=2` explanation (see `goescape.linter.verify.explain`).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from goescape.linter.findings import Diagnostic

MAX_STEPS = 12  # explanation lines shown per compiler message in text; JSON and SARIF have all


def records(diagnostic: Diagnostic) -> Sequence[Mapping[str, Any]]:
    found = diagnostic.properties.get("compiler")
    return found if isinstance(found, list) else ()


def _where(record: Mapping[str, Any]) -> str:
    if "path" not in record:
        return ""
    return f"{record['path']}:{record['line']}:{record['column']}: "


def text_lines(diagnostic: Diagnostic) -> list[str]:
    """The compiler's messages and explanations, indented under the finding."""
    lines: list[str] = []
    for record in records(diagnostic):
        lines.append(f"    compiler: {_where(record)}{record['message']}")
        shown = 0
        flows = record.get("flows", ())
        total = sum(1 + len(flow["steps"]) for flow in flows)
        for flow in flows:
            if shown >= MAX_STEPS:
                break
            lines.append(f"      flow: {flow['flow']}")
            shown += 1
            for step in flow["steps"][: max(MAX_STEPS - shown, 0)]:
                lines.append(f"        {_where(step)}{step['message']}")
                shown += 1
        if total > shown:
            lines.append(f"      … {total - shown} more explanation lines (--format json lists them all)")
    return lines


def code_flows(diagnostic: Diagnostic,
               physical: Callable[[str, int, int], dict[str, Any]]) -> list[dict[str, Any]]:
    """SARIF `codeFlows`: one per compiler message that explains the finding, one thread flow per
    `flow:` edge of its explanation, one location per step. `physical(path, line, column)` builds
    a physicalLocation."""
    flows = []
    for record in records(diagnostic):
        threads = []
        for flow in record.get("flows", ()):
            steps = [s for s in flow["steps"] if "path" in s] or ([record] if "path" in record else [])
            if not steps:
                continue
            locations = [{"location": {
                "physicalLocation": physical(s["path"], s["line"], s["column"]),
                "message": {"text": s["message"] if s is not record else f"flow: {flow['flow']}"}}}
                for s in steps]
            threads.append({"message": {"text": f"flow: {flow['flow']}"}, "locations": locations})
        if threads:
            flows.append({"message": {"text": record["message"]}, "threadFlows": threads})
    return flows


def resolve(path: str, cwd: Path | None = None) -> Path:
    """A path as the reports show it (relative to the working directory) made absolute."""
    given = Path(path)
    return given if given.is_absolute() else (cwd or Path.cwd()) / given
