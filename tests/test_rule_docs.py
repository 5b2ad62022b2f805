"""Rule documentation: required sections, runnable examples, and docs/rules.md kept in sync."""
from __future__ import annotations

import re

import pytest
from conftest import REPO

from goescape.linter.config.file import Config
from goescape.linter.config.policy import Policy
from goescape.linter.engine.lint import lint_source
from goescape.linter.registry.docs import rules_markdown
from goescape.linter.registry.registry import build_registry
from goescape.linter.syntax.source import SourceFile

REGISTRY = build_registry(plugins=False)
PATTERN_RULES = [r for r in REGISTRY.sorted() if r.check is not None]
_GO_BLOCK = re.compile(r"```go\n(.*?)```", re.DOTALL)


def _findings(rule, section: str, tmp_path) -> list[str]:
    blocks = _GO_BLOCK.findall(rule.section(section))
    assert blocks, f"{rule.code}: the {section!r} section has no ```go block"
    code = "\n".join(blocks)
    source = code if code.lstrip().startswith("package") else "package example\n\n" + code
    path = tmp_path / "example.go"
    path.write_text(source)
    policy = Policy.build(Config(root=tmp_path, select=(rule.code,)), REGISTRY)
    result = lint_source(SourceFile(path, source.encode()), policy, tmp_path)
    assert not [n for n in result.notices if n.kind == "syntax"], f"{rule.code}: {section} does not parse"
    return [d.code for d in result.diagnostics]


@pytest.mark.parametrize("rule", PATTERN_RULES, ids=lambda r: r.code)
def test_example_triggers_the_rule(rule, tmp_path):
    assert rule.code in _findings(rule, "Example", tmp_path)


@pytest.mark.parametrize("rule", PATTERN_RULES, ids=lambda r: r.code)
def test_use_instead_does_not(rule, tmp_path):
    assert rule.code not in _findings(rule, "Use instead", tmp_path)


@pytest.mark.parametrize("rule", PATTERN_RULES, ids=lambda r: r.code)
def test_compiler_section_names_go_1_27(rule):
    assert "Go 1.27" in rule.section("Compiler")


def test_docs_rules_md_is_in_sync():
    path = REPO / "docs" / "rules.md"
    assert path.read_text() == rules_markdown(REGISTRY), (
        "docs/rules.md is stale: run `goescape rules --format markdown > docs/rules.md`")
