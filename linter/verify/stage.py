"""`--verify`: the finding stage that puts the compiler's verdict behind every finding."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tree_sitter import Tree

from goescape.linter import gc
from goescape.linter.diagnostic import Notice
from goescape.linter.model import FileModel
from goescape.linter.rule import Finding
from goescape.linter.source import SourceFile
from goescape.linter.verify import build
from goescape.linter.verify.cache import PackageResult, Problem, ResultCache
from goescape.linter.verify.keys import Keys
from goescape.linter.verify.match import verify_file
from goescape.linter.verify.plan import PackageDir, Unit, plan


@dataclass(frozen=True)
class Options:
    go: str  # the go command
    cgo: bool = False  # let the go command run cgo (needs a C compiler); off by default
    cache: ResultCache = field(default_factory=lambda: ResultCache(None))
    jobs: int = 2  # go commands running at once (each is parallel inside already)


@dataclass
class Counts:
    """What the stage did, for the summary."""

    confirmed: int = 0
    added: int = 0
    refuted: int = 0
    unverified: int = 0  # findings in files the compiler did not verify
    packages_built: int = 0
    packages_cached: int = 0


class VerifyStage:
    """Compiles every linted package once (in the background, while the rules run) and checks
    each file's findings against what the compiler said about that file."""

    def __init__(self, options: Options, known_codes: Callable[[str], bool],
                 uri: Callable[[Path], str]) -> None:
        self._options = options
        self._known = known_codes
        self._uri = uri
        self._lock = threading.Lock()
        self._futures: dict[str, Future[PackageResult]] = {}
        self._executor: ThreadPoolExecutor | None = None
        self._noticed: set[str] = set()
        self._notices: list[Notice] = []
        self._uncompiled: dict[str, list[SourceFile]] = {}  # folder -> files the go command skips
        self.counts = Counts()

    @property
    def notices(self) -> list[Notice]:
        """Packages that do not build, files the go command does not compile."""
        found = list(self._notices)
        for files in self._uncompiled.values():
            names = ", ".join(f.path.name for f in files[:3]) + (", ..." if len(files) > 3 else "")
            count = f"{len(files)} file{'s' if len(files) > 1 else ''}"
            message = (f"not verified: the go command does not compile {count} of this folder for "
                       f"this platform and build tags ({names}); their findings are heuristic")
            folder = files[0].path.parent
            found.append(Notice("verify", message, str(Path(files[0].display).parent),
                                self._uri(folder)))
        return found

    # -- preparing: plan, cache look-ups, builds started ---------------------------------------

    def prepare(self, paths: Sequence[Path]) -> None:
        units = plan(paths)
        self._executor = ThreadPoolExecutor(max_workers=max(1, self._options.jobs),
                                            thread_name_prefix="goescape-verify")
        for unit in units:
            self._start(unit)

    def _start(self, unit: Unit) -> None:
        waiting: dict[str, Future[PackageResult]] = {p.dir: Future() for p in unit.packages}
        self._futures.update(waiting)
        assert self._executor is not None
        self._executor.submit(self._run_unit, unit, waiting)

    def _run_unit(self, unit: Unit, waiting: Mapping[str, Future[PackageResult]]) -> None:
        try:
            results = self._unit_results(unit)
        except Exception as error:  # noqa: BLE001 - report it on the unit's files, never crash
            results = {p.dir: PackageResult(p.dir, problem=Problem("", f"{type(error).__name__}: "
                                                                       f"{error}")) for p in unit.packages}
        for folder, future in waiting.items():
            future.set_result(results.get(folder) or PackageResult(
                folder, problem=Problem("", "the go command did not report on this folder")))

    def _unit_results(self, unit: Unit) -> dict[str, PackageResult]:
        env = build.unit_env(unit, self._options.cgo)
        try:
            environment = build.fingerprint(self._options.go, unit, env)
        except gc.GoError as error:
            return {p.dir: PackageResult(p.dir, problem=Problem("", str(error))) for p in unit.packages}
        keys = Keys(unit, environment)
        results: dict[str, PackageResult] = {}
        missing: list[tuple[PackageDir, str]] = []
        for package in unit.packages:
            key = keys.key(package)
            cached = self._options.cache.get(key)
            if cached is not None and cached.dir == package.dir:
                results[package.dir] = cached
            else:
                missing.append((package, key))
        if missing:
            built = build.compile_unit(self._options.go, unit, [p for p, _ in missing], env)
            for package, key in missing:
                result = built.get(package.dir)
                if result is not None:
                    self._options.cache.put(key, result)
                    results[package.dir] = result
        with self._lock:
            self.counts.packages_cached += len(unit.packages) - len(missing)
            self.counts.packages_built += len(missing)
        return results

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

    # -- per file -----------------------------------------------------------------------------

    def process(self, file: SourceFile, tree: Tree, model: Callable[[], FileModel],
                findings: list[Finding]) -> list[Finding]:
        result = self._result_for(file.path)
        if result is None or not result.verified:
            self._unverified(file, result, findings)
            return findings
        path = os.path.realpath(file.path)
        if path not in result.files:
            self._not_compiled(file, result, findings)
            return findings
        verified, counts = verify_file(file, tree, model, findings, result.diagnostics.get(path, ()),
                                       self._known)
        with self._lock:
            self.counts.confirmed += counts[0]
            self.counts.added += counts[1]
            self.counts.refuted += counts[2]
        return verified

    def _result_for(self, path: Path) -> PackageResult | None:
        folder = str(path.resolve().parent)
        future = self._futures.get(folder)
        if future is None:
            # linted without prepare() (e.g. lint_source): compile this folder now
            unit_list = plan([path])
            if not unit_list:
                return None
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1)
            self._start(unit_list[0])
            future = self._futures[folder]
        return future.result()

    def _unverified(self, file: SourceFile, result: PackageResult | None,
                    findings: Sequence[Finding]) -> None:
        problem = result.problem if result is not None else None
        with self._lock:
            self.counts.unverified += len(findings)
        key = f"package:{file.path.parent}"
        if problem is None or key in self._noticed:
            return
        self._noticed.add(key)
        name = problem.package or (result.import_path if result else "") or file.path.parent.name
        message = (f"{name}: not verified, its findings are heuristic: "
                   f"{problem.message}")
        self._notice(message, file, problem)

    def _not_compiled(self, file: SourceFile, result: PackageResult,
                      findings: Sequence[Finding]) -> None:
        with self._lock:
            self.counts.unverified += len(findings)
            self._uncompiled.setdefault(result.dir, []).append(file)

    def _notice(self, message: str, file: SourceFile, problem: Problem) -> None:
        location = problem.location
        if location is not None and location.path and location.line > 0:
            path = Path(location.path)
            display = file.display if path == file.path else str(path)
            notice = Notice("verify", message, display, self._uri(path), location.line,
                            max(location.column, 1))
        else:
            notice = Notice("verify", message, str(file.path.parent), self._uri(file.path.parent))
        with self._lock:
            self._notices.append(notice)
