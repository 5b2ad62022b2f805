"""The compiler-verified catch-all rules (ESC2xx) and the classification of compiler escapes."""
from __future__ import annotations

import json
import re
import types
from pathlib import Path

import pytest
from verify_helpers import module, require_go

from goescape.linter.config.policy import Policy
from goescape.linter.findings import Severity
from goescape.linter.registry.registry import Registry, RegistryError, build_registry, rule_from_module
from goescape.linter.rule.meta import Precision, RuleMeta

REGISTRY = build_registry(plugins=False)
VERIFY_ONLY = [r for r in REGISTRY.sorted() if r.verify_only]
# The rules the verify stage classifies escapes outside the seed's taxonomy into: with a check of
# their own (reported without --verify too) or verify-only.
CATCH_ALL = [r for r in REGISTRY.sorted() if r.code.startswith("ESC2")]
_GO_BLOCK = re.compile(r"```go\n(.*?)```", re.DOTALL)


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOESCAPE_CACHE_DIR", str(tmp_path_factory.mktemp("goescape-cache")))


def _verified_codes(cli, tmp_path: Path, source: str, *flags: str) -> list[tuple[str, int, str]]:
    source = source if source.lstrip().startswith("package") else "package example\n\n" + source
    root = module(tmp_path / "m", {"example.go": source})
    result = cli("check", "--verify", ".", "--format", "json", "-q", *flags, cwd=root)
    return [(f["code"], f["line"], f["message"]) for f in json.loads(result.stdout)["findings"]]


def test_the_catch_all_rules_are_registered():
    assert [r.code for r in CATCH_ALL] == ["ESC201", "ESC202", "ESC203", "ESC204", "ESC205", "ESC206", "ESC207"]
    assert all(r.check is None and not r.meta.node_types for r in VERIFY_ONLY)
    assert "ESC205" in [r.code for r in VERIFY_ONLY]  # the rest of the compiler's escapes


@pytest.mark.parametrize("rule", CATCH_ALL, ids=lambda r: r.code)
def test_example_is_reported_under_verify_and_use_instead_is_not(cli, tmp_path, rule):
    require_go()
    assert "Go 1.27" in rule.section("Compiler")
    example = "\n".join(_GO_BLOCK.findall(rule.section("Example")))
    codes = [code for code, _, _ in _verified_codes(cli, tmp_path / "example", example)]
    assert rule.code in codes
    instead = "\n".join(_GO_BLOCK.findall(rule.section("Use instead")))
    assert rule.code not in [c for c, _, _ in _verified_codes(cli, tmp_path / "instead", instead)]


def test_heuristic_mode_never_reports_them_nor_their_suppressions(cli, tmp_path):
    root = module(tmp_path / "m", {"p.go": "package p\n\nfunc f() int {\n\tx := 1 //goescape:ignore "
                                           "ESC205 kept\n\treturn x\n}\n"})
    policy = Policy.build(__import__("goescape.linter.config.file", fromlist=["Config"]).Config(), REGISTRY)
    assert not any(policy.enabled(r.code) for r in VERIFY_ONLY)
    assert json.loads(cli("check", ".", "--format", "json", cwd=root).stdout)["findings"] == []


def _meta(code: str) -> RuleMeta:
    return RuleMeta(code=code, name="demo-rule", summary="s", severity=Severity.NOTE,
                    precision=Precision.HIGH)


DOC = ("Demo.\n\n## What it does\nx\n\n## Why is this bad?\nx\n\n## Example\nx\n\n## Use instead\nx\n\n"
       "## Compiler\nGo 1.27\n")


@pytest.mark.parametrize("attributes, problem", [
    ({"META": _meta("DEMO001"), "check": lambda node, ctx: iter(())}, "needs META and no check"),
    ({"META": RuleMeta(code="DEMO001", name="demo-rule", summary="s", severity=Severity.NOTE,
                       precision=Precision.HIGH, node_types=("call_expression",))},
     "META.node_types must be empty"),
    ({"META": _meta("ESC099")}, "reserved for goescape itself"),
])
def test_a_broken_verify_only_rule_is_refused(attributes, problem):
    rule_module = types.ModuleType("demo")
    rule_module.__doc__ = DOC
    rule_module.VERIFY_ONLY = True  # type: ignore[attr-defined]
    for name, value in attributes.items():
        setattr(rule_module, name, value)
    with pytest.raises(RegistryError, match=problem):
        Registry().add(rule_from_module(rule_module, "demo"))


# Each compiler escape, with no pattern rule running, lands in the rule whose pattern matches.
CLASSIFIED = [
    ("return &x", "func f() *int {\n\tx := 1\n\treturn &x\n}", "ESC101", r"x escapes: its address is returned"),
    ("boxed into a []any", "func f() []any {\n\ts := make([]any, 1)\n\ts[0] = 7\n\treturn s\n}",
     "ESC102", r"7 escapes: it is boxed into an interface and stored in a slice element"),
    ("pointer in a map", "func f(m map[string]*int) {\n\tx := 1\n\tm[\"a\"] = &x\n}", "ESC103",
     r"x escapes: its address is stored in a map"),
    ("func value", "func f(g func(*int)) {\n\tx := 1\n\tg(&x)\n}", "ESC104",
     r"passed to a call through the func value g"),
    ("send", "func f(c chan *int) {\n\tx := 1\n\tc <- &x\n}", "ESC105", r"its address is sent on a channel"),
    ("...any", "import \"fmt\"\n\nfunc f(n int) {\n\tfmt.Println(n)\n}", "ESC106",
     r"n escapes: it is boxed into an interface and passed in fmt.Println's ...any argument"),
    ("through a pointer", "type T struct{ p *int }\n\nfunc f(t *T) {\n\tx := 1\n\tt.p = &x\n}", "ESC107",
     r"its address is stored through a pointer \(t.p\)"),
    ("interface method", "type I interface{ M(*int) }\n\nfunc f(i I) {\n\tx := 1\n\ti.M(&x)\n}", "ESC108",
     r"passed to the interface method i.M"),
    ("closure", "func f() func() int {\n\tn := 0\n\treturn func() int { n++; return n }\n}", "ESC201",
     r"func literal escapes: it is returned"),
    ("append", "func f(n int) []int {\n\tvar s []int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)"
     "\n\t}\n\treturn s\n}", "ESC202", r"append escapes: the grown backing array is returned"),
    ("concatenation", "func f(a, b string) string {\n\treturn a + b\n}", "ESC203",
     r"a \+ b escapes: the concatenated string is returned"),
    ("too large", "func f() int {\n\tb := make([]byte, 1<<20)\n\treturn len(b)\n}", "ESC204",
     r"escapes: it is too large for the stack"),
    ("leaking parameter", "var kept []*int\n\n//go:noinline\nfunc keep(p *int) { kept = append(kept, p) }"
     "\n\nfunc f() {\n\tx := 1\n\tkeep(&x)\n}", "ESC207", r"x escapes: its address is passed to keep, "
     "whose parameter leaks"),
    ("inlined callee", 'import "errors"\n\nfunc f(s string) error {\n\treturn errors.New(s)\n}', "ESC206",
     r"&errors.errorString\{\.\.\.\} \(allocated in errors.New, inlined here\) escapes: it is returned"),
]


@pytest.mark.parametrize("source, code, message", [c[1:] for c in CLASSIFIED], ids=[c[0] for c in CLASSIFIED])
def test_compiler_escapes_are_classified(cli, tmp_path, monkeypatch, source, code, message):
    require_go()
    monkeypatch.setattr(Policy, "rules", lambda self: [])  # no pattern rule finds anything
    found = _verified_codes(cli, tmp_path, source)
    assert any(c == code and re.search(message, m) for c, _, m in found), found
