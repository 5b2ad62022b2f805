"""Driving `goescape lsp` as a subprocess through pytest-lsp's client (pygls' LanguageClient)."""
from __future__ import annotations

import asyncio
import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

from lsprotocol import types as lsp
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-m", "goescape.linter", "lsp"]
TIMEOUT = 30.0  # seconds: a generous bound for a busy 2-core machine, not a speed target


@dataclass
class Published:
    uri: str
    version: int | None
    diagnostics: list[lsp.Diagnostic]
    at: float = field(default_factory=time.monotonic)


class Recorder:
    """Every publishDiagnostics the server sent, in order, and a way to wait for the next ones."""

    def __init__(self) -> None:
        self.published: list[Published] = []
        self.changed = asyncio.Event()

    def record(self, client: LanguageClient, params: lsp.PublishDiagnosticsParams) -> None:
        self.published.append(Published(params.uri, params.version, list(params.diagnostics)))
        client.diagnostics[params.uri] = params.diagnostics
        self.changed.set()


async def start(*, capabilities: str = "visual-studio-code", env: Mapping[str, str] | None = None,
                cwd: Path | None = None, root: Path | None = None) -> LanguageClient:
    """A client connected to a fresh `goescape lsp`, initialized."""
    recorder = Recorder()
    client = LanguageClient(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)

    def publish(client: LanguageClient, params: lsp.PublishDiagnosticsParams) -> None:
        recorder.record(client, params)

    features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish

    def register(client: LanguageClient, params: lsp.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    features[lsp.CLIENT_REGISTER_CAPABILITY] = register
    register_lsp_features(client, features)
    client.recorder = recorder  # type: ignore[attr-defined]
    _read_code_actions_as_editors_do(client)
    client.registrations = []  # type: ignore[attr-defined]
    environment = {**os.environ, **(env or {})}
    await client.start_io(*SERVER, env=environment, cwd=str(cwd) if cwd else None)
    folders = [lsp.WorkspaceFolder(root.as_uri(), root.name)] if root is not None else None
    await client.initialize_session(lsp.InitializeParams(
        capabilities=client_capabilities(capabilities), root_uri=root.as_uri() if root else None,
        workspace_folders=folders))
    return client


def _read_code_actions_as_editors_do(client: LanguageClient) -> None:
    """lsprotocol reads any code action that has a `command` as a Command; VS Code and Neovim
    tell them apart as LSP says, by the type of `command` (a string only in a Command)."""
    converter = client.protocol._converter

    def structure(value: Any, _: type) -> lsp.Command | lsp.CodeAction:
        kind = lsp.Command if isinstance(value.get("command"), str) else lsp.CodeAction
        return converter.structure(value, kind)  # type: ignore[no-any-return]

    converter.register_structure_hook(Union[lsp.Command, lsp.CodeAction], structure)  # noqa: UP007


@contextlib.asynccontextmanager
async def session(**kwargs: Any) -> AsyncIterator[LanguageClient]:
    client = await start(**kwargs)
    try:
        yield client
    finally:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
        await client.stop()


def recorder(client: LanguageClient) -> Recorder:
    found = client.recorder  # type: ignore[attr-defined]
    assert isinstance(found, Recorder)
    return found


async def wait_for(client: LanguageClient, uri: str, *, version: int | None = None,
                   where: Callable[[list[lsp.Diagnostic]], bool] | None = None,
                   after: int = 0, timeout: float = TIMEOUT) -> list[lsp.Diagnostic]:
    """The diagnostics of the first publication for `uri` (counting from the `after`-th
    publication) with `version` and satisfying `where`."""
    record = recorder(client)
    deadline = time.monotonic() + timeout
    index = after
    while True:
        while index < len(record.published):
            item = record.published[index]
            index += 1
            if item.uri == uri and (version is None or item.version == version) and (
                    where is None or where(item.diagnostics)):
                return item.diagnostics
        record.changed.clear()
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            shown = [(p.uri, p.version, [d.code for d in p.diagnostics]) for p in record.published]
            raise AssertionError(f"no such diagnostics for {uri} v{version}; published: {shown}")
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(record.changed.wait(), remaining)


def mark(client: LanguageClient) -> int:
    """Where the publications from now on start (for `wait_for(after=...)`)."""
    return len(recorder(client).published)


def open_document(client: LanguageClient, path: Path, text: str | None = None, version: int = 1) -> str:
    uri = path.as_uri()
    source = path.read_text(encoding="utf-8") if text is None else text
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "go", version, source)))
    return uri


def replace_all(client: LanguageClient, uri: str, text: str, version: int) -> None:
    """didChange with the whole new text (no range: the client's full-text form)."""
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(version, uri), [lsp.TextDocumentContentChangeWholeDocument(text)]))


def insert(client: LanguageClient, uri: str, line: int, character: int, text: str, version: int) -> None:
    """didChange inserting `text` at a position (the incremental form editors send as you type)."""
    at = lsp.Position(line, character)
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(version, uri),
        [lsp.TextDocumentContentChangePartial(range=lsp.Range(at, at), text=text)]))


def apply_edits(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply text edits (UTF-16 positions) to `text`, last first."""
    lines = text.split("\n")

    def offset(position: lsp.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units, index = 0, 0
        while index < len(line) and units < position.character:
            units += 2 if ord(line[index]) > 0xFFFF else 1
            index += 1
        return before + index

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
        lines = text.split("\n")
    return text


def codes(diagnostics: list[lsp.Diagnostic]) -> list[tuple[str, int]]:
    """(code, 1-based line) of each diagnostic."""
    return [(str(d.code), d.range.start.line + 1) for d in diagnostics]


class Raw:
    """`goescape lsp` spoken to byte by byte, for what no well-behaved client sends."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        self.process = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        while True:
            length = None
            while (line := stdout.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if not line or length is None:
                self.messages.put(None)
                return
            self.messages.put(json.loads(stdout.read(length)))

    def send_bytes(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: Mapping[str, Any] | list[Any] | str) -> None:
        body = json.dumps(message).encode()
        self.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, request_id: int, method: str, params: Any = None) -> None:
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})

    def notify(self, method: str, params: Any = None) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def next(self, where: Callable[[dict[str, Any]], bool] = lambda m: True,
             timeout: float = TIMEOUT) -> dict[str, Any]:
        """The next message from the server that satisfies `where` (the others are skipped)."""
        deadline = time.monotonic() + timeout
        while True:
            message = self.messages.get(timeout=max(deadline - time.monotonic(), 0.001))
            assert message is not None, "the server closed its output"
            if where(message):
                return message

    def reply(self, request_id: int | None) -> dict[str, Any]:
        return self.next(lambda m: "method" not in m and m.get("id") == request_id)

    def initialize(self) -> None:
        self.request(0, "initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        assert "result" in self.reply(0)
        self.notify("initialized", {})

    def close(self) -> tuple[int, str]:
        """Close stdin, wait for the exit; the exit status and what the server logged."""
        assert self.process.stdin is not None
        if not self.process.stdin.closed:
            self.process.stdin.close()
        status = self.process.wait(timeout=TIMEOUT)
        assert self.process.stderr is not None
        return status, self.process.stderr.read().decode("utf-8", "replace")
