"""The JSON report: an object with the findings, the notices and a summary; keys sorted."""
from __future__ import annotations

import json
from typing import Any

from goescape.linter import __version__
from goescape.linter.config.policy import Policy
from goescape.linter.findings import Diagnostic, Location, Notice, RunResult
from goescape.linter.report.options import ReportOptions


def render(result: RunResult, policy: Policy, options: ReportOptions) -> str:
    findings = [_finding(d) for d in result.diagnostics if options.include_suppressed or not d.suppressed]
    summary: dict[str, Any] = {
        "files": result.files_linted,
        "findings": sum(1 for d in result.diagnostics if not d.suppressed),
        "suppressed": sum(1 for d in result.diagnostics if d.suppressed),
        "generated_skipped": result.files_generated,
    }
    document: dict[str, Any] = {
        "tool": {"name": "goescape", "version": __version__},
        "findings": findings,
        "notices": [_notice(n) for n in result.notices],
        "summary": summary,
    }
    if options.verified:
        summary["refuted"] = len(result.refuted)
    if options.show_refuted:
        document["refuted"] = [_finding(d) for d in result.refuted]
    summary.update(result.filters)  # "baseline": {hidden, fixed}, "diff": {hidden}, "min-weight": {hidden}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


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
