"""A run: discover the files under the paths, lint them folder by folder (in workers, from the cache)."""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from goescape.linter.config.discover import Discovery, Target, discover
from goescape.linter.config.policy import Policy
from goescape.linter.cost.functions import package_prefixes
from goescape.linter.engine.lint import FindingStage, lint_directory
from goescape.linter.findings import Diagnostic, FileResult, Notice, RunResult
from goescape.linter.modules import facts
from goescape.linter.run.batch import lint_all
from goescape.linter.run.cache import ResultCache
from goescape.linter.run.workers import in_dependency_order


def project_root(start: Path) -> Path:
    """The enclosing git work tree (SARIF URIs are relative to it), else `start` itself."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def run(paths: Sequence[str], policy: Policy, root: Path,
        stages: Sequence[FindingStage] = (), *, jobs: int = 1, cache: ResultCache | None = None,
        only: Callable[[Path], bool] | None = None, found: Discovery | None = None) -> RunResult:
    """Lint `paths`. `jobs` worker processes lint folders in parallel (in-process when there are
    finding stages); `cache` answers for files whose inputs are unchanged; `only` restricts
    linting to the discovered files it accepts (--diff); `found` is `paths` already discovered."""
    result, targets = discovered(paths, policy, root, only, found)
    for stage in stages:
        prepare = getattr(stage, "prepare", None)
        if prepare is not None:
            prepare([target.path for target in targets])
    groups = by_directory(targets)
    with facts_store(cache, jobs):
        if jobs == 1 and cache is None:
            by_group: dict[int, list[FileResult]] = {}
            for index in in_dependency_order(groups):  # summaries of imported packages left first
                by_group[index] = lint_directory(groups[index], policy, root, stages)
            file_results = [r for index in range(len(groups)) for r in by_group[index]]
        else:
            scope = sorted(os.path.realpath(p) for p in paths)
            file_results = lint_all(groups, policy, root, stages, jobs=jobs, cache=cache, scope=scope)
    for file_result in file_results:
        merge(result, file_result)
    if policy.profile is not None:
        result.notices.extend(_unmatched(policy))
    result.diagnostics.sort(key=Diagnostic.sort_key)
    result.refuted.sort(key=Diagnostic.sort_key)
    result.notices.sort(key=Notice.sort_key)
    return result


def discovered(paths: Sequence[str], policy: Policy, root: Path,
               only: Callable[[Path], bool] | None = None,
               found: Discovery | None = None) -> tuple[RunResult, list[Target]]:
    """The files to lint, and a result that says what discovery found (paths missing, files
    excluded, files that cannot be read); `found` is `paths` already discovered."""
    if found is None:
        found = discover(paths, policy.excluded, default_excludes=policy.config.default_excludes)
    if policy.profile is not None:
        # Allocations are charged to the first linted frame: every file found counts, also
        # those --diff leaves out, so that a file's findings do not depend on the diff.
        every = [t.path for t in found.targets]
        policy.profile.bind(every, package_prefixes(every))
    targets = [t for t in found.targets if only is None or only(t.path)]
    result = RunResult(root=root, missing=list(found.missing), files_excluded=found.excluded)
    for path, reason in found.unreadable:
        result.notices.append(Notice("io", f"cannot read {path}: {reason}", path=path, level="error"))
        result.failed = True
    return result, targets


@contextlib.contextmanager
def facts_store(cache: ResultCache | None, jobs: int) -> Iterator[None]:
    """Summaries of the module's packages are kept with the results (by content, like them);
    without a cache, in a folder of the run's own, so that its worker processes share them."""
    if cache is not None or jobs == 1:
        facts.configure(cache.base / "facts" if cache is not None else None)
        yield
        return
    with tempfile.TemporaryDirectory(prefix="goescape-facts-") as folder:
        facts.configure(Path(folder))
        try:
            yield
        finally:
            facts.configure(None)


def _unmatched(policy: Policy) -> list[Notice]:
    """How many of each profile's samples matched no linted file (nothing to weigh there)."""
    assert policy.profile is not None
    notices = []
    for path, kind, total, missed in policy.profile.unmatched():
        if missed:
            what = "call edges" if kind == "pgo" else "samples"
            notices.append(Notice("profile", f"{path}: {missed:,} of {total:,} {what} ({missed / total:.1%}) "
                                  "matched no linted file"))
    return notices


def by_directory(targets: Sequence[Target]) -> list[list[Target]]:
    """Targets grouped by folder (in first-seen order): a package is linted, and modelled, at once."""
    groups: dict[Path, list[Target]] = {}
    for target in targets:
        groups.setdefault(target.path.parent, []).append(target)
    return list(groups.values())


def merge(result: RunResult, file_result: FileResult) -> None:
    """Add one file's result to the run's (its findings unsorted)."""
    result.diagnostics.extend(file_result.diagnostics)
    result.refuted.extend(file_result.refuted)
    result.notices.extend(file_result.notices)
    result.files_linted += file_result.linted
    result.files_generated += file_result.generated
    result.failed = result.failed or file_result.failed
    if file_result.linted and file_result.path is not None:
        result.files.append(file_result.path)
