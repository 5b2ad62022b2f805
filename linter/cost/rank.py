"""Findings in order of what they cost, and a 0-100 rank for SARIF (`result.rank`, higher is costlier).

Without a profile the order is the cost model's estimate. With one (`properties["profile"]`),
findings the profile sampled come before those it never did, in the order of their weight: the
larger of the share of the profile's allocations charged to their lines (measured) and their
function's share of the profile scaled by the estimate (predicted: a function that takes 10% of
the profile and allocates 4 KiB each time its line runs weighs 10%). A CPU profile samples an
allocation only now and then, so the prediction orders the many findings it never caught
allocating; ties go to the share of the samples through the finding's line, then the estimate.
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
# The estimate at which a function's share of the profile counts in full (see the docstring).
PREDICTED_BYTES = 4096.0


def rank_of(cost: Cost | None) -> int:
    """0 for a finding that allocates nothing (or has no cost), 100 at REFERENCE and above."""
    if cost is None or cost.estimate <= 0:
        return 0
    return max(0, min(100, round(100 * math.log1p(cost.estimate) / math.log1p(REFERENCE))))


def weight(profile: Mapping[str, Any], cost: Cost | None) -> float:
    """A finding's weight in the profile: measured or predicted share of its allocations."""
    predicted = float(profile.get("function_share", 0.0)) * (cost.estimate if cost else 0.0) / PREDICTED_BYTES
    return max(float(profile.get("allocation_share", 0.0)), predicted)


def profile_rank(profile: Mapping[str, Any], cost: Cost | None = None) -> int:
    """0 for a finding the profile never sampled; else a log scale of its weight (or its line's
    share, when larger): 1% ranks 50, 100% and more rank 100."""
    measured = max(weight(profile, cost), float(profile.get("share", 0.0)))
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
        return (0.0, 0.0, 0.0)
    cost = Cost.from_properties(diagnostic.properties)
    return (-float(bool(found.get("sampled"))), -weight(found, cost), -float(found.get("share", 0.0)))


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
        properties["profile"] = {**profile, "rank": profile_rank(profile, Cost.from_properties(diagnostic.properties))}
    return replace(diagnostic, properties=properties)
