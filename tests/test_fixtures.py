"""Every rule fixture under tests/fixtures meets its `// want` expectations, and the checker works."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from goescape.linter.testing import check_fixture

FIXTURE_FILES = sorted(FIXTURES.rglob("*.go"))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture(path: Path) -> None:
    report = check_fixture(path)
    assert report.problems == []


def test_every_builtin_rule_has_fixtures():
    from goescape.rules import BUILTIN

    for module in BUILTIN:
        if getattr(module, "VERIFY_ONLY", False):
            continue  # no check to test: tests/test_verify_rules.py compiles their examples
        if getattr(module, "PROFILE_ONLY", False):
            continue  # no check either: tests/profile/test_profile_mode.py profiles real code
        files = list((FIXTURES / module.META.code).glob("*.go"))
        assert files, f"no fixtures in tests/fixtures/{module.META.code}"
        text = "".join(f.read_text() for f in files)
        assert f"want `{module.META.code}" in text or "// want" in text


BODY = "package p\n\ntype T struct{ n int }\n\nfunc f() *T {\n\tt := T{}\n\treturn &t%s\n}\n"


@pytest.mark.parametrize("comment, problem", [
    (" // want `t escapes`", None),
    (' // want "ESC101 t escapes: its address"', None),
    (" // want `t escapes` `second`", "no finding matched want 'second'"),
    (" // want `nothing like it`", "no finding matched want 'nothing like it'"),
    ("", "unexpected finding: ESC101 t escapes"),
    (" // todo-want `t escapes`", "known miss 't escapes' is now found: make it a want"),
    (" // todo-fp `t escapes`", None),
    (" // todo-fp `other`", "known false positive 'other' is gone"),
])
def test_checker_semantics(tmp_path, comment, problem):
    path = tmp_path / "f.go"
    path.write_text(BODY % comment)
    problems = check_fixture(path).problems
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


def test_todo_want_passes_while_missed(tmp_path):
    path = tmp_path / "f.go"
    path.write_text("package p\n\nfunc f() int {\n\tx := 1 // todo-want `x escapes`\n\treturn x\n}\n")
    assert check_fixture(path).problems == []


def test_want_in_a_string_literal_is_not_an_expectation(tmp_path):
    path = tmp_path / "f.go"
    path.write_text('package p\n\nvar s = "// want `x`"\n')
    assert check_fixture(path).expectations == []
