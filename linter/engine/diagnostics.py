"""From findings to diagnostics: configured severity, covering suppression, location and fingerprint."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

from tree_sitter import Tree

from goescape.linter.config.policy import Policy
from goescape.linter.engine.suppressions import Directives
from goescape.linter.findings import Cost, Diagnostic, Finding, Location, RelatedLocation, Severity, Span
from goescape.linter.syntax.anchors import anchor
from goescape.linter.syntax.source import SourceFile


def apply(findings: list[Finding], directives: Directives, file: SourceFile, uri: str,
           policy: Policy, tree: Tree) -> list[Diagnostic]:
    ignored_here = policy.ignored_in(file.path)
    def enabled(code: str) -> bool:
        return policy.enabled(code) and code not in ignored_here

    unique = sorted({f: None for f in findings if enabled(f.code)}, key=_finding_order)
    suppressions = [directives.suppressing(f) for f in unique]
    # goescape's own findings come after the rules' have marked the directives they used.
    own = [f for f in (*directives.problems, *directives.unused(c for c in policy.severities if enabled(c)))
           if enabled(f.code)]
    own_suppressions = [directives.suppressing(f) for f in own]
    diagnostics = [
        _diagnostic(f, d.reason if d is not None else None, file, uri, policy)
        for f, d in zip([*unique, *own], [*suppressions, *own_suppressions])
    ]
    fingerprinted = _with_fingerprints(diagnostics, [anchor(tree, f.span) for f in [*unique, *own]])
    # A finding the cost model turned off still used its suppression (like a refuted one).
    return [d for d in fingerprinted if d.severity is not Severity.OFF]


def _finding_order(finding: Finding) -> tuple[tuple[int, int], str, str]:
    return (finding.span.start, finding.code, finding.message)


def _diagnostic(finding: Finding, suppression: str | None, file: SourceFile, uri: str,
                policy: Policy) -> Diagnostic:
    rule = policy.registry.rules[finding.code]
    cost = Cost.from_properties(finding.properties)
    profile = finding.properties.get("profile")
    severity, lowered = policy.severity_for(finding.code, cost, profile if isinstance(profile, dict) else None)
    if lowered == "never sampled":
        message = f"{finding.message} (never sampled in the profile)"
    elif lowered and cost is not None:
        message = _explained(finding.message, cost)
    else:
        message = finding.message
    return Diagnostic(
        code=finding.code,
        name=rule.name,
        severity=severity,
        location=location(file, uri, finding.span),
        message=message,
        related=tuple(RelatedLocation(location(file, uri, r.span), r.message) for r in finding.related),
        suppression=suppression,
        properties=finding.properties,
    )


def _explained(message: str, cost: Cost) -> str:
    """A lowered finding's message says why it matters less: it allocates nothing, or runs on a
    cold path."""
    reason = cost.reasons[0] if cost.free and cost.reasons else next(
        (r for r in cost.reasons if r.startswith("on a cold path")), "")
    if cost.free:
        return f"{message} (it allocates nothing: {reason})" if reason else f"{message} (it allocates nothing)"
    return f"{message} ({reason})" if reason else message


def location(file: SourceFile, uri: str, span: Span) -> Location:
    return Location(file.display, uri, file.position(span.start), file.position(span.end),
                    file.line_text(span.start[0]), str(file.path))


def _with_fingerprints(diagnostics: list[Diagnostic], anchors: Sequence[bytes | None]) -> list[Diagnostic]:
    """Stable across edits elsewhere in the file and across moving, re-indenting or reformatting
    the flagged statement: rule, file, the statement's normalized tokens (see syntax/anchors.py; the
    flagged line's when there is no statement) and the occurrence index among identical ones,
    never the line number."""
    counts: dict[tuple[str, bytes], int] = {}
    result = []
    for diagnostic, tokens in zip(diagnostics, anchors):
        normalized = tokens if tokens is not None else " ".join(diagnostic.location.snippet.split()).encode()
        key = (diagnostic.code, normalized)
        index = counts.get(key, 0)
        counts[key] = index + 1
        digest = hashlib.sha256(f"{diagnostic.code}\0{diagnostic.location.uri}\0".encode() + normalized
                                + f"\0{index}".encode()).hexdigest()
        result.append(replace(diagnostic, fingerprint=digest[:32]))
    return result


def uri_for(path: Path, root: Path) -> str:
    """Repo-relative '/'-separated URI (percent-encoded) when under the root, else a file: URI."""
    resolved = path.resolve()
    try:
        return quote(os.fsencode(resolved.relative_to(root).as_posix()))  # bytes: any file name
    except ValueError:
        return resolved.as_uri()
