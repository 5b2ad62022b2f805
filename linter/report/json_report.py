"""The JSON report: an object with the findings, the notices and a summary; keys sorted."""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from goescape.linter import __version__
from goescape.linter.config.policy import Policy
from goescape.linter.findings import Diagnostic, Location, Notice, RunResult
from goescape.linter.report.options import ReportOptions
from goescape.linter.report.totals import Totals


def render(result: RunResult, policy: Policy, options: ReportOptions) -> str:
    return document(result, Totals.of(result), body(result.diagnostics, options), options)


# The findings are the document's first key (keys are sorted): `document` renders it empty and
# puts `body` in its place, so a body can be rendered once and reused (see report/fragments.py).
_EMPTY = '{\n  "findings": [],\n'
_INDENT = "    "  # a finding's depth in the document: its list is the value of a top-level key
SEPARATOR = ",\n"  # between the bodies of consecutive runs of findings


def body(diagnostics: Sequence[Diagnostic], options: ReportOptions) -> str:
    """The members of the findings list for these findings, as `json.dumps` would indent them in
    the document ("" for none)."""
    return SEPARATOR.join(_member(_finding(d)) for d in diagnostics if options.include_suppressed or not d.suppressed)


def _member(record: dict[str, Any]) -> str:
    # A newline in a JSON document is always layout (strings escape theirs), so re-indenting is
    # a replace.
    text = json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False)
    return _INDENT + text.replace("\n", "\n" + _INDENT)


def document(result: RunResult, totals: Totals, findings: str, options: ReportOptions) -> str:
    summary: dict[str, Any] = {
        "files": result.files_linted,
        "findings": totals.findings,
        "suppressed": totals.suppressed,
        "generated_skipped": result.files_generated,
    }
    document: dict[str, Any] = {
        "tool": {"name": "goescape", "version": __version__},
        "findings": [],
        "notices": [_notice(n) for n in result.notices],
        "summary": summary,
    }
    if options.verified:
        summary["refuted"] = totals.refuted
    if options.show_refuted:
        document["refuted"] = [_finding(d) for d in result.refuted]
    summary.update(result.filters)  # "baseline": {hidden, fixed}, "diff": {hidden}, "min-weight": {hidden}
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if not findings:
        return text
    assert text.startswith(_EMPTY)
    return '{\n  "findings": [\n' + findings + "\n  ],\n" + text[len(_EMPTY):]


def _location(loc: Location) -> dict[str, Any]:
    return {
        "path": loc.path,
        "line": loc.start.line,
        "column": loc.start.column,
        "end_line": loc.end.line,
        "end_column": loc.end.column,
    }


def _finding(diagnostic: Diagnostic) -> dict[str, Any]:
    record: dict[str, Any] = {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.label,
        **_location(diagnostic.location),
        "message": diagnostic.message,
        "related": [{**_location(r.location), "message": r.message} for r in diagnostic.related],
        "fingerprint": diagnostic.fingerprint,
        "suppressed": diagnostic.suppressed,
    }
    if diagnostic.suppressed:
        record["justification"] = diagnostic.suppression
    record.update(dict(diagnostic.properties))
    return record


def _notice(notice: Notice) -> dict[str, Any]:
    return {
        "kind": notice.kind,
        "level": notice.level,
        "message": notice.message,
        "path": notice.path,
        "line": notice.line,
        "column": notice.column,
    }
