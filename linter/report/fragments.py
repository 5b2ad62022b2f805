"""A report in parts: each file's findings rendered once (and cached), then put together in order.

A report lists its findings in `Diagnostic.sort_key` order, whose first key is the file's path
as shown: so the findings of one file are consecutive, and a report is the bodies of its files
(each rendered from that file's findings, sorted) in the order of their paths, joined by the
format's separator, inside the document that the summary counts and the notices make. The
writers render a whole report this way too, so both are the same bytes by construction.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from goescape.linter.config.policy import Policy
from goescape.linter.findings import Diagnostic, RunResult
from goescape.linter.report import github, json_report, sarif, text
from goescape.linter.report.options import ReportOptions
from goescape.linter.report.totals import Totals


@dataclass(frozen=True)
class Fragments:
    """One format's report, in parts: `body` renders a file's findings, `separator` goes between
    two non-empty bodies, and `document` puts the joined bodies in the report."""

    body: Callable[[Sequence[Diagnostic]], str]
    separator: str
    document: Callable[[RunResult, Totals, str], str]

    def join(self, bodies: Sequence[str]) -> str:
        return self.separator.join(b for b in bodies if b)


def fragments(fmt: str, policy: Policy, options: ReportOptions, root: Path) -> Fragments | None:
    """The parts of format `fmt`, None for a format that is not rendered in parts."""
    if fmt == "text":
        return Fragments(lambda ds: text.body(ds, options), "",
                         lambda result, totals, body: text.document(result, totals, body, options))
    if fmt == "github":
        return Fragments(github.body, "", lambda result, totals, body: github.document(result, body))
    if fmt == "json":
        return Fragments(lambda ds: json_report.body(ds, options), json_report.SEPARATOR,
                         lambda result, totals, body: json_report.document(result, totals, body, options))
    if fmt == "sarif":
        return Fragments(lambda ds: sarif.body(ds, policy, options, root), sarif.SEPARATOR,
                         lambda result, totals, body: sarif.document(result, totals, body, policy, options))
    return None
