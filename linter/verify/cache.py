"""What the compiler said about one package, and a content-keyed cache of it on disk.

The cache lives in the `verify/` folder of goescape's cache folder (`--cache-dir`, the `cache-dir`
key, `$GOESCAPE_CACHE_DIR`, else the user's cache folder; none with `--no-cache`), never in the
linted tree. Entries are gzipped JSON, never pickles, so a cache folder shared with others cannot
run code; a corrupt entry is a miss. The least recently used entries go when it grows past
`max_bytes`.
"""
from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goescape.linter.gc.parse import Diagnostic, Explanation, Flow, FlowStep, Kind, Location


@dataclass(frozen=True)
class Problem:
    """Why a package could not be verified: it does not build, or the go command failed."""

    package: str  # as the go command names it
    message: str  # the first error line
    location: Location | None = None


@dataclass(frozen=True)
class PackageResult:
    """The compiler's diagnostics for the files of one folder, or why there are none."""

    dir: str
    import_path: str = ""
    files: frozenset[str] = frozenset()  # the files it compiled (resolved); others are unverified
    diagnostics: Mapping[str, tuple[Diagnostic, ...]] = field(default_factory=dict)  # per file
    problem: Problem | None = None

    @property
    def verified(self) -> bool:
        return self.problem is None


MAX_BYTES = 512 * 1024 * 1024  # all of std's packages take about 100 MB


class ResultCache:
    """Package results by key, under `root/verify`; `root` None disables it."""

    def __init__(self, root: Path | None, max_bytes: int = MAX_BYTES) -> None:
        self._folder = root / "verify" if root is not None else None
        self.max_bytes = max_bytes

    def _entry(self, key: str, suffix: str = ".json.gz") -> Path:
        assert self._folder is not None
        return self._folder / key[:2] / f"{key}{suffix}"

    def has(self, key: str) -> bool:
        return self._folder is not None and self._entry(key).is_file()

    def failed(self, key: str) -> bool:
        """Whether the package failed to build last time (it is not cached: a failure may come
        from the environment, such as a module not downloaded yet, so it is compiled again)."""
        return self._folder is not None and self._entry(key, ".failed").is_file()

    def get(self, key: str) -> PackageResult | None:
        if self._folder is None:
            return None
        entry = self._entry(key)
        try:
            with gzip.open(entry, "rt", encoding="utf-8") as f:
                result = _result_from(json.load(f))
            os.utime(entry)  # recently used: pruned last
            return result
        except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError):
            return None  # absent, unreadable or from another version: compile again

    def put(self, key: str, result: PackageResult) -> None:
        if self._folder is None:
            return
        folder = self._folder / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if result.problem is not None:
                self._entry(key, ".failed").touch()
                return
            self._entry(key, ".failed").unlink(missing_ok=True)
            fd, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb",
                                                            compresslevel=1, mtime=0) as f:
                f.write(json.dumps(_result_json(result), separators=(",", ":")).encode())
            os.replace(temp, folder / f"{key}.json.gz")
        except OSError:
            pass  # a read-only or full disk only costs a rebuild next time


    def prune(self) -> None:
        """Delete the least recently used entries while the folder is larger than `max_bytes`."""
        if self._folder is None or not self._folder.is_dir():
            return
        entries = []
        for sub in os.scandir(self._folder):
            if sub.is_dir():
                entries += [(e.stat().st_mtime, e.stat().st_size, e.path) for e in os.scandir(sub.path)
                            if e.is_file()]
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                return
            try:
                os.unlink(path)
                total -= size
            except OSError:
                pass  # another run got there first


# -- JSON --------------------------------------------------------------------------------------
# Paths inside the package's folder are stored relative to it (the key includes the folder). Each
# file's diagnostics are a JSON string of their own, decoded when the file is linted: reading an
# entry only costs the JSON of the files asked about. Explanations keep their flows, not their
# printed lines.


def _result_json(result: PackageResult) -> dict[str, Any]:
    folder = result.dir

    def path(p: str) -> str:
        return os.path.relpath(p, folder) if os.path.dirname(p) == folder else p

    def location(loc: Location | None) -> list[Any] | None:
        return None if loc is None else [path(loc.path), loc.line, loc.column]

    def explanation(e: Explanation | None) -> list[Any] | None:
        if e is None:
            return None
        flows = [[f.dst, f.src, [[s.what, s.why, location(s.location)] for s in f.steps]]
                 for f in e.flows]
        return [location(e.location), e.subject, e.function, e.sink, e.derefs, flows]

    def encoded(found: tuple[Diagnostic, ...]) -> str:
        return json.dumps([[d.location.line, d.location.column, d.kind.value, d.subject, d.message,
                            d.package, explanation(d.explanation)] for d in found],
                          separators=(",", ":"))

    return {"dir": folder, "import_path": result.import_path,
            "files": sorted(path(f) for f in result.files),
            "diagnostics": {path(f): encoded(found) for f, found in result.diagnostics.items()}}


def _result_from(data: dict[str, Any]) -> PackageResult:
    folder = data["dir"]
    if not isinstance(folder, str) or not all(isinstance(v, str) for v in data["diagnostics"].values()):
        raise ValueError("not a goescape-verify entry")
    diagnostics = _Lazy(folder, {_absolute(folder, f): raw for f, raw in data["diagnostics"].items()})
    return PackageResult(folder, data["import_path"],
                         frozenset(_absolute(folder, f) for f in data["files"]), diagnostics)


def _absolute(folder: str, p: str) -> str:
    return p if os.path.isabs(p) or p.startswith(("<", "$")) else os.path.join(folder, p)


class _Lazy(Mapping[str, tuple[Diagnostic, ...]]):
    """A file's diagnostics, decoded on first access (a corrupt entry reads as no diagnostics
    rather than crashing a run: the key is a content hash, so it will not be asked twice)."""

    def __init__(self, folder: str, raw: dict[str, str]) -> None:
        self._folder = folder
        self._raw = raw
        self._decoded: dict[str, tuple[Diagnostic, ...]] = {}

    def __getitem__(self, path: str) -> tuple[Diagnostic, ...]:
        found = self._decoded.get(path)
        if found is None:
            try:
                found = tuple(self._diagnostic(path, *item) for item in json.loads(self._raw[path]))
            except (ValueError, TypeError, IndexError):
                found = ()
            self._decoded[path] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def _diagnostic(self, path: str, line: int, column: int, kind: str, subject: str, message: str,
                    package: str, raw: list[Any] | None) -> Diagnostic:
        return Diagnostic(Location(path, line, column), Kind(kind), subject, message, package,
                          self._explanation(raw))

    def _location(self, raw: list[Any] | None) -> Location | None:
        return None if raw is None else Location(_absolute(self._folder, raw[0]), raw[1], raw[2])

    def _explanation(self, raw: list[Any] | None) -> Explanation | None:
        if raw is None:
            return None
        where, subject, function, sink, derefs, flows = raw
        return Explanation(
            self._location(where) or Location("", 0, 0), subject, function, sink, derefs,
            tuple(Flow(dst, src, tuple(FlowStep(w, y, self._location(at)) for w, y, at in steps))
                  for dst, src, steps in flows),
            ())
