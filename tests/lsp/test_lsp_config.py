"""Configuration in the editor: read from the workspace's files, again when they change; broken, said once."""
from __future__ import annotations

from pathlib import Path

import pytest
from lsp_helpers import codes, mark, open_document, replace_all, session, wait_for
from lsprotocol import types as lsp

pytestmark = pytest.mark.asyncio

SOURCE = "package p\n\ntype T struct{ n int }\n\nfunc f() *T {\n\tt := T{}\n\treturn &t\n}\n"


def _module(root: Path) -> Path:
    (root / "go.mod").write_text("module p\n\ngo 1.27\n")
    path = root / "p.go"
    path.write_text(SOURCE)
    return path


def _changed(client, path: Path, kind: lsp.FileChangeType = lsp.FileChangeType.Changed) -> None:
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams([lsp.FileEvent(path.as_uri(), kind)]))


async def test_a_configuration_change_relints_the_open_buffers(tmp_path: Path) -> None:
    path = _module(tmp_path)
    config = tmp_path / ".goescape.toml"
    async with session(root=tmp_path) as client:
        uri = open_document(client, path)
        [found] = await wait_for(client, uri, version=1)
        assert found.severity == lsp.DiagnosticSeverity.Warning
        # the server asked to be told when a configuration file changes
        registered = [r for r in client.registrations if r.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES]
        globs = {w["globPattern"] for r in registered for w in r.register_options["watchers"]}
        assert {"**/.goescape.toml", "**/pyproject.toml"} <= globs

        config.write_text('[severity]\nESC101 = "error"\n')
        seen = mark(client)
        _changed(client, config, lsp.FileChangeType.Created)
        [found] = await wait_for(client, uri, after=seen)  # no edit to the buffer
        assert found.severity == lsp.DiagnosticSeverity.Error

        config.write_text('ignore = ["address-return"]\n')
        seen = mark(client)
        client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=None))
        assert await wait_for(client, uri, after=seen) == []

        # a pyproject.toml nearer the file would win; here the .goescape.toml goes and the defaults return
        config.unlink()
        seen = mark(client)
        _changed(client, config, lsp.FileChangeType.Deleted)
        assert codes(await wait_for(client, uri, after=seen)) == [("ESC101", 7)]


async def test_a_broken_configuration_is_said_once_and_the_defaults_serve_meanwhile(tmp_path: Path) -> None:
    path = _module(tmp_path)
    config = tmp_path / ".goescape.toml"
    config.write_text('selct = ["ESC1"]\n')
    async with session(capabilities="neovim@v0.11.0") as client:  # a client that watches no files
        uri = open_document(client, path)
        assert codes(await wait_for(client, uri, version=1)) == [("ESC101", 7)]
        replace_all(client, uri, SOURCE + "\n", version=2)
        await wait_for(client, uri, version=2)
        assert [(m.type, m.message) for m in client.messages] == [
            (lsp.MessageType.Error, f"goescape: {config}: unknown key: selct (did you mean 'select'?); "
                                    "using the default settings until it is fixed")]
        # fixed: the next lint reads it, no file watching needed
        config.write_text('[severity]\n"ESC1" = "note"\n')
        replace_all(client, uri, SOURCE, version=3)
        [found] = await wait_for(client, uri, version=3)
        assert found.severity == lsp.DiagnosticSeverity.Information
        assert len(client.messages) == 1


async def test_pyproject_configuration_and_excluded_files(tmp_path: Path) -> None:
    path = _module(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.goescape]\nexclude = ["p.go"]\n')
    vendored = tmp_path / "vendor" / "x" / "x.go"
    vendored.parent.mkdir(parents=True)
    vendored.write_text(SOURCE)
    async with session() as client:
        assert await wait_for(client, open_document(client, path), version=1) == []
        assert await wait_for(client, open_document(client, vendored), version=1) == []
        logged = "\n".join(m.message for m in client.log_messages)
        assert "excluded by the configuration" in logged and "in vendor/" in logged
