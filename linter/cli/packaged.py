"""`check` put together package by package from cached report fragments, when its report allows it."""
from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goescape.linter.cli.runflags import RunSettings
from goescape.linter.config.discover import Discovery
from goescape.linter.config.file import Config
from goescape.linter.config.policy import Policy
from goescape.linter.engine.lint import FindingStage
from goescape.linter.findings import RunResult
from goescape.linter.report.fragments import Fragments, fragments
from goescape.linter.report.options import ReportOptions
from goescape.linter.report.totals import Totals
from goescape.linter.run.packages import run_packages

# Where the findings go in a document rendered around them: a NUL never appears in a report
# (JSON escapes it, text and workflow commands show it as U+2400).
_MARK = "\0goescape-findings\0"


def enabled() -> bool:
    """`GOESCAPE_FRAGMENTS=0` turns the fragments off (to time the per-file cache, say)."""
    return os.environ.get("GOESCAPE_FRAGMENTS", "1") != "0"


@dataclass
class Packaged:
    """A run put together from fragments: its result without the findings, their counts, and
    the rendered findings of each file, in report order."""

    result: RunResult
    totals: Totals
    parts: Fragments
    bodies: list[bytes]
    signatures: dict[str, list[Any]]  # of the Go files read, taken before they were read (replay.py)

    def report(self) -> bytes:
        """The report, rendered around the findings (after the result's notices are final)."""
        if not self.bodies:
            return self.parts.document(self.result, self.totals, "").encode("utf-8")
        head, mark, tail = self.parts.document(self.result, self.totals, _MARK).partition(_MARK)
        assert mark and _MARK not in tail
        separator = self.parts.separator.encode("utf-8")
        return head.encode("utf-8") + separator.join(self.bodies) + tail.encode("utf-8")


def run_packaged(args: argparse.Namespace, config: Config, policy: Policy, root: Path, flags: RunSettings,
                 stages: Sequence[FindingStage], options: ReportOptions,
                 found: Discovery | None = None) -> Packaged | None:
    """The run put together from fragments; None when this run's report is not made that way:
    no cache, findings that are filtered (--diff, baselines, --min-weight) or reordered (--rank,
    a profile) after linting, a compiler stage, a format without parts."""
    cache = flags.cache
    if (cache is None or stages or config.rank or policy.profile is not None or not enabled()
            or flags.changes is not None or flags.baseline is not None or flags.write_baseline is not None):
        return None
    parts = fragments(args.format, policy, options, root)
    if parts is None:
        return None
    render_key = repr((args.format, options, str(root)))
    packaged = run_packages(args.paths, policy, root, cache, lambda ds: parts.body(ds).encode("utf-8"),
                            render_key, jobs=flags.jobs, found=found)
    if packaged is None:
        return None
    return Packaged(packaged.result, Totals(packaged.shown, packaged.suppressed), parts, packaged.bodies,
                    packaged.signatures)
