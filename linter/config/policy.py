"""Which rules run, at what severity, and where: the configuration resolved against the registry."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from goescape.linter.config.file import Config
from goescape.linter.cost.profiles import ProfileIndex
from goescape.linter.findings import Cost, Severity
from goescape.linter.registry.registry import Registry
from goescape.linter.rule.definition import Rule


@dataclass(frozen=True)
class Policy:
    """The effective rule set: enabled codes with their severities, and per-file exceptions."""

    config: Config
    registry: Registry
    severities: dict[str, Severity]  # enabled rules only
    # The run's profiles (--profile, default.pgo), read once: forked workers inherit them, spawned
    # ones are sent them. None: no profile, and the profile-only rules are off.
    profile: ProfileIndex | None = None

    @classmethod
    def build(cls, config: Config, registry: Registry, profile: ProfileIndex | None = None) -> Policy:
        """The policy of `config`; its profiles are read unless `profile` is given (a ProfileError,
        one line, when one cannot be used)."""
        if profile is None and config.profile:
            profile = ProfileIndex.load(config.profile)
        selected = _expand_all(registry, config.select) if config.select else registry.sorted()
        ignored = {r.code for r in _expand_all(registry, config.ignore)}
        severities: dict[str, Severity] = {}
        for rule in selected:
            if rule.code in ignored:
                continue  # ignore wins over select, whatever their specificity
            if rule.verify_only and config.verify == "off":
                continue  # no compiler, no findings: its suppressions are not "unused"
            if rule.profile_only and profile is None:
                continue  # likewise without a profile
            level = config.severity.get(rule.code, rule.meta.severity)
            if level is not Severity.OFF:
                severities[rule.code] = level
        return cls(config, registry, severities, profile)

    def enabled(self, code: str) -> bool:
        return code in self.severities

    def severity(self, code: str) -> Severity:
        return self.severities[code]

    def severity_for(self, code: str, cost: Cost | None,
                     profile: Mapping[str, Any] | None = None) -> tuple[Severity, str | None]:
        """The severity of one finding of rule `code`, and why it was lowered (None: it was not):
        findings that allocate nothing, that the profile never sampled, or that sit on a cold
        path take the configured `no-allocation-severity` / `cold-severity`, unless the rule's
        severity was set explicitly; OFF means the finding is not reported."""
        level = self.severities[code]
        if code in self.config.severity:
            return level, None
        if cost is not None and cost.free and self.config.no_allocation_severity < level:
            return self.config.no_allocation_severity, "allocates nothing"
        if profile is not None and not profile.get("sampled", True) and self.config.cold_severity < level:
            return self.config.cold_severity, "never sampled"
        if cost is not None and cost.cold and self.config.cold_severity < level:
            return self.config.cold_severity, "cold path"
        return level, None

    def with_profile(self, profile: ProfileIndex) -> Policy:
        """This policy with these profiles (default.pgo files found once the run knows its files)."""
        return Policy.build(self.config, self.registry, profile)

    def rules(self) -> list[Rule]:
        """Enabled rules that have a check to run, sorted by code."""
        return [r for r in self.registry.sorted() if r.code in self.severities and r.check is not None]

    def excluded(self, path: Path) -> bool:
        if not self.config.exclude:
            return False  # resolving every discovered path is not free
        relative = self.relative(path)
        return relative is not None and any(g.matches(relative) for g in self.config.exclude)

    def ignored_in(self, path: Path) -> frozenset[str]:
        """Codes that `per-file-ignores` turns off for this file."""
        if not self.config.per_file_ignores:
            return frozenset()
        relative = self.relative(path)
        if relative is None:
            return frozenset()
        return self._ignored_for(relative)

    @lru_cache(maxsize=4096)  # noqa: B019 - a Policy lives for one run
    def _ignored_for(self, relative: str) -> frozenset[str]:
        codes: set[str] = set()
        for glob, selectors in self.config.per_file_ignores:
            if glob.matches(relative):
                codes.update(r.code for r in _expand_all(self.registry, selectors))
        return frozenset(codes)

    def relative(self, path: Path) -> str | None:
        """`path` relative to the configuration's folder, '/'-separated; None when outside it."""
        folder, name = os.path.split(path)
        if not name or name in (".", "..") or os.path.islink(path):
            return self._relative(path)
        # A file that is not a symlink resolves to its resolved folder plus its name: resolving
        # each folder once spares a walk of every path component for every file of a big tree.
        base = self._folder_relative(folder)
        if base is None:
            return None
        return name if base == "." else f"{base}/{name}"

    @lru_cache(maxsize=4096)  # noqa: B019 - a Policy lives for one run
    def _folder_relative(self, folder: str) -> str | None:
        return self._relative(Path(folder))

    def _relative(self, path: Path) -> str | None:
        try:
            return path.resolve().relative_to(self.config.root).as_posix()
        except ValueError:
            return None

    def __hash__(self) -> int:
        return id(self)


def _expand_all(registry: Registry, selectors: tuple[str, ...]) -> list[Rule]:
    rules: dict[str, Rule] = {}
    for selector in selectors:
        for rule in registry.expand(selector):
            rules[rule.code] = rule
    return [rules[code] for code in sorted(rules)]
