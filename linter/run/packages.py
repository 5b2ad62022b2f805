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

from goescape.linter.config.discover import Discovery, Target
from goescape.linter.config.policy import Policy
from goescape.linter.findings import Diagnostic, Notice, RunResult, Severity
from goescape.linter.run.batch import lint_with, open_session
from goescape.linter.run.cache import ResultCache
from goescape.linter.run.codec import CodecError, decode_notices, encode_notices
from goescape.linter.run.incremental import CacheSession
from goescape.linter.run.runner import by_directory, discovered, facts_store
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
    signatures: dict[str, list[Any]] = field(default_factory=dict)  # Go files' stat signatures, taken first


@dataclass
class _Part:
    """One folder's part of a report: for each target, in order, its path as shown, whether it
    was linted, skipped as generated or failed, and the size of its fragment in `payload`; the
    folder's finding counts; the notices of the files that have any (encoded)."""

    files: list[tuple[str, bool, bool, bool, int]]
    shown: list[int]  # reported findings, indexed by severity
    suppressed: int
    notices: list[tuple[int, list[Any]]]  # (index in `files`, encoded notices)
    payload: bytes

    def header(self) -> dict[str, Any]:
        return {"files": [list(f) for f in self.files], "shown": self.shown, "suppressed": self.suppressed,
                "notices": [list(n) for n in self.notices]}

    @classmethod
    def of(cls, header: Any, payload: bytes, count: int) -> _Part:
        files = [(str(d), bool(linted), bool(generated), bool(failed), int(size))
                 for d, linted, generated, failed, size in header["files"]]
        shown, suppressed = [int(n) for n in header["shown"]], int(header["suppressed"])
        notices = [(int(index), list(encoded)) for index, encoded in header["notices"]]
        if len(files) != count or len(shown) != len(Severity) or sum(f[4] for f in files) != len(payload):
            raise ValueError("a fragment of another folder")
        return cls(files, shown, suppressed, notices, payload)


class Unmergeable(Exception):
    """A finding outside its file's place in the report (its location is not the file's, or two
    files are shown by the same path): the run is put together from the findings instead."""


def run_packages(paths: Sequence[str], policy: Policy, root: Path, cache: ResultCache, render: Render,
                 render_key: str, *, jobs: int = 1, found: Discovery | None = None) -> PackageRun | None:
    """Lint `paths` as `runner.run` does, answering each folder from its fragment when one is
    stored under the same inputs and `render_key` (what the fragments' bytes depend on besides the
    files: format, report options, project root). None when the report cannot be put together
    from fragments (see Unmergeable); the files linted are in the per-file cache by then."""
    result, targets = discovered(paths, policy, root, found=found)
    groups = by_directory(targets)
    scope = sorted(os.path.realpath(p) for p in paths)
    session = open_session(cache, policy, root, scope, bulk_results=False)
    run = PackageRun(result)
    parts: list[_Part | None] = []
    todo: list[tuple[int, str | None]] = []
    for index, group in enumerate(groups):
        key = session.group_key(group, FORMAT + "\0" + render_key)
        part = _load(cache, key, len(group)) if key is not None else None
        if part is None:
            todo.append((index, key))
        else:
            run.reused += 1
        parts.append(part)
    unkeyed: set[Path] = set()
    try:
        with facts_store(cache, jobs):
            rendered = _rendered(session, [groups[i] for i, _ in todo], policy, root, render, jobs, unkeyed)
    except Unmergeable:
        session.save()
        return None
    for (index, key), part in zip(todo, rendered):
        parts[index] = part
        run.rendered += 1
        # As for a file's result: stored only when made from the bytes its key names.
        if (key is not None and not any(failed for _, _, _, failed, _ in part.files)
                and not any(target.path in unkeyed for target in groups[index])):
            cache.save_fragment(key, part.header(), part.payload)
    session.save()
    run.signatures = session.signatures()
    return _assembled(run, groups, [p for p in parts if p is not None], root)


def _load(cache: ResultCache, key: str, count: int) -> _Part | None:
    stored = cache.load_fragment(key)
    if stored is None:
        return None
    try:
        return _Part.of(*stored, count)
    except (KeyError, TypeError, ValueError):
        cache.corrupt += 1
        return None


def _rendered(session: CacheSession, groups: Sequence[Sequence[Target]], policy: Policy, root: Path,
              render: Render, jobs: int, unkeyed: set[Path]) -> list[_Part]:
    """The folders' parts, from their files' results (cached or linted now)."""
    results = iter(lint_with(session, groups, policy, root, (), jobs, unkeyed))
    rendered = []
    for group in groups:
        part = _Part([], [0] * len(Severity), 0, [], b"")
        chunks: list[bytes] = []
        for target in group:
            file_result = next(results)
            if file_result.refuted or any(d.location.path != target.display for d in file_result.diagnostics):
                raise Unmergeable(target.display)
            diagnostics = sorted(file_result.diagnostics, key=Diagnostic.sort_key)
            body = render(diagnostics) if diagnostics else b""
            for diagnostic in diagnostics:
                if diagnostic.suppressed:
                    part.suppressed += 1
                else:
                    part.shown[int(diagnostic.severity)] += 1
            if file_result.notices:
                part.notices.append((len(part.files), encode_notices(file_result.notices)))
            part.files.append((target.display, file_result.linted, file_result.generated, file_result.failed,
                               len(body)))
            chunks.append(body)
        part.payload = b"".join(chunks)
        rendered.append(part)
    return rendered


def _assembled(run: PackageRun, groups: Sequence[Sequence[Target]], parts: Sequence[_Part],
               root: Path) -> PackageRun | None:
    """The run's counts, notices and files as `runner.run` gives them, and the files' fragments
    in report order (by the path shown: a file's findings are consecutive there)."""
    result = run.result
    shown = [0] * len(Severity)
    bodies: list[tuple[str, bytes]] = []
    for group, part in zip(groups, parts):
        for severity, count in enumerate(part.shown):
            shown[severity] += count
        run.suppressed += part.suppressed
        notices = dict(part.notices)
        offset = 0
        for index, (target, (display, linted, generated, failed, size)) in enumerate(zip(group, part.files)):
            if index in notices:
                try:
                    result.notices.extend(decode_notices(notices[index], target.display,
                                                         fast_uri(target.path, root)))
                except CodecError:
                    return None
            result.files_linted += linted
            result.files_generated += generated
            result.failed = result.failed or failed
            if linted:
                result.files.append(target.path)
            if size:
                bodies.append((display, part.payload[offset:offset + size]))
            offset += size
    bodies.sort(key=lambda item: item[0])
    if any(a[0] == b[0] for a, b in itertools.pairwise(bodies)):
        return None  # two files shown by one path: their findings would interleave
    result.notices.sort(key=Notice.sort_key)
    run.shown = {Severity(level): n for level, n in enumerate(shown) if n}
    run.bodies = [body for _, body in bodies]
    return run
