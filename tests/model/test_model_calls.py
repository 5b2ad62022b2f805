"""Calls: callee kinds, signatures, argument-to-parameter mapping and stdlib leak facts."""
from __future__ import annotations

import pytest
from model_helpers import find, model

from goescape.linter.model import CalleeKind, FileModel, LeakKind

SOURCE = """package p

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unsafe"
)

type Shape interface{ Area(scale float64) float64 }

type Square struct{ side float64 }

func (s *Square) Area(scale float64) float64 { return s.side * scale }

func local(a int, rest ...string) error { return nil }

type handler struct{ fn func(int) bool }

func f(sh Shape, sq *Square, h handler, w io.Writer, ptr unsafe.Pointer) {
	_ = local(1, "a", "b")
	_ = sq.Area(2)
	_ = sh.Area(3)
	_ = h.fn(4)
	_ = func(x int) int { return x }(5)
	_ = fmt.Sprintf("%d %s", 6, "s")
	_ = errors.New("e")
	_, _ = json.Marshal(sq)
	var sb strings.Builder
	_, _ = sb.WriteString("w")
	_, _ = fmt.Fprintln(w, 7)
	args := []any{8}
	fmt.Println(args...)
	_ = float64(9)
	_ = len("abc")
	_ = unsafe.Sizeof(ptr)
	_ = strings.Repeat("r", 10)
	_ = append([]int(nil), 11)
}
"""


@pytest.fixture(scope="module")
def fm() -> FileModel:
    return model(SOURCE)


@pytest.mark.parametrize(("call", "kind", "signature"), [
    ('local(1, "a", "b")', CalleeKind.FUNCTION, "func(int, ...string) error"),
    ("sq.Area(2)", CalleeKind.METHOD, "func(float64) float64"),
    ("sh.Area(3)", CalleeKind.INTERFACE_METHOD, "func(float64) float64"),
    ("h.fn(4)", CalleeKind.FUNC_VALUE, "func(int) bool"),
    ("func(x int) int { return x }(5)", CalleeKind.FUNC_LITERAL, "func(int) int"),
    ('fmt.Sprintf("%d %s", 6, "s")', CalleeKind.FUNCTION, "func(string, ...any) string"),
    ('errors.New("e")', CalleeKind.FUNCTION, "func(string) error"),
    ('sb.WriteString("w")', CalleeKind.METHOD, "func(string) (int, error)"),
    ("float64(9)", CalleeKind.CONVERSION, None),
    ('len("abc")', CalleeKind.BUILTIN, None),
    ("unsafe.Sizeof(ptr)", CalleeKind.BUILTIN, None),
])
def test_callee(fm: FileModel, call: str, kind: CalleeKind, signature: str | None
                ) -> None:
    callee = fm.callee(find(fm, call))
    assert callee is not None and callee.kind is kind
    assert (str(callee.signature) if callee.signature else None) == signature
    assert fm.call_signature(find(fm, call)) == callee.signature


def test_stdlib_callee_carries_leak_facts(fm: FileModel) -> None:
    callee = fm.callee(find(fm, 'fmt.Sprintf("%d %s", 6, "s")'))
    assert callee.std is not None and callee.std.qualified_name == "fmt.Sprintf"
    method = fm.callee(find(fm, 'sb.WriteString("w")'))
    assert method.std is not None and method.std.qualified_name == "(*strings.Builder).WriteString"
    assert method.std.receiver_leak is not None


@pytest.mark.parametrize(("call", "index", "param_type", "tail", "leak", "escapes"), [
    # fmt.Sprintf(format string, a ...any): the boxed 6 leaks as content of the implicit slice
    ('fmt.Sprintf("%d %s", 6, "s")', 0, "string", False, LeakKind.NONE, False),
    ('fmt.Sprintf("%d %s", 6, "s")', 1, "any", True, LeakKind.CONTENT, True),
    ('fmt.Sprintf("%d %s", 6, "s")', 2, "any", True, LeakKind.CONTENT, True),
    ('fmt.Fprintln(w, 7)', 0, "io.Writer", False, LeakKind.HEAP, True),
    ('fmt.Fprintln(w, 7)', 1, "any", True, LeakKind.CONTENT, True),
    ("fmt.Println(args...)", 0, "[]any", False, LeakKind.CONTENT, False),  # the slice itself
    ("json.Marshal(sq)", 0, "any", False, LeakKind.HEAP, True),
    ('errors.New("e")', 0, "string", False, LeakKind.HEAP, True),
    ('local(1, "a", "b")', 2, "string", True, None, None),  # no facts for this package
])
def test_arguments(fm: FileModel, call: str, index: int, param_type: str, tail: bool,
                   leak: LeakKind | None, escapes: bool | None) -> None:
    argument = fm.argument(find(fm, call), index)
    assert argument is not None
    assert str(argument.param_type) == param_type
    assert argument.variadic_tail is tail
    assert (argument.leak.kind if argument.leak else None) is leak
    assert argument.escapes is escapes
    assert fm.param_leaks(find(fm, call), index) == argument.leak


def test_argument_out_of_range(fm: FileModel) -> None:
    assert fm.argument(find(fm, 'errors.New("e")'), 3) is None


@pytest.mark.parametrize(("expr", "constant"), [
    ("6", True), ("11", True), ('"s"', True), ("float64(9)", True), ('len("abc")', True),
    ("unsafe.Sizeof(ptr)", True), ('strings.Repeat("r", 10)', False), ("args", False),
    ("append([]int(nil), 11)", False),
])
def test_is_constant(fm: FileModel, expr: str, constant: bool) -> None:
    node = find(fm, expr, "int_literal") if expr.isdigit() else find(fm, expr)
    assert fm.is_constant(node) is constant


def test_constant_identifiers() -> None:
    fm = model("package p\n\nconst c = 3\n\nvar v = 4\n\nfunc f() { println(c+1, v, -c, c*2 == 6) }\n")
    assert fm.is_constant(find(fm, "c+1"))
    assert not fm.is_constant(find(fm, "v", "identifier", nth=1))
    assert fm.is_constant(find(fm, "-c"))
    assert fm.is_constant(find(fm, "c*2 == 6"))


def test_generic_function_results_are_inferred() -> None:
    fm = model("""package p

import "slices"

func First[T any](xs []T) T { return xs[0] }

func f(names []string) {
	_ = First(names)
	_ = slices.Clone(names)
	_ = First[int](nil)
}
""")
    assert str(fm.type_of(find(fm, "First(names)"))) == "string"
    assert str(fm.type_of(find(fm, "slices.Clone(names)"))) == "[]string"
    assert str(fm.type_of(find(fm, "First[int](nil)"))) == "int"
