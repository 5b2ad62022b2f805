"""The server's state: open buffers, their latest findings, and when to lint or verify them."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from lsprotocol import types as lsp

from goescape.linter.findings import Diagnostic, Notice
from goescape.linter.lsp.checker import Checked, Checker, Snapshot
from goescape.linter.lsp.convert import Converter
from goescape.linter.lsp.positions import Lines
from goescape.linter.lsp.scheduler import Scheduler, Work
from goescape.linter.lsp.settings import Configurations
from goescape.linter.lsp.verifier import Verifier
from goescape.linter.registry.registry import Registry
from goescape.linter.run.cache import default_cache_dir
from goescape.linter.verify.stage import VerifyStage


class Client(Protocol):
    """What the session needs from the editor's side (callable from any thread)."""

    @property
    def encoding(self) -> str:
        """The position encoding agreed on at initialization."""

    def publish(self, uri: str, version: int | None, diagnostics: list[lsp.Diagnostic]) -> None: ...

    def show(self, message: str, kind: lsp.MessageType) -> None: ...

    def log(self, message: str, kind: lsp.MessageType) -> None: ...


@dataclass(frozen=True)
class Result:
    """A buffer's published findings: goescape's diagnostics beside the LSP ones they became."""

    snapshot: Snapshot
    findings: tuple[tuple[Diagnostic, lsp.Diagnostic], ...]
    lines: Lines
    verified: bool


class Session:
    """Open buffers and their findings. Edits are linted on one background thread (see
    scheduler.py), newest first; results are published through the client."""

    def __init__(self, client: Client, registry: Registry) -> None:
        self.client = client
        self.registry = registry
        self.checker = Checker(Configurations(registry, lambda m: client.show(m, lsp.MessageType.Error)))
        self.scheduler = Scheduler()
        self.verifier = Verifier(registry, self._verified, lambda m: client.show(m, lsp.MessageType.Warning))
        self._cond = threading.Condition()
        self._documents: dict[str, Snapshot] = {}
        self._results: dict[str, Result] = {}
        self._notices: dict[str, tuple[Notice, ...]] = {}

    # -- the editor's events -----------------------------------------------------------------

    def opened(self, snapshot: Snapshot) -> None:
        self._store(snapshot)
        self.scheduler.submit(snapshot.uri, self._linter(snapshot.uri))
        if not _saved(snapshot):  # its buffer now counts instead of its file
            self._relint(self._siblings(snapshot))

    def changed(self, snapshot: Snapshot) -> None:
        self._store(snapshot)
        if snapshot.folder is not None:
            self.verifier.cancel(snapshot.folder)  # it compiles what is now out of date
            self.scheduler.cancel(_verify_key(snapshot.folder))
        self.scheduler.submit(snapshot.uri, self._linter(snapshot.uri))
        self._relint(self._siblings(snapshot))

    def saved(self, uri: str) -> None:
        snapshot = self.snapshot(uri)
        if snapshot is None:
            return
        self.scheduler.submit(uri, self._linter(uri))
        if snapshot.path is None or snapshot.folder is None:
            return
        settings = self.checker.settings(snapshot)
        if settings.verify_on_save:
            paths = [snapshot.path, *(s.path for s in self._siblings(snapshot) if s.path is not None)]
            self.verifier.start(snapshot.folder, paths, settings.config.cache_dir or default_cache_dir())

    def closed(self, uri: str) -> None:
        with self._cond:
            snapshot = self._documents.pop(uri, None)
            self._results.pop(uri, None)
            self._notices.pop(uri, None)
        self.scheduler.cancel(uri)
        self.checker.forget(uri)
        self.client.publish(uri, None, [])
        if snapshot is not None and not _saved(snapshot):
            self._relint(self._siblings(snapshot))  # its file on disk counts again

    def configuration_changed(self) -> None:
        self.checker.configurations.forget()
        self._relint(self.snapshots())

    def files_changed(self, paths: Iterable[Path]) -> None:
        """Files changed on disk: lint again the open buffers of their folders. An open file's
        own changes (a save) are left out: its buffer is what counts, and relinting after a save
        would replace the compiler-verified findings that the save brings."""
        opened = {s.path for s in self.snapshots()}
        folders = {path.parent for path in paths if path not in opened}
        self._relint(s for s in self.snapshots() if s.folder in folders)

    def shutdown(self) -> None:
        self.verifier.stop()
        self.scheduler.stop()

    # -- what the features read ----------------------------------------------------------------

    def snapshot(self, uri: str) -> Snapshot | None:
        with self._cond:
            return self._documents.get(uri)

    def snapshots(self) -> list[Snapshot]:
        with self._cond:
            return list(self._documents.values())

    def result(self, uri: str, timeout: float) -> Result | None:
        """The findings of the buffer's current version, waiting up to `timeout` seconds for
        them; else the latest there are."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                snapshot, result = self._documents.get(uri), self._results.get(uri)
                current = snapshot is not None and result is not None and result.snapshot.version == snapshot.version
                remaining = deadline - time.monotonic()
                if current or snapshot is None or remaining <= 0:
                    return result
                self._cond.wait(remaining)

    # -- linting -------------------------------------------------------------------------------

    def _store(self, snapshot: Snapshot) -> None:
        with self._cond:
            self._documents[snapshot.uri] = snapshot

    def _siblings(self, snapshot: Snapshot) -> list[Snapshot]:
        if snapshot.folder is None:
            return []
        return [s for s in self.snapshots() if s.folder == snapshot.folder and s.uri != snapshot.uri]

    def _relint(self, snapshots: Iterable[Snapshot]) -> None:
        for snapshot in snapshots:
            self.scheduler.submit(snapshot.uri, self._linter(snapshot.uri), urgent=False)

    def _linter(self, uri: str) -> Work:
        def work(cancel: threading.Event) -> None:
            snapshot = self.snapshot(uri)
            if snapshot is None:
                return
            others = [s for s in self.snapshots() if s.uri != uri]
            checked = self.checker.check(snapshot, others, cancel)
            if not cancel.is_set():
                self._publish(checked)
        return work

    def _verified(self, folder: Path, stage: VerifyStage, compiled: threading.Event) -> None:
        """The compiler answered for `folder`: lint its open buffers again with its verdicts."""
        def work(cancel: threading.Event) -> None:
            try:
                for snapshot in self.snapshots():
                    if snapshot.folder != folder or not _saved(snapshot):
                        continue  # an unsaved buffer is not what the compiler saw
                    others = [s for s in self.snapshots() if s.uri != snapshot.uri]
                    checked = self.checker.check(snapshot, others, cancel, [stage], verified=True)
                    if cancel.is_set() or compiled.is_set():
                        return
                    self._publish(checked)
            finally:
                stage.close()
        self.scheduler.submit(_verify_key(folder), work, urgent=False)

    def _publish(self, checked: Checked) -> None:
        snapshot = checked.snapshot
        lines = Lines(snapshot.text)
        convert = Converter(snapshot.uri, snapshot.path, lines, self.client.encoding, self.registry)
        ordered = sorted(checked.diagnostics, key=Diagnostic.sort_key)  # rules' and directives' together
        findings = tuple((d, convert.diagnostic(d, verified=checked.verified)) for d in ordered)
        with self._cond:
            if self._documents.get(snapshot.uri) is not snapshot:
                return  # closed or edited meanwhile: a newer lint is coming
            self._results[snapshot.uri] = Result(snapshot, findings, lines, checked.verified)
            notices = tuple(checked.notices)
            new_notices = notices != self._notices.get(snapshot.uri)
            self._notices[snapshot.uri] = notices
            self._cond.notify_all()
        if new_notices:  # said once, not on every keystroke
            for notice in notices:
                where = f"{notice.path or snapshot.uri}:{notice.line or 1}: " if notice.line else ""
                level = lsp.MessageType.Error if notice.level == "error" else lsp.MessageType.Warning
                self.client.log(f"goescape: {where}{notice.message}", level)
        self.client.publish(snapshot.uri, snapshot.version, [lsp_diagnostic for _, lsp_diagnostic in findings])


def _verify_key(folder: Path) -> str:
    return f"verify:{folder}"


def _saved(snapshot: Snapshot) -> bool:
    """Whether the buffer holds what its file holds."""
    if snapshot.path is None:
        return False
    try:
        return snapshot.path.read_bytes() == snapshot.text.encode("utf-8", "surrogatepass")
    except OSError:
        return False
