"""Bad input from the client, odd files, the end of a session: the server answers as the protocol
says, or ignores what it says to ignore, and keeps serving."""
from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED
from lsp_helpers import SERVER, Raw, codes, open_document, recorder, session, wait_for
from lsprotocol import types as lsp

MAIN = SEED / "examples" / "g" / "main.go"


def _hover(raw: Raw, request_id: int) -> dict:
    raw.request(request_id, "textDocument/hover",
                {"textDocument": {"uri": MAIN.as_uri()}, "position": {"line": 16, "character": 9}})
    return raw.reply(request_id)


def test_malformed_messages_are_answered_and_the_server_keeps_serving() -> None:
    raw = Raw()
    try:
        raw.initialize()
        raw.notify("textDocument/didOpen", {"textDocument": {"uri": MAIN.as_uri(), "languageId": "go",
                                                              "version": 1, "text": MAIN.read_text()}})
        published = raw.next(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        assert [d["code"] for d in published["params"]["diagnostics"]] == ["ESC101"]

        raw.send_bytes(b"Content-Length: 12\r\n\r\n{not json!!}")  # not JSON: Parse error, id null
        assert raw.reply(None)["error"]["code"] == -32700
        raw.send([1, 2, 3])  # JSON, but not a JSON-RPC message
        assert raw.reply(None)["error"]["code"] == -32600
        raw.request(7, "textDocument/hover", {"textDocument": 42})  # parameters that do not fit
        assert raw.reply(7)["error"]["code"] == -32602
        raw.request(8, "goescape/noSuchMethod", {})
        assert raw.reply(8)["error"]["code"] == -32601
        raw.notify("goescape/noSuchNotification", {})  # a notification nobody handles: ignored
        raw.notify("textDocument/didChange", {"textDocument": "broken"})  # unreadable: ignored
        raw.notify("$/cancelRequest", {"id": 12345})  # nothing to cancel: ignored
        raw.send_bytes(b"Content-Length: 2\r\n\r\n\xff\xfe")  # not even UTF-8
        assert raw.reply(None)["error"]["code"] == -32700

        answer = _hover(raw, 9)  # still serving, with the findings of before
        assert "golang escapes" in answer["result"]["contents"]["value"]
        raw.request(10, "shutdown")
        assert raw.reply(10) == {"jsonrpc": "2.0", "id": 10, "result": None}
        raw.request(11, "textDocument/hover", {"textDocument": {"uri": MAIN.as_uri()},
                                               "position": {"line": 0, "character": 0}})
        assert raw.reply(11)["error"]["code"] == -32600  # after shutdown: Invalid Request
        raw.notify("exit")
        status, logged = raw.close()
        assert status == 0
        assert "Traceback" not in logged
    finally:
        raw.process.kill()


def test_requests_before_initialize_and_exit_without_shutdown() -> None:
    raw = Raw()
    try:
        raw.request(1, "textDocument/hover", {"textDocument": {"uri": MAIN.as_uri()},
                                              "position": {"line": 0, "character": 0}})
        assert raw.reply(1)["error"]["code"] == -32002  # ServerNotInitialized
        raw.initialize()
        raw.notify("exit")  # no shutdown first: exit status 1, as LSP says
        status, _ = raw.close()
        assert status == 1
    finally:
        raw.process.kill()


def test_the_server_exits_when_its_input_closes() -> None:
    raw = Raw()
    raw.initialize()
    status, logged = raw.close()
    assert status == 1
    assert "Traceback" not in logged


@pytest.mark.asyncio
async def test_a_file_outside_any_module_and_an_untitled_buffer(tmp_path: Path) -> None:
    loose = tmp_path / "loose.go"  # no go.mod anywhere above
    loose.write_text(MAIN.read_text())
    async with session() as client:
        assert codes(await wait_for(client, open_document(client, loose), version=1)) == [("ESC101", 17)]
        untitled = "untitled:Untitled-1"
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(untitled, "go", 1, MAIN.read_text())))
        assert codes(await wait_for(client, untitled, version=1)) == [("ESC101", 17)]
        other = tmp_path / "notes.txt"  # not Go: left alone
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(other.as_uri(), "plaintext", 1, "return &x")))
        await asyncio.sleep(0.5)
        assert other.as_uri() not in client.diagnostics


def _big(size: int) -> str:
    """A Go file of about `size` bytes: many small functions that each return an address."""
    head = "package big\n\ntype T struct{ A, B int }\n"
    body = "\nfunc F{0}(a, b int) *T {{\n\tt := T{{A: a, B: b}}\n\tif a > b {{\n\t\tt.A = b\n\t}}\n\treturn &t\n}}\n"
    count = (size - len(head)) // len(body.format(100000)) + 1
    return head + "".join(body.format(i) for i in range(count))


@pytest.mark.asyncio
async def test_a_10_mb_file_neither_blocks_the_editor_nor_the_other_files(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("module big\n\ngo 1.27\n")
    big, small = tmp_path / "big" / "big.go", tmp_path / "small.go"
    big.parent.mkdir()
    text = _big(10_000_000)  # under the default max-file-size (10 MiB): it is linted, slowly
    small.write_text(MAIN.read_text().replace("package main", "package big"))
    async with session() as client:
        big_uri = open_document(client, big, text)
        await asyncio.sleep(3)  # its lint is under way: it takes about a minute
        hover = await client.text_document_hover_async(lsp.HoverParams(
            lsp.TextDocumentIdentifier(big_uri), lsp.Position(0, 0)))
        assert hover is None  # answered meanwhile, with what there is: nothing yet
        small_uri = open_document(client, small)
        assert codes(await wait_for(client, small_uri, version=1)) == [("ESC101", 17)]
        # the small file did not wait for the big one: its lint gave way
        assert big_uri not in {p.uri for p in recorder(client).published}
        client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(big_uri)))
        huge = tmp_path / "huge.go"  # over max-file-size: not linted, and said so
        huge_uri = open_document(client, huge, text + "// padding\n" * 60_000)
        assert await wait_for(client, huge_uri, version=1) == []
        assert any("larger than max-file-size" in m.message for m in client.log_messages)


def test_goescape_lsp_without_pygls_says_what_to_install() -> None:
    code = ("import sys; sys.modules['pygls'] = None; sys.argv = ['goescape', 'lsp'];"
            "from goescape.linter.cli.main import main; raise SystemExit(main())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr == ("goescape: error: goescape lsp needs the language server's dependencies: "
                           "pip install 'goescape[lsp]'\n")
    assert SERVER[-1] == "lsp"
