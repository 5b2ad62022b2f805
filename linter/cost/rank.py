"""Findings in order of what they cost, and a 0-100 rank for SARIF (`result.rank`, higher is costlier)."""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

from goescape.linter.findings import Cost, Diagnostic

# The estimate that ranks 100: a 4 KiB allocation inside three nested loops. Ranks are on a
# log scale of the estimate (bytes each time, times 16 per loop level, a hundredth on a cold
# path), so they do not depend on what else the run found.
REFERENCE = 4096 * 16.0 ** 3


def rank_of(cost: Cost | None) -> int:
    """0 for a finding that allocates nothing (or has no cost), 100 at REFERENCE and above."""
    if cost is None or cost.estimate <= 0:
        return 0
    return max(0, min(100, round(100 * math.log1p(cost.estimate) / math.log1p(REFERENCE))))


def ranked(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics costliest first (ties: severity, then file order), each carrying its rank
    in `properties["cost"]["rank"]`."""
    with_ranks = [_with_rank(d) for d in diagnostics]
    return sorted(with_ranks, key=lambda d: (-_estimate(d), -d.severity, d.sort_key()))


def _estimate(diagnostic: Diagnostic) -> float:
    cost = Cost.from_properties(diagnostic.properties)
    return cost.estimate if cost is not None else 0.0


def _with_rank(diagnostic: Diagnostic) -> Diagnostic:
    found = diagnostic.properties.get("cost")
    if not isinstance(found, dict):
        return diagnostic
    cost = {**found, "rank": rank_of(Cost.from_properties(diagnostic.properties))}
    return replace(diagnostic, properties={**diagnostic.properties, "cost": cost})
