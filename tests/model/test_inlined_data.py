"""The generated facts about inlined standard-library callees, and the generator's own logic."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from goescape.linter.gc.parse import Diagnostic, Explanation, Flow, FlowStep, Kind, Location
from goescape.linter.model.stdlib import DATA, INLINED_DATA, AllocationFlow, inlined, stdlib

REPO = Path(__file__).resolve().parents[2]


def _generator():
    sys.path.insert(0, str(REPO / "tools"))
    spec = importlib.util.spec_from_file_location("gen_inlined", REPO / "tools" / "gen_inlined.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_data_file_is_package_data() -> None:
    assert INLINED_DATA.is_file() and INLINED_DATA.parent == DATA.parent


@pytest.mark.parametrize(("key", "subject", "flow", "static"), [
    ("errors.New", "&errors.errorString{...}", AllocationFlow.RESULT, True),
    ("bytes.Clone", "append", AllocationFlow.RESULT, False),
    ("bufio.NewReader", "make([]byte, max(bufio.size, 16))", AllocationFlow.HEAP, False),
    ("(*strings.Builder).WriteString", "append", AllocationFlow.HEAP, False),
    ("(time.Duration).String", "string(time.arr[time.n:])", AllocationFlow.RESULT, False),
])
def test_known_callees(key: str, subject: str, flow: AllocationFlow, static: bool) -> None:
    callee = inlined()[key]
    assert any(a.subject == subject and a.flow is flow for a in callee.allocations), callee
    assert callee.static is static
    assert 0 < callee.cost <= 80


def test_keys_are_the_models_qualified_names() -> None:
    method = stdlib().package("strings").method("Builder", "WriteString")  # type: ignore[union-attr]
    function = stdlib().package("errors").func("New")  # type: ignore[union-attr]
    assert method is not None and method.qualified_name in inlined()
    assert function is not None and function.qualified_name in inlined()


def test_callees_that_allocate_nothing_are_left_out() -> None:
    facts = inlined()
    assert "strings.HasPrefix" not in facts and "(*bytes.Buffer).Len" not in facts


def _escape(subject: str, steps: tuple[FlowStep, ...] = ()) -> Diagnostic:
    where = Location("/p.go", 5, 10)
    explanation = Explanation(where, subject, "p", "{heap}", None, (Flow("{heap}", subject, steps),), ())
    return Diagnostic(where, Kind.ESCAPES, subject, f"{subject} escapes to heap", "p", explanation)


def test_summary_tells_heap_from_result_flows() -> None:
    gen = _generator()
    ret = [_escape("&p.T{...}"), _escape("make([]byte, n)")]
    local = [_escape("make([]byte, n)")]
    assert gen.summarize(ret, local) == [["&p.T{...}", "result"], ["make([]byte, n)", "heap"]]


def test_a_heap_flow_through_a_method_on_an_argument_is_left_out() -> None:
    gen = _generator()
    step = FlowStep("httptrace.ctx.Value(httptrace.key{})", "call parameter", None)
    through = _escape("httptrace.key{}", (step,))
    panicking = _escape('"bad"', (FlowStep('panic("bad")', "call parameter", None),))
    assert gen.conditional(through) and not gen.conditional(panicking)
    assert gen.summarize([through, panicking], [through, panicking]) == [['"bad"', "heap"]]


@pytest.mark.parametrize(("key", "name"), [
    ("errors.New", "errors.New"),
    ("(*bufio.Reader).Reset", "bufio.(*Reader).Reset"),
    ("(*encoding/json.Decoder).Buffered", "json.(*Decoder).Buffered"),
    ("(time.Duration).String", "time.Duration.String"),
    ("math/rand/v2.N", "rand.N"),
])
def test_compiler_names(key: str, name: str) -> None:
    assert _generator().compiler_name(key) == name
