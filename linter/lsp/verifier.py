"""Compiler verification after a save: the go command runs in the background, one package at a
time per folder, and a newer change to that package kills it."""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from goescape.linter.registry.registry import Registry
from goescape.linter.verify import NoGo, find_go
from goescape.linter.verify.cache import ResultCache
from goescape.linter.verify.stage import Options, VerifyStage

log = logging.getLogger(__name__)

# Called on the verifier's thread when the compiler has answered for `folder`; the callee owns
# the stage from then on (and closes it).
Done = Callable[[Path, VerifyStage, threading.Event], None]


class Verifier:
    """Starts, cancels and hands over compiler runs, keyed by package folder."""

    def __init__(self, registry: Registry, done: Done, report: Callable[[str], None]) -> None:
        self._registry = registry
        self._done = done
        self._report = report
        self._lock = threading.Lock()
        self._running: dict[Path, threading.Event] = {}
        self._threads: list[threading.Thread] = []
        self._go: str | None = None
        self._no_go_reported = False

    def start(self, folder: Path, paths: Sequence[Path], cache_root: Path | None) -> bool:
        """Compile the package in `folder` (its `paths` say which files, tests included or not)
        in the background; False when there is no go command (said once through `report`)."""
        go = self._find_go()
        if go is None:
            return False
        cancel = threading.Event()
        with self._lock:
            previous = self._running.get(folder)
            if previous is not None:
                previous.set()
            self._running[folder] = cancel
        options = Options(go=go, cache=ResultCache(cache_root), cancel=cancel)
        stage = VerifyStage(options, lambda code: code in self._registry.rules)
        thread = threading.Thread(target=self._run, args=(folder, list(paths), stage, cancel),
                                  name="goescape-lsp-verify", daemon=True)
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        return True

    def cancel(self, folder: Path) -> None:
        """A newer change: stop the compiler run for `folder`, if one is on."""
        with self._lock:
            cancel = self._running.pop(folder, None)
        if cancel is not None:
            cancel.set()

    def stop(self, wait: float = 2.0) -> None:
        """Cancel every compiler run, and give them `wait` seconds to be killed (a go command
        left running would go on compiling after the server is gone)."""
        with self._lock:
            running, self._running = self._running, {}
            threads = list(self._threads)
        for cancel in running.values():
            cancel.set()
        deadline = time.monotonic() + wait
        for thread in threads:
            thread.join(max(deadline - time.monotonic(), 0))

    def _run(self, folder: Path, paths: list[Path], stage: VerifyStage, cancel: threading.Event) -> None:
        handed_over = False
        try:
            stage.prepare(paths)
            stage.result_for(paths[0])  # waits for the compiler
            if not cancel.is_set():
                self._done(folder, stage, cancel)
                handed_over = True
        except Exception:
            log.exception("verifying %s failed", folder)
        finally:
            with self._lock:
                if self._running.get(folder) is cancel:
                    del self._running[folder]
            if not handed_over:
                stage.close()

    def _find_go(self) -> str | None:
        if self._go is None:
            try:
                self._go = find_go(None)
            except NoGo as error:
                if not self._no_go_reported:
                    self._no_go_reported = True
                    self._report(f'goescape: verify = "on-save": {error}; the findings stay heuristic')
                return None
        return self._go
