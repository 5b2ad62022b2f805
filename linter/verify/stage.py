"""`--verify`: the finding stage that puts the compiler's verdict behind every finding."""
from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tree_sitter import Tree

from goescape.linter.findings import Finding, Notice
from goescape.linter.gc import build as gc
from goescape.linter.model import FileModel
from goescape.linter.syntax.source import SourceFile
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
    # Set by a caller that no longer wants the results (an editor's newer change): the go
    # commands are killed, and nothing of theirs is cached.
    cancel: threading.Event | None = None


@dataclass
class _Pending:
    """One unit's packages still to compile, with their cache keys."""

    unit: Unit
    packages: list[PackageDir]
    keys: dict[str, str]


class VerifyStage:
    """Compiles every linted package once (in the background, while the rules run) and checks
    each file's findings against what the compiler said about that file.

    `prepare` computes each package's cache key (its files, the local packages it imports, the
    toolchain and its settings) and starts compiling the packages the cache does not have;
    `cache_key` then names all of them, so that a file-level result cache may answer for
    unchanged files (unless a package failed last time: it is compiled again, for its notice)."""

    def __init__(self, options: Options, known_codes: Callable[[str], bool]) -> None:
        self._options = options
        self._known = known_codes
        self._lock = threading.RLock()  # _result_for may prepare, then ask again
        self._futures: dict[str, Future[PackageResult]] = {}
        self._cached: dict[str, str] = {}  # folder -> key of a cached result, read when needed
        self._linted: dict[str, list[str]] = {}  # folder -> its linted files (resolved)
        self._executor: ThreadPoolExecutor | None = None
        self.cache_key: str | None = None

    # -- preparing: plan, keys, builds started ------------------------------------------------

    def prepare(self, paths: Sequence[Path]) -> None:
        for path in paths:
            resolved = os.path.realpath(path)
            self._linted.setdefault(os.path.dirname(resolved), []).append(resolved)
        digest, usable = hashlib.sha256(), True
        for unit in plan(paths):
            keys = self._keys(unit)
            if keys is None:
                usable = False
                continue
            for folder, key in sorted(keys.items()):
                digest.update(f"{folder}\0{key}\0".encode())
            usable = self._schedule(unit, keys) and usable
        self.cache_key = digest.hexdigest() if usable else None

    def _keys(self, unit: Unit) -> dict[str, str] | None:
        """Each package's cache key; None (and the packages' problem set) if `go env` fails."""
        env = build.unit_env(unit, self._options.cgo)
        try:
            keys = Keys(unit, build.fingerprint(self._options.go, unit, env))
        except gc.GoError as error:
            for package in unit.packages:
                self._resolved(package.dir, PackageResult(package.dir, problem=Problem("", str(error))))
            return None
        return {p.dir: keys.key(p) for p in unit.packages}

    def _schedule(self, unit: Unit, keys: dict[str, str]) -> bool:
        """Start compiling what the cache lacks; False if a package failed last time."""
        cache = self._options.cache
        missing = []
        for package in unit.packages:
            if cache.has(keys[package.dir]):
                self._cached[package.dir] = keys[package.dir]
            else:
                missing.append(package)
        if missing:
            pending = _Pending(unit, missing, keys)
            for package in missing:
                self._futures[package.dir] = Future()
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=max(1, self._options.jobs),
                                                    thread_name_prefix="goescape-verify")
            self._executor.submit(self._compile, pending)
        return not any(cache.failed(keys[p.dir]) for p in missing)

    def _compile(self, pending: _Pending) -> None:
        unit, packages = pending.unit, pending.packages
        cancel = self._options.cancel
        try:
            env = build.unit_env(unit, self._options.cgo)
            results = build.compile_unit(self._options.go, unit, packages, env, cancel)
        except Exception as error:
            problem = Problem("", f"{type(error).__name__}: {error}")
            results = {p.dir: PackageResult(p.dir, problem=problem) for p in packages}
        for package in packages:
            result = results.get(package.dir) or PackageResult(
                package.dir, problem=Problem("", "the go command did not report on this folder"))
            if cancel is None or not cancel.is_set():
                self._options.cache.put(pending.keys[package.dir], result)
            self._futures[package.dir].set_result(result)

    def _resolved(self, folder: str, result: PackageResult) -> None:
        future: Future[PackageResult] = Future()
        future.set_result(result)
        self._futures[folder] = future

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
        self._options.cache.prune()

    # -- per file -----------------------------------------------------------------------------

    def process(self, file: SourceFile, tree: Tree, model: Callable[[], FileModel],
                findings: list[Finding]) -> list[Finding]:
        result = self._result_for(file.path)
        path = os.path.realpath(file.path)
        if not result.verified or path not in result.files:
            return findings  # their notice says why; the findings stay heuristic
        found = result.diagnostics.get(path, ())
        return verify_file(file, tree, model, findings, found, self._known)

    def notices_for(self, file: SourceFile, uri: str) -> list[Notice]:
        """Why a file's findings are not verified, on one file per package (the first in path
        order, so that a result cache keeps each notice exactly once)."""
        result = self._result_for(file.path)
        path = os.path.realpath(file.path)
        linted = sorted(self._linted.get(result.dir, [path]))
        if result.problem is not None:
            return [self._problem(file, uri, result)] if _chosen(path, linted, result) else []
        skipped = [p for p in linted if p not in result.files]
        if not skipped or path != skipped[0]:
            return []
        names = ", ".join(os.path.basename(p) for p in skipped[:3]) + (", ..." if len(skipped) > 3 else "")
        count = f"{len(skipped)} file{'s' if len(skipped) > 1 else ''}"
        message = (f"{result.import_path or 'this package'}: not verified: the go command does not "
                   f"compile {count} for this platform and these build tags ({names}); their "
                   "findings are heuristic")
        return [Notice("verify", message, file.display, uri, 1, 1)]

    def _problem(self, file: SourceFile, uri: str, result: PackageResult) -> Notice:
        problem = result.problem
        assert problem is not None
        name = problem.package or result.import_path or os.path.basename(result.dir)
        message = f"{name}: not verified, its findings are heuristic: {problem.message}"
        location = problem.location
        if location is not None and location.path == os.path.realpath(file.path) and location.line > 0:
            return Notice("verify", message, file.display, uri, location.line, max(location.column, 1))
        return Notice("verify", message, file.display, uri)

    def result_for(self, path: Path) -> PackageResult:
        """What the compiler said about the package of `path`, waiting for it if need be."""
        return self._result_for(path)

    def _result_for(self, path: Path) -> PackageResult:
        folder = os.path.dirname(os.path.realpath(path))
        with self._lock:
            key = self._cached.pop(folder, None)
            if key is not None:
                self._resolved(folder, self._options.cache.get(key) or self._rebuild(folder))
            elif folder not in self._futures:
                # linted without prepare() (lint_source): plan and compile this folder now
                self.prepare([path])
                return self._result_for(path)
        return self._futures[folder].result()

    def _rebuild(self, folder: str) -> PackageResult:
        """A cache entry that vanished or cannot be read: compile the folder now."""
        unit = plan([Path(p) for p in self._linted.get(folder, [])])[0]
        package = next(p for p in unit.packages if p.dir == folder)
        env = build.unit_env(unit, self._options.cgo)
        result = build.compile_unit(self._options.go, unit, [package], env).get(folder)
        return result or PackageResult(folder, problem=Problem("", "the go command did not report"))


def _chosen(path: str, linted: Sequence[str], result: PackageResult) -> bool:
    """The file that carries a package's problem: the one the error is in, else the first."""
    location = result.problem.location if result.problem is not None else None
    if location is not None and location.path in linted:
        return path == location.path
    return path == linted[0]
