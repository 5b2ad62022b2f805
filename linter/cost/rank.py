"""Findings in order of what they cost, and a 0-100 rank for SARIF (`result.rank`, higher is costlier).

Without a profile the order is the cost model's estimate. With one (`properties["profile"]`),
measured weight comes first: findings the profile sampled before those it never did, then the
share of the profile's allocations charged to the finding's lines, the share of samples passing
through its line, its function's share, and the estimate last.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

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


def profile_rank(profile: Mapping[str, Any]) -> int:
    """0 for a finding the profile never sampled; else a log scale of its measured share (the
    larger of its allocations' and its line's): 1% ranks 50, 100% ranks 100."""
    measured = max(float(profile.get("allocation_share", 0.0)), float(profile.get("share", 0.0)))
    if not profile.get("sampled") or measured <= 0:
        return 0
    return max(1, min(100, round(100 * (1 + math.log10(measured) / 4))))


def ranked(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics costliest first (ties: severity, then file order), each carrying its rank
    in `properties["cost"]["rank"]` (and `properties["profile"]["rank"]` with a profile)."""
    with_ranks = [_with_rank(d) for d in diagnostics]
    return sorted(with_ranks, key=lambda d: (*_measured(d), -_estimate(d), -d.severity, d.sort_key()))


def _measured(diagnostic: Diagnostic) -> tuple[float, ...]:
    found = diagnostic.properties.get("profile")
    if not isinstance(found, Mapping):
        return (0.0, 0.0, 0.0, 0.0)
    return (-float(bool(found.get("sampled"))), -float(found.get("allocation_share", 0.0)),
            -float(found.get("share", 0.0)), -float(found.get("function_share", 0.0)))


def _estimate(diagnostic: Diagnostic) -> float:
    cost = Cost.from_properties(diagnostic.properties)
    return cost.estimate if cost is not None else 0.0


def _with_rank(diagnostic: Diagnostic) -> Diagnostic:
    properties = dict(diagnostic.properties)
    found = properties.get("cost")
    if isinstance(found, Mapping):
        properties["cost"] = {**found, "rank": rank_of(Cost.from_properties(diagnostic.properties))}
    profile = properties.get("profile")
    if isinstance(profile, Mapping):
        properties["profile"] = {**profile, "rank": profile_rank(profile)}
    return replace(diagnostic, properties=properties)
