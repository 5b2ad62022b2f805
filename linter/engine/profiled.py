"""The engine's profile step: each finding's weight in the run's profiles; ESC301 for allocations no finding covers."""
from __future__ import annotations

import os
from dataclasses import replace

from tree_sitter import Tree

from goescape.linter.config.policy import Policy
from goescape.linter.cost.functions import package_prefixes, source_functions
from goescape.linter.cost.profile_view import file_weights
from goescape.linter.findings import Finding, Span
from goescape.linter.syntax.parsing import package_name
from goescape.linter.syntax.source import SourceFile

SITE_CODE = "ESC301"  # profiled-allocation (rules/profiled_allocation.py)
_OWN_PREFIX = "ESC0"  # goescape's directive checks: they say nothing about allocations


def with_profile(findings: list[Finding], file: SourceFile, tree: Tree, policy: Policy) -> list[Finding]:
    """Every finding gets `properties["profile"]` (its line's and its function's weight, the
    allocations charged to its lines, whether the profile sampled it); every line the profile
    charges allocations to that no escape finding covers (its own line or a related one)
    becomes an ESC301 finding."""
    index = policy.profile
    if index is None or not index.weighs(os.path.realpath(file.path)):
        return findings
    if not index.bound:  # linted without a run (one file through the engine's API): bind to it
        index.bind([file.path], package_prefixes([file.path]))
    prefixes = index.prefixes_of(file.path, package_name(tree))
    functions = source_functions(tree, file.data, prefixes[0])
    weights = file_weights(index, os.path.realpath(file.path), functions, prefixes)
    out: list[Finding] = []
    covered: set[int] = set()
    for finding in findings:
        line = finding.span.start[0] + 1
        related = [r.span.start[0] + 1 for r in finding.related]
        out.append(replace(finding, properties={**finding.properties,
                                                "profile": weights.properties(line, related)}))
        if _explains(finding, policy):
            covered.update((line, *related))
    if not policy.enabled(SITE_CODE):
        return out
    for line in sorted(weights.allocations):
        if line in covered or not 0 < line <= file.line_count:
            continue
        text = file.line_bytes(line - 1)
        if not text.strip():
            continue  # a stale profile's line that is now blank
        start = len(text) - len(text.lstrip())
        span = Span((line - 1, start), (line - 1, len(text.rstrip())))
        message = weights.site_message(line, text.decode("utf-8", "replace"))
        out.append(Finding(SITE_CODE, span, message, properties={"profile": weights.properties(line)}))
    return out


def _explains(finding: Finding, policy: Policy) -> bool:
    """An escape finding that will be reported (or suppressed): it explains its lines' allocations."""
    return (not finding.code.startswith(_OWN_PREFIX) and policy.enabled(finding.code)
            and finding.properties.get("verified") is not False)
