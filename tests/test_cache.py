"""The result cache: hits, every kind of invalidation, corrupt entries, concurrency and its size bound."""
from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tree_sitter import Node

from goescape.linter import model
from goescape.linter.config.discover import discover
from goescape.linter.config.file import Config
from goescape.linter.config.policy import Policy
from goescape.linter.engine import lint as engine
from goescape.linter.engine.diagnostics import uri_for
from goescape.linter.findings import Finding, Severity
from goescape.linter.registry.registry import build_registry
from goescape.linter.report import render
from goescape.linter.report.options import ReportOptions
from goescape.linter.rule.context import Context
from goescape.linter.rule.definition import Rule
from goescape.linter.rule.meta import Precision, RuleMeta
from goescape.linter.run import cachekey, runner
from goescape.linter.run.cache import ResultCache
from goescape.linter.run.codec import decode, encode
from goescape.linter.syntax import parsing

A_GO = "package p\n\nfunc f() *T {\n\tt := T{}\n\treturn &t\n}\n\nfunc g() { _ = target }\n"
B_GO = "package p\n\ntype T struct{ x int }\n\nvar target int\n"


def _kind_check(node: Node, ctx: Context) -> Iterator[Finding]:
    """Reports what the identifier `target` is, which only the sibling file declares: its
    result depends on the package, not on the file alone."""
    if node.text == b"target":
        symbol = ctx.model.resolve(node)
        kind = symbol.kind.name.lower() if symbol is not None else "undeclared"
        yield ctx.finding(KIND_META, node, f"target is {kind}")


KIND_META = RuleMeta("TST901", "target-kind", "what target is", Severity.WARNING, Precision.HIGH,
                     node_types=("identifier",))


def _policy(root: Path, *, severity: dict[str, Severity] | None = None, extra: Rule | None = None,
            cold: Severity = Severity.NOTE) -> Policy:
    registry = build_registry(plugins=False)
    registry.rules["TST901"] = Rule(KIND_META, "", _kind_check, "tests/test_cache.py")
    if extra is not None:
        registry.rules[extra.code] = extra
    config = Config(root=root, select=("ESC101", "ESC0", "TST901", *([extra.code] if extra else [])),
                    severity=severity or {}, cold_severity=cold)
    return Policy.build(config, registry)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    (work / "p").mkdir(parents=True)
    (work / "p" / "a.go").write_text(A_GO)
    (work / "p" / "b.go").write_text(B_GO)
    return work


class Counter:
    """Counts the files parsed (by the engine or by the model loading siblings)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parsed = 0
        real = parsing.parse

        def counting(data: bytes):  # type: ignore[no-untyped-def]
            self.parsed += 1
            return real(data)

        monkeypatch.setattr(engine, "parse", counting)
        monkeypatch.setattr(model.loader, "parse", counting)


def _lint(project: Path, cache: ResultCache | None, policy: Policy | None = None) -> str:
    policy = policy or _policy(project)
    result = runner.run([str(project)], policy, project, cache=cache)
    return render("json", result, policy, ReportOptions(include_suppressed=True))


def _messages(report: str) -> list[str]:
    return [f"{f['path'].rsplit('/', 1)[-1]}:{f['line']} {f['message']}" for f in json.loads(report)["findings"]]


def test_warm_run_parses_nothing_and_reports_the_same(project, tmp_path, monkeypatch):
    cache = ResultCache(tmp_path / "cache")
    cold = _lint(project, cache)
    counter = Counter(monkeypatch)
    warm = _lint(project, ResultCache(tmp_path / "cache"))
    assert counter.parsed == 0
    assert warm == cold
    assert "b.go:5 target is package_var (on a cold path: a package-level initializer, which runs once)" \
        in _messages(cold)


def test_warm_run_without_the_manifest_uses_the_shared_entries(project, tmp_path, monkeypatch):
    cache = ResultCache(tmp_path / "cache")
    cold = _lint(project, cache)
    for manifest in (tmp_path / "cache" / "v1" / "manifests").iterdir():
        manifest.unlink()
    counter = Counter(monkeypatch)
    assert _lint(project, ResultCache(tmp_path / "cache")) == cold
    assert counter.parsed == 0


def test_changing_the_file_relints_it(project, tmp_path, monkeypatch):
    _lint(project, ResultCache(tmp_path / "cache"))
    (project / "p" / "a.go").write_text(A_GO.replace("_ = target", "_ = target + 1"))
    counter = Counter(monkeypatch)
    report = _lint(project, ResultCache(tmp_path / "cache"))
    assert counter.parsed >= 1
    assert report == _lint(project, None)


def test_changing_a_sibling_relints_the_package(project, tmp_path):
    cache_dir = tmp_path / "cache"
    assert "a.go:8 target is package_var" in _messages(_lint(project, ResultCache(cache_dir)))
    (project / "p" / "b.go").write_text(B_GO.replace("var target int", "func target() {}"))
    os.utime(project / "p" / "b.go", ns=(1, 1))  # an old mtime: only the content tells
    messages = _messages(_lint(project, ResultCache(cache_dir)))
    assert "a.go:8 target is func" in messages and "a.go:8 target is package_var" not in messages


def test_a_new_sibling_relints_the_package(project, tmp_path):
    cache_dir = tmp_path / "cache"
    (project / "p" / "b.go").write_text("package p\n\ntype T struct{ x int }\n")
    assert "a.go:8 target is undeclared" in _messages(_lint(project, ResultCache(cache_dir)))
    (project / "p" / "c.go").write_text("package p\n\nconst target = 1\n")
    assert "a.go:8 target is const" in _messages(_lint(project, ResultCache(cache_dir)))


def test_changing_the_configuration_relints(project, tmp_path):
    cache_dir = tmp_path / "cache"
    _lint(project, ResultCache(cache_dir))
    policy = _policy(project, severity={"ESC101": Severity.ERROR})
    report = json.loads(_lint(project, ResultCache(cache_dir), policy))
    assert {f["severity"] for f in report["findings"] if f["code"] == "ESC101"} == {"error"}


@pytest.mark.parametrize("changed", [{"cold": Severity.WARNING}, {"severity": {"TST901": Severity.WARNING}}],
                         ids=["cold-severity", "the same severity set explicitly"])
def test_changing_how_cold_findings_are_lowered_relints(project, tmp_path, changed):
    """TST901's finding in b.go sits in a package-level initializer: a cold note by default; a
    warning when cold findings stay warnings, or when the rule's severity is set (even to its
    default level: an explicit severity is never lowered)."""
    cache_dir = tmp_path / "cache"
    def b_go(report: str) -> dict[str, str]:
        return next(f for f in json.loads(report)["findings"] if f["path"].endswith("b.go"))

    assert b_go(_lint(project, ResultCache(cache_dir)))["severity"] == "note"
    again = b_go(_lint(project, ResultCache(cache_dir), _policy(project, **changed)))
    assert (again["severity"], again["message"]) == ("warning", "target is package_var")


def test_changing_the_rule_set_relints(project, tmp_path):
    cache_dir = tmp_path / "cache"
    _lint(project, ResultCache(cache_dir))

    def shout(node: Node, ctx: Context) -> Iterator[Finding]:
        yield ctx.finding(extra.meta, node, "a return")

    extra = Rule(RuleMeta("TST902", "returns", "returns", Severity.NOTE, Precision.HIGH,
                          node_types=("return_statement",)), "", shout, "tests/test_cache.py")
    report = _lint(project, ResultCache(cache_dir), _policy(project, extra=extra))
    assert "a.go:5 a return" in _messages(report)


def test_a_new_tool_version_relints(project, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    _lint(project, ResultCache(cache_dir))
    monkeypatch.setattr(cachekey, "__version__", "999.0")
    counter = Counter(monkeypatch)
    _lint(project, ResultCache(cache_dir))
    assert counter.parsed > 0


def test_changed_engine_code_relints(project, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    _lint(project, ResultCache(cache_dir))
    monkeypatch.setattr(cachekey, "_code_digest", lambda: "another build")
    counter = Counter(monkeypatch)
    _lint(project, ResultCache(cache_dir))
    assert counter.parsed > 0


def test_a_corrupt_entry_is_ignored_and_rewritten(project, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    cold = _lint(project, ResultCache(cache_dir))
    for manifest in (cache_dir / "v1" / "manifests").iterdir():
        manifest.write_bytes(manifest.read_bytes()[:-10])  # truncated
    entries = sorted((cache_dir / "v1" / "results").rglob("*"))
    entries = [e for e in entries if e.is_file()]
    for entry in entries:
        data = bytearray(entry.read_bytes())
        data[-3] ^= 0x20  # one flipped bit: still valid JSON, perhaps, but not what was written
        entry.write_bytes(bytes(data))
    cache = ResultCache(cache_dir)
    counter = Counter(monkeypatch)
    assert _lint(project, cache) == cold
    assert counter.parsed > 0 and cache.corrupt >= len(entries)
    counter.parsed = 0
    assert _lint(project, ResultCache(cache_dir)) == cold
    assert counter.parsed == 0  # rewritten


@pytest.mark.parametrize("fill", [True, False], ids=["filled", "constructed"])
def test_the_codec_round_trips_every_field(project, monkeypatch, fill):
    from goescape.linter.run import codec

    monkeypatch.setattr(codec, "_FILL", fill and codec._FILL)
    policy = _policy(project)
    (project / "p" / "c.go").write_text(
        "package p\n\nfunc h() *T { t := T{}; return &t } //goescape:ignore ESC101 on purpose\n"
        "//goescape:ignore ESC101\nfunc broken( {\n")
    (project / "p" / "d.go").write_bytes(b"package p\n\nvar s = \"\xff\"\n")
    targets = {t.path: t for t in discover([str(project / "p")], policy.excluded).targets}
    results = engine.lint_directory(list(targets.values()), policy, project)
    assert sum(len(r.notices) for r in results) >= 2 and any(d.suppressed for r in results for d in r.diagnostics)
    for result in results:
        target = targets[result.path]
        sent = json.loads(json.dumps(encode(result)))
        assert decode(sent, target.path, target.display, uri_for(target.path, project)) == result


def _write_entries(root: str, start: int) -> None:
    cache = ResultCache(Path(root))
    for i in range(200):
        cache.put(f"{i % 20:064x}", {"writer": start, "i": i})


def test_concurrent_writers_never_leave_half_an_entry(tmp_path):
    cache = ResultCache(tmp_path / "cache")
    cache.prepare()
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    writers = [context.Process(target=_write_entries, args=(str(tmp_path / "cache"), n)) for n in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
    assert all(w.exitcode == 0 for w in writers)
    for i in range(20):
        value = cache.get(f"{i:064x}")
        assert value is not None and value["writer"] in range(4)
    leftovers = [p for p in (tmp_path / "cache").rglob(".tmp-*")]
    assert leftovers == [] and cache.corrupt == 0


def test_the_cache_stays_under_its_bound(tmp_path):
    cache = ResultCache(tmp_path / "cache", max_bytes=20_000)
    cache.prepare()
    for i in range(100):
        cache.put(f"{i:064x}", {"payload": "x" * 500})
        if i % 10 == 9:
            cache.prune()
    files = [p for p in (tmp_path / "cache" / "v1" / "results").rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) <= 20_000
    assert cache.get(f"{99:064x}") is not None  # the most recent survive
    assert cache.get(f"{0:064x}") is None


def test_no_cache_for_stages_without_a_key(project, tmp_path):
    class Stage:
        def process(self, file, tree, model, findings):  # type: ignore[no-untyped-def]
            return findings

    policy = _policy(project)
    runner.run([str(project)], policy, project, [Stage()], cache=ResultCache(tmp_path / "cache"))
    assert not (tmp_path / "cache" / "v1" / "results").exists() or not any(
        (tmp_path / "cache" / "v1" / "results").rglob("*"))


def test_a_changed_module_path_relints(project, tmp_path, monkeypatch):
    """The import path qualifies the package's types; it comes from the nearest go.mod."""
    (project / "go.mod").write_text("module example.com/one\n\ngo 1.27\n")
    cache_dir = tmp_path / "cache"
    _lint(project, ResultCache(cache_dir))
    counter = Counter(monkeypatch)
    _lint(project, ResultCache(cache_dir))
    assert counter.parsed == 0
    (project / "go.mod").write_text("module example.com/two\n\ngo 1.27\n")
    _lint(project, ResultCache(cache_dir))
    assert counter.parsed > 0


def test_the_codec_keeps_properties_and_odd_snippets(project):
    """Properties (--verify's verdicts) and a location whose snippet is not its line's text."""
    from dataclasses import replace
    from types import MappingProxyType

    policy = _policy(project)
    target = discover([str(project / "p" / "a.go")], policy.excluded).targets[0]
    [result] = engine.lint_directory([target], policy, project)
    first = result.diagnostics[0]
    odd = replace(first, properties=MappingProxyType({"verified": True, "compiler": ["moved to heap: t"]}),
                  location=replace(first.location, snippet="not the line"))
    result.refuted = [odd]
    sent = json.loads(json.dumps(encode(result)))
    again = decode(sent, target.path, target.display, uri_for(target.path, project))
    assert again == result and dict(again.refuted[0].properties) == {"verified": True,
                                                                       "compiler": ["moved to heap: t"]}
