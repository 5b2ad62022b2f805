"""Lint many folders: answers from the cache where the inputs are unchanged, the rest in workers."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from goescape.linter.config.discover import Target
from goescape.linter.config.policy import Policy
from goescape.linter.engine.lint import FindingStage
from goescape.linter.findings import FileResult
from goescape.linter.run.cache import ResultCache
from goescape.linter.run.cachekey import run_digest
from goescape.linter.run.codec import CodecError, Encoded, decode
from goescape.linter.run.incremental import CacheSession
from goescape.linter.run.workers import fast_uri, lint_groups


def lint_all(groups: Sequence[Sequence[Target]], policy: Policy, root: Path,
             stages: Sequence[FindingStage] = (), *, jobs: int = 1,
             cache: ResultCache | None = None, scope: Sequence[str] = ()) -> list[FileResult]:
    """The results of every target, in the groups' order. `scope` names the run (its resolved
    paths) so that it finds its own manifest again."""
    session = _session(cache, policy, stages, scope, root)
    if session is None:
        done = lint_groups(groups, policy, root, stages, jobs, hash_contents=False)
        return [o.result for group in done for o in group]
    found = lint_with(session, groups, policy, root, stages, jobs)
    session.save()
    return found


def lint_with(session: CacheSession, groups: Sequence[Sequence[Target]], policy: Policy, root: Path,
              stages: Sequence[FindingStage] = (), jobs: int = 1,
              unkeyed: set[Path] | None = None) -> list[FileResult]:
    """The results of every target, in the groups' order: from the session's cache where it
    answers, linted (and stored) otherwise. `unkeyed` collects the targets whose result is not
    the one their key names (unreadable, or changed while the run read them)."""
    found: dict[Path, FileResult] = {}
    planned: dict[Path, tuple[str, str]] = {}
    todo: list[list[Target]] = []
    for group in groups:
        missing = []
        for target in group:
            key = session.key(target)
            cached = _cached(session, key, target, root) if key is not None else None
            if cached is None:
                missing.append(target)
                if key is not None:
                    planned[target.path] = key
            else:
                found[target.path] = cached
        if missing:
            todo.append(missing)
    for group, outcomes in zip(todo, lint_groups(todo, policy, root, stages, jobs, hash_contents=True)):
        for target, outcome in zip(group, outcomes):
            found[target.path] = outcome.result
            key = planned.get(target.path)
            # Store only what was linted from the bytes the key was made of (no concurrent edit).
            if key is not None and not outcome.result.failed and outcome.content == key[1]:
                assert outcome.encoded is not None
                session.store(key[0], outcome.encoded)
            elif unkeyed is not None and (key is None or outcome.content != key[1]):
                unkeyed.add(target.path)
    return [found[t.path] for group in groups for t in group]


def _session(cache: ResultCache | None, policy: Policy, stages: Sequence[FindingStage],
             scope: Sequence[str], root: Path) -> CacheSession | None:
    """None when nothing may be cached: no cache, or a finding stage whose results depend on
    something it cannot name (a stage opts in with a `cache_key` string attribute)."""
    if cache is None:
        return None
    keys = [getattr(stage, "cache_key", None) for stage in stages]
    if any(not isinstance(k, str) for k in keys):
        return None
    return open_session(cache, policy, root, scope, [str(k) for k in keys])


def open_session(cache: ResultCache, policy: Policy, root: Path, scope: Sequence[str],
                 stage_keys: Sequence[str] = (), *, bulk_results: bool = True) -> CacheSession:
    cache.prepare()
    run = run_digest(policy, stage_keys)
    return CacheSession(cache, run, scope, policy, lambda path: fast_uri(path, root), bulk_results=bulk_results)


def _cached(session: CacheSession, key: tuple[str, str], target: Target, root: Path) -> FileResult | None:
    encoded: Encoded | None = session.lookup(key[0])
    if encoded is None:
        return None
    try:
        return decode(encoded, target.path, target.display, fast_uri(target.path, root))
    except CodecError:
        session.cache.corrupt += 1
        return None  # linted again, and the entry rewritten
