"""Func-value and interface bindings, checked against testdata/devirt and against Go 1.27 itself."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from model_helpers import go_command

from goescape.linter.model import BindingKind, FileModel, load_package

DEVIRT = Path(__file__).parent / "testdata" / "devirt"
_WANT = re.compile(r"// want (direct|static|dynamic|unknown)$")


def _cases() -> list[tuple[int, str]]:
    lines = (DEVIRT / "main.go").read_text().splitlines()
    return [(i + 1, m.group(1)) for i, line in enumerate(lines) if (m := _WANT.search(line))]


CASES = _cases()


@pytest.fixture(scope="module")
def fm() -> FileModel:
    return load_package(DEVIRT, "main").file(DEVIRT / "main.go")


def _call_on_line(fm: FileModel, line: int):
    """The call on `line` whose argument list holds `&q`."""
    stack = [fm.tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "call_expression" and node.start_point[0] + 1 == line and \
                "&q" in fm.text(node.child_by_field_name("arguments")):
            return node
        stack.extend(node.named_children)
    raise AssertionError(f"no call with &q on line {line}")


def model_answer(fm: FileModel, call) -> str:
    binding = fm.func_value_binding(call)
    if binding.kind is BindingKind.INTERFACE:
        receiver = call.child_by_field_name("function").child_by_field_name("operand")
        return "static" if fm.dynamic_type(receiver) is not None else "dynamic"
    return binding.kind.value


@pytest.mark.parametrize(("line", "want"), CASES, ids=[f"line{line}-{want}" for line, want in CASES])
def test_model_binding(fm: FileModel, line: int, want: str) -> None:
    assert model_answer(fm, _call_on_line(fm, line)) == want


@pytest.fixture(scope="module")
def compiler_output() -> str:
    go = go_command()
    env = dict(os.environ, GOTOOLCHAIN="local", GOPROXY="off", GOWORK="off", GOFLAGS="-mod=mod")
    proc = subprocess.run([go, "build", "-gcflags=-m", "-o", os.devnull, "."], cwd=DEVIRT,
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stderr


@pytest.mark.parametrize(("line", "want"), [c for c in CASES if c[1] != "unknown"],
                         ids=[f"line{line}-{want}" for line, want in CASES if want != "unknown"])
def test_compiler_agrees(fm: FileModel, compiler_output: str, line: int, want: str) -> None:
    """`q` (declared in the call's function) moves to the heap exactly when the call is dynamic."""
    call = _call_on_line(fm, line)
    function = call
    while function.type != "function_declaration":
        function = function.parent
    q_lines = [n.start_point[0] + 1 for n in _q_declarations(fm, function)]
    moved = any(f"main.go:{q}:2: moved to heap: q" in compiler_output
                or f"main.go:{q}:3: moved to heap: q" in compiler_output for q in q_lines)
    assert moved is (want == "dynamic"), compiler_output


def _q_declarations(fm: FileModel, function):
    stack = [function]
    while stack:
        node = stack.pop()
        if node.type == "short_var_declaration" and fm.text(node).startswith("q :="):
            yield node
        stack.extend(node.named_children)
