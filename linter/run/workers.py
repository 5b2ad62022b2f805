"""Lint folders in worker processes; a folder (a package) is one unit, so its model is built once."""
from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from goescape.linter.config.discover import Target
from goescape.linter.config.file import Config
from goescape.linter.config.policy import Policy
from goescape.linter.engine.lint import FindingStage, lint_directory
from goescape.linter.findings import FileResult
from goescape.linter.run.codec import Encoded, decode, encode

if TYPE_CHECKING:
    from concurrent.futures import Future

# Below this much work, starting processes costs more than it saves (pre-commit runs).
MIN_PARALLEL_FILES = 8


@dataclass
class Outcome:
    """A freshly linted file: its result, and (when caching) the hash of the bytes linted and
    the result's encoded form, ready to store."""

    result: FileResult
    content: str | None = None
    encoded: Encoded | None = None


@dataclass(frozen=True)
class _State:
    """What every task of a run shares; sent to each worker once, when it starts."""

    policy: Policy | None  # None: rebuild it from `config` (a spawned worker shares no memory)
    config: Config | None
    root: Path
    stages: Sequence[FindingStage]
    hash_contents: bool
    profile: Any = None  # ProfileIndex | None, bound to the run's files, for a spawned worker


_STATE: _State | None = None


def cpu_count() -> int:
    """The CPUs this process may run on (a container's quota, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def lint_groups(groups: Sequence[Sequence[Target]], policy: Policy, root: Path,
                stages: Sequence[FindingStage], jobs: int, hash_contents: bool) -> list[list[Outcome]]:
    """Lint each group (one folder's targets); outcomes are in the groups' and targets' order,
    whatever the number of processes."""
    state = _State(policy, None, root, tuple(stages), hash_contents)
    files = sum(len(g) for g in groups)
    # A finding stage may hold threads and state (the compiler-verified mode does): it runs in
    # this process unless it says it is safe to copy into workers.
    stages_ok = all(getattr(stage, "parallel_safe", False) is True for stage in stages)
    if jobs > 1 and len(groups) > 1 and files >= MIN_PARALLEL_FILES and stages_ok:
        context, shared = _start_method(state)
        if shared is not None:
            return _in_pool(groups, shared, context, min(jobs, len(groups)))
    return [_lint_here(list(group), state) for group in groups]


def _lint_here(targets: list[Target], state: _State) -> list[Outcome]:
    assert state.policy is not None
    results = lint_directory(targets, state.policy, state.root, state.stages)
    by_path = {r.path: r for r in results}
    outcomes = []
    for target in targets:
        result = by_path[target.path]
        if state.hash_contents:
            outcomes.append(Outcome(result, _hash_file(target.path), encode(result)))
        else:
            outcomes.append(Outcome(result))
    return outcomes


def _hash_file(path: Path) -> str | None:
    if not path.is_file():
        return None  # a FIFO would block (the engine skips it)
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


# -- the pool ------------------------------------------------------------------------------------


def _start_method(state: _State) -> tuple[Any, _State | None]:
    """fork where it is safe (Linux): workers inherit the policy, rules and imports as they are.
    Elsewhere workers are spawned and rebuild the policy from the configuration, which only
    works for the registry `build_registry()` gives; otherwise the run stays in one process."""
    import multiprocessing  # here: a run that needs no pool (warm, one file) does not pay for it
    import pickle

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork"), state
    from goescape.linter.registry.registry import build_registry

    assert state.policy is not None
    fresh = build_registry()
    if [(r.code, r.origin) for r in fresh.sorted()] != [(r.code, r.origin) for r in state.policy.registry.sorted()]:
        return None, None
    spawned = _State(None, state.policy.config, state.root, state.stages, state.hash_contents,
                     state.policy.profile)
    try:
        pickle.dumps(spawned)
    except Exception:  # a finding stage that cannot cross processes
        return None, None
    return multiprocessing.get_context("spawn"), spawned


def _in_pool(groups: Sequence[Sequence[Target]], state: _State, context: Any,
             workers: int) -> list[list[Outcome]]:
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    order = sorted(range(len(groups)), key=lambda i: -_size(groups[i]))  # biggest first: less idle
    outcomes: list[list[Outcome] | None] = [None] * len(groups)
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start,
                                   initargs=(state,))
    try:
        pending: dict[Future[list[tuple[Encoded, str | None]]], int] = {
            executor.submit(_work, list(groups[i])): i for i in order}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                outcomes[index] = _received(groups[index], future.result(), state)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return [o for o in outcomes if o is not None]


def _size(group: Sequence[Target]) -> int:
    total = 0
    for target in group:
        with contextlib.suppress(OSError):
            total += target.path.stat().st_size
    return total


def _received(group: Sequence[Target], sent: list[tuple[Encoded, str | None]],
              state: _State) -> list[Outcome]:
    outcomes = []
    for target, (encoded, content) in zip(group, sent):
        result = decode(encoded, target.path, target.display, fast_uri(target.path, state.root))
        outcomes.append(Outcome(result, content, encoded if state.hash_contents else None))
    return outcomes


def _start(state: _State) -> None:
    global _STATE
    if state.policy is None:
        from goescape.linter.registry.registry import build_registry

        assert state.config is not None
        state = _State(Policy.build(state.config, build_registry(), state.profile), None, state.root,
                       state.stages, state.hash_contents)
    _STATE = state


def _work(targets: list[Target]) -> list[tuple[Encoded, str | None]]:
    assert _STATE is not None
    return [(o.encoded if o.encoded is not None else encode(o.result), o.content)
            for o in _lint_here(targets, _STATE)]


def fast_uri(resolved: Path, root: Path) -> str:
    """`engine.uri_for` for a path that is already resolved (targets are): no file system calls,
    and string operations rather than pathlib's (a warm run computes one per file)."""
    path, base = str(resolved), str(root)
    prefix = base if base.endswith(os.sep) else base + os.sep
    if path.startswith(prefix) and os.sep == "/":
        return quote(os.fsencode(path[len(prefix):]))  # bytes: any file name
    try:
        return quote(os.fsencode(resolved.relative_to(root).as_posix()))
    except ValueError:
        return resolved.as_uri()
