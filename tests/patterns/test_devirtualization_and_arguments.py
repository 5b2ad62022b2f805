"""patterns.devirtualization (why an interface's dynamic type is unknown) and patterns.arguments
(what a call's arguments make escape, captures by reference included)."""
from __future__ import annotations

from pathlib import Path

import pytest
from tree_sitter import Node

from goescape.linter.model import FileModel, PackageModel
from goescape.linter.patterns.arguments import argument_origins, captured_by_reference
from goescape.linter.patterns.devirtualization import unknown_dynamic_type
from goescape.linter.syntax.parsing import parse
from goescape.linter.syntax.source import SourceFile

SOURCE = """package p

import (
	"errors"
	"io"
	"os"
)

type S interface{ M(p *int) }
type D struct{}

func (D) M(p *int) {}

type Box struct {
	s S
	S
}

var global S

func known() S { return D{} }

func f(param S, box *Box, list []S, m map[int]S, v any, ch chan S, run func(func()), flag bool) {
	x := 0
	param.M(&x)                     // R_param
	box.s.M(&x)                     // R_field
	list[0].M(&x)                   // R_element
	m[1].M(&x)                      // R_map_element
	global.M(&x)                    // R_package_var
	v.(S).M(&x)                     // R_assertion
	var one S = D{}
	one.M(&x)                       // R_one_type
	var w io.Writer = os.Stdout
	w = os.Stderr
	w.Write(nil)                    // R_same_type_twice
	mixed := S(D{})
	if flag {
		mixed = param
	}
	mixed.M(&x)                     // R_mixed
	made := known()
	made.M(&x)                      // R_call_result
	err := errors.New("e")
	err.Error()                     // R_inlined_call
	for _, each := range list {
		each.M(&x)                  // R_range
	}
	got := <-ch
	got.M(&x)                       // R_received
	again := param.(S)
	again.M(&x)                     // R_assertion_local
	if ok1, ok := v.(S); ok {
		ok1.M(&x)                   // R_comma_ok
	}
	switch t := v.(type) {
	case S:
		t.M(&x)                     // R_switch
	}
	total, copied, later := 0, 0, 0
	copied = 1
	run(func() { total++; _ = copied; _ = later }) // A_closure
	later = 2
}
"""


@pytest.fixture(scope="module")
def fm() -> FileModel:
    data = SOURCE.encode()
    return PackageModel([(SourceFile(Path("/virtual/p.go"), data), parse(data))],
                        path="example.com/p").file(Path("/virtual/p.go"))


def _call(fm: FileModel, marker: str) -> Node:
    line = next(i for i, text in enumerate(SOURCE.splitlines()) if text.endswith(f"// {marker}"))
    node = fm.tree.root_node.named_descendant_for_point_range((line, 2), (line, 2))
    while node.type != "call_expression":
        node = node.parent
    while node.parent is not None and node.parent.type == "call_expression":
        node = node.parent  # `a.b(...)`: the outermost call on the line
    return node


def _receiver(fm: FileModel, marker: str) -> Node:
    return _call(fm, marker).child_by_field_name("function").child_by_field_name("operand")


@pytest.mark.parametrize(("marker", "reason"), [
    ("R_param", "a parameter"),
    ("R_field", "a struct field"),
    ("R_element", "a container element"),
    ("R_map_element", "a container element"),
    ("R_package_var", "a package-level variable"),
    ("R_assertion", "a type assertion on a parameter"),
    ("R_one_type", None),  # devirtualized
    ("R_same_type_twice", None),  # *os.File both times: devirtualized
    ("R_mixed", "a parameter"),
    ("R_call_result", None),  # known() is inlined: the compiler sees D
    ("R_inlined_call", None),
    ("R_range", "a range variable"),
    ("R_received", "received from a channel"),
    ("R_assertion_local", "a type assertion on a parameter"),
    ("R_switch", "a type switch on a parameter"),
    ("R_comma_ok", "a type assertion on a parameter"),
])
def test_unknown_dynamic_type(fm: FileModel, marker: str, reason: str | None) -> None:
    assert unknown_dynamic_type(fm, _receiver(fm, marker)) == reason


def test_captured_by_reference_only_when_assigned_after_the_literal(fm: FileModel) -> None:
    literal = _call(fm, "A_closure").child_by_field_name("arguments").named_children[0]
    assert [s.name for s in captured_by_reference(fm, literal)] == ["total", "later"]


def test_argument_origins_add_the_captures(fm: FileModel) -> None:
    passed = list(argument_origins(fm, _call(fm, "A_closure")))
    messages = [p.message("passed to run") for p in passed]
    assert messages == [
        "func literal escapes: it is passed to run, so it is allocated on the heap",
        "total escapes: it is captured by reference by a func literal passed to run, so it is "
        "moved to the heap",
        "later escapes: it is captured by reference by a func literal passed to run, so it is "
        "moved to the heap",
    ]
    assert [text for _, text in passed[1].related()] == [
        "total is declared here; the compiler moves it to the heap"]
