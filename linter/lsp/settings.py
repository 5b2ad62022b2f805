"""Each buffer's configuration: the nearest `.goescape.toml` or `pyproject.toml`, re-read when it changes."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from goescape.linter.config.file import ON_SAVE, Config, ConfigError, find_config, load_config
from goescape.linter.config.policy import Policy
from goescape.linter.registry.registry import Registry
from goescape.linter.run.runner import project_root

Stamp = tuple[int, int, int]  # modification time, size and inode: a changed file differs in one


@dataclass(frozen=True)
class Settings:
    """What lints one buffer: its configuration (as written), the policy of a lint as you type,
    the policy of a compiler-verified lint (the verify-only rules enabled), the project root."""

    config: Config
    policy: Policy
    verified: Policy
    root: Path
    source: Path | None  # the configuration file, if any

    @classmethod
    def of(cls, config: Config, registry: Registry, root: Path, source: Path | None) -> Settings:
        return cls(config, Policy.build(replace(config, verify="off"), registry),
                   Policy.build(replace(config, verify="on"), registry), root, source)

    @property
    def verify_on_save(self) -> bool:
        return self.config.verify == ON_SAVE


class Configurations:
    """Finds and loads configurations, keeping each until its file changes. A broken file is
    reported once (per version of it) through `report`, and the defaults are used meanwhile."""

    def __init__(self, registry: Registry, report: Callable[[str], None]) -> None:
        self.registry = registry
        self._report = report
        self._loaded: dict[Path, tuple[Stamp, Settings]] = {}
        self._defaults: dict[Path, Settings] = {}
        self._broken: set[tuple[Path, Stamp]] = set()

    def for_folder(self, folder: Path) -> Settings:
        """The settings that apply to the files of `folder`."""
        found = find_config(folder) if folder.is_dir() else None
        if found is None:
            return self._default(_root(folder))
        stamp = _stamp(found)
        cached = self._loaded.get(found)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            config = load_config(found, self.registry)
        except ConfigError as error:
            if (found, stamp) not in self._broken:
                self._broken.add((found, stamp))
                self._report(f"goescape: {error}; using the default settings until it is fixed")
            settings = self._default(found.parent.resolve(), found)
        else:
            settings = Settings.of(config, self.registry, _root(folder), found)
        self._loaded[found] = (stamp, settings)
        return settings

    def forget(self) -> None:
        """Look at every configuration file again (one changed, or the client says so)."""
        self._loaded.clear()

    def _default(self, root: Path, source: Path | None = None) -> Settings:
        settings = self._defaults.get(root)
        if settings is None:
            settings = self._defaults[root] = Settings.of(Config(root=root), self.registry, _root(root), source)
        return settings


@lru_cache(maxsize=256)
def _root(folder: Path) -> Path:
    return project_root(folder)


def _stamp(path: Path) -> Stamp:
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0, 0)
    return (info.st_mtime_ns, info.st_size, info.st_ino)
