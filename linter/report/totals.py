"""How many findings a report counts, by severity: from the findings, or added up package by package."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from goescape.linter.findings import Diagnostic, RunResult, Severity


@dataclass(frozen=True)
class Totals:
    """The counts the summaries and the exit status need. A report assembled from cached
    fragments has these without the findings themselves (see report/fragments.py)."""

    shown: Mapping[Severity, int] = field(default_factory=dict)  # reported findings by severity
    suppressed: int = 0
    refuted: int = 0

    @classmethod
    def of(cls, result: RunResult) -> Totals:
        return cls.count(result.diagnostics, len(result.refuted))

    @classmethod
    def count(cls, diagnostics: Iterable[Diagnostic], refuted: int = 0) -> Totals:
        shown: dict[Severity, int] = {}
        suppressed = 0
        for diagnostic in diagnostics:
            if diagnostic.suppressed:
                suppressed += 1
            else:
                shown[diagnostic.severity] = shown.get(diagnostic.severity, 0) + 1
        return cls(shown, suppressed, refuted)

    @property
    def findings(self) -> int:
        """Reported findings: not suppressed."""
        return sum(self.shown.values())

    def at_least(self, level: Severity) -> int:
        """Reported findings of severity `level` or above (the exit status's question)."""
        return sum(n for severity, n in self.shown.items() if severity >= level)
