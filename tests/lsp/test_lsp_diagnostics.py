"""Diagnostics as the editor sees them: on open, change, save and close, from the buffer, not the disk."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED
from lsp_helpers import codes, insert, mark, open_document, replace_all, session, wait_for
from lsprotocol import types as lsp

pytestmark = pytest.mark.asyncio

MAIN = SEED / "examples" / "g" / "main.go"


async def test_the_seed_main_flags_the_address_return_with_its_declaration() -> None:
    before = {p: p.stat().st_mtime_ns for p in MAIN.parent.parent.rglob("*")}
    async with session() as client:
        uri = open_document(client, MAIN)
        diagnostics = await wait_for(client, uri, version=1)
        lines = MAIN.read_text().split("\n")
        assert codes(diagnostics) == [("ESC101", lines.index("\treturn &golang") + 1)]  # not `return python`
        found = diagnostics[0]
        assert (found.range.start.character, found.range.end.character) == (8, 15)  # `&golang`
        assert found.message == "golang escapes: its address is returned, so it is moved to the heap"
        assert found.severity == lsp.DiagnosticSeverity.Warning
        assert found.source == "goescape"
        assert found.tags is None
        assert found.code_description is not None
        assert found.code_description.href.endswith("docs/rules.md#esc101-address-return")
        related = found.related_information or []
        assert len(related) == 1
        assert related[0].location.uri == uri
        declaration = lines.index('\tgolang := WhoAreYou{Name: "golang"}')
        assert related[0].location.range == lsp.Range(lsp.Position(declaration, 1), lsp.Position(declaration, 7))
        assert related[0].message == "golang is declared here; the compiler moves it to the heap"
    assert {p: p.stat().st_mtime_ns for p in MAIN.parent.parent.rglob("*")} == before  # nothing written


def _emoji_module(root: Path) -> Path:
    (root / "go.mod").write_text("module emoji\n\ngo 1.27\n")
    path = root / "e.go"
    path.write_text('package emoji\n\ntype T struct{ s string }\n\n'
                    'func f() *T {\n\tt := T{s: "🚀 naïve"}; return &t\n}\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("capabilities, encoding", [
    ("visual-studio-code", "utf-16-le"),  # offers no other: LSP's default
    ("neovim@v0.11.0", "utf-8"),  # offers utf-8 first
    ("emacs", "utf-32-le"),  # eglot offers utf-32 (code points) first
])
async def test_columns_are_counted_in_the_encoding_agreed_with_the_client(tmp_path: Path, capabilities: str,
                                                                         encoding: str) -> None:
    path = _emoji_module(tmp_path)
    line = path.read_text(encoding="utf-8").split("\n")[5]
    prefix = line[: line.index("&t")]
    expected = len(prefix.encode(encoding)) // {"utf-16-le": 2, "utf-8": 1, "utf-32-le": 4}[encoding]
    # the emoji and the ï make the units differ from code points, except in UTF-32
    assert (expected != len(prefix)) == (encoding != "utf-32-le")
    async with session(capabilities=capabilities) as client:
        uri = open_document(client, path)
        [found] = await wait_for(client, uri, version=1)
        assert found.range.start == lsp.Position(5, expected)
        assert found.range.end == lsp.Position(5, expected + 2)


async def test_a_change_is_linted_from_the_buffer_and_close_clears(tmp_path: Path) -> None:
    path = _emoji_module(tmp_path)
    text = path.read_text(encoding="utf-8")
    async with session() as client:
        uri = open_document(client, path)
        assert codes(await wait_for(client, uri, version=1)) == [("ESC101", 6)]
        replace_all(client, uri, text.replace("return &t", "return nil"), version=2)
        assert await wait_for(client, uri, version=2) == []
        assert path.read_text(encoding="utf-8") == text  # the buffer was linted, the file left alone
        replace_all(client, uri, text, version=3)
        assert codes(await wait_for(client, uri, version=3)) == [("ESC101", 6)]
        seen = mark(client)
        client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
        assert await wait_for(client, uri, after=seen) == []


async def test_a_syntax_error_mid_typing_keeps_the_findings_where_the_tree_is_sound() -> None:
    async with session() as client:
        uri = open_document(client, MAIN)
        await wait_for(client, uri, version=1)
        lines = MAIN.read_text().split("\n")
        row = lines.index("func main() {") + 1
        insert(client, uri, row, 0, "\tx := WhoAreYou{Name: \n", version=2)  # half typed
        diagnostics = await wait_for(client, uri, version=2)
        assert codes(diagnostics) == [("ESC101", lines.index("\treturn &golang") + 1)]
        logged = [m.message for m in client.log_messages]
        assert any("syntax error" in m for m in logged), logged


async def test_an_open_sibling_buffer_wins_over_its_file(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("module sib\n\ngo 1.27\n")
    a = tmp_path / "a.go"
    a.write_text("package sib\n\nfunc use() int {\n\tn := 1\n\thook(&n)\n\treturn n\n}\n")
    b = tmp_path / "b.go"
    b.write_text("package sib\n\nfunc hook(p *int) {}\n")  # a function: the call is direct
    async with session() as client:
        uri_a = open_document(client, a)
        assert await wait_for(client, uri_a, version=1) == []
        seen = mark(client)
        uri_b = open_document(client, b, "package sib\n\nvar hook func(*int)\n")  # unsaved: a func value
        assert codes(await wait_for(client, uri_a, after=seen, where=bool)) == [("ESC104", 5)]
        seen = mark(client)
        client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri_b)))
        assert await wait_for(client, uri_a, after=seen) == []  # the file on disk counts again


async def test_suppressed_findings_are_not_shown_and_a_typed_suppression_clears(tmp_path: Path) -> None:
    path = tmp_path / "main.go"
    path.write_text(MAIN.read_text())
    (tmp_path / "go.mod").write_text("module seedex\n\ngo 1.27\n")
    lines = path.read_text().split("\n")
    row = lines.index("\treturn &golang")
    async with session() as client:
        uri = open_document(client, path)
        assert codes(await wait_for(client, uri, version=1)) == [("ESC101", row + 1)]
        # typed on a new line above, a few characters at a time: the partial directives are
        # findings of their own (no rule, no reason) until the line is complete
        insert(client, uri, row, 0, "\n", version=2)
        directive = "\t//goescape:ignore ESC101 one allocation per call is fine here"
        version = 2
        for start in range(0, len(directive), 7):
            version += 1
            insert(client, uri, row, start, directive[start:start + 7], version)
        assert await wait_for(client, uri, version=version) == []


async def test_configured_severity_reaches_the_editor(tmp_path: Path) -> None:
    path = _emoji_module(tmp_path)
    (tmp_path / ".goescape.toml").write_text('[severity]\nESC101 = "note"\n')
    async with session() as client:
        [found] = await wait_for(client, open_document(client, path), version=1)
        assert found.severity == lsp.DiagnosticSeverity.Information


async def test_a_sibling_changed_on_disk_relints_the_open_files_of_its_package(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("module sib\n\ngo 1.27\n")
    a = tmp_path / "a.go"
    a.write_text("package sib\n\nfunc use() int {\n\tn := 1\n\thook(&n)\n\treturn n\n}\n")
    b = tmp_path / "b.go"
    b.write_text("package sib\n\nfunc hook(p *int) {}\n")
    async with session() as client:
        uri = open_document(client, a)
        assert await wait_for(client, uri, version=1) == []
        b.write_text("package sib\n\nvar hook func(*int)\n")  # a checkout, another editor
        seen = mark(client)
        client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
            [lsp.FileEvent(b.as_uri(), lsp.FileChangeType.Changed)]))
        assert codes(await wait_for(client, uri, after=seen)) == [("ESC104", 5)]
