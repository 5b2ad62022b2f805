"""A rule without its doc sections and with a code of the wrong shape: goescape must refuse it."""
from __future__ import annotations

from collections.abc import Iterator

from goescape.linter.findings import Finding, Severity
from goescape.linter.rule.meta import Precision, RuleMeta

META = RuleMeta(
    code="demo-2",
    name="broken-rule",
    summary="never registered",
    severity=Severity.ERROR,
    precision=Precision.LOW,
    node_types=("go_statement",),
)


def check(node: object, ctx: object) -> Iterator[Finding]:
    yield from ()
