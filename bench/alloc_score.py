"""Score findings against what a package's benchmarks allocated: shares covered, top N, findings that allocate."""
from __future__ import annotations

import os
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tree_sitter import Node

from bench.allocs import BenchOptions, Charged, Key
from goescape.linter.findings import Cost, Diagnostic, Severity
from goescape.linter.syntax.parsing import parse

INTERNAL_PREFIX = "ESC0"  # goescape's own directive checks: not findings about allocations
TOP = (10, 50)
RATES = ("findings", "warnings", "reached", "reached_warnings")  # Coverage.rate's parts
UNCOVERED = 10  # uncovered allocating lines kept per package and mode, costliest first
_FUNCTIONS = ("function_declaration", "method_declaration", "func_literal")


@dataclass(frozen=True)
class Share:
    """Shares of a package's charged bytes, objects and allocating lines (sites) that a set of lines covers."""

    bytes: float
    objects: float
    sites: float


@dataclass(frozen=True)
class Coverage:
    """One package, one way of running goescape."""

    findings: int  # escape findings reported (ESC0xx excluded)
    warnings: int  # of them, at warning level or above
    covered: Share  # by every finding (its own line or a related location's)
    top: Mapping[int, Share]  # by the first N findings in rank order
    on_allocating: int  # findings whose own or related line allocated
    warnings_on_allocating: int
    reached: int  # findings in functions the benchmarks ran (on a profiled stack)
    reached_on_allocating: int
    reached_warnings: int  # of them, at warning level or above
    reached_warnings_on_allocating: int
    free_on_allocating: tuple[str, ...] = ()  # "allocates nothing" findings on a line that allocated
    uncovered: tuple[tuple[Key, int], ...] = ()  # the costliest lines no finding covers, with their bytes

    def rate(self, part: str) -> float | None:
        """on_allocating / findings and friends (RATES); None when there is nothing to divide."""
        hit, total = self.counts(part)
        return hit / total if total else None

    def counts(self, part: str) -> tuple[int, int]:
        pairs = {"findings": (self.on_allocating, self.findings),
                 "warnings": (self.warnings_on_allocating, self.warnings),
                 "reached": (self.reached_on_allocating, self.reached),
                 "reached_warnings": (self.reached_warnings_on_allocating, self.reached_warnings)}
        return pairs[part]


def lines_of(diagnostic: Diagnostic) -> set[Key]:
    """The lines a finding covers: its own and its related locations'."""
    places = [diagnostic.location, *(r.location for r in diagnostic.related)]
    return {(os.path.realpath(p.file or p.path), p.start.line) for p in places}


def findings_of(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if not d.suppressed and not d.code.startswith(INTERNAL_PREFIX)]


def score(ranked: Sequence[Diagnostic], charged: Charged, reached: frozenset[tuple[str, int]] = frozenset(),
          enclosing: Mapping[Key, int] | None = None) -> Coverage:
    """`ranked`: the run's findings in rank order. `reached`: (file, start line) of the functions
    the benchmarks ran; `enclosing`: a finding's line -> its function's start line."""
    findings = findings_of(ranked)
    covered: set[Key] = set()
    top: dict[int, Share] = {}
    for index, finding in enumerate(findings, start=1):
        covered |= lines_of(finding)
        if index in TOP:
            top[index] = share(covered, charged)
    for n in TOP:
        top.setdefault(n, share(covered, charged))  # fewer findings than n: all of them
    warnings = [f for f in findings if f.severity >= Severity.WARNING]
    allocating = [f for f in findings if lines_of(f) & charged.sites.keys()]
    in_reached = [f for f in findings if _reached(f, reached, enclosing or {})]
    return Coverage(
        findings=len(findings), warnings=len(warnings), covered=share(covered, charged), top=top,
        on_allocating=len(allocating),
        warnings_on_allocating=sum(1 for f in allocating if f.severity >= Severity.WARNING),
        reached=len(in_reached), reached_on_allocating=sum(1 for f in in_reached if f in allocating),
        reached_warnings=sum(1 for f in in_reached if f.severity >= Severity.WARNING),
        reached_warnings_on_allocating=sum(1 for f in in_reached if f in allocating and f.severity >= Severity.WARNING),
        free_on_allocating=tuple(_free_on_allocating(findings, charged)),
        uncovered=tuple(sorted(((k, s.bytes) for k, s in charged.sites.items() if k not in covered),
                               key=lambda item: (-item[1], item[0]))[:UNCOVERED]))


def share(lines: set[Key], charged: Charged) -> Share:
    hit = [charged.sites[k] for k in lines if k in charged.sites]
    return Share(_ratio(sum(s.bytes for s in hit), charged.bytes), _ratio(sum(s.objects for s in hit), charged.objects),
                 _ratio(len(hit), len(charged.sites)))


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _reached(finding: Diagnostic, reached: frozenset[tuple[str, int]], enclosing: Mapping[Key, int]) -> bool:
    key = (os.path.realpath(finding.location.file or finding.location.path), finding.location.start.line)
    start = enclosing.get(key)
    return start is not None and (key[0], start) in reached


def _free_on_allocating(findings: Sequence[Diagnostic], charged: Charged) -> list[str]:
    """A finding the cost model says allocates nothing, on its own line that allocated: either
    the model is wrong or another expression on the line allocates (worth a look either way)."""
    found = []
    for finding in findings:
        cost = Cost.from_properties(finding.properties)
        key = (os.path.realpath(finding.location.file or finding.location.path), finding.location.start.line)
        if cost is not None and cost.free and key in charged.sites:
            found.append(f"{finding.location.path}:{key[1]}: {finding.code} {finding.message} "
                         f"[{charged.sites[key].bytes} B allocated here]")
    return found


def enclosing_functions(files: Iterable[Path]) -> dict[Key, int]:
    """Every line of `files` inside a function -> the start line of the innermost function or
    func literal around it (what a profile's Function.start_line gives)."""
    found: dict[Key, int] = {}
    for path in files:
        real = os.path.realpath(path)
        tree = parse(Path(path).read_bytes())
        for node in _function_nodes(tree.root_node):
            start = node.start_point[0] + 1
            for line in range(start, node.end_point[0] + 2):
                found[(real, line)] = start  # inner functions come later and overwrite
    return found


def _function_nodes(root: Node) -> list[Node]:
    """Functions in document order, an enclosing one before those inside it."""
    out: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type in _FUNCTIONS:
            out.append(node)
        stack.extend(reversed(node.named_children))
    return out


# -- means over packages ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Means:
    """Per-package means of the shares (each package counts once, whatever its size)."""

    packages: int
    covered: Share
    top: Mapping[int, Share]
    rates: Mapping[str, float | None] = field(default_factory=dict)  # mean of each Coverage.rate
    pooled: Mapping[str, float | None] = field(default_factory=dict)  # the same, over all findings at once
    free_on_allocating: int = 0


def means(coverages: Sequence[Coverage]) -> Means:
    def mean_share(shares: Sequence[Share]) -> Share:
        if not shares:
            return Share(0.0, 0.0, 0.0)
        return Share(statistics.fmean(s.bytes for s in shares), statistics.fmean(s.objects for s in shares),
                     statistics.fmean(s.sites for s in shares))

    rates: dict[str, float | None] = {}
    pooled: dict[str, float | None] = {}
    for part in RATES:
        values = [r for c in coverages if (r := c.rate(part)) is not None]
        rates[part] = statistics.fmean(values) if values else None
        hit = sum(c.counts(part)[0] for c in coverages)
        total = sum(c.counts(part)[1] for c in coverages)
        pooled[part] = hit / total if total else None
    return Means(len(coverages), mean_share([c.covered for c in coverages]),
                 {n: mean_share([c.top[n] for c in coverages]) for n in TOP}, rates, pooled,
                 sum(len(c.free_on_allocating) for c in coverages))


# -- what the report shows -------------------------------------------------------------------------


@dataclass
class PackageResult:
    """One package: what its benchmarks allocated in its own code, and each mode's coverage."""

    name: str
    group: str  # std-tuned, std-holdout, packages, module
    problem: str = ""  # why it was not measured (its benchmarks failed, no benchmarks, ...)
    benchmarks: int = 0
    files: int = 0
    charged_bytes: int = 0
    charged_objects: int = 0
    sites: int = 0
    profile_bytes: int = 0  # every byte in the memory profile, charged or not
    seconds: float = 0.0
    coverage: dict[str, Coverage] = field(default_factory=dict)

    @property
    def scored(self) -> bool:
        return not self.problem and self.charged_bytes > 0


@dataclass(frozen=True)
class Report:
    """A whole run of the benchmark."""

    go_version: str
    modes: tuple[str, ...]
    options: BenchOptions
    packages: tuple[PackageResult, ...]
    examples: int  # findings and uncovered lines listed per package

    def groups(self) -> list[str]:
        return list(dict.fromkeys(p.group for p in self.packages))
