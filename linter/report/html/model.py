"""What an HTML report shows, gathered once: findings in report order, their files, packages and counts."""
from __future__ import annotations

import functools
import posixpath
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goescape.linter.config.policy import Policy
from goescape.linter.findings import Diagnostic, RunResult, Severity
from goescape.linter.model.loader import import_path
from goescape.linter.report import explanations
from goescape.linter.report.html import sources
from goescape.linter.report.options import ReportOptions
from goescape.linter.rule.definition import Rule


@dataclass(frozen=True)
class Item:
    """One finding as the page shows it."""

    diagnostic: Diagnostic
    file: int  # index into Report.files
    package: str
    function: str

    @property
    def cost(self) -> Mapping[str, Any] | None:
        found = self.diagnostic.properties.get("cost")
        return found if isinstance(found, Mapping) else None

    @property
    def profile(self) -> Mapping[str, Any] | None:
        found = self.diagnostic.properties.get("profile")
        return found if isinstance(found, Mapping) else None


@dataclass(frozen=True)
class SourceFile:
    path: str  # as the other reports show it
    package: str
    source: sources.FileSource
    findings: int


@dataclass(frozen=True)
class Group:
    """A row of a summary table: findings by rule, severity, package or function."""

    key: str
    findings: int
    share: float | None  # the share of the profile's weight on the group's flagged lines
    estimate: float | None  # the cost model's estimate, summed


@dataclass(frozen=True)
class Report:
    items: tuple[Item, ...]
    files: tuple[SourceFile, ...]
    rules: tuple[Rule, ...]  # the rules with findings, by code
    severities: tuple[Group, ...]
    by_rule: tuple[Group, ...]
    packages: tuple[Group, ...]
    functions: tuple[Group, ...]
    has_cost: bool
    has_profile: bool
    total_share: float | None  # the profile weight on all flagged lines

    @property
    def reported(self) -> int:
        """The findings shown that are not suppressed."""
        return sum(1 for item in self.items if not item.diagnostic.suppressed)

    @property
    def package_names(self) -> list[str]:
        return sorted({f.package for f in self.files})


def package_of(path: str, file: Path) -> str:
    """The import path of the package holding `file` (from the nearest go.mod), else the folder
    of the path shown (`.` for the top folder): a Go package is a folder."""
    return _import_path(file.parent) or posixpath.dirname(path.replace("\\", "/")) or "."


@functools.lru_cache(maxsize=4096)
def _import_path(folder: Path) -> str | None:
    return import_path(folder)


def order(diagnostics: Iterable[Diagnostic], options: ReportOptions) -> list[Diagnostic]:
    """Ranked runs keep the ranking stage's order; otherwise the most severe first, then by path."""
    shown = [d for d in diagnostics if options.include_suppressed or not d.suppressed]
    if options.rank:
        return shown
    return sorted(shown, key=lambda d: (-int(d.severity), d.sort_key()))


def build(result: RunResult, policy: Policy, options: ReportOptions) -> Report:
    diagnostics = order(result.diagnostics, options)
    marked: dict[str, set[int]] = {}
    absolute: dict[str, Path] = {}
    for d in diagnostics:
        for loc in (d.location, *(r.location for r in d.related)):
            if loc.path == d.location.path:  # related lines in other files are quoted, not excerpted
                marked.setdefault(loc.path, set()).add(loc.start.line)
        absolute.setdefault(d.location.path, Path(d.location.file) if d.location.file
                            else explanations.resolve(d.location.path))
    package = {path: package_of(path, absolute[path]) for path in marked}
    paths = sorted(marked, key=lambda p: (package[p], p))
    index = {path: i for i, path in enumerate(paths)}
    loaded = {path: sources.load(absolute[path], marked[path]) for path in paths}
    items = tuple(Item(d, index[d.location.path], package[d.location.path],
                       loaded[d.location.path].functions.at(d.location.start.line)) for d in diagnostics)
    counts = Counter(item.file for item in items)
    files = tuple(SourceFile(p, package[p], loaded[p], counts[i]) for i, p in enumerate(paths))
    used = {item.diagnostic.code for item in items}
    has_profile = any(item.profile for item in items)
    counted = [i for i in items if not i.diagnostic.suppressed]  # the summary counts what is reported
    return Report(
        items=items,
        files=files,
        rules=tuple(r for r in policy.registry.sorted() if r.code in used),
        severities=tuple(sorted(_groups(counted, lambda i: i.diagnostic.severity.label, has_profile),
                                key=lambda g: -Severity.parse(g.key))),
        by_rule=_groups(counted, lambda i: i.diagnostic.code, has_profile),
        packages=_groups(counted, lambda i: i.package, has_profile),
        functions=_groups([i for i in counted if i.function], lambda i: f"{i.package}\t{i.function}", has_profile),
        has_cost=any(item.cost for item in items),
        has_profile=has_profile,
        total_share=_share(counted) if has_profile else None,
    )


def _share(items: Iterable[Item]) -> float:
    """The profile weight on the flagged lines, each line counted once however many findings it has."""
    lines: dict[tuple[str, int], float] = {}
    for item in items:
        share = (item.profile or {}).get("share")
        if isinstance(share, (int, float)):
            loc = item.diagnostic.location
            lines[(loc.path, loc.start.line)] = float(share)
    return sum(lines.values())


def _estimate(items: Iterable[Item]) -> float | None:
    found = [c["estimate"] for i in items if (c := i.cost) and isinstance(c.get("estimate"), (int, float))]
    return float(sum(found)) if found else None


def _groups(items: Iterable[Item], key: Callable[[Item], str], has_profile: bool) -> tuple[Group, ...]:
    """Groups with most weight first: the profile's share when there is a profile, else the cost
    model's estimate when there is one, else the number of findings."""
    members: dict[str, list[Item]] = {}
    for item in items:
        members.setdefault(key(item), []).append(item)
    groups = [Group(k, len(v), _share(v) if has_profile else None, _estimate(v)) for k, v in members.items()]
    return tuple(sorted(groups, key=lambda g: (-(g.share or 0.0), -(g.estimate or 0.0), -g.findings, g.key)))
