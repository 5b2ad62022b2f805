"""Code actions and hover on a finding: the edits they make, what they say."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED
from lsp_helpers import apply_edits, codes, open_document, replace_all, session, wait_for
from lsprotocol import types as lsp

pytestmark = pytest.mark.asyncio

MAIN = SEED / "examples" / "g" / "main.go"
PLACEHOLDER = "<reason: why this allocation is acceptable>"


def _copy_seed(root: Path) -> Path:
    (root / "go.mod").write_text("module seedex\n\ngo 1.27\n")
    path = root / "main.go"
    path.write_text(MAIN.read_text())
    return path


async def _actions(client, uri: str, diagnostic: lsp.Diagnostic) -> list[lsp.CodeAction]:
    result = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), diagnostic.range, lsp.CodeActionContext([diagnostic])))
    return [a for a in result or [] if isinstance(a, lsp.CodeAction)]


def _edits(action: lsp.CodeAction, uri: str) -> list[lsp.TextEdit]:
    assert action.edit is not None and action.edit.document_changes  # VS Code takes versioned edits
    [change] = action.edit.document_changes
    assert isinstance(change, lsp.TextDocumentEdit) and change.text_document.uri == uri
    return [e for e in change.edits if isinstance(e, lsp.TextEdit)]


async def test_the_quick_fix_inserts_a_directive_whose_reason_must_be_written(tmp_path: Path) -> None:
    path = _copy_seed(tmp_path)
    text = path.read_text()
    async with session() as client:
        uri = open_document(client, path)
        [finding] = await wait_for(client, uri, version=1)
        actions = await _actions(client, uri, finding)
        titles = [a.title for a in actions]
        assert titles == ["Suppress ESC101 on this line (//goescape:ignore, reason to write)",
                          "Suppress ESC101 in this file (//goescape:file-ignore, reason to write)",
                          "Explain ESC101 (address-return)"]
        assert all(a.kind == lsp.CodeActionKind.QuickFix for a in actions)
        line = _edits(actions[0], uri)
        assert line == [lsp.TextEdit(lsp.Range(lsp.Position(16, 0), lsp.Position(16, 0)),
                                     f"\t//goescape:ignore ESC101 {PLACEHOLDER}\n")]
        fixed = apply_edits(text, line)
        assert fixed.split("\n")[16:18] == [f"\t//goescape:ignore ESC101 {PLACEHOLDER}", "\treturn &golang"]
        replace_all(client, uri, fixed, version=2)
        # the placeholder suppresses nothing until it is replaced: ESC001 points at it
        after = await wait_for(client, uri, version=2)
        assert codes(after) == [("ESC001", 17), ("ESC101", 18)]
        assert "placeholder reason" in after[0].message
        replace_all(client, uri, fixed.replace(PLACEHOLDER, "the caller keeps it"), version=3)
        assert await wait_for(client, uri, version=3) == []

        file_wide = apply_edits(text, _edits(actions[1], uri))
        assert file_wide.startswith(f"package main\n\n//goescape:file-ignore ESC101 {PLACEHOLDER}\n\n")
        replace_all(client, uri, file_wide, version=4)
        assert codes(await wait_for(client, uri, version=4)) == [("ESC001", 3), ("ESC101", 19)]
        replace_all(client, uri, file_wide.replace(PLACEHOLDER, "constructors"), version=5)
        assert await wait_for(client, uri, version=5) == []


async def test_an_unused_suppression_can_be_removed(tmp_path: Path) -> None:
    path = _copy_seed(tmp_path)
    text = path.read_text().replace("\treturn python", "\treturn python //goescape:ignore ESC101 not needed")
    async with session() as client:
        uri = open_document(client, path, text)
        diagnostics = await wait_for(client, uri, version=1)
        [unused] = [d for d in diagnostics if d.code == "ESC003"]
        actions = await _actions(client, uri, unused)
        assert [a.title for a in actions] == ["Remove the unused suppression",
                                              "Explain ESC003 (unused-suppression)"]
        assert apply_edits(text, _edits(actions[0], uri)) == path.read_text()


async def test_explain_opens_the_rule_documentation_outside_the_tree(tmp_path: Path) -> None:
    path = _copy_seed(tmp_path)
    cache = tmp_path.parent / f"{tmp_path.name}-cache"
    async with session(env={"GOESCAPE_CACHE_DIR": str(cache)}) as client:
        uri = open_document(client, path)
        [finding] = await wait_for(client, uri, version=1)
        explain = (await _actions(client, uri, finding))[-1]
        assert explain.command is not None
        markdown = await client.workspace_execute_command_async(lsp.ExecuteCommandParams(
            explain.command.command, explain.command.arguments))
        assert markdown.startswith("# ESC101 address-return\n")
        assert "## Use instead" in markdown
        [shown] = client.shown_documents
        page = Path(shown.uri.removeprefix("file://"))
        assert page.parent == cache / "docs" and page.read_text() == markdown
        with pytest.raises(Exception, match="unknown rule"):
            await client.workspace_execute_command_async(lsp.ExecuteCommandParams("goescape.explain", ["ESC999"]))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["go.mod", "main.go"]  # nothing written here


async def test_explain_in_a_client_that_opens_no_documents_says_where_the_documentation_is() -> None:
    async with session(capabilities="emacs") as client:  # eglot: no window/showDocument
        markdown = await client.workspace_execute_command_async(lsp.ExecuteCommandParams(
            "goescape.explain", ["address-return"]))
        assert markdown.startswith("# ESC101 address-return\n")
        assert client.shown_documents == []
        [message] = client.messages
        assert message.message.startswith("ESC101 address-return: the address of a local value, or a slice or map "
                                          "made here, is returned")
        assert "(documentation: " in message.message


async def test_hover_says_what_escapes_why_what_it_costs_and_what_to_write_instead() -> None:
    async with session() as client:
        uri = open_document(client, MAIN)
        [finding] = await wait_for(client, uri, version=1)
        inside = lsp.Position(finding.range.start.line, finding.range.start.character + 2)
        hover = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), inside))
        assert hover is not None and hover.range == finding.range
        assert isinstance(hover.contents, lsp.MarkupContent) and hover.contents.kind == lsp.MarkupKind.Markdown
        text = hover.contents.value
        assert text.startswith("**ESC101** `address-return` · warning\n\ngolang escapes: its address is returned")
        assert "**Why:** The value must outlive the function's stack frame" in text
        # golang, a WhoAreYou (a 16-byte string), moves to the heap where it is declared
        assert "**Cost:** one allocation of a fixed size (16 bytes), once per call; estimated cost 16." in text
        assert "- golang, a g.WhoAreYou, moves to the heap: 16 bytes" in text
        assert "**Instead:**" in text and "return who" in text
        assert "(https://github.com/goescape/goescape/blob/main/docs/rules.md#esc101-address-return)" in text
        elsewhere = lsp.Position(finding.range.start.line - 5, 1)  # `return python`'s function
        assert await client.text_document_hover_async(
            lsp.HoverParams(lsp.TextDocumentIdentifier(uri), elsewhere)) is None
