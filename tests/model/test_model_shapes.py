"""Type-shape predicates: pointer-shaped (direct interface), interface, reference, kinds."""
from __future__ import annotations

import pytest
from model_helpers import ident, model

from goescape.linter.model import types as T

DECLS = """package p

import (
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"example.com/elsewhere"
)

type N int
type S1 struct{ p *int }
type Rec struct{ next *Rec }
type Empty struct{}
type Fn func()
type Iface interface{ M() }
type Loop1 Loop2
type Loop2 Loop1
"""

ROWS = [
    # type expression, pointer-shaped, interface, reference
    ("*int", True, False, False),
    ("int", False, False, False),
    ("string", False, False, False),
    ("[]int", False, False, True),
    ("map[string]int", True, False, True),
    ("chan int", True, False, True),
    ("func()", True, False, True),
    ("Fn", True, False, True),
    ("unsafe.Pointer", True, False, False),
    ("any", False, True, False),
    ("interface{}", False, True, False),
    ("error", False, True, False),
    ("io.Reader", False, True, False),
    ("Iface", False, True, False),
    ("struct{ p *int }", True, False, False),  # one pointer-shaped field: direct interface
    ("struct{ a, b *int }", False, False, False),
    # Go 1.27's IsDirectIface: one word of pointer data, zero-sized fields aside...
    ("struct{ z struct{}; p *int }", True, False, False),
    ("struct{ _ [0]func(); p *int }", True, False, False),
    ("[1]struct{ p *int }", True, False, False),
    ("struct{ p *int; z struct{} }", False, False, False),  # ...unless last: padded to 2 words
    ("struct{}", False, False, False),
    ("[0]*int", False, False, False),
    ("[1]*int", True, False, False),
    ("[2]*int", False, False, False),
    ("S1", True, False, False),
    ("Rec", True, False, False),
    ("Empty", False, False, False),
    ("N", False, False, False),
    ("sync.Mutex", False, False, False),
    ("*strings.Builder", True, False, False),
    ("atomic.Pointer[int]", True, False, False),  # struct{ _ [0]*T; _ noCopy; v unsafe.Pointer }
    ("elsewhere.Thing", None, None, None),  # a package without data: unknown shape
    ("Loop1", None, None, None),  # invalid cycle: unknown, and no hang
]


@pytest.mark.parametrize(("expr", "shaped", "iface", "reference"), ROWS)
def test_predicates(expr: str, shaped: bool | None, iface: bool | None, reference: bool | None) -> None:
    fm = model(DECLS + f"\nvar v {expr}\n")
    t = fm.resolve(ident(fm, "var v", "v")).type
    assert t is not None
    assert T.is_pointer_shaped(t) is shaped
    assert T.is_interface(t) is iface
    assert T.is_reference(t) is reference


def test_type_parameters_are_unknown_shapes() -> None:
    fm = model("package p\n\nfunc f[V any](v V) { _ = v }\n")
    t = fm.resolve(ident(fm, "_ = v", "v")).type
    assert isinstance(t, T.TypeParam)
    assert T.is_pointer_shaped(t) is None and T.is_interface(t) is None
    assert T.kind(t) is T.Kind.TYPE_PARAM


@pytest.mark.parametrize(("t", "expected"), [
    (T.Basic("int64"), T.Kind.NUMERIC),
    (T.STRING, T.Kind.STRING),
    (T.UNTYPED_NIL, T.Kind.NIL),
    (T.Slice(T.INT), T.Kind.SLICE),
    (T.Map(T.STRING, T.ANY), T.Kind.MAP),
    (T.Signature(), T.Kind.FUNC),
    (T.ANY, T.Kind.INTERFACE),
    (T.ERROR, T.Kind.INTERFACE),
    (T.Struct(), T.Kind.STRUCT),
    (T.UNKNOWN, None),
])
def test_kind(t: T.Type, expected: T.Kind | None) -> None:
    assert T.kind(t) is expected


@pytest.mark.parametrize(("t", "expected"), [
    (T.UNTYPED_INT, T.INT), (T.UNTYPED_FLOAT, T.FLOAT64), (T.UNTYPED_RUNE, T.INT32),
    (T.UNTYPED_STRING, T.STRING), (T.UNTYPED_BOOL, T.BOOL), (T.UNTYPED_NIL, None), (T.INT, T.INT),
])
def test_default_type(t: T.Type, expected: T.Type | None) -> None:
    assert T.default_type(t) == expected


def test_generic_substitution_reaches_fields() -> None:
    fm = model("""package p

type Box[T any] struct{ v T; next *Box[T] }

var b Box[*int]
""")
    t = fm.resolve(ident(fm, "var b", "b")).type
    u = T.underlying(t)
    assert isinstance(u, T.Struct)
    assert [str(f.type) for f in u.fields] == ["*int", "*p.Box[*int]"]
    assert T.is_pointer_shaped(t) is False  # two fields


def test_signature_variadic_parameter_for_arguments() -> None:
    sig = T.Signature((T.STRING, T.Slice(T.ANY)), (), variadic=True)
    assert sig.param_for_arg(0) == T.STRING
    assert sig.param_for_arg(1) == T.ANY and sig.param_for_arg(5) == T.ANY
    assert str(sig) == "func(string, ...any)"
