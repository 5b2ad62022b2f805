"""What every report writer takes: the formats, the options of a report and a writer's signature."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from goescape.linter.config.policy import Policy
from goescape.linter.findings import RunResult

FORMATS = ("text", "json", "sarif", "github", "html")


@dataclass(frozen=True)
class ReportOptions:
    show_source: bool = False
    include_suppressed: bool = False
    verified: bool = False  # --verify: findings carry the compiler's verdict and explanation
    show_refuted: bool = False  # list the findings the compiler refuted
    rank: bool = False  # the findings arrive ranked by cost: keep their order


Writer = Callable[[RunResult, Policy, ReportOptions], str]
