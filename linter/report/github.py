"""GitHub Actions workflow commands: `::warning file=…,line=…,col=…,title=…::message`."""
from __future__ import annotations

from collections.abc import Sequence

from goescape.linter.config.policy import Policy
from goescape.linter.findings import Diagnostic, RunResult, Severity
from goescape.linter.report.options import ReportOptions
from goescape.linter.report.visible import visible

_LEVELS = {Severity.NOTE: "notice", Severity.WARNING: "warning", Severity.ERROR: "error"}


def render(result: RunResult, policy: Policy, options: ReportOptions) -> str:
    return document(result, body(result.diagnostics))


def body(diagnostics: Sequence[Diagnostic]) -> str:
    """The commands for these findings; a report is its findings' commands, then its notices'."""
    lines: list[str] = []
    for d in diagnostics:
        if d.suppressed:
            continue  # a workflow command cannot say "suppressed"; leave them out
        loc = d.location
        properties = {
            "file": loc.path,
            "line": loc.start.line,
            "col": loc.start.column,
            "endLine": loc.end.line,
            "endColumn": loc.end.column,
            "title": f"{d.code} {d.name}",
        }
        lines.append(_command(_LEVELS.get(d.severity, "warning"), properties, d.message))
    return visible("".join(line + "\n" for line in lines))


def document(result: RunResult, findings: str) -> str:
    lines: list[str] = []
    for notice in result.notices:
        properties: dict[str, object] = {"title": f"goescape {notice.kind}"}
        if notice.path:
            properties = {"file": notice.path, "line": notice.line or 1, **properties}
        lines.append(_command("error" if notice.level == "error" else "warning", properties, notice.message))
    return findings + visible("".join(line + "\n" for line in lines))


def _command(level: str, properties: dict[str, object], message: str) -> str:
    joined = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {joined}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    # The escaping rules of @actions/core's command.ts.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
