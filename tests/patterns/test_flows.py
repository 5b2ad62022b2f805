"""linter/patterns/flows: where values go, and which parameters of the package's functions leak."""
from __future__ import annotations

import pytest
from pattern_helpers import node_at, single_file
from tree_sitter import Node

from goescape.linter.model import FileModel
from goescape.linter.patterns.boxed_values import escaping_boxes, inlined_boxes, surely_inlined
from goescape.linter.patterns.flows import Mode, SinkKind, param_leak, value_sink
from goescape.linter.patterns.inlining import certainly_not_inlined

HEADER = """package p

import (
	"fmt"
	"sort"
)

var sink any
var list []any

type holder struct{ v any }
"""


def model(body: str) -> FileModel:
    return single_file(HEADER + body)


def function(fm: FileModel, name: str) -> Node:
    for top in fm.tops:
        ident = top.child_by_field_name("name")
        if top.type in ("function_declaration", "method_declaration") and ident is not None \
                and ident.text == name.encode():
            return top
    raise AssertionError(name)


@pytest.mark.parametrize(("statement", "reason"), [
    ("sink = val", "stored in the package-level variable sink"),
    ("list[0] = val", "stored in a slice element"),
    ("h.v = val", "stored through a pointer"),
    ("panic(val)", "passed to panic"),
    ("list = append(list, val)", "appended to a slice"),
    ("return val", "returned"),
    ("x := val; return x", "returned"),
    ("fmt.Println(val)", "passed to Println, which leaks it"),
    ("var local holder; local.v = val; return local.v", "returned"),
    ("var local holder; local.v = val; _ = local", None),
    ("_ = val != nil", None),
])
def test_value_sink(statement: str, reason: str | None) -> None:
    fm = model(f"func f(val any, h *holder) any {{\n\t{statement} // here\n\treturn nil\n}}\n")
    found = value_sink(fm, node_at(fm, "// here", "val"))
    assert (found.reason if found is not None else None) == reason


@pytest.mark.parametrize(("body", "mode", "expected"), [
    ("sink = v", Mode.VALUE, SinkKind.HEAP),
    ("return v", Mode.VALUE, SinkKind.RESULT),
    ("_ = v == nil", Mode.VALUE, None),
    ("fmt.Println(v)", Mode.VALUE, SinkKind.HEAP),
    ("sort.Sort(v.(sort.Interface))", Mode.VALUE, SinkKind.HEAP),
    ("keep(v)", Mode.VALUE, SinkKind.HEAP),  # through another function of the package
    ("drop(v)", Mode.VALUE, None),
])
def test_param_leak(body: str, mode: Mode, expected: SinkKind | None) -> None:
    fm = model(f"func f(v any) any {{\n\t{body}\n\treturn nil\n}}\n\n"
               "func keep(x any) { sink = x }\n\nfunc drop(x any) { _ = x }\n")
    assert param_leak(fm, function(fm, "f"), 0, mode) is expected


def test_variadic_content_leaks_through_a_chain_of_helpers() -> None:
    fm = model("""
func (h *holder) errorf(format string, args ...any) { h.addf(format, args...) }
func (h *holder) addf(format string, args ...any) { h.v = sprintf(format, args...) }
func sprintf(format string, args ...any) string {
	for i, a := range args {
		args[i] = a
	}
	return fmt.Sprintf(format, args...)
}
func count(args ...any) int { return len(args) }
""")
    assert param_leak(fm, function(fm, "errorf"), 1, Mode.CONTENT) is SinkKind.HEAP
    assert param_leak(fm, function(fm, "count"), 0, Mode.CONTENT) is None


def test_recursion_is_not_cached_as_an_answer() -> None:
    fm = model("""
func a(args ...any) { if len(args) > 3 { b(args...) } }
func b(args ...any) { a(args...); fmt.Println(args...) }
""")
    assert param_leak(fm, function(fm, "a"), 0, Mode.CONTENT) is SinkKind.HEAP
    assert param_leak(fm, function(fm, "b"), 0, Mode.CONTENT) is SinkKind.HEAP


def test_interface_receiver_leaks_only_when_not_inlined() -> None:
    small = "func small(s fmt.Stringer) string { return s.String() }\n"
    big = "func big(s fmt.Stringer) string {\n" + "\tr := \"\"\n" + \
          "".join("\tr += s.String()\n" for _ in range(12)) + "\treturn r\n}\n"
    fm = model(small + big)
    assert certainly_not_inlined(fm, function(fm, "big"))
    assert not certainly_not_inlined(fm, function(fm, "small"))
    assert param_leak(fm, function(fm, "small"), 0, Mode.VALUE) is None
    assert param_leak(fm, function(fm, "big"), 0, Mode.VALUE) is SinkKind.HEAP


def test_escaping_boxes_of_a_statement() -> None:
    fm = model("func f(n int, m map[any]any) {\n\tm[n] = n + 1 // here\n}\n")
    statement = node_at(fm, "// here", "m[n] = n + 1")
    found = [(b.value.text, b.map_key) for b in escaping_boxes(fm, statement)]
    assert found == [(b"n", True), (b"n + 1", False)]


def test_inlined_boxes() -> None:
    fm = model("""
type failure struct{ err error }
func fail(err error) { panic(failure{err}) }
func grow(n int) { list = append(list, n) }
func caller(err error) {
	fail(err) // here
}
""")
    assert surely_inlined(fm, function(fm, "fail"))
    found = inlined_boxes(fm, node_at(fm, "// here", "fail(err)"))
    assert found is not None and [b.boxing.node.text for b in found[1]] == [b"failure{err}"]


def test_a_constructor_returning_a_long_closure_may_be_inlined() -> None:
    # Go's inliner charges a func literal 15 and does not look inside it: cmd/go's
    # (*info).children, which returns a 40-line iterator, is inlined at its calls.
    body = "".join(f"\t\tif v > {i} {{ sink = v }}\n" for i in range(60))
    fm = model("func iterate() func(v int) {\n\treturn func(v int) {\n" + body + "\t}\n}\n"
               "func work() {\n" + "".join(f"\tif len(list) > {i} {{ sink = list[{i}] }}\n" for i in range(60))
               + "}\n")
    assert not certainly_not_inlined(fm, function(fm, "iterate"))
    assert certainly_not_inlined(fm, function(fm, "work"))


def test_an_interface_argument_of_an_inlinable_callee_is_not_a_proven_leak() -> None:
    # Inlined into a caller that knows the dynamic type, the interface call is devirtualized
    # (cmd/compile's ir.DoChildren(n, do) calling n.doChildren(do)).
    fm = model("type node interface{ visit(do func()) }\n"
               "func children(n node, do func()) { n.visit(do) }\n")
    assert param_leak(fm, function(fm, "children"), 1, Mode.VALUE) is None
