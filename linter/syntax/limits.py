"""Resource bounds: the largest file linted, and a call stack deep enough for deeply nested code."""
from __future__ import annotations

import ctypes
import os
import queue
import re
import stat
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

from tree_sitter import Node

T = TypeVar("T")

# Hand-written Go files stay far below this (the largest in Go's own tree is a 4 MB generated
# table); a bigger file costs seconds per megabyte and gigabytes of memory to parse and model.
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
# Seconds one file may take: ordinary files take well under one, a 10 MB one a minute on a busy
# machine; past this a rule is stuck (or quadratic on odd input), and the file is reported so.
DEFAULT_TIMEOUT = 120.0

# Rules and the model recurse over expressions; a chain like `a + b + ... ` of 10,000 terms is a
# tree 10,000 deep, and Python's default 1,000 frames would stop at a few hundred. So each file
# is linted on a thread with a 1 GiB stack (address space: pages are used only as deep as the
# recursion goes) and a frame limit that this stack holds even where every frame goes through C
# (about 5 KiB each at worst in CPython 3.10-3.12).
STACK_BYTES = 1024 * 1024 * 1024
RECURSION_LIMIT = 150_000
# A RecursionError below this nesting depth is a bug (a cycle), not deep code.
DEEP_NESTING = 1_000

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(i?b?)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


class SizeError(ValueError):
    """A size that cannot be parsed; the message says what is expected."""


def parse_size(value: object) -> int | None:
    """A byte count from an integer or a string like `10MB`, `512KiB` or `2.5M` (binary units);
    0 means no limit (None)."""
    if isinstance(value, bool):
        raise SizeError("expected a size such as 10MB, or 0 for no limit")
    if isinstance(value, int):
        size = value
    elif isinstance(value, str) and (match := _SIZE.match(value)):
        size = int(float(match.group(1)) * _UNITS[match.group(2).lower()])
    else:
        raise SizeError("expected a size such as 10MB, or 0 for no limit")
    if size < 0:
        raise SizeError("a size cannot be negative")
    return size or None


def parse_timeout(value: object) -> float | None:
    """Seconds from a number or a string like `90` or `2.5`; 0 means no limit (None)."""
    try:
        seconds = float(value) if isinstance(value, (int, float, str)) and not isinstance(value, bool) else -1.0
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):  # also rejects NaN
        raise SizeError("expected a number of seconds, or 0 for no limit")
    return seconds or None


def format_size(size: int) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


def read_source(path: Path, max_bytes: int | None) -> bytes | str:
    """The file's bytes, or why they are not read: not a regular file (a FIFO would block, a
    device never end) or larger than `max_bytes`. OSError propagates."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if max_bytes is not None and info.st_size > max_bytes:
        return _too_large(info.st_size, max_bytes)
    data = path.read_bytes()
    if max_bytes is not None and len(data) > max_bytes:  # it grew since stat()
        return _too_large(len(data), max_bytes)
    return data


def _too_large(size: int, max_bytes: int) -> str:
    return (f"file is {format_size(size)}, larger than max-file-size ({format_size(max_bytes)}): "
            "skipped")


class LintTimeout(BaseException):
    """A lint ran past its time budget. A BaseException, so that no rule's `except Exception`
    swallows it on its way out; its traceback shows what was running."""


class LintCancelled(LintTimeout):
    """A lint whose caller stopped waiting for it (the editor sent a newer version of the file).
    A kind of LintTimeout, so every place that survives an interruption survives this one."""


def on_deep_stack(function: Callable[..., T], *args: object, timeout: float | None = None,
                  cancel: threading.Event | None = None) -> T:
    """`function(*args)` on a thread whose stack and frame limit follow 10,000-deep nesting;
    its exceptions are re-raised here. After `timeout` seconds the thread is interrupted and
    LintTimeout raised; as soon as `cancel` is set, LintCancelled. Falls back to a plain call
    (no timeout) where such a thread cannot be had (an address-space limit). Meant for one
    calling thread at a time (the frame limit is process-wide): parallel runs use processes."""
    runner = _runner()
    if runner is None:
        return function(*args)
    job = _Job(function, args)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, RECURSION_LIMIT))
    try:
        runner.submit(job, timeout, cancel)
    finally:
        sys.setrecursionlimit(limit)
    if not job.outcome:
        if cancel is not None and cancel.is_set():
            raise LintCancelled("cancelled")
        raise LintTimeout(f"still running after {timeout} s")
    ok, value = job.outcome[0]
    if ok:
        return cast(T, value)
    raise value  # type: ignore[misc]


class _Job:
    """One call to run on the deep thread, and what came of it."""

    def __init__(self, function: Callable[..., object], args: tuple[object, ...]) -> None:
        self.function = function
        self.args = args
        self.outcome: list[tuple[bool, object]] = []
        self.done = threading.Event()

    def run(self) -> None:
        try:
            try:
                result = (True, self.function(*self.args))
            except BaseException as error:  # handed to the calling thread
                result = (False, error)
            self.outcome.append(result)
        except LintTimeout:
            pass  # interrupted between the call and the hand-over: reported as a timeout
        finally:
            self.done.set()


class _Runner:
    """One long-lived thread with the deep stack, fed one job at a time (starting a thread per
    file cost a millisecond or two of wall time each: a tenth of the engine on small files)."""

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self.thread = _start(self._loop)

    def _loop(self) -> None:
        while True:
            try:
                self.jobs.get().run()
            except LintTimeout:
                continue  # an interruption that arrived after its job was over

    def submit(self, job: _Job, timeout: float | None, cancel: threading.Event | None = None) -> None:
        self.jobs.put(job)
        if cancel is None:
            if job.done.wait(timeout):
                return
            self._interrupt(job, LintTimeout)
            return
        deadline = None if timeout is None else time.monotonic() + timeout
        while not job.done.wait(_POLL):  # returns as soon as the job is done: no added latency
            if cancel.is_set():
                self._interrupt(job, LintCancelled)
                return
            if deadline is not None and time.monotonic() >= deadline:
                self._interrupt(job, LintTimeout)
                return

    def _interrupt(self, job: _Job, error: type[LintTimeout]) -> None:
        assert self.thread is not None and self.thread.ident is not None
        # CPython raises it in the thread at its next bytecode; a thread stuck in C past the
        # grace period is abandoned (a daemon: it cannot keep the process alive) and replaced.
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread.ident),
                                                   ctypes.py_object(error))
        if not job.done.wait(_GRACE):
            _abandon(self)


_stack_lock = threading.Lock()
_GRACE = 10.0  # seconds an interrupted thread gets to unwind (a long C call delays it)
_POLL = 0.05  # seconds between looks at a cancellable job's cancel event
_RUNNERS: dict[int, _Runner] = {}  # by process id: a forked worker starts its own thread


def _runner() -> _Runner | None:
    with _stack_lock:
        runner = _RUNNERS.get(os.getpid())
        if runner is None:
            runner = _Runner()
            if runner.thread is None:
                return None
            _RUNNERS[os.getpid()] = runner
        return runner


def _abandon(runner: _Runner) -> None:
    with _stack_lock:
        if _RUNNERS.get(os.getpid()) is runner:
            del _RUNNERS[os.getpid()]


def _start(target: Callable[[], None]) -> threading.Thread | None:
    # threading.stack_size is process-wide: set it only around our own start (called with
    # _stack_lock held).
    try:
        previous = threading.stack_size(STACK_BYTES)
    except (ValueError, RuntimeError):
        return None
    try:
        thread = threading.Thread(target=target, name="goescape-lint", daemon=True)
        thread.start()
    except (RuntimeError, MemoryError):
        return None
    finally:
        threading.stack_size(previous)
    return thread


def running_rule(error: BaseException) -> tuple[str, Node] | None:
    """The rule code and node that a LintTimeout interrupted, from its traceback."""
    found = None
    trace = error.__traceback__
    while trace is not None:
        local = trace.tb_frame.f_locals
        if trace.tb_frame.f_code.co_name == "_run_rule" and "rule" in local and "node" in local:
            found = (f"{local['rule'].code} {local['rule'].name}", local["node"])
        trace = trace.tb_next
    return found


def nesting_depth(node: Node, stop: int = DEEP_NESTING) -> int:
    """How deep the tree below `node` goes, counting up to `stop` (iteratively, of course)."""
    deepest = 0
    stack = [(node, 0)]
    while stack:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest >= stop:
            return deepest
        stack.extend((child, depth + 1) for child in current.children)
    return deepest
