"""The check command's speed and CI options: --jobs, the cache, --diff and baselines."""
from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goescape.linter.config.file import Config


class RunFlagError(Exception):
    """A bad --diff revision, an unreadable baseline, an unusable cache folder: exit status 2."""


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("expected at least 1")
    return value


def add_arguments(check: argparse.ArgumentParser) -> None:
    group = check.add_argument_group("speed and CI")
    group.add_argument("--jobs", "-j", type=positive_int, metavar="N",
                       help="lint in N processes (default: the number of CPUs)")
    group.add_argument("--cache-dir", metavar="DIR",
                       help="where to cache results (default: the user's cache folder)")
    group.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    group.add_argument("--diff", metavar="REV|staged",
                       help="report only findings on lines added or changed since git revision REV "
                            "(from where the branch forked from it), or in the staged changes")
    group.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE")
    group.add_argument("--write-baseline", metavar="FILE",
                       help="record the current findings in FILE (then they are hidden)")


@dataclass
class RunSettings:
    """What the options mean for this run; `run_kwargs` go to engine.run, `finish` filters."""

    jobs: int
    cache: Any = None  # ResultCache | None (imported lazily: a cold import costs start-up time)
    changes: Any = None  # gitdiff.Changes | None
    baseline: Path | None = None
    write_baseline: Path | None = None
    warnings: list[str] = field(default_factory=list)  # for standard error, even with --quiet
    notes: list[str] = field(default_factory=list)  # for standard error, unless --quiet

    def nothing_linted(self, paths: list[str]) -> str:
        where = ", ".join(paths)
        if self.changes is not None:
            return f"no Go file in {where} is touched by {self.changes.description}"
        return f"no Go files found in {where}"

    def run_kwargs(self) -> dict[str, Any]:
        return {"jobs": self.jobs, "cache": self.cache,
                "only": self.changes.touches if self.changes is not None else None}


def settings(args: argparse.Namespace, config: Config, cwd: Path) -> RunSettings:
    from goescape.linter.run.workers import cpu_count

    if args.write_baseline and args.diff:
        raise RunFlagError("--write-baseline records every finding: it cannot be combined with --diff")
    jobs = args.jobs or config.jobs or cpu_count()
    cache, warnings = _cache(args, config)
    changes = _changes(args.diff, cwd) if args.diff else None
    baseline = Path(args.baseline) if args.baseline else config.baseline
    write = Path(args.write_baseline) if args.write_baseline else None
    return RunSettings(jobs, cache, changes, baseline, write, warnings)


def _cache(args: argparse.Namespace, config: Config) -> tuple[Any, list[str]]:
    if args.no_cache:
        return None, []
    from goescape.linter.run.cache import ResultCache, default_cache_dir

    chosen = Path(args.cache_dir) if args.cache_dir else config.cache_dir
    cache = ResultCache(chosen or default_cache_dir())
    try:
        cache.prepare()
    except OSError as error:
        if chosen is not None:
            raise RunFlagError(str(error)) from None
        return None, [f"{error}; running without a cache (--cache-dir chooses another folder)"]
    return cache, []


def _changes(rev: str, cwd: Path) -> Any:
    from goescape.linter.run.gitdiff import DiffError, changes

    try:
        return changes(rev, cwd)
    except DiffError as error:
        raise RunFlagError(f"--diff {rev}: {error}") from None


def finish(result: Any, settings: RunSettings) -> None:
    """Baseline, then --diff, on the run's result (engine.RunResult). Writing a baseline records
    every finding and then hides them all (so that run passes)."""
    from goescape.linter.run import baseline as baselines
    from goescape.linter.run.gitdiff import keep

    try:
        if settings.write_baseline is not None:
            count = baselines.write(settings.write_baseline, result.diagnostics)
            settings.notes.append(f"wrote {count} finding{'s' * (count != 1)} to the baseline "
                                  f"{settings.write_baseline}")
            entries = baselines.load(settings.write_baseline)
        elif settings.baseline is not None:
            entries = baselines.load(settings.baseline)
        else:
            entries = None
    except baselines.BaselineError as error:
        raise RunFlagError(str(error)) from None
    if entries is not None:
        from goescape.linter.run.workers import fast_uri

        uris = [fast_uri(path, result.root) for path in result.files]
        result.diagnostics, outcome = baselines.hide(result.diagnostics, entries, uris, result.root)
        result.filters["baseline"] = {"hidden": outcome.hidden, "fixed": outcome.fixed}
    if settings.changes is not None:
        result.diagnostics, hidden = keep(result.diagnostics, settings.changes)
        result.filters["diff"] = {"hidden": hidden}
    if settings.cache is not None and settings.cache.error:
        settings.warnings.append(settings.cache.error)
