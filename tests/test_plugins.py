"""Third-party rule packs: discovered through entry points and treated like built-in rules."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import REPO

from goescape.linter.registry.registry import Registry, RegistryError, build_registry, rule_from_module
from goescape.linter.rule.definition import Rule
from goescape.rules import BUILTIN, address_return

GO = """package p

func start(done chan bool) {
	n := 0
	go func() { n++; done <- true }()
}
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pip-install the demo pack from tests/rulepack into a folder put on PYTHONPATH."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
                    str(target), str(REPO / "tests" / "rulepack")], check=True)
    return target


def _goescape(pack: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pack)}
    return subprocess.run([sys.executable, "-m", "goescape.linter", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)


def test_pack_rule_runs(pack, tmp_path):
    (tmp_path / "a.go").write_text(GO)
    result = _goescape(pack, tmp_path, "check", ".", "--fail-on", "note")
    assert result.returncode == 1
    assert result.stdout.startswith("a.go:5:5: DEMO001 [note] the goroutine's function literal escapes")


def test_pack_rule_is_listed_and_explained(pack, tmp_path):
    assert "DEMO001 goroutine-closure" in _goescape(pack, tmp_path, "rules").stdout.replace("  ", " ")
    assert "## Use instead" in _goescape(pack, tmp_path, "explain", "goroutine-closure").stdout


def test_broken_pack_rule_is_refused_with_a_clear_message(pack, tmp_path):
    (tmp_path / "a.go").write_text(GO)
    result = _goescape(pack, tmp_path, "check", ".")
    assert "goescape: warning: refusing rule: plugin 'broken'" in result.stderr
    assert "malformed code 'demo-2'" in result.stderr
    assert "Traceback" not in result.stderr


def test_pack_rule_is_configured_like_a_builtin(pack, tmp_path):
    (tmp_path / "a.go").write_text(GO)
    (tmp_path / ".goescape.toml").write_text("[severity]\ngoroutine-closure = 'error'\n")
    result = _goescape(pack, tmp_path, "check", ".", "--fail-on", "error")
    assert result.returncode == 1
    assert "DEMO001 [error]" in result.stdout
    assert "DEMO001" not in _goescape(pack, tmp_path, "check", ".", "--ignore", "DEMO").stdout


def test_pack_rule_is_suppressed_like_a_builtin(pack, tmp_path):
    suppressed = GO.replace("\tgo func", "\t//goescape:ignore DEMO001 one goroutine per request\n\tgo func")
    (tmp_path / "a.go").write_text(suppressed)
    result = _goescape(pack, tmp_path, "check", ".", "--fail-on", "note", "--format", "sarif",
                       "--include-suppressed", "--ignore", "ESC201")  # the built-in goroutine rule
    assert result.returncode == 0
    run = json.loads(result.stdout)["runs"][0]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "DEMO001")
    assert rule["helpUri"] == "https://example.com/demo-pack#DEMO001"
    assert run["results"][0]["suppressions"][0]["justification"] == "one goroutine per request"


@pytest.mark.parametrize("change, message", [
    ({"code": "ESC101"}, "code ESC101 is already used"),
    ({"code": "ESC050"}, "reserved for goescape itself"),
    ({"code": "esc101"}, "malformed code"),
    ({"name": "Address_Return"}, "is not kebab-case"),
    ({"code": "ESC198", "node_types": ()}, "node_types is empty"),
])
def test_registry_refuses_malformed_rules(change, message):
    registry = build_registry(plugins=False)
    base = rule_from_module(address_return, "test")
    rule = Rule(replace(base.meta, **{"name": "other-name", **change}), base.doc, base.check, "test")
    with pytest.raises(RegistryError, match=message):
        registry.add(rule)


def test_registry_refuses_a_rule_without_doc_sections():
    base = rule_from_module(address_return, "test")
    doc = base.doc.replace("## Compiler", "## Notes")
    rule = Rule(replace(base.meta, code="ESC199", name="other-name"), doc, base.check, "test")
    with pytest.raises(RegistryError, match="docstring lacks 'Compiler'"):
        Registry().add(rule)


def test_builtin_rules_are_sorted_by_code_and_valid():
    codes = [module.META.code for module in BUILTIN]
    assert codes == sorted(codes)
    assert set(codes) <= set(build_registry(plugins=False).rules)
