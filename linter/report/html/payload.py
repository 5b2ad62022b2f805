"""The data an HTML report's script renders from: JSON made safe to embed in a <script> element."""
from __future__ import annotations

import json
from typing import Any

from goescape.linter.findings import Diagnostic, Location
from goescape.linter.report import explanations
from goescape.linter.report.html.model import Item, Report
from goescape.linter.report.html.sources import FileSource
from goescape.linter.report.visible import visible

MAX_EXPLANATION = 60  # compiler explanation lines per finding (--format json has them all)

# Inside <script> the HTML parser ends the element at the first `</script`, and `<!--` can start
# an escape state; `&` keeps the text unambiguous. JSON allows these escapes only inside strings,
# which is the only place these characters occur. U+2028/9 are line ends to older JS parsers.
_UNSAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def script_json(document: Any) -> str:
    """`document` as JSON that cannot close or change the <script> element holding it."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, escape in _UNSAFE:
        text = text.replace(char, escape)
    return text


def explanation(diagnostic: Diagnostic) -> list[tuple[int, str]]:
    """The compiler's messages behind a finding (--verify), as (depth, text) lines: 0 a message,
    1 a flow of its explanation, 2 a step of the flow."""
    lines: list[tuple[int, str]] = []
    for record in explanations.records(diagnostic):
        lines.append((0, "compiler: " + _where(record) + str(record.get("message", ""))))
        for flow in record.get("flows", ()):
            lines.append((1, f"flow: {flow.get('flow', '')}"))
            lines.extend((2, _where(step) + str(step.get("message", ""))) for step in flow.get("steps", ()))
    if len(lines) > MAX_EXPLANATION:
        more = len(lines) - MAX_EXPLANATION + 1
        lines = [*lines[: MAX_EXPLANATION - 1], (1, f"… {more} more lines (--format json lists them all)")]
    return [(depth, visible(text)) for depth, text in lines]


def _where(record: Any) -> str:
    return f"{record['path']}:{record['line']}:{record['column']}: " if "path" in record else ""


def document(report: Report) -> dict[str, Any]:
    packages = report.package_names
    package_index = {name: i for i, name in enumerate(packages)}
    return {
        "rules": {r.code: {"n": r.name, "s": r.meta.summary} for r in report.rules},
        "packages": packages,
        "files": [_file(f.path, package_index[f.package], f.source) for f in report.files],
        "findings": [_finding(item) for item in report.items],
        "cost": report.has_cost,
        "profile": report.has_profile,
    }


def _file(path: str, package: int, source: FileSource) -> dict[str, Any]:
    record: dict[str, Any] = {"p": visible(path), "k": package,
                              "h": [[hunk.start, list(hunk.lines)] for hunk in source.hunks]}
    if source.error:
        record["e"] = source.error
    return record


def _related(loc: Location, message: str, same_file: bool) -> dict[str, Any]:
    record: dict[str, Any] = {"l": loc.start.line, "c": loc.start.column, "m": visible(message)}
    if not same_file:  # another file's line is quoted here: the report excerpts only the flagged file
        record.update(p=visible(loc.path), t=visible(loc.snippet))
    return record


def _finding(item: Item) -> dict[str, Any]:
    d = item.diagnostic
    loc = d.location
    record: dict[str, Any] = {
        "f": item.file, "l": loc.start.line, "c": loc.start.column, "el": loc.end.line, "ec": loc.end.column,
        "r": d.code, "s": d.severity.label, "m": visible(d.message),
    }
    if item.function:
        record["fn"] = item.function
    if d.related:
        record["rel"] = [_related(r.location, r.message, r.location.path == loc.path) for r in d.related]
    lines = explanation(d)
    if lines:
        record["x"] = lines
    if d.suppressed:
        record["sup"] = visible(d.suppression or "")
    if item.cost:
        record["cost"] = dict(item.cost)
    if item.profile:
        record["prof"] = dict(item.profile)
    return record
