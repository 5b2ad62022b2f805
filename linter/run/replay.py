"""Replaying a whole run's report when nothing it was made from has changed.

The result cache spares a warm run the parsing, but it still decodes and renders every cached
finding: on Go's own source, 71,000 findings and two seconds. So a run that may be replayed
stores its report, its standard-error text and its exit status, with what it read: the listing
of every folder it walked or took a package from (the folder's `.go` files, its subfolders, and
whether it holds a go.mod or a default.pgo), and the stat signature of every `.go` file there,
of the go.mod files that name the packages and of the default.pgo profiles. A later run with
the same key (tool, rules, configuration, the content of the profiles it was given, options,
paths, working folder) replays it when every listing and signature is unchanged: one `scandir`
per folder and one `stat` per file, nothing read or decoded.

Only runs whose output depends on nothing else are replayed: not with `--diff` (git's state),
`--verify` (the toolchain), a baseline (it names files outside the run), `--no-cache`, or when a
file failed. Nor is a run stored when a folder or file it read changed after it began, or in the
two seconds before (it may have seen either version). `GOESCAPE_REPLAY=0` turns replays off (to
time the per-file cache, say).
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goescape.linter.config.discover import skipped_dir
from goescape.linter.modules.facts import context_files, dependency_folders
from goescape.linter.run.cache import ResultCache
from goescape.linter.run.incremental import RACY_NS

FORMAT = "1"  # bump when the header's meaning changes
# Besides .go files, what a run reads from the folders it walks: go.mod (import paths) and
# default.pgo (a main package's profile, read as `go build -pgo=auto` reads it).
_READ = ("go.mod", "default.pgo")


@dataclass(frozen=True)
class Replay:
    """A stored run: the report's bytes, what it printed on standard error, its exit status,
    and the files it linted (so that `--output` still refuses to overwrite one)."""

    report: bytes
    stderr: str
    status: int
    linted: tuple[str, ...]


def enabled() -> bool:
    return os.environ.get("GOESCAPE_REPLAY", "1") != "0"


def run_key(parts: dict[str, Any]) -> str:
    """The key of a run: everything its output depends on besides the files (the caller's
    `parts`: the rules and configuration digest, options, paths, working folder, ...)."""
    return hashlib.sha256(json.dumps({"format": FORMAT, **parts}, sort_keys=True, default=str)
                          .encode(errors="surrogateescape")).hexdigest()


def load(cache: ResultCache, key: str) -> Replay | None:
    """The stored run, if every folder listing and file signature it recorded still holds."""
    stored = cache.load_replay(key)
    if stored is None:
        return None
    header, report = stored
    try:
        folders: dict[str, list[str]] = header["folders"]
        files: dict[str, list[int]] = header["files"]
        # Files first: an edited tree is told by a stat, before every folder is listed.
        if not (all(_signature(f) == signature for f, signature in files.items())
                and all(_listing(f) == listing for f, listing in folders.items())):
            return None
        return Replay(report, str(header["stderr"]), int(header["status"]), tuple(header["linted"]))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # a header of another shape: the run is done again and the entry rewritten


@dataclass(frozen=True)
class Snapshot:
    """What a finished run read, taken as soon as it finished (before its report is written,
    which may land in one of the folders)."""

    folders: dict[str, list[str]]  # folder -> its listing
    files: dict[str, list[int]]  # file -> its stat signature


def snapshot(paths: Sequence[str], linted: Sequence[Path], default_excludes: bool,
             started: int, known: Mapping[str, Sequence[int]] | None = None) -> Snapshot | None:
    """The folders and files a run that began at `started` (time.time_ns()) read; None when one
    of them changed since shortly before it began (the run may have seen it either way, and
    within the file system's timestamp granularity a change need not change a signature).
    `known` are signatures the run took before it read the files (the result cache's): an
    older signature is as good, a file changed since then no longer matches it."""
    listings = _walked(paths, default_excludes)
    named = {os.path.dirname(os.path.abspath(raw)) for raw in paths if not os.path.isdir(raw)}
    for folder in sorted(named | _module_folders(linted) | _dependency_folders(linted)):
        if folder not in listings:
            names = _listing(folder)
            if names is None:
                return None  # a folder it could not list: the run reported it
            listings[folder] = names
    since = started - RACY_NS
    if any(_changed_since(folder, since) for folder in listings):  # after listing: a later change shows
        return None
    files = sorted({os.path.join(f, n) for f, names in listings.items() for n in names
                    if n.endswith(".go") or n in _READ} | {str(p) for p in linted}
                   | {str(f) for folder in {p.parent for p in linted} for f in context_files(folder)})
    known = known or {}
    signatures: dict[str, list[int]] = {}
    for path in files:
        taken = known.get(path)
        signature = list(taken[:4]) if taken is not None else _signature(path)
        if signature is None or max(signature[1], signature[2]) >= since:
            return None
        signatures[path] = signature
    return Snapshot(dict(sorted(listings.items())), signatures)


def save(cache: ResultCache, key: str, replay: Replay, read: Snapshot) -> None:
    header = {"folders": read.folders, "files": read.files, "stderr": replay.stderr,
              "status": replay.status, "linted": list(replay.linted)}
    cache.save_replay(key, header, replay.report)


def _walked(paths: Sequence[str], default_excludes: bool) -> dict[str, list[str]]:
    """The listing of every folder the run walked (as discovery walks: not into symlinks, nor
    into skipped folders), one `scandir` each; a folder that cannot be listed is left out, as
    discovery left it out."""
    found: dict[str, list[str]] = {}
    for raw in paths:
        if not os.path.isdir(raw):
            continue
        stack = [os.path.abspath(raw)]
        while stack:
            folder = stack.pop()
            try:
                with os.scandir(folder) as scan:
                    entries = [(e.name, e.is_dir(follow_symlinks=False)) for e in scan]
            except OSError:
                continue
            found[folder] = sorted(name for name, is_dir in entries
                                   if is_dir or name.endswith(".go") or name in _READ)
            stack.extend(os.path.join(folder, name) for name, is_dir in entries
                         if is_dir and not (default_excludes and skipped_dir(name)))
    return found


def _module_folders(linted: Iterable[Path]) -> set[str]:
    """The folders of the packages read, and those between each and its go.mod (a go.mod
    created there would change the package's import path)."""
    found: set[str] = set()
    for path in linted:
        folder = str(path.parent)
        while folder not in found:
            found.add(folder)
            parent = os.path.dirname(folder)
            if os.path.isfile(os.path.join(folder, "go.mod")) or parent == folder:
                break
            folder = parent
    return found


def _dependency_folders(linted: Iterable[Path]) -> set[str]:
    """The folders of the module's packages the linted ones import: their summaries are facts
    the findings rest on."""
    return {str(folder) for package in {path.parent for path in linted}
            for folder in dependency_folders(package)}


def _changed_since(folder: str, since: int) -> bool:
    try:
        stat = os.stat(folder)
    except OSError:
        return True
    return max(stat.st_mtime_ns, stat.st_ctime_ns) >= since


def _listing(folder: str) -> list[str] | None:
    """What in a folder matters to a run: its subfolders, `.go` files, go.mod and default.pgo, sorted."""
    try:
        with os.scandir(folder) as entries:
            return sorted(e.name for e in entries
                          if e.name.endswith(".go") or e.name in _READ or e.is_dir(follow_symlinks=False))
    except OSError:
        return None


def _signature(path: str) -> list[int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
