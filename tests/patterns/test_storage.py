"""linter/patterns/storage and closures: heap-bound origins of stored values, and destinations."""
from __future__ import annotations

from pathlib import Path

import pytest
from tree_sitter import Node

from goescape.linter.model import FileModel, PackageModel
from goescape.linter.patterns.closures import direct_calls, inlined_call_sites
from goescape.linter.patterns.storage import (
    DestinationKind,
    OriginKind,
    analyzed,
    assigned_pairs,
    destination,
    heap_origins,
    shorten,
)
from goescape.linter.syntax.parsing import parse
from goescape.linter.syntax.source import SourceFile

SOURCE = """package p

type T struct {
	p   *int
	s   []int
	arr [2]*int
	f   func()
	str string
}

func (t *T) M() {}

var global T
var garr [2]*int

func f(pt *T, xs []int, m map[string]*int, b []byte, name string, r rune, pa *[2]*int) {
	x := 1
	var local T
	lit := []int{1}
	made := make([]int, 3)
	ch := make(chan int)
	held := &x
	grown := append(xs, 1)
	var arr [4]int
	var parts T
	parts.s = made
	parts.arr[0] = &x
	other := lit
	other = other[:0]
	_ = &x                      // O_addr
	_ = &T{}                    // O_addr_literal
	_ = new(T)                  // O_new
	_ = []int{1}                // O_slice_literal
	_ = map[int]int{}           // O_map_literal
	_ = make([]int, 2)          // O_make
	_ = make(chan int)          // O_make_chan
	_ = lit                     // O_local_literal
	_ = made                    // O_local_make
	_ = ch                      // O_local_chan
	_ = held                    // O_local_addr
	_ = grown                   // O_local_append
	_ = other                   // O_local_chain
	_ = arr[:]                  // O_sliced_array
	_ = xs[1:]                  // O_param_slice
	_ = pt                      // O_param_pointer
	_ = &pt.p                   // O_through_param
	_ = &local.p                // O_field_of_local
	_ = &global                 // O_global
	_ = T{p: &x, s: lit}        // O_struct_contents
	_ = []*T{{p: nil}}          // O_elided
	_ = func() {}               // O_func_literal
	_ = pt.M                    // O_method_value
	_ = name + "!"              // O_concat
	_ = "a" + "b"               // O_constant_concat
	_ = string(b)               // O_string_conversion
	_ = []byte(name)            // O_bytes_conversion
	_ = string(r)               // O_rune_conversion
	_ = 5                       // O_int
	_ = parts                   // O_local_parts
	m["k"] = &x                 // D_map
	xs[0] = 1                   // D_slice
	pt.p = &x                   // D_pointer_field
	*pt = T{}                   // D_deref
	pt.s[0] = 1                 // D_pointer_slice
	pa[0] = &x                  // D_pointer_array
	local.p = &x                // D_local_field
	local.arr[0] = &x           // D_local_array
	global.p = &x               // D_global_field
	garr[1] = &x                // D_global_array
	x = 2                       // D_local
}

func g[E any](v E) *E {
	return &v // G_generic
}

func h(t *T) {
	if false {
		t.p = nil // G_dead
	}
	run := func() {
		t.s = nil // C_bound
	}
	run()
	run()
	func() {
		t.s = nil // C_in_place
	}()
	t.f = func() {
		t.s = nil // C_stored
	}
}
"""


@pytest.fixture(scope="module")
def fm() -> FileModel:
    data = SOURCE.encode()
    return PackageModel([(SourceFile(Path("/virtual/p.go"), data), parse(data))],
                        path="example.com/p").file(Path("/virtual/p.go"))


def _statement(fm: FileModel, marker: str) -> Node:
    data = fm.source.data
    at = data.index(marker.encode())
    start = data.rindex(b"\n", 0, at) + 1
    while data[start:start + 1] == b"\t":
        start += 1
    node = fm.tree.root_node.named_descendant_for_byte_range(start, start)
    while node.parent is not None and node.parent.type not in ("statement_list", "block"):
        node = node.parent
    return node


def _value(fm: FileModel, marker: str) -> Node:
    pairs = assigned_pairs(_statement(fm, marker))
    assert len(pairs) == 1, marker
    return pairs[0][1]


def _lvalue(fm: FileModel, marker: str) -> Node:
    pairs = assigned_pairs(_statement(fm, marker))
    assert len(pairs) == 1, marker
    return pairs[0][0]


@pytest.mark.parametrize(("marker", "expected"), [
    ("O_addr", [(OriginKind.VARIABLE, "x")]),
    ("O_addr_literal", [(OriginKind.ADDRESS_LITERAL, "&T{...}")]),
    ("O_new", [(OriginKind.NEW, "new(T)")]),
    ("O_slice_literal", [(OriginKind.SLICE_LITERAL, "[]int{...}")]),
    ("O_map_literal", [(OriginKind.MAP_LITERAL, "map[int]int{...}")]),
    ("O_make", [(OriginKind.MAKE, "make([]int, 2)")]),
    ("O_make_chan", []),
    ("O_local_literal", [(OriginKind.SLICE_LITERAL, "[]int{...}")]),
    ("O_local_make", [(OriginKind.MAKE, "make([]int, 3)")]),
    ("O_local_chan", []),
    ("O_local_addr", [(OriginKind.VARIABLE, "x")]),
    ("O_local_append", [(OriginKind.APPEND, "append")]),  # xs is a parameter: its array is not ours
    ("O_local_chain", [(OriginKind.SLICE_LITERAL, "[]int{...}")]),
    ("O_sliced_array", [(OriginKind.VARIABLE, "arr")]),
    ("O_param_slice", []),
    ("O_param_pointer", []),
    ("O_through_param", []),
    ("O_field_of_local", [(OriginKind.VARIABLE, "local")]),
    ("O_global", []),
    ("O_struct_contents", [(OriginKind.VARIABLE, "x"), (OriginKind.SLICE_LITERAL, "[]int{...}")]),
    ("O_elided", [(OriginKind.SLICE_LITERAL, "[]*T{...}"), (OriginKind.ADDRESS_LITERAL, "&{...}")]),
    ("O_func_literal", [(OriginKind.FUNC_LITERAL, "func literal")]),
    ("O_method_value", [(OriginKind.METHOD_VALUE, "pt.M")]),
    ("O_concat", [(OriginKind.CONCAT, 'name + "!"')]),
    ("O_constant_concat", []),
    ("O_string_conversion", [(OriginKind.CONVERSION, "string(b)")]),
    ("O_bytes_conversion", [(OriginKind.CONVERSION, "[]byte(name)")]),
    ("O_rune_conversion", [(OriginKind.CONVERSION, "string(r)")]),
    ("O_int", []),
    ("O_local_parts", [(OriginKind.MAKE, "make([]int, 3)"), (OriginKind.VARIABLE, "x")]),
])
def test_heap_origins(fm: FileModel, marker: str, expected: list[tuple[OriginKind, str]]) -> None:
    found = [(o.kind, o.subject) for o in heap_origins(fm, _value(fm, marker))]
    assert found == expected


def test_origin_through_a_local_names_the_local_and_the_source(fm: FileModel) -> None:
    (origin,) = heap_origins(fm, _value(fm, "O_local_addr"))
    assert origin.via is not None and fm.text(origin.via) == "held"
    assert origin.finding_node.id == origin.via.id
    assert origin.message("stored in a map") == \
        "x escapes: its address (held in held) is stored in a map, so it is moved to the heap"
    notes = [text for _, text in origin.related()]
    assert notes == ["x is declared here; the compiler moves it to the heap",
                     "its address is taken here and stored in held"]


def test_origin_written_in_place_has_no_holder(fm: FileModel) -> None:
    (origin,) = heap_origins(fm, _value(fm, "O_slice_literal"))
    assert origin.via is None
    assert origin.message("sent on a channel") == \
        "[]int{...} escapes: it is sent on a channel, so it is allocated on the heap"
    assert origin.related() == []


@pytest.mark.parametrize(("marker", "kind"), [
    ("D_map", DestinationKind.MAP),
    ("D_slice", DestinationKind.SLICE),
    ("D_pointer_field", DestinationKind.POINTER),
    ("D_deref", DestinationKind.POINTER),
    ("D_pointer_slice", DestinationKind.POINTER),
    ("D_pointer_array", DestinationKind.POINTER),
    ("D_local_field", DestinationKind.LOCAL),
    ("D_local_array", DestinationKind.LOCAL),
    ("D_global_field", DestinationKind.PACKAGE),
    ("D_global_array", DestinationKind.PACKAGE),
    ("D_local", DestinationKind.LOCAL),
])
def test_destination(fm: FileModel, marker: str, kind: DestinationKind) -> None:
    found = destination(fm, _lvalue(fm, marker))
    assert found is not None and found.kind is kind
    assert found.is_heap is (kind is not DestinationKind.LOCAL)


def test_destination_phrases(fm: FileModel) -> None:
    phrases = {m: destination(fm, _lvalue(fm, m)).phrase()  # type: ignore[union-attr]
               for m in ("D_map", "D_pointer_field", "D_global_field", "D_global_array")}
    assert phrases == {"D_map": "stored in a map", "D_pointer_field": "stored through the pointer pt",
                       "D_global_field": "stored in package-level variable global",
                       "D_global_array": "stored in an element of package-level array garr"}


def test_generic_and_dead_code_are_not_analyzed(fm: FileModel) -> None:
    generic = fm.tree.root_node.named_descendant_for_byte_range(
        SOURCE.index("&v // G_generic"), SOURCE.index("&v // G_generic") + 2)
    assert not analyzed(fm, generic)
    assert not analyzed(fm, _statement(fm, "G_dead"))
    assert analyzed(fm, _statement(fm, "D_map"))


def test_inlined_closures_report_at_their_calls(fm: FileModel) -> None:
    bound = inlined_call_sites(fm, _statement(fm, "C_bound"))
    assert [fm.text(c) for c in bound] == ["run()", "run()"]
    in_place = inlined_call_sites(fm, _statement(fm, "C_in_place"))
    assert len(in_place) == 1 and fm.text(in_place[0]).endswith("}()")
    assert inlined_call_sites(fm, _statement(fm, "C_stored")) == ()
    stored = _statement(fm, "C_stored").parent
    while stored is not None and stored.type != "func_literal":
        stored = stored.parent
    assert stored is not None and direct_calls(fm, stored) is None


@pytest.mark.parametrize(("text", "short"), [
    ("[]int{1, 2}", "[]int{...}"),
    ("make([]int,\n\t\t2)", "make([]int, 2)"),
    ("&T{\n\ta: 1,\n}", "&T{...}"),
])
def test_shorten(text: str, short: str) -> None:
    assert shorten(text) == short
