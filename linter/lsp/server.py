"""`goescape lsp`: the Language Server Protocol over stdio, a thin adapter from pygls to the session."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from goescape.linter import __version__
from goescape.linter.lsp import actions, hover
from goescape.linter.lsp.checker import Snapshot
from goescape.linter.lsp.explain import explain_document
from goescape.linter.lsp.positions import UTF16
from goescape.linter.lsp.protocol import Protocol, is_parse_error
from goescape.linter.lsp.session import Session
from goescape.linter.registry.docs import help_uri
from goescape.linter.registry.registry import build_registry

WAIT = 2.0  # seconds a hover or a code action waits for the lint of the buffer's current version
CONFIG_NAMES = (".goescape.toml", "pyproject.toml")
log = logging.getLogger("goescape.lsp")


class Server(LanguageServer):
    """pygls' server with goescape's session; reports its own errors to the log, not in pop-ups."""

    def __init__(self) -> None:
        super().__init__("goescape", __version__, protocol_cls=Protocol,
                         text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        registry = build_registry()
        self.session = Session(_Client(self), registry)
        self.encoding = UTF16
        for problem in registry.problems:
            log.warning("%s", problem)

    def report_server_error(self, error: Exception, source: Any) -> None:
        if is_parse_error(error):  # pygls has logged it
            protocol = self.protocol
            assert isinstance(protocol, Protocol)
            protocol.reply_parse_error()
            return
        log.error("%s: %s", type(error).__name__, error)


class _Client:
    """The session's view of the editor: messages go out on the event loop's thread."""

    def __init__(self, server: Server) -> None:
        self._server = server
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def encoding(self) -> str:
        return self._server.encoding

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def publish(self, uri: str, version: int | None, diagnostics: list[lsp.Diagnostic]) -> None:
        params = lsp.PublishDiagnosticsParams(uri, diagnostics, version)
        self._send(self._server.text_document_publish_diagnostics, params)

    def show(self, message: str, kind: lsp.MessageType) -> None:
        log.warning("%s", message)
        self._send(self._server.window_show_message, lsp.ShowMessageParams(kind, message))

    def log(self, message: str, kind: lsp.MessageType) -> None:
        self._send(self._server.window_log_message, lsp.LogMessageParams(kind, message))

    def _send(self, send: Any, params: Any) -> None:
        if self._loop is None or self._loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: the server is exiting
            self._loop.call_soon_threadsafe(send, params)


def create_server() -> Server:
    server = Server()
    session = server.session

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: Server, params: lsp.InitializeParams) -> None:
        ls.encoding = str(getattr(ls.workspace.position_encoding, "value", ls.workspace.position_encoding))
        _client(ls).bind(asyncio.get_running_loop())

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: Server, params: lsp.InitializedParams) -> None:
        watched = _capability(ls, "workspace", "did_change_watched_files", "dynamic_registration")
        if not watched:
            return
        watchers = [lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in (*CONFIG_NAMES, "*.go")]
        registration = lsp.Registration(id="goescape-watch", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                        register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers))
        try:
            await ls.client_register_capability_async(lsp.RegistrationParams([registration]))
        except (JsonRpcException, RuntimeError) as error:
            log.warning("the client refused to watch files for us: %s", error)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Server, params: lsp.DidOpenTextDocumentParams) -> None:
        snapshot = _snapshot(ls, params.text_document.uri, params.text_document.language_id)
        if snapshot is not None:
            session.opened(snapshot)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: Server, params: lsp.DidChangeTextDocumentParams) -> None:
        snapshot = _snapshot(ls, params.text_document.uri)
        if snapshot is not None and session.snapshot(snapshot.uri) is not None:
            session.changed(snapshot)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: Server, params: lsp.DidSaveTextDocumentParams) -> None:
        path = _path(params.text_document.uri)
        if path is not None and path.name in CONFIG_NAMES:
            session.configuration_changed()
        else:
            session.saved(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: Server, params: lsp.DidCloseTextDocumentParams) -> None:
        if session.snapshot(params.text_document.uri) is not None:
            session.closed(params.text_document.uri)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: Server, params: lsp.DidChangeWatchedFilesParams) -> None:
        paths = [p for p in (_path(change.uri) for change in params.changes) if p is not None]
        if any(p.name in CONFIG_NAMES for p in paths):
            session.configuration_changed()
        session.files_changed(p for p in paths if p.suffix == ".go")

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: Server, params: lsp.DidChangeConfigurationParams) -> None:
        session.configuration_changed()  # goescape's settings live in its files: read them again

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: Server, params: lsp.HoverParams) -> lsp.Hover | None:
        result = await _result(params.text_document.uri)
        if result is None:
            return None
        at = params.position
        found = [(d, shown) for d, shown in result.findings if _contains(shown.range, at)]
        if not found:
            return None
        markdown = "\n\n---\n\n".join(hover.markdown(d, session.registry.rules.get(d.code)) for d, _ in found)
        kind = lsp.MarkupKind.Markdown if _markdown_hover(ls) else lsp.MarkupKind.PlainText
        return lsp.Hover(lsp.MarkupContent(kind, markdown), found[0][1].range)

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    async def code_action(ls: Server, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        only = params.context.only
        if only and not any(lsp.CodeActionKind.QuickFix.value.startswith(str(getattr(k, "value", k)))
                            for k in only):
            return None
        result = await _result(params.text_document.uri)
        if result is None:
            return None
        versioned = bool(_capability(ls, "workspace", "workspace_edit", "document_changes"))
        return actions.code_actions(params.text_document.uri, result.snapshot.version, result.lines,
                                    ls.encoding, session.registry, result.findings, params.range, versioned)

    @server.command(actions.EXPLAIN)
    async def explain(ls: Server, *arguments: Any) -> str:
        code = arguments[0] if arguments and isinstance(arguments[0], str) else ""
        rule = session.registry.get(code)
        if rule is None:
            raise JsonRpcInvalidParams(f"{actions.EXPLAIN}: unknown rule {code!r}")
        document, markdown = explain_document(rule)
        if document is not None and _capability(ls, "window", "show_document", "support"):
            await ls.window_show_document_async(lsp.ShowDocumentParams(document.as_uri(), take_focus=True))
        else:  # a client that opens no documents: the gist, and where the rest is
            where = document or help_uri(rule) or f"goescape explain {rule.code}"
            ls.window_show_message(lsp.ShowMessageParams(
                lsp.MessageType.Info, f"{rule.code} {rule.name}: {rule.meta.summary} (documentation: {where})"))
        return markdown

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: Server, params: None) -> None:
        session.shutdown()

    async def _result(uri: str) -> Any:
        return await asyncio.get_running_loop().run_in_executor(None, session.result, uri, WAIT)

    return server


def _client(server: Server) -> _Client:
    client = server.session.client
    assert isinstance(client, _Client)
    return client


def _path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


def _snapshot(server: Server, uri: str, language: str | None = None) -> Snapshot | None:
    """The buffer as the editor has it now; None for a buffer that is not Go."""
    path = _path(uri)
    if language != "go" and (path is None or path.suffix != ".go") and not (language is None and path is None):
        return None
    document = server.workspace.get_text_document(uri)
    return Snapshot(uri, path, document.version, document.source)


def _contains(span: lsp.Range, at: lsp.Position) -> bool:
    return (span.start.line, span.start.character) <= (at.line, at.character) <= (span.end.line, span.end.character)


def _capability(server: Server, *path: str) -> Any:
    value: Any = server.client_capabilities
    for name in path:
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


def _markdown_hover(server: Server) -> bool:
    formats: Sequence[Any] | None = _capability(server, "text_document", "hover", "content_format")
    return not formats or lsp.MarkupKind.Markdown in formats


class _OneLine(logging.Formatter):
    """One line per entry in the editor's log: an error's type and message, not its traceback
    (pygls puts some in the message itself); GOESCAPE_DEBUG=1 keeps them."""

    def format(self, record: logging.LogRecord) -> str:
        if os.environ.get("GOESCAPE_DEBUG"):
            return super().format(record)
        message = record.getMessage().split("\n", 1)[0]
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            message = f"{message}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        line = logging.makeLogRecord({**record.__dict__, "msg": message, "args": (), "exc_info": None,
                                      "exc_text": None, "stack_info": None})
        return super().format(line)


def serve(stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> int:
    """Serve one client over stdio until it says `exit` or closes the stream; the exit status
    is 0 after an orderly `shutdown`, else 1 (as LSP says)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine("goescape lsp: %(levelname)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if os.environ.get("GOESCAPE_DEBUG") else logging.WARNING)
    server = create_server()
    try:
        server.start_io(stdin, stdout)
    finally:
        server.session.shutdown()
    return 0 if server.protocol._shutdown else 1
