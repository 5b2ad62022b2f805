"""Reports out: one writer per format (text, JSON, SARIF 2.1.0, GitHub Actions workflow commands, HTML)."""
from __future__ import annotations

from goescape.linter.config.policy import Policy
from goescape.linter.findings import RunResult
from goescape.linter.report import github, html, json_report, sarif, text
from goescape.linter.report.options import ReportOptions, Writer

_WRITERS: dict[str, Writer] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
    "html": html.render,
}


def render(fmt: str, result: RunResult, policy: Policy, options: ReportOptions) -> str:
    """The report for `result` in format `fmt` (one of FORMATS), as text ending in a newline."""
    return _WRITERS[fmt](result, policy, options)
