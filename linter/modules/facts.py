"""The standard library's data plus summaries of the module's own packages, computed bottom-up and cached by content.

`facts_for(folder)` gives the data a package model in `folder` should resolve its imports
with: a `ModuleFacts`, which answers for the standard library as the shipped data does and for
every package of the same module (its workspace, its local `replace`s, its vendor tree) with a
summary computed from source (`summary.summarize`). Summaries are computed in dependency order
(a package's calls into another of the module use the other's summary), each once per process,
and kept on disk under a key made of the package's files, its dependencies' keys and the
code that computes them, so an unchanged package is never analysed twice. A package that cannot
be found, read or parsed contributes no facts; nothing here ever fails a lint.
"""
from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import logging
import os
import tempfile

try:
    import fcntl
except ImportError:  # Windows: concurrent processes may compute a summary twice
    fcntl = None  # type: ignore[assignment]
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from goescape.linter.model import PackageModel
from goescape.linter.model.loader import load_package
from goescape.linter.model.stdlib import Stdlib, StdPackage, stdlib
from goescape.linter.modules.gomod import ModuleContext, context_for
from goescape.linter.modules.imports import every_import, scan, source_files
from goescape.linter.modules.summary import summarize
from goescape.linter.syntax.buildtags import default_tags
from goescape.linter.syntax.limits import on_deep_stack

FORMAT = "1"  # bump when a summary's meaning changes without the code digest noticing
MAX_PACKAGES = 4000  # a dependency graph larger than this is summarized only this far
_MAGIC = b"goescape-facts 1 "
_log = logging.getLogger(__name__)


class ModuleFacts(Stdlib):
    """The standard library's data, and the summaries of one module's packages as if they were
    more of it (same section format, decoded the same way)."""

    def __init__(self, base: Stdlib, context: ModuleContext, store: SummaryStore) -> None:
        # Shares the standard library's tables (and decoded packages) with `base`.
        self.go_version = base.go_version
        self.tool_tags = base.tool_tags
        self.public = base.public
        self._sections = base._sections
        self._packages = base._packages
        self.base = base
        self.context = context
        self.store = store
        self._by_key: dict[str, dict[str, Any] | None] = {}  # summaries, by content key
        self._current: dict[str, str] = {}  # import path -> the key its files have now
        self._decoded: dict[str, StdPackage | None] = {}  # by key
        self._keys: dict[str, str | None] = {}  # during one run (see `configure`)
        self._generation = -1
        self._scans: dict[str, tuple[tuple[Any, ...], tuple[str, tuple[str, ...]]]] = {}
        self._digests: dict[tuple[str, int, int, int], bytes] = {}
        self._scans_checked: set[str] = set()  # folders whose scan was checked this run
        self._folders: dict[str, Path | None] = {}  # import path -> its folder, this run
        self._tags = default_tags(base.go_version, base.tool_tags)  # the host's build
        self._roots: dict[str, tuple[tuple[Any, ...], tuple[str, ...]]] = {}  # folder -> every import
        self._scope: frozenset[str] | None = None  # in a view (`for_folder`): what it may answer for
        self._dependencies: dict[str, list[str]] = {}  # folder -> dependencies(folder), this run
        self._locals: dict[str, list[str]] = {}  # import path -> _local(path), this run

    def for_folder(self, folder: Path | str) -> ModuleFacts:
        """These facts as a package in `folder` sees them: only the module's packages it depends
        on answer (not whatever else this process summarized before), so that what a file's
        lint finds does not depend on which folders the same worker linted earlier."""
        view = copy.copy(self)
        view._scope = frozenset(self.dependencies(folder))
        return view

    def package(self, path: str) -> StdPackage | None:
        found = self.base.package(path)
        key = self._current.get(path) if found is None and self._visible(path) else None
        if key is None:
            return found
        if key not in self._decoded:
            section = self._by_key.get(key)
            self._decoded[key] = StdPackage(path, section, self) if section is not None else None
        return self._decoded[key]

    def __contains__(self, path: object) -> bool:
        return self.base.__contains__(path) or (
            isinstance(path, str) and self._visible(path)
            and self._by_key.get(self._current.get(path, "")) is not None)

    def _visible(self, path: str) -> bool:
        return self._scope is None or path in self._scope

    # -- what a folder's package imports ---------------------------------------------------------

    def local_imports(self, folder: Path | str) -> tuple[str, ...]:
        """The import paths of `folder`'s package that resolve to this module's source."""
        return tuple(p for p in self._scan(folder)[1] if self._folder(p) is not None)

    def linted_imports(self, folder: Path | str) -> tuple[str, ...]:
        """The import paths of every file a lint of `folder` may read (its tests, an external test
        package, other platforms' files) that resolve to this module's source."""
        key = str(folder)
        try:
            signature = tuple(sorted((e.name, e.stat().st_mtime_ns, e.stat().st_size)
                                     for e in os.scandir(key) if e.name.endswith(".go")))
        except OSError:
            return ()
        known = self._roots.get(key)
        if known is None or known[0] != signature:
            known = self._roots[key] = (signature, every_import(folder))
        return tuple(p for p in known[1] if self._folder(p) is not None)

    def dependencies(self, folder: Path | str) -> list[str]:
        """Every package of the module that `folder`'s files import, directly or not, in
        dependency order (a package after everything it imports); worked out once per run."""
        self._fresh()
        key = str(folder)
        found = self._dependencies.get(key)
        if found is None:
            found = self._dependencies[key] = self._walk_dependencies(folder)
        return list(found)

    def _walk_dependencies(self, folder: Path | str) -> list[str]:
        order: list[str] = []
        done: set[str] = set()
        stack: list[tuple[str, Iterator[str]]] = []
        for root in self.linted_imports(folder):
            if root in done:
                continue
            done.add(root)
            stack.append((root, iter(self._local(root))))
            while stack:
                path, children = stack[-1]
                child = next(children, None)
                if child is None:
                    stack.pop()
                    order.append(path)
                elif child not in done and len(done) < MAX_PACKAGES:
                    done.add(child)  # a cycle (files of other platforms) stops here
                    stack.append((child, iter(self._local(child))))
        return order

    def prepare(self, folder: Path | str) -> None:
        """Summaries of every package `folder`'s package depends on in the module, computed (or
        read from the store) from the bottom of the import graph up. Keys are taken afresh
        (files are stat'ed, and hashed again only when changed) once per run: a long-lived
        process sees edits made between its runs."""
        for path in self.dependencies(folder):
            key = self.key(path)
            if key is None:
                self._current.pop(path, None)
                continue
            if key not in self._by_key:
                self._by_key[key] = self._summary(path, key)
            self._current[path] = key

    def _fresh(self) -> None:
        """A new run: what was learnt of the files in the last one is checked again."""
        if self._generation != _GENERATION[0]:
            self._generation = _GENERATION[0]
            self._keys = {}
            self._folders = {}
            self._scans_checked = set()
            self._dependencies = {}
            self._locals = {}

    def key(self, path: str) -> str | None:
        """The content key of a package's summary: its files, its dependencies' keys, the code."""
        if path not in self._keys:
            self._keys[path] = None  # a cycle back here sees no key for now
            folder = self._folder(path)
            if folder is None:
                return None
            digest = hashlib.sha256(f"{FORMAT}\0{_code_digest()}\0{path}\0{sorted(self.base.tool_tags)}"
                                    .encode())
            for name in source_files(folder):
                digest.update(name.encode(errors="surrogateescape") + b"\0" + self._digest(folder / name))
            for dependency in self._local(path):
                digest.update(f"\0{dependency}={self.key(dependency)}".encode())
            self._keys[path] = digest.hexdigest()
        return self._keys[path]

    # -- internals -------------------------------------------------------------------------------

    def _folder(self, path: str) -> Path | None:
        if path not in self._folders:
            self._folders[path] = self.context.folder(path) if path not in self.base else None
        return self._folders[path]

    def _scan(self, folder: Path | str) -> tuple[str, tuple[str, ...]]:
        """The package name and imports of a folder, read again when one of its files changed."""
        key = str(folder)
        known = self._scans.get(key)
        if known is not None and key in self._scans_checked:
            return known[1]  # checked once this run already
        self._scans_checked.add(key)
        signature = tuple(_stat(os.path.join(key, name)) for name in source_files(key))
        if known is None or known[0] != signature:
            name, imports = scan(folder, self._tags)
            known = self._scans[key] = (signature, (name or "", imports))
        return known[1]

    def _digest(self, path: Path) -> bytes:
        signature = (str(path), *_stat(str(path)))
        found = self._digests.get(signature)
        if found is None:
            found = self._digests[signature] = _file_digest(path)
        return found

    def _local(self, path: str) -> list[str]:
        """The module's packages `path` imports (host build, no tests), once per run."""
        found = self._locals.get(path)
        if found is None:
            folder = self._folder(path)
            found = self._locals[path] = list(self.local_imports(folder)) if folder is not None else []
        return found

    def _summary(self, path: str, key: str) -> dict[str, Any] | None:
        folder = self._folder(path)
        if folder is None:
            return None

        def compute() -> dict[str, Any]:
            section = None
            name = self._scan(folder)[0]
            if name:
                try:
                    model = load_package(folder, name, path=path, std=self, outline_generated=True,
                                         tests=False, built_only=True)
                    section = on_deep_stack(summarize, model)
                except Exception as error:  # a bug must not fail the lint: the package has no facts
                    _log.debug("no summary for %s: %s", path, error)
            return {"section": section}

        found = self.store.get_or_compute(key, compute).get("section")
        return found if isinstance(found, dict) else None


def _stat(path: str) -> tuple[int, int, int]:
    try:
        stat = os.stat(path)
    except OSError:
        return (0, 0, 0)
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def _file_digest(path: Path) -> bytes:
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return b"unreadable"


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """The source of what computes a summary, and the shipped data it reads."""
    base = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for folder in ("syntax", "model", "patterns", "modules"):
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in (".py", ".gz"):
                digest.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class SummaryStore:
    """Summaries by key: in memory for the process, and in a folder on disk when one is given
    (atomic writes, checksummed entries; a damaged entry is a miss)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._memory: dict[str, dict[str, Any]] = {}

    def get(self, key: str) -> dict[str, Any] | None:
        found = self._memory.get(key)
        if found is not None or self.folder is None:
            return found
        try:
            data = (self.folder / key[:2] / key[2:]).read_bytes()
        except OSError:
            return None
        header, _, payload = data.partition(b"\n")
        if header != _MAGIC + hashlib.sha256(payload).hexdigest().encode():
            return None
        try:
            loaded = json.loads(payload)
        except ValueError:
            return None
        if isinstance(loaded, dict):
            self._memory[key] = loaded
            return loaded
        return None

    def get_or_compute(self, key: str, compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """The stored value, else `compute()`'s, stored. With a folder, a lock file makes other
        processes that need the same summary at the same time wait for it instead of computing
        it again (a run's worker processes lint packages that import the same ones)."""
        found = self.get(key)
        if found is not None:
            return found
        lock = self._lock(key)
        if lock is None:
            value = compute()
            self.put(key, value)
            return value
        with lock:
            found = self.get(key)  # computed by the process that held the lock
            if found is None:
                found = compute()
                self.put(key, found)
            return found

    def _lock(self, key: str) -> _FileLock | None:
        if self.folder is None or fcntl is None:
            return None
        path = self.folder / key[:2] / (key[2:] + ".lock")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return _FileLock(open(path, "ab"))  # closed when the lock is released
        except OSError:
            return None

    def put(self, key: str, value: dict[str, Any]) -> None:
        self._memory[key] = value
        if self.folder is None:
            return
        payload = json.dumps(value, separators=(",", ":")).encode()
        path = self.folder / key[:2] / key[2:]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
            os.replace(temp, path)
        except OSError:
            pass  # a read-only or full cache: the summary stays in memory


class _FileLock:
    """An exclusive lock on an open file, released (and the file closed) on exit; the system
    releases it too if the process dies."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def __enter__(self) -> _FileLock:
        assert fcntl is not None
        with contextlib.suppress(OSError):  # a file system without locks: compute it here too
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


_STORE: list[SummaryStore] = [SummaryStore()]
_GENERATION = [0]  # bumped by each run: files are assumed unchanged during one
_FACTS: dict[ModuleContext, ModuleFacts] = {}


def configure(folder: Path | None) -> None:
    """Keep summaries under `folder` (the result cache's) from now on; None: in memory only.
    Each run calls it: what was read of the files before is checked again."""
    _GENERATION[0] += 1
    current = _STORE[0].folder
    if current != folder:
        _STORE[0] = SummaryStore(folder)
        _FACTS.clear()


def store_folder() -> Path | None:
    return _STORE[0].folder


def _facts_of(context: ModuleContext) -> ModuleFacts:
    """The process's facts for one module (workspace, vendor tree), made on first use."""
    facts = _FACTS.get(context)
    if facts is None:
        facts = _FACTS[context] = ModuleFacts(stdlib(), context, _STORE[0])
    return facts


def facts_for(folder: Path | str) -> ModuleFacts | None:
    """The data a package in `folder` resolves its imports with, its dependencies in the module
    summarized; None outside a module (or in the standard library, which the data covers)."""
    context = context_for(folder)
    if context is None:
        return None
    facts = _facts_of(context)
    try:
        facts.prepare(folder)
        return facts.for_folder(folder)
    except Exception as error:  # never fail a lint over facts
        _log.debug("module facts for %s: %s", folder, error)
    return facts


def dependency_folders(folder: Path | str) -> list[Path]:
    """The folders of the module's packages `folder`'s package depends on (what a cached
    result must be checked against), without summarizing anything."""
    context = context_for(folder)
    if context is None:
        return []
    facts = _facts_of(context)
    try:
        found = [facts._folder(p) for p in facts.dependencies(folder)]
    except OSError:
        return []
    return [f for f in found if f is not None]


def record(folder: Path | str, model: PackageModel) -> None:
    """Leave the summary of a package just linted (from its model: nothing is read again) for
    the packages that import it, unless one is stored already. Its `_test.go` declarations are
    left out, as an importer does not see them."""
    context = context_for(folder)
    if context is None or not model.path or model.name in ("main", ""):
        return
    facts = _facts_of(context)
    found = facts._folder(model.path)
    if found is None or os.path.realpath(found) != os.path.realpath(folder):
        return  # not where an import of its path leads (a nested module, a vendored copy)
    key = facts.key(model.path)
    if key is None or facts.store.get(key) is not None:
        return
    try:
        section = on_deep_stack(summarize, model, True)
    except Exception as error:
        _log.debug("no summary for %s: %s", model.path, error)
        return
    facts.store.put(key, {"section": section})


def context_files(folder: Path | str) -> tuple[Path, ...]:
    """The files that decide where `folder`'s imports resolve: go.mod, go.work, vendor/modules.txt."""
    context = context_for(folder)
    return context.files if context is not None else ()


def clear() -> None:
    """Forget every summary this process computed or read (tests)."""
    _FACTS.clear()
    _STORE[0] = SummaryStore(_STORE[0].folder)
