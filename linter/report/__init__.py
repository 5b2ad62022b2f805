"""Report writers: text, JSON, SARIF 2.1.0 and GitHub Actions workflow commands."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from goescape.linter.engine import RunResult
from goescape.linter.policy import Policy

FORMATS = ("text", "json", "sarif", "github")


@dataclass(frozen=True)
class ReportOptions:
    show_source: bool = False
    include_suppressed: bool = False
    verified: bool = False  # --verify: findings carry the compiler's verdict and explanation
    show_refuted: bool = False  # list the findings the compiler refuted


Writer = Callable[[RunResult, Policy, ReportOptions], str]


def render(fmt: str, result: RunResult, policy: Policy, options: ReportOptions) -> str:
    """The report for `result` in format `fmt` (one of FORMATS), as text ending in a newline."""
    from goescape.linter.report import github, json_report, sarif, text

    writers: dict[str, Writer] = {
        "text": text.render,
        "json": json_report.render,
        "sarif": sarif.render,
        "github": github.render,
    }
    return writers[fmt](result, policy, options)
