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
from goescape.linter.modules import facts
from goescape.linter.run.codec import Encoded, decode, encode

if TYPE_CHECKING:
    from concurrent.futures import Future

# Below this much work, starting processes costs more than it saves (pre-commit runs).
MIN_PARALLEL_FILES = 8
# A folder is split between workers when there are fewer folders than workers (an edited tree:
# one package linted again) and it has this many files: each part builds the package's model
# (siblings are read from disk whatever is linted), and a file's findings do not depend on
# which of its siblings are linted with it.
MIN_SPLIT_FILES = 16


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
    facts: Path | None = None  # where module summaries are kept (modules.facts.configure)
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
    state = _State(policy, None, root, tuple(stages), hash_contents, facts.store_folder())
    files = sum(len(g) for g in groups)
    # A finding stage may hold threads and state (the compiler-verified mode does): it runs in
    # this process unless it says it is safe to copy into workers.
    stages_ok = all(getattr(stage, "parallel_safe", False) is True for stage in stages)
    units = _units(groups, jobs)
    needs = _needs(units)
    if jobs > 1 and len(units) > 1 and files >= MIN_PARALLEL_FILES and stages_ok:
        context, shared = _start_method(state)
        if shared is not None:
            done = _in_pool(units, shared, context, min(jobs, len(units)), needs=needs)
            by_path = {o.result.path: o for unit in done for o in unit}
            return [[by_path[t.path] for t in group] for group in groups]
    outcomes: list[list[Outcome] | None] = [None] * len(groups)
    for index in in_dependency_order(groups):
        outcomes[index] = _lint_here(list(groups[index]), state)
    return [o for o in outcomes if o is not None]


def in_dependency_order(groups: Sequence[Sequence[Target]]) -> list[int]:
    """The groups' indexes, each after the groups holding packages of the module it imports."""
    return _dependency_order(_needs(groups))


def _needs(groups: Sequence[Sequence[Target]]) -> list[set[int]]:
    """For each group (or part of a folder's group), the others holding packages of the module
    that it imports: linted first, each leaves its summary behind (`modules.facts.record`), and
    its importers find it instead of reading and summarizing that package again."""
    by_folder: dict[str, list[int]] = {}
    for i, group in enumerate(groups):
        if group:
            by_folder.setdefault(os.path.realpath(group[0].path.parent), []).append(i)
    known: dict[str, set[int]] = {}
    needs: list[set[int]] = []
    for group in groups:
        folder = os.path.realpath(group[0].path.parent) if group else ""
        if folder not in known:
            found = facts.dependency_folders(folder) if group else []
            known[folder] = {j for f in map(os.path.realpath, found) for j in by_folder.get(f, ())}
        needs.append(known[folder] - set(by_folder.get(folder, ())))
    return needs


def _dependency_order(needs: Sequence[set[int]]) -> list[int]:
    """The groups with each after those it needs (in their order otherwise; a cycle, which Go
    forbids but other platforms' files may fake, is broken where it is met)."""
    order: list[int] = []
    placed: set[int] = set()
    for start in range(len(needs)):
        stack = [start]
        while stack:
            current = stack[-1]
            if current in placed:
                stack.pop()
                continue
            missing = [n for n in sorted(needs[current]) if n not in placed and n not in stack]
            if missing:
                stack.append(missing[0])
            else:
                placed.add(current)
                order.append(current)
                stack.pop()
    return order


def _units(groups: Sequence[Sequence[Target]], jobs: int) -> list[list[Target]]:
    """The groups, the largest split in parts (by bytes) while there are fewer than `jobs`."""
    units = [list(group) for group in groups]
    while len(units) < jobs:
        largest = max(units, key=len, default=[])
        parts = min(jobs - len(units) + 1, len(largest) // MIN_SPLIT_FILES)
        if parts < 2:
            break
        units.remove(largest)
        shares: list[list[Target]] = [[] for _ in range(parts)]
        loads = [0] * parts
        for target in sorted(largest, key=_bytes, reverse=True):
            lightest = loads.index(min(loads))
            shares[lightest].append(target)
            loads[lightest] += _bytes(target)
        units.extend(shares)
    return units


def _bytes(target: Target) -> int:
    with contextlib.suppress(OSError):
        return target.path.stat().st_size
    return 0


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
    spawned = _State(None, state.policy.config, state.root, state.stages, state.hash_contents, state.facts,
                     state.policy.profile)
    try:
        pickle.dumps(spawned)
    except Exception:  # a finding stage that cannot cross processes
        return None, None
    return multiprocessing.get_context("spawn"), spawned


def _in_pool(groups: Sequence[Sequence[Target]], state: _State, context: Any,
             workers: int, needs: Sequence[set[int]] | None = None) -> list[list[Outcome]]:
    """Groups go to the workers one at a time per worker, each once the groups it needs are
    done (see `_needs`): first those that the longest chains of importers wait for, then the
    biggest (less idle time at the end)."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    needs = needs if needs is not None else [set() for _ in groups]
    heights = _heights(needs)
    priority = sorted(range(len(groups)), key=lambda i: (-heights[i], -_size(groups[i])))
    waiting = dict.fromkeys(priority)  # ordered: most urgent first
    finished: set[int] = set()
    outcomes: list[list[Outcome] | None] = [None] * len(groups)
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start,
                                   initargs=(state,))
    pending: dict[Future[list[tuple[Encoded, str | None]]], int] = {}

    def submit_ready() -> None:
        while waiting and len(pending) < workers:
            index = next((i for i in waiting if needs[i] <= finished), None)
            if index is None:
                if pending:
                    return
                index = next(iter(waiting))  # a cycle: go on anyway
            del waiting[index]
            pending[executor.submit(_work, list(groups[index]))] = index

    try:
        submit_ready()
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                outcomes[index] = _received(groups[index], future.result(), state)
                finished.add(index)
            submit_ready()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return [o for o in outcomes if o is not None]


def _heights(needs: Sequence[set[int]]) -> list[int]:
    """How many groups at most wait on each group, one behind the other."""
    dependents: list[list[int]] = [[] for _ in needs]
    for index, needed in enumerate(needs):
        for other in needed:
            dependents[other].append(index)
    heights = [0] * len(needs)
    for index in reversed(_dependency_order(needs)):  # importers before what they import
        heights[index] = max((heights[d] + 1 for d in dependents[index]), default=0)
    return heights


def _size(group: Sequence[Target]) -> int:
    return sum(_bytes(target) for target in group)


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
                       state.stages, state.hash_contents, state.facts)
    facts.configure(state.facts)  # a spawned worker starts unconfigured
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
