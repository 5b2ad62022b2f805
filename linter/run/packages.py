"""A run answered package by package: unchanged packages' report fragments from the cache, the rest linted.

A report lists findings file by file (see report/fragments.py), so a folder's part of it can be
stored rendered: its files' fragments as bytes, with the few facts the rest of the report needs
(each file's path as shown, its finding counts by severity, its notices). An edited tree then
costs what changed: a folder whose files, siblings, go.mod, configuration, rules and rendering
are unchanged is one cache read and its bytes are copied into the report, nothing decoded; a
changed folder (every file of a package: they share its model) is answered from the per-file
cache where it can be, linted otherwise, and rendered and stored again.
"""
from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goescape.linter.config.discover import Target
from goescape.linter.config.policy import Policy
from goescape.linter.findings import Diagnostic, FileResult, Notice, RunResult, Severity
from goescape.linter.run.batch import lint_with, open_session
from goescape.linter.run.cache import ResultCache
from goescape.linter.run.codec import CodecError, decode_notices, encode_notices
from goescape.linter.run.incremental import CacheSession
from goescape.linter.run.runner import by_directory, discovered, merge
from goescape.linter.run.workers import fast_uri

FORMAT = "1"  # bump when a fragment's header changes meaning
Render = Callable[[Sequence[Diagnostic]], bytes]  # one file's findings, sorted -> its fragment


@dataclass
class PackageRun:
    """A run put together from fragments: `result` has everything but the findings (notices,
    counts, files); `bodies` are the files' fragments in report order."""

    result: RunResult
    shown: dict[Severity, int] = field(default_factory=dict)  # reported findings by severity
    suppressed: int = 0
    bodies: list[bytes] = field(default_factory=list)
    reused: int = 0  # folders answered by their fragment
    rendered: int = 0  # folders rendered (from the per-file cache, or linted)


@dataclass(frozen=True)
class _File:
    """One file's part of a folder's fragment."""

    display: str
    linted: bool
    generated: bool
    failed: bool
    shown: tuple[int, ...]  # reported findings, indexed by severity
    suppressed: int
    notices: list[Any]  # encoded (codec.encode_notices)
    size: int  # bytes of its fragment

    def row(self) -> list[Any]:
        return [self.display, self.linted, self.generated, self.failed, list(self.shown), self.suppressed,
                self.notices, self.size]

    @classmethod
    def of(cls, row: Any) -> _File:
        display, linted, generated, failed, shown, suppressed, notices, size = row
        if not (isinstance(display, str) and isinstance(shown, list) and isinstance(notices, list)
                and len(shown) == len(Severity) and all(type(n) is int for n in (*shown, suppressed, size))):
            raise ValueError(f"bad row {row!r}")
        return cls(display, bool(linted), bool(generated), bool(failed), tuple(shown), suppressed, notices, size)


class Unmergeable(Exception):
    """A finding outside its file's place in the report (its location is not the file's, or two
    files are shown by the same path): the run is put together from the findings instead."""


def run_packages(paths: Sequence[str], policy: Policy, root: Path, cache: ResultCache, render: Render,
                 render_key: str, *, jobs: int = 1) -> PackageRun | None:
    """Lint `paths` as `runner.run` does, answering each folder from its fragment when one is
    stored under the same inputs and `render_key` (what the fragments' bytes depend on besides the
    files: format, report options, project root). None when the report cannot be put together
    from fragments (see Unmergeable); the files linted are in the per-file cache by then."""
    result, targets = discovered(paths, policy, root)
    groups = by_directory(targets)
    scope = sorted(os.path.realpath(p) for p in paths)
    session = open_session(cache, policy, root, scope, bulk_results=False)
    run = PackageRun(result)
    parts: list[tuple[list[Target], list[_File], bytes]] = []
    todo: list[tuple[int, str | None]] = []
    for index, group in enumerate(groups):
        key = session.group_key(group, FORMAT + "\0" + render_key)
        stored = _load(cache, key, group) if key is not None else None
        if stored is None:
            todo.append((index, key))
            parts.append((group, [], b""))
        else:
            parts.append((group, *stored))
            run.reused += 1
    try:
        for (index, key), rendered in zip(todo, _rendered(session, [groups[i] for i, _ in todo], policy, root,
                                                          render, jobs)):
            files, payload = rendered
            parts[index] = (groups[index], files, payload)
            run.rendered += 1
            if key is not None and not any(f.failed for f in files):
                cache.save_fragment(key, {"files": [f.row() for f in files]}, payload)
    except Unmergeable:
        session.save()
        return None
    session.save()
    return _assembled(run, parts, root)


def _load(cache: ResultCache, key: str, group: Sequence[Target]) -> tuple[list[_File], bytes] | None:
    stored = cache.load_fragment(key)
    if stored is None:
        return None
    header, payload = stored
    try:
        files = [_File.of(row) for row in header["files"]]
    except (KeyError, TypeError, ValueError):
        cache.corrupt += 1
        return None
    if len(files) != len(group) or sum(f.size for f in files) != len(payload):
        cache.corrupt += 1
        return None
    return files, payload


def _rendered(session: CacheSession, groups: Sequence[Sequence[Target]], policy: Policy, root: Path,
              render: Render, jobs: int) -> list[tuple[list[_File], bytes]]:
    """The folders' fragments, from their files' results (cached or linted now)."""
    results = iter(lint_with(session, groups, policy, root, (), jobs))
    rendered = []
    for group in groups:
        files: list[_File] = []
        chunks: list[bytes] = []
        for target in group:
            file_result = next(results)
            body = _body(file_result, target, render)
            files.append(_summary(file_result, target, len(body)))
            chunks.append(body)
        rendered.append((files, b"".join(chunks)))
    return rendered


def _body(file_result: FileResult, target: Target, render: Render) -> bytes:
    if file_result.refuted or any(d.location.path != target.display for d in file_result.diagnostics):
        raise Unmergeable(target.display)
    return render(sorted(file_result.diagnostics, key=Diagnostic.sort_key)) if file_result.diagnostics else b""


def _summary(file_result: FileResult, target: Target, size: int) -> _File:
    shown = [0] * len(Severity)
    suppressed = 0
    for diagnostic in file_result.diagnostics:
        if diagnostic.suppressed:
            suppressed += 1
        else:
            shown[int(diagnostic.severity)] += 1
    return _File(target.display, file_result.linted, file_result.generated, file_result.failed, tuple(shown),
                 suppressed, encode_notices(file_result.notices), size)


def _assembled(run: PackageRun, parts: Sequence[tuple[list[Target], list[_File], bytes]],
               root: Path) -> PackageRun | None:
    """The run's counts, notices and files in the order `runner.run` gives them, and the files'
    fragments in report order (by the path shown: a file's findings are consecutive there)."""
    result = run.result
    shown = [0] * len(Severity)
    bodies: list[tuple[str, bytes]] = []
    for group, files, payload in parts:
        offset = 0
        for target, file in zip(group, files):
            try:
                notices = decode_notices(file.notices, target.display, fast_uri(target.path, root))
            except CodecError:
                return None
            merge(result, FileResult(target.path, [], notices, file.linted, file.generated, file.failed))
            for severity, count in enumerate(file.shown):
                shown[severity] += count
            run.suppressed += file.suppressed
            if file.size:
                bodies.append((target.display, payload[offset:offset + file.size]))
            offset += file.size
    bodies.sort(key=lambda item: item[0])
    if any(a[0] == b[0] for a, b in itertools.pairwise(bodies)):
        return None  # two files shown by one path: their findings would interleave
    result.notices.sort(key=Notice.sort_key)
    run.shown = {Severity(level): n for level, n in enumerate(shown) if n}
    run.bodies = [body for _, body in bodies]
    return run
