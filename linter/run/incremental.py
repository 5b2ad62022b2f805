"""One run's use of the cache: content hashes (trusted by stat), keys, lookups and what to store."""
from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from goescape.linter.config.discover import Target
from goescape.linter.config.policy import Policy
from goescape.linter.modules.facts import context_files, dependency_folders
from goescape.linter.run.cache import ResultCache
from goescape.linter.run.cachekey import file_key, package_digest, sha256
from goescape.linter.run.codec import Encoded

# A file modified this recently may change again within the file system's timestamp
# granularity without its stat changing (git's "racily clean" entries): hash it every time.
RACY_NS = 2_000_000_000
_UNREADABLE = "unreadable"


class CacheSession:
    """Keys for the files of one run, answers from the run's manifest or the shared entries, and
    the new manifest: every Go file's stat signature and content hash (so a warm run reads no
    unchanged file) plus, apart, the results of this run's files (so a run that decodes them all
    opens one cache file, not one per Go file). With `bulk_results` off, results are looked up
    one entry at a time and that part of the manifest is neither read nor written: a run that
    takes most packages from their report fragments (see packages.py) needs only a few."""

    def __init__(self, cache: ResultCache, run: str, scope: Sequence[str], policy: Policy,
                 uri: Callable[[Path], str], *, bulk_results: bool = True) -> None:
        self.cache = cache
        self.uri = uri
        self.run = run
        self.policy = policy
        self.scope = sha256("\0".join([run, *sorted(scope)]).encode(errors="surrogateescape"))
        self._old_files: dict[str, Any] = cache.load_manifest(self.scope)["files"]
        self._bulk = bulk_results
        self._old_results: dict[str, Any] | None = None  # read on the first lookup
        self._files: dict[str, list[Any]] = {}
        self._results: dict[str, Encoded] = {}
        self._packages: dict[str, tuple[dict[str, str], str]] = {}
        self._folders: dict[str, tuple[dict[str, str], str]] = {}
        self._gomods: dict[str, str | None] = {}
        self._now = time.time_ns()
        self.files_dirty = False
        self.results_dirty = False
        self.hits = 0

    # -- keys ------------------------------------------------------------------------------------

    def key(self, target: Target) -> tuple[str, str] | None:
        """The key of a file's result and the hash of its bytes; None when it cannot be read
        (it is linted, and the problem reported, every time)."""
        path = str(target.path)
        folder, name = os.path.split(path)  # not pathlib's: this runs for every file of a warm run
        listing, package = self._package(folder)
        content = listing.get(name) or self._content(path)
        if content is None or content == _UNREADABLE:
            return None
        ignored = self.policy.ignored_in(target.path)
        return file_key(self.run, content, package, ignored, self.uri(target.path)), content

    def group_key(self, targets: Sequence[Target], extra: str) -> str | None:
        """The key of one folder's targets taken together (a package's report fragment): what
        each file's key is made of, for every target, and `extra` (how the fragment is
        rendered). None when a file cannot be read."""
        folder = os.path.dirname(str(targets[0].path))
        listing, package = self._package(folder)
        parts = [self.run, extra, package]
        for target in targets:
            path = str(target.path)
            name = os.path.basename(path)
            content = listing.get(name) or self._content(path)
            if content is None or content == _UNREADABLE or os.path.dirname(path) != folder:
                return None
            parts += [name, content, target.display, self.uri(target.path),
                      ",".join(sorted(self.policy.ignored_in(target.path)))]
        return sha256("\0".join(parts).encode(errors="surrogateescape"))

    def _package(self, folder: str) -> tuple[dict[str, str], str]:
        """The folder's listing, and the digest of everything its files' results depend on:
        the folder itself and the packages of the module it imports, directly or not (their
        summaries are facts the rules use: a change there changes the findings here)."""
        if folder not in self._packages:
            listing, digest = self._folder(folder)
            dependencies = [str(d) for d in dependency_folders(folder)]
            if dependencies:
                parts = [digest, *(f"{d}\0{self._folder(d)[1]}" for d in dependencies),
                         *(f"{f}\0{self._content(str(f))}" for f in context_files(folder))]
                digest = sha256("\n".join(parts).encode(errors="surrogateescape"))
            self._packages[folder] = listing, digest
        return self._packages[folder]

    def _folder(self, folder: str) -> tuple[dict[str, str], str]:
        """One folder's `.go` files (name -> content hash) and their digest."""
        if folder not in self._folders:
            listing: dict[str, str] = {}
            for name in _go_files(folder):
                digest = self._content(os.path.join(folder, name))
                listing[name] = digest if digest is not None else _UNREADABLE
            self._folders[folder] = listing, package_digest(self._module(folder), listing)
        return self._folders[folder]

    def _module(self, folder: str) -> str:
        """What the package's import path is made of (see `loader.import_path`): the nearest
        go.mod's content and the folder's place below it. The folder is already resolved."""
        gomod = self._nearest_gomod(folder)
        if gomod is None:
            return ""
        return f"{os.path.relpath(folder, os.path.dirname(gomod))}\0{self._content(gomod) or ''}"

    def _nearest_gomod(self, folder: str) -> str | None:
        if folder not in self._gomods:
            candidate = os.path.join(folder, "go.mod")
            parent = os.path.dirname(folder)
            if os.path.isfile(candidate):
                self._gomods[folder] = candidate
            else:
                self._gomods[folder] = None if parent == folder else self._nearest_gomod(parent)
        return self._gomods[folder]

    def _content(self, path: str) -> str | None:
        """The file's content hash, from the manifest when its stat signature is unchanged."""
        try:
            stat = os.stat(path)
        except OSError:
            return None
        signature = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
        known = self._old_files.get(path)
        if known is not None and known[:4] == signature:
            self._files[path] = known
            return str(known[4])
        digest = content_hash(path)
        if digest is None:
            return None
        if self._now - max(stat.st_mtime_ns, stat.st_ctime_ns) > RACY_NS:
            self._files[path] = [*signature, digest]
        self.files_dirty = True
        return digest

    def signatures(self) -> dict[str, list[Any]]:
        """The stat signature (and content hash) of every Go file this run looked at, taken
        before it read them."""
        return self._files

    # -- results ---------------------------------------------------------------------------------

    def lookup(self, key: str) -> Encoded | None:
        if self._bulk and self._old_results is None:
            self._old_results = self.cache.load_results(self.scope)["results"]
        found = self._old_results.get(key) if self._old_results is not None else None
        if found is None:
            found = self.cache.get(key)
            self.results_dirty = True  # the manifest will hold it from now on
        if found is not None:
            self.hits += 1
            self._results[key] = found
        return found

    def store(self, key: str, encoded: Encoded) -> None:
        """A freshly linted file's result: a shared entry, and part of this run's manifest."""
        self.cache.put(key, encoded)
        self._results[key] = encoded
        self.results_dirty = True

    def save(self) -> None:
        """Write the manifest's parts that changed (the results part also when it holds results
        of files not in this run)."""
        if self.files_dirty or set(self._old_files) != set(self._files):
            self.cache.save_manifest(self.scope, {"files": self._files})
        if self._bulk and (self.results_dirty or set(self._old_results or {}) != set(self._results)):
            self.cache.save_results(self.scope, {"results": self._results})
        self.cache.prune()


def content_hash(path: str) -> str | None:
    if not os.path.isfile(path):
        return None  # reading a FIFO named *.go would block the run; the engine skips it too
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None


def _go_files(folder: str) -> list[str]:
    """The files the package model may read: the loader's rule for siblings."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    names = []
    for entry in entries:
        if entry.name.endswith(".go") and not entry.name.startswith((".", "_")):
            try:
                if entry.is_file():
                    names.append(entry.name)
            except OSError:
                continue
    return sorted(names)
