"""verify = "on-save": the compiler after a save, in the background, its findings replacing the rules'."""
from __future__ import annotations

import asyncio
import json
import os
import stat
import time
from pathlib import Path

import pytest
from lsp_helpers import codes, mark, open_document, recorder, replace_all, session, wait_for
from lsprotocol import types as lsp
from verify_helpers import module, require_go

pytestmark = pytest.mark.asyncio

# `return &t` the rules find; the variadic call's implicit slice, which keep keeps, only the
# compiler reports (ESC205)
SOURCE = ("package p\n\ntype T struct{ n int }\n\nfunc f() *T {\n\tt := T{}\n\treturn &t\n}\n\n"
          "var saved []int\n\n//go:noinline\nfunc keep(xs ...int) { saved = xs }\n\nfunc g() { keep(1, 2, 3) }\n")


def _saved(client, uri: str) -> None:
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri)))


async def test_the_compilers_findings_replace_the_rules_after_a_save(tmp_path: Path, cli) -> None:
    require_go()
    root = module(tmp_path / "m", {"p.go": SOURCE, ".goescape.toml": 'verify = "on-save"\n'})
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    async with session(env={"GOESCAPE_CACHE_DIR": str(tmp_path / "cache")}) as client:
        uri = open_document(client, root / "p.go")
        heuristic = await wait_for(client, uri, version=1)
        assert codes(heuristic) == [("ESC101", 7)] and heuristic[0].source == "goescape"
        seen = mark(client)
        _saved(client, uri)
        verified = await wait_for(client, uri, after=seen, where=lambda ds: any(d.source != "goescape" for d in ds))
        # what `goescape check --verify` reports, the variadic slice's escape included
        expected = json.loads(cli("check", "--verify", "--format", "json", "p.go", cwd=root).stdout)
        assert codes(verified) == [(f["code"], f["line"]) for f in expected["findings"]]
        assert ("ESC205", 15) in codes(verified)
        # the editor's notice that the saved file changed on disk keeps them
        client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
            [lsp.FileEvent((root / "p.go").as_uri(), lsp.FileChangeType.Changed)]))
        await asyncio.sleep(1)
        latest = [p for p in recorder(client).published if p.uri == uri][-1]
        assert {d.source for d in latest.diagnostics} == {"goescape (compiler-verified)"}
        assert {d.source for d in verified} == {"goescape (compiler-verified)"}
        hover = await client.text_document_hover_async(lsp.HoverParams(
            lsp.TextDocumentIdentifier(uri), verified[0].range.start))
        assert "**Compiler** (`go build -gcflags=-m=2`)" in hover.contents.value
        assert "moved to heap: t" in hover.contents.value
        # an edit brings the rules back until the next save
        replace_all(client, uri, SOURCE + "\n", version=2)
        assert codes(await wait_for(client, uri, version=2)) == [("ESC101", 7)]
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before  # nothing written to the tree


def _slow_go(folder: Path, go: str) -> Path:
    """A go command that takes 5 s over `go list` (the compile), leaving marks of how far it got."""
    folder.mkdir()
    script = folder / "go"
    script.write_text(f'#!/bin/sh\nif [ "$1" = "list" ]; then\n  touch "{folder}/started"\n  sleep 5\n'
                      f'  touch "{folder}/finished"\nfi\nexec "{go}" "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return folder


@pytest.mark.skipif(os.name != "posix", reason="the stand-in go command is a shell script")
async def test_a_newer_change_cancels_the_compiler(tmp_path: Path) -> None:
    slow = _slow_go(tmp_path / "bin", require_go())
    root = module(tmp_path / "m", {"p.go": SOURCE, ".goescape.toml": 'verify = "on-save"\n'})
    env = {"PATH": f"{slow}{os.pathsep}{os.environ.get('PATH', '')}", "GOESCAPE_CACHE_DIR": str(tmp_path / "cache")}
    async with session(env=env) as client:
        uri = open_document(client, root / "p.go")
        await wait_for(client, uri, version=1)
        _saved(client, uri)
        deadline = time.monotonic() + 30
        while not (slow / "started").exists():
            assert time.monotonic() < deadline, "the compiler never started"
            await asyncio.sleep(0.05)
        replace_all(client, uri, SOURCE.replace("return &t", "return nil"), version=2)
        assert await wait_for(client, uri, version=2) == []
        await asyncio.sleep(6)  # past the time the compiler would have taken
        # it was killed, not left to finish; and the edit was not held up until it finished
        assert not (slow / "finished").exists()
        late = [p for p in recorder(client).published if any(d.source != "goescape" for d in p.diagnostics)]
        assert late == []  # and nothing it said was published
