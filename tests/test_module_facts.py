"""Module-wide facts: imports resolved to the module's folders, their summaries, and results that follow them."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from verify_helpers import compiler_escape_lines, module

from goescape.linter.model.stdlib import LeakKind
from goescape.linter.modules import facts
from goescape.linter.modules.gomod import context_for
from goescape.linter.modules.imports import file_imports, scan

LIB = '''package lib

import "fmt"

var kept *int

type Buffer struct{ data []byte }

// Keep stores its argument in a package-level variable: it leaks.
func Keep(p *int) { kept = p }

// Show passes its arguments on to fmt.Println, which leaks their content.
func Show(args ...any) { fmt.Println(args...) }

// Same returns its argument: it leaks to the result only.
func Same(p *int) *int { return p }

// Size reads through its argument and keeps nothing.
func Size(b *Buffer) int { return len(b.data) }

// NewBuffer is small enough that Go inlines it: the caller allocates the Buffer.
func NewBuffer() *Buffer { return &Buffer{} }

// Len is a method; its receiver is a Buffer.
func (b *Buffer) Len() int { return len(b.data) }
'''

APP = '''package app

import "example.com/m/lib"

func Remember() {
	x := 1
	lib.Keep(&x)
}

func Print(n int) {
	lib.Show(n)
}

func Fresh() *lib.Buffer {
	return lib.NewBuffer()
}

func Local() int {
	return lib.NewBuffer().Len()
}
'''


@pytest.fixture(autouse=True)
def _fresh_facts() -> None:
    facts.clear()


def _project(tmp_path: Path, lib: str = LIB) -> Path:
    return module(tmp_path / "m", {"lib/lib.go": lib, "app/app.go": APP}, name="example.com/m")


def test_imports_are_read_from_headers() -> None:
    source = b'''// Package p.
package p

import "fmt"
import alias "strings"

import (
	// a comment "not/an/import"
	"example.com/m/lib"
	_ "embed"
	. "math"
)

func f() { _ = "example.com/not/imported" }
'''
    assert file_imports(source) == ["fmt", "strings", "example.com/m/lib", "embed", "math"]


def test_the_package_name_ignores_files_built_only_by_hand(tmp_path: Path) -> None:
    (tmp_path / "a.go").write_text('package lib\n\nimport "fmt"\n')
    (tmp_path / "gen.go").write_text('//go:build ignore\n\npackage main\n\nimport "os"\n')
    (tmp_path / "a_test.go").write_text('package lib_test\n\nimport "testing"\n')
    assert scan(tmp_path) == ("lib", ("fmt",))


def test_imports_resolve_to_the_module_workspace_replacements_and_vendor(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOWORK", raising=False)
    root = module(tmp_path / "main", {"a/a.go": "package a\n", "nested/go.mod": "module example.com/main/nested\n",
                                      "nested/n.go": "package nested\n"}, name="example.com/main")
    (root / "go.mod").write_text("module example.com/main\n\ngo 1.27\n\nreplace example.com/dep => ../dep\n")
    module(tmp_path / "dep", {"d/d.go": "package d\n"}, name="example.com/dep")
    context = context_for(root / "a")
    assert context is not None
    assert context.folder("example.com/main/a") == root / "a"
    assert context.folder("example.com/main/nested") is None  # another module
    assert context.folder("example.com/dep/d") == (tmp_path / "dep" / "d").resolve()
    assert context.folder("fmt") is None and context.folder("example.com/unknown/x") is None

    other = module(tmp_path / "work" / "other", {"o/o.go": "package o\n"}, name="example.com/other")
    user = module(tmp_path / "work" / "user", {"u.go": "package user\n"}, name="example.com/user")
    (tmp_path / "work" / "go.work").write_text("go 1.27\n\nuse (\n\t./other\n\t./user\n)\n")
    workspace = context_for(user)
    assert workspace is not None and workspace.folder("example.com/other/o") == other / "o"

    vendored = module(tmp_path / "v", {"v.go": "package v\n", "vendor/golang.org/x/mod/semver/s.go": "package semver\n",
                                       "vendor/modules.txt": "# golang.org/x/mod v0.1.0\ngolang.org/x/mod/semver\n"},
                      name="example.com/v")
    context = context_for(vendored)
    semver = vendored / "vendor" / "golang.org" / "x" / "mod" / "semver"
    assert context is not None and context.folder("golang.org/x/mod/semver") == semver


def test_summaries_carry_types_and_leaks(tmp_path: Path) -> None:
    root = _project(tmp_path)
    found = facts.facts_for(root / "app")
    assert found is not None
    lib = found.package("example.com/m/lib")
    assert lib is not None and lib.name == "lib"
    keep, show, same, size = (lib.func(n) for n in ("Keep", "Show", "Same", "Size"))
    assert keep is not None and keep.param_leak(0).kind is LeakKind.HEAP  # type: ignore[union-attr]
    assert show is not None and show.param_leak(0).kind is LeakKind.CONTENT  # type: ignore[union-attr]
    assert same is not None and same.param_leak(0).kind is LeakKind.RESULT  # type: ignore[union-attr]
    assert size is not None and size.param_leak(0) is None  # nothing proven: no fact
    assert str(keep.signature) == "func(*int)"
    method = lib.method("Buffer", "Len")
    assert method is not None and method.pointer_receiver
    new = lib.func("NewBuffer")
    assert new is not None and new.inlined is not None
    assert [a.subject for a in new.inlined.allocations] == ["&lib.Buffer{...}"] and new.inlined.static


def test_calls_into_the_module_are_understood_and_the_compiler_agrees(cli, tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = cli("check", "app", "--format", "json", "--no-cache", cwd=root)
    findings = json.loads(result.stdout)["findings"]
    lines = {(f["code"], f["line"]) for f in findings}
    # lib.Keep leaks its parameter (ESC207, x moved to the heap at its declaration), Show boxes
    # its argument (ESC106), NewBuffer is inlined and allocates (ESC206)
    assert {("ESC207", 7), ("ESC106", 11), ("ESC206", 15)} <= lines, findings
    assert not any(f["line"] == 19 for f in findings)  # the Buffer stays in Local's frame
    escapes = {line for path, line in compiler_escape_lines(root) if path.endswith("app.go")}
    for finding in findings:  # on an escape line, or pointing at one (x's declaration)
        assert {finding["line"], *(r["line"] for r in finding["related"])} & escapes, finding


def test_a_package_that_cannot_be_read_gives_no_facts(tmp_path: Path) -> None:
    root = _project(tmp_path, lib="package lib\n\nfunc Keep(p *int {\n")  # a syntax error
    found = facts.facts_for(root / "app")
    assert found is not None
    lib = found.package("example.com/m/lib")
    assert lib is None or lib.func("Keep") is None or lib.func("Keep").param_leak(0) is None  # type: ignore[union-attr]


def test_summaries_are_stored_by_content(cli, tmp_path: Path) -> None:
    root = _project(tmp_path)
    cache = tmp_path / "cache"
    cli("check", "app", "--cache-dir", str(cache), cwd=root)
    stored = [p for p in (cache / "v1" / "facts").rglob("*") if p.is_file() and p.suffix != ".lock"]
    assert len(stored) == 2  # lib's (app imports it), and app's own, left for its importers


def test_a_cached_result_follows_a_change_in_an_imported_package(cli, tmp_path: Path) -> None:
    root = _project(tmp_path)
    cache = tmp_path / "cache"

    def findings() -> set[tuple[str, int]]:
        facts.clear()  # a fresh process each time, as on the command line
        out = cli("check", "app", "--format", "json", "--cache-dir", str(cache), cwd=root).stdout
        return {(f["code"], f["line"]) for f in json.loads(out)["findings"]}

    first = findings()
    assert ("ESC106", 11) in first
    assert findings() == first  # replayed or read from the cache
    lib = root / "lib" / "lib.go"
    lib.write_text(LIB.replace("func Show(args ...any) { fmt.Println(args...) }",
                               "func Show(args ...any) { _ = len(args) }"))
    os.utime(lib, ns=(1, 1))  # an old timestamp: only the content says it changed
    assert ("ESC106", 11) not in findings()


def test_a_replayed_report_follows_a_change_in_an_imported_package(cli, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from goescape.linter.cli import main as cli_module
    from goescape.linter.run import replay

    monkeypatch.setattr(replay, "RACY_NS", 0)  # the files are seconds old (see tests/test_replay.py)
    linted: list[int] = []
    real, packaged = cli_module.run, cli_module.run_packaged

    def counting(*args: object, **kwargs: object) -> object:
        linted.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    def counting_packaged(*args: object, **kwargs: object) -> object:
        done = packaged(*args, **kwargs)  # type: ignore[arg-type]
        if done is not None:  # put together from fragments: a run too (None: `run` is called)
            linted.append(1)
        return done

    monkeypatch.setattr(cli_module, "run", counting)
    monkeypatch.setattr(cli_module, "run_packaged", counting_packaged)
    root = _project(tmp_path)
    first = cli("check", "app", cwd=root).stdout
    assert "ESC106" in first and cli("check", "app", cwd=root).stdout == first
    assert len(linted) == 1  # the second run was replayed
    (root / "lib" / "lib.go").write_text(LIB.replace("fmt.Println(args...)", "_ = len(args)"))
    assert "ESC106" not in cli("check", "app", cwd=root).stdout
    assert len(linted) == 2


def test_a_linted_package_leaves_its_summary_without_its_tests(cli, tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "lib" / "export_test.go").write_text("package lib\n\nfunc Helper(p *int) { kept = p }\n")
    cli("check", ".", "--no-cache", "-j", "1", cwd=root)  # lib is linted before app, which imports it
    found = facts.facts_for(root / "app")
    lib = found.package("example.com/m/lib") if found is not None else None
    assert lib is not None and lib.func("Keep") is not None and lib.func("Helper") is None
