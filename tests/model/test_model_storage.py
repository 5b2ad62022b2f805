"""Storage roots, address targets, pointer sources and local storage."""
from __future__ import annotations

import pytest
from model_helpers import find, ident, model

from goescape.linter.model import FileModel, StorageKind, SymbolKind

SOURCE = """package p

type Data struct {
	m   map[int]int
	p   *int
	arr [2]int
	in  Inner
}

type Inner struct{ v int }

type Wrapper struct{ *Data }

var global Data

func f(param *Data, value Data, xs []int, grid *[3]int, w Wrapper) (named *int) {
	local := Data{}
	ptr := new(Data)
	n := 1
	_ = &local.in.v       // S_field_of_value
	_ = &param.arr[0]     // S_through_param
	_ = &value.p          // S_param_value
	_ = &xs[0]            // S_slice
	_ = &grid[1]          // S_array_ptr
	_ = &global.in        // S_global
	_ = &Data{}           // S_literal
	_ = new(Inner)        // S_new
	_ = &(*ptr).m         // S_deref
	_ = &w.p              // S_embedded_ptr
	local.m = nil         // A_local
	ptr.m = nil           // A_ptr
	local.arr[1] = 0      // A_array
	local.m[1] = 2        // A_map
	q := &n
	r := q
	if n > 0 {
		r = &local.in.v
	}
	named = r
	return r              // R_return
}
"""


@pytest.fixture(scope="module")
def fm() -> FileModel:
    return model(SOURCE)


@pytest.mark.parametrize(("expr", "kind", "root", "frame"), [
    ("&local.in.v", StorageKind.VARIABLE, "local", True),
    ("&param.arr[0]", StorageKind.DEREF, "param", False),
    ("&value.p", StorageKind.VARIABLE, "value", True),
    ("&xs[0]", StorageKind.SLICE_ELEMENT, "xs", False),
    ("&grid[1]", StorageKind.DEREF, "grid", False),
    ("&global.in", StorageKind.VARIABLE, "global", False),
    ("&Data{}", StorageKind.COMPOSITE, None, False),
    ("new(Inner)", StorageKind.NEW, None, False),
    ("&(*ptr).m", StorageKind.DEREF, "ptr", False),
    ("&w.p", StorageKind.DEREF, "w", False),  # through the embedded *Data
])
def test_address_target(fm: FileModel, expr: str, kind: StorageKind, root: str | None,
                        frame: bool) -> None:
    target = fm.address_target(find(fm, expr))
    assert target is not None and target.kind is kind
    assert (target.symbol.name if target.symbol else None) == root
    assert target.is_frame is frame


def test_package_level_target(fm: FileModel) -> None:
    target = fm.address_target(find(fm, "&global.in"))
    assert target.is_package_level and target.symbol.kind is SymbolKind.PACKAGE_VAR


def test_not_an_address(fm: FileModel) -> None:
    assert fm.address_target(find(fm, "local.m", line="A_local")) is None


@pytest.mark.parametrize(("lvalue", "line", "local"), [
    ("local.m", "A_local", True),  # a field of a local struct value
    ("ptr.m", "A_ptr", False),  # through a pointer
    ("local.arr[1]", "A_array", True),  # an element of a local array
    ("local.m[1]", "A_map", False),  # a map element
    ("global", "S_global", False),
    ("value", "S_param_value", True),  # a parameter is a local copy
])
def test_is_local_storage(fm: FileModel, lvalue: str, line: str, local: bool) -> None:
    assert fm.is_local_storage(find(fm, lvalue, line=line)) is local


def test_pointer_sources_follow_locals(fm: FileModel) -> None:
    sources = fm.pointer_sources(find(fm, "r", "identifier", line="R_return"))
    assert sources is not None
    assert sorted(s.symbol.name for s in sources) == ["local", "n"]
    assert all(s.is_frame for s in sources)


def test_pointer_sources_of_named_result(fm: FileModel) -> None:
    named = fm.resolve(ident(fm, "named = r", "named"))
    assert named.kind is SymbolKind.RESULT
    sources = fm.pointer_sources(named)
    assert sources is not None and {s.symbol.name for s in sources} == {"local", "n"}


def test_pointer_sources_unknown_for_parameters(fm: FileModel) -> None:
    assert fm.pointer_sources(find(fm, "param", "identifier", line="S_through_param")) is None


def test_dereferenced_conversion_is_storage_through_the_pointer() -> None:
    fm = model("package p\n\nimport \"unsafe\"\n\nfunc f(p unsafe.Pointer) {\n"
               "\t*(*[2]int)(p) = [2]int{}\n}\n")
    target = fm.storage(find(fm, "*(*[2]int)(p)"))
    assert target is not None and target.kind is StorageKind.DEREF and target.symbol.name == "p"
    assert fm.is_local_storage(find(fm, "*(*[2]int)(p)")) is False


def test_writes_record_every_assignment() -> None:
    fm = model("""package p

func f(c bool) {
	x := 1
	if c {
		x = 2
	}
	x++
	y, x := 3, 4
	_ = y
	for x = range 3 {
	}
}
""")
    symbol = fm.resolve(ident(fm, "x := 1", "x"))
    assert [w.op for w in fm.writes(symbol)] == [":=", "=", "++", ":=", "range"]
    assert fm.is_address_taken(symbol) is False
