"""`goescape check --verify`: findings confirmed or refuted by the compiler, its escapes added."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, SEED
from verify_helpers import compiler_escape_lines, copy_tree, finding_lines, module, report, require_go

from goescape.linter.gc.inlined import HostFinder

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("goescape-cache")
    monkeypatch.setenv("GOESCAPE_CACHE_DIR", str(folder))
    return folder


def _covered(finding: dict, lines: set[tuple[str, int]], root: Path = FIXTURES) -> bool:
    """On a compiler line: its own, a related location's, or (inside a func literal the compiler
    inlined) the line of the call that inlined it."""
    places = [(finding["path"], finding["line"], finding["column"]),
              *((r["path"], r["line"], r["column"]) for r in finding["related"])]
    if any((path, line) in lines for path, line, _ in places):
        return True
    return any((path, host.line) in lines for path, line, column in places
               for host in _HOSTS.at(str(root / path), line, column))


_HOSTS = HostFinder()


def _assert_agrees(document: dict, lines: set[tuple[str, int]], root: Path) -> None:
    """Every reported finding is confirmed and sits on a compiler line; every compiler line is
    covered; no refuted finding touches one."""
    findings = [f for f in document["findings"] if not f["code"].startswith("ESC0")]
    assert findings
    assert [f for f in findings if f.get("verified") is not True] == []
    assert [f for f in findings if not _covered(f, lines, root)] == []
    assert sorted(lines - finding_lines(document)) == []
    assert [f for f in document.get("refuted", []) if _covered(f, lines, root)] == []


def test_seed_examples_report_exactly_the_compilers_escapes(cli, tmp_path):
    require_go()
    if not (SEED / "examples").is_dir():
        pytest.skip(f"the seed examples are not at {SEED / 'examples'}")
    seed = copy_tree(SEED / "examples", tmp_path / "seed")
    status, document = report(cli, ".", "--show-refuted", cwd=seed)
    assert status == 1
    _assert_agrees(document, compiler_escape_lines(seed), seed)
    moved = [f for f in document["findings"] if any(c["message"].startswith("moved to heap")
                                                    for c in f["compiler"])]
    assert moved and all(c.get("flows") for f in moved for c in f["compiler"])


def test_fixtures_heuristic_findings_are_confirmed_or_refuted(cli):
    require_go()
    heuristic = json.loads(cli("check", ".", "--format", "json", "-q", cwd=FIXTURES).stdout)
    _status, document = report(cli, ".", "--show-refuted", cwd=FIXTURES)
    lines = compiler_escape_lines(FIXTURES)
    _assert_agrees(document, lines, FIXTURES)
    wrong = {(f["path"], f["line"], f["code"]) for f in heuristic["findings"]
             if not f["code"].startswith("ESC0") and not _covered(f, lines)}
    assert {(f["path"], f["line"], f["code"]) for f in document["refuted"]} == wrong
    assert document["summary"]["refuted"] == len(document["refuted"])


def test_test_files_are_compiled_with_their_package(cli, tmp_path):
    require_go()
    root = module(tmp_path / "m", {
        "p/p.go": "package p\n\nfunc Sum(xs []int) int {\n\ttotal := 0\n\tfor _, x := range xs {\n"
                  "\t\ttotal += x\n\t}\n\treturn total\n}\n",
        "p/p_test.go": "package p\n\nimport \"testing\"\n\nvar keep *int\n\n"
                       "func TestSum(t *testing.T) {\n\tn := Sum([]int{1, 2})\n\tkeep = &n\n}\n",
        "p/x_test.go": "package p_test\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {\n"
                       "\tt.Log(\"x\", 42)\n}\n",
    })
    _status, document = report(cli, "p", cwd=root)
    _assert_agrees(document, compiler_escape_lines(root, "./p", tests=True), root)
    paths = {f["path"] for f in document["findings"]}
    assert paths == {"p/p_test.go", "p/x_test.go"}


BROKEN = {
    "good/good.go": "package good\n\nfunc New() *int {\n\tn := 1\n\treturn &n\n}\n",
    "bad/bad.go": "package bad\n\nfunc New() *int {\n\tn := missing\n\treturn &n\n}\n",
}


def test_a_package_that_does_not_build_keeps_its_heuristic_findings(cli, tmp_path):
    require_go()
    root = module(tmp_path / "m", BROKEN)
    status, document = report(cli, ".", cwd=root)
    assert status == 1
    by_path = {f["path"]: f for f in document["findings"]}
    assert by_path["good/good.go"]["verified"] is True
    assert "verified" not in by_path["bad/bad.go"]
    [notice] = [n for n in document["notices"] if n["kind"] == "verify"]
    assert notice["message"].startswith("x/bad: not verified")
    assert "undefined: missing" in notice["message"]
    assert (notice["path"], notice["line"]) == ("bad/bad.go", 4)


def test_a_workspace_is_built_once(cli, tmp_path, monkeypatch):
    require_go()
    from goescape.linter.gc import build as gc

    calls: list[str] = []
    real = gc.escape_diagnostics

    def counting(go, packages, *, cwd, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(str(cwd))
        return real(go, packages, cwd=cwd, **kwargs)

    monkeypatch.setattr(gc, "escape_diagnostics", counting)
    (tmp_path / "go.work").write_text("go 1.27\n\nuse (\n\t./app\n\t./lib\n)\n")
    module(tmp_path / "lib", {"lib.go": "package lib\n\nvar kept []*int\n\n//go:noinline\n"
                                        "func Keep(p *int) { kept = append(kept, p) }\n"},
           name="example.com/lib")
    module(tmp_path / "app", {"main.go": "package main\n\nimport \"example.com/lib\"\n\n"
                                         "func main() {\n\tn := 1\n\tlib.Keep(&n)\n}\n"},
           name="example.com/app")
    _status, document = report(cli, "app", "lib", cwd=tmp_path)
    assert calls == [str(tmp_path.resolve())]
    lines = compiler_escape_lines(tmp_path / "app") | {
        ("../lib/" + path, line) for path, line in compiler_escape_lines(tmp_path / "lib")}
    _assert_agrees(document, {(p.replace("../lib/", "lib/") if p.startswith("../") else "app/" + p, n)
                              for p, n in lines}, tmp_path)
    [moved] = [f for f in document["findings"] if f["path"] == "app/main.go"]
    # found from lib's summary (module facts) and confirmed by the compiler
    assert moved["code"] == "ESC207" and moved["verified"] is True
    assert "passed to Keep, which leaks it" in moved["message"]


def test_text_output_explains_each_finding(cli, tmp_path):
    require_go()
    source = ("package p\n\nvar sink []*int\n\n//go:noinline\nfunc keep(p *int) { sink = append(sink, p) }"
              "\n\nfunc f() {\n\tn := 1\n\tkeep(&n)\n}\n")
    root = module(tmp_path / "m", {"p.go": source})
    lines = cli("check", "--verify", ".", cwd=root).stdout.splitlines()
    lines = lines[lines.index(next(line for line in lines if line.startswith("p.go:10:"))):]
    assert lines[0] == ("p.go:10:7: ESC207 [warning] n escapes: its address is passed to keep, which "
                        "leaks it, so it is moved to the heap")
    assert lines[1:5] == ["    compiler: p.go:9:2: moved to heap: n",
                          "      flow: {heap} ← &n",
                          "        p.go:10:7: &n (address-of)",
                          "        p.go:10:6: keep(&n) (call parameter)"]


def test_verify_config_key(cli, tmp_path):
    require_go()
    root = module(tmp_path / "m", {"p.go": "package p\n\nfunc f() *int {\n\tn := 1\n\treturn &n\n}\n"})
    (root / ".goescape.toml").write_text("verify = true\n")
    document = json.loads(cli("check", ".", "--format", "json", cwd=root).stdout)
    assert document["findings"][0]["verified"] is True
    (root / ".goescape.toml").write_text('verify = "always"\n')
    result = cli("check", ".", cwd=root)
    assert result.status == 2
    assert '.goescape.toml: expected true, false, "auto" or "on-save": verify = \'always\'' in result.stderr
    # "on-save" is the editor's setting: `goescape check` runs the rules alone
    (root / ".goescape.toml").write_text('verify = "on-save"\n')
    document = json.loads(cli("check", ".", "--format", "json", cwd=root).stdout)
    assert [f.get("verified") for f in document["findings"]] == [None]


def test_compiler_findings_are_suppressible(cli, tmp_path):
    require_go()
    # The closure is found by ESC201's check (its finding covers `moved to heap: n` too); the
    # implicit slice of a variadic call that keepAll keeps only by the compiler (ESC205).
    source = ("package p\n\nvar kept []*int\n\n//go:noinline\nfunc keep(p *int) { kept = append(kept, p) } "
              "//goescape:ignore ESC107 kept on purpose\n\n"
              "func counter() func() int {\n\tn := 0\n"
              "\t//goescape:ignore closure-capture one closure per counter\n\treturn func() int {\n"
              "\t\tn++\n\t\treturn n\n\t}\n}\n\n"
              "var all []int\n\n//go:noinline\nfunc keepAll(xs ...int) { all = xs }\n\n"
              "func remember() {\n\tkeepAll(1, 2) //goescape:ignore compiler-escape kept on purpose\n}\n")
    root = module(tmp_path / "m", {"p.go": source})
    verified = json.loads(cli("check", "--verify", ".", "--format", "json", "--include-suppressed",
                              cwd=root).stdout)
    suppressed = [f for f in verified["findings"] if f["suppressed"]]
    assert [f["code"] for f in suppressed] == ["ESC107", "ESC201", "ESC205"]
    assert [f for f in verified["findings"] if not f["suppressed"]] == []
    heuristic = json.loads(cli("check", ".", "--format", "json", cwd=root).stdout)
    assert [f["code"] for f in heuristic["findings"]] == []  # ESC003 stays silent without --verify


def test_files_outside_any_module_are_compiled_in_gopath_mode(cli, tmp_path):
    require_go()
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "p.go").write_text("package p\n\nimport \"fmt\"\n\nfunc F(n int) *int {\n"
                                "\tfmt.Println(n)\n\treturn &n\n}\n")
    status, document = report(cli, ".", cwd=loose)
    assert status == 1 and document["notices"] == []
    assert {(f["line"], f["verified"]) for f in document["findings"]} == {(6, True), (7, True)}
