"""One thread lints, newest first: a newer edit cancels the lint it makes stale, and the edited
buffer goes before background work (its siblings, a compiler-verified lint, a huge file)."""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from goescape.linter.syntax.limits import LintCancelled

Work = Callable[[threading.Event], None]
# A job running this long gives way to an edit of another buffer and is queued again behind it,
# as background work: a 10 MB file (a minute to lint) is linted when the editor is idle, and
# never holds up the file being typed in. Ordinary files take less than this.
PREEMPT_AFTER = 0.25

log = logging.getLogger(__name__)


@dataclass
class _Job:
    key: str
    work: Work
    urgent: bool
    cancel: threading.Event = field(default_factory=threading.Event)
    started: float = 0.0
    preempted: bool = False


class Scheduler:
    """Runs each key's latest job on one thread (the engine lints one file at a time, and the
    GIL would serialize more threads anyway): submitting a key again replaces its pending job."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._pending: dict[str, _Job] = {}
        self._running: _Job | None = None
        self._stopped = False
        self._thread = threading.Thread(target=self._loop, name="goescape-lsp-lint", daemon=True)
        self._thread.start()

    def submit(self, key: str, work: Work, *, urgent: bool = True) -> None:
        """Run `work(cancel)` for `key` once the thread is free; a running job for the same key
        is cancelled (its result would be stale), and an urgent job pre-empts a background one, or
        one that has run for PREEMPT_AFTER seconds."""
        with self._cond:
            previous = self._pending.pop(key, None)
            self._pending[key] = _Job(key, work, urgent or (previous is not None and previous.urgent))
            running = self._running
            if running is not None and not running.cancel.is_set():
                if running.key == key:
                    running.cancel.set()
                elif urgent and (not running.urgent or time.monotonic() - running.started > PREEMPT_AFTER):
                    running.preempted = True
                    running.cancel.set()
            self._cond.notify()

    def cancel(self, key: str) -> None:
        """Drop `key`'s pending job and stop its running one."""
        with self._cond:
            self._pending.pop(key, None)
            if self._running is not None and self._running.key == key:
                self._running.cancel.set()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._pending.clear()
            if self._running is not None:
                self._running.cancel.set()
            self._cond.notify()

    def _next(self) -> _Job | None:
        with self._cond:
            while not self._pending and not self._stopped:
                self._cond.wait()
            if self._stopped:
                return None
            key = next((k for k, job in self._pending.items() if job.urgent), next(iter(self._pending)))
            job = self._pending.pop(key)
            job.started = time.monotonic()
            self._running = job
            return job

    def _loop(self) -> None:
        while (job := self._next()) is not None:
            try:
                job.work(job.cancel)
            except LintCancelled:
                pass
            except Exception:  # a bug in one job must not stop the server's linting
                log.exception("linting %s failed", job.key)
            finally:
                with self._cond:
                    self._running = None
                    if job.preempted and job.key not in self._pending:
                        self._pending[job.key] = _Job(job.key, job.work, urgent=False)
