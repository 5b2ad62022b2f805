"""The HTML report: one self-contained page with the findings ranked and the source annotated."""
from __future__ import annotations

from goescape.linter.config.policy import Policy
from goescape.linter.findings import RunResult
from goescape.linter.report.html import model, page
from goescape.linter.report.options import ReportOptions


def render(result: RunResult, policy: Policy, options: ReportOptions) -> str:
    return page.page(model.build(result, policy, options), result, options)
