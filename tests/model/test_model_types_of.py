"""Types the syntax gives: declarations, literals, &T{}, new, make, conversions, calls, fields,
indexing, multiple assignment, range, type switches, generics and the standard library."""
from __future__ import annotations

import pytest
from model_helpers import find, ident, model

from goescape.linter.model import FileModel

SOURCE = """package p

import (
	"fmt"
	"io"
	"strings"
	"sync"
)

type Point struct {
	X, Y int
	Tags []string
	next *Point
	sync.Mutex
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T)         { s.items = append(s.items, v) }
func (s *Stack[T]) Top() (T, bool)   { var zero T; return zero, false }
func (p Point) Len() float64          { return 0 }
func pair() (int, error)              { return 0, nil }
func Map[S ~[]E, E, R any](s S, f func(E) R) []R { return nil }

type Celsius float64
type Reader = io.Reader

var table = map[string][]*Point{}

const big = 1 << 40

func f(p *Point, r io.Reader, m map[string]int, ch chan *Point, fs []func() error, arr [4]byte) {
	a := 1                          // L_a
	b := 'x'                        // L_b
	c := 2.5                        // L_c
	d := "s" + "t"                  // L_d
	e := &Point{X: 1}               // L_e
	g := new(Point)                 // L_g
	h := make([]*Point, 0, 4)       // L_h
	i := Celsius(a)                 // L_i
	j := []byte(d)                  // L_j
	k, err := pair()                // L_k
	v, ok := m["a"]                 // L_v
	w, isP := r.(*strings.Reader)   // L_w
	q, more := <-ch                 // L_q
	var s Stack[string]             // L_s
	top, found := s.Top()           // L_top
	n := p.next.Tags[0]             // L_n
	o := table["x"][0].X            // L_o
	sb := &strings.Builder{}        // L_sb
	cnt, werr := fmt.Fprint(sb, n)  // L_cnt
	lit := func(x int) string { return "" } // L_lit
	u := arr[1:]                    // L_u
	ln := p.Len()                   // L_ln
	z := Map([]int{1}, func(int) string { return "" }) // L_z
	for idx, pt := range table["x"] { _, _ = idx, pt } // L_range
	for key, val := range m { _, _ = key, val }         // L_range_map
	for ci, r := range "héllo" { _, _ = ci, r }         // L_range_str
	for got := range ch { _ = got }                     // L_range_chan
	for nn := range 10 { _ = nn }                       // L_range_int
	var x, y = 1, "two"             // L_xy
	var mu sync.Mutex               // L_mu
	var rr Reader                   // L_rr
	arr2 := [...]int{1, 2, 3}       // L_arr2
	si := s.items                   // L_si
	_ = fs[0]()                     // L_call_elem
	_, _, _, _, _, _, _, _, _, _ = a, b, c, d, e, g, h, i, j, k
	_, _, _, _, _, _, _, _, _, _ = err, v, ok, w, isP, q, more, top, found, o
	_, _, _, _, _, _, _, _, _, _ = cnt, werr, lit, u, ln, z, x, y, mu, rr
	_, _ = arr2, si
}
"""


@pytest.fixture(scope="module")
def fm() -> FileModel:
    return model(SOURCE)


@pytest.mark.parametrize(("line", "name", "expected"), [
    ("L_a", "a", "int"),
    ("L_b", "b", "int32"),
    ("L_c", "c", "float64"),
    ("L_d", "d", "string"),
    ("L_e", "e", "*p.Point"),
    ("L_g", "g", "*p.Point"),
    ("L_h", "h", "[]*p.Point"),
    ("L_i", "i", "p.Celsius"),
    ("L_j", "j", "[]uint8"),
    ("L_k", "k", "int"),
    ("L_k", "err", "error"),
    ("L_v", "v", "int"),
    ("L_v", "ok", "bool"),
    ("L_w", "w", "*strings.Reader"),
    ("L_w", "isP", "bool"),
    ("L_q", "q", "*p.Point"),
    ("L_q", "more", "bool"),
    ("L_s", "s", "p.Stack[string]"),
    ("L_top", "top", "string"),
    ("L_top", "found", "bool"),
    ("L_n", "n", "string"),
    ("L_o", "o", "int"),
    ("L_sb", "sb", "*strings.Builder"),
    ("L_cnt", "cnt", "int"),
    ("L_cnt", "werr", "error"),
    ("L_lit", "lit", "func(int) string"),
    ("L_u", "u", "[]uint8"),
    ("L_ln", "ln", "float64"),
    ("L_z", "z", "[]string"),
    ("L_range", "idx", "int"),
    ("L_range", "pt", "*p.Point"),
    ("L_range_map", "key", "string"),
    ("L_range_map", "val", "int"),
    ("L_range_str", "r", "int32"),
    ("L_range_chan", "got", "*p.Point"),
    ("L_range_int", "nn", "int"),
    ("L_xy", "x", "int"),
    ("L_xy", "y", "string"),
    ("L_mu", "mu", "sync.Mutex"),
    ("L_rr", "rr", "io.Reader"),
    ("L_arr2", "arr2", "[3]int"),
    ("L_si", "si", "[]string"),
    ("func f(", "fs", "[]func() error"),
])
def test_variable_types(fm: FileModel, line: str, name: str, expected: str) -> None:
    symbol = fm.resolve(ident(fm, line, name))
    assert symbol is not None
    assert str(symbol.type) == expected


@pytest.mark.parametrize(("expr", "expected", "nth"), [
    ("&Point{X: 1}", "*p.Point", 0),
    ("Point{X: 1}", "p.Point", 0),
    ("1 << 40", "untyped int", 0),
    ('"s" + "t"', "untyped string", 0),
    ("p.next.Tags[0]", "string", 0),
    ("p.next.Tags", "[]string", 0),
    ("table[\"x\"][0]", "*p.Point", 0),
    ("<-ch", "*p.Point", 0),
    ("pair()", "(int, error)", 0),
    ("fs[0]()", "error", 0),
    ("r.(*strings.Reader)", "*strings.Reader", 0),
    ("s.Top", "func() (string, bool)", 0),
    ("fmt.Fprint", "func(io.Writer, ...any) (int, error)", 0),
    ("arr[1:]", "[]uint8", 0),
])
def test_expression_types(fm: FileModel, expr: str, expected: str, nth: int) -> None:
    assert str(fm.type_of(find(fm, expr, nth=nth))) == expected


@pytest.mark.parametrize("expr", ["undefined.Field", "mystery()", "unknownpkg.Value"])
def test_unknown_expressions_have_no_type(expr: str) -> None:
    fm = model(f'package p\n\nimport "example.com/unknownpkg"\n\nfunc f() {{ _ = {expr} }}\n')
    assert fm.type_of(find(fm, expr)) is None


def test_embedded_field_promotes_methods(fm: FileModel) -> None:
    selection = fm.select(find(fm, "p.Len"))
    assert selection is not None and not selection.takes_address
    lock = model(SOURCE + "\nfunc g(pt Point) { pt.Lock() }\n")
    found = lock.select(find(lock, "pt.Lock"))
    assert found is not None and found.depth == 1 and found.takes_address  # (*sync.Mutex).Lock


def test_type_switch_clause_types() -> None:
    fm = model("""package p

func f(e any) {
	switch v := e.(type) {
	case *int:
		_ = v // L_ptr
	case string, error:
		_ = v // L_multi
	default:
		_ = v // L_default
	}
}
""")
    assert str(fm.resolve(ident(fm, "L_ptr", "v")).type) == "*int"
    assert str(fm.resolve(ident(fm, "L_multi", "v")).type) == "any"
    assert str(fm.resolve(ident(fm, "L_default", "v")).type) == "any"


def test_iota_constants_repeat_their_spec() -> None:
    fm = model("""package p

type Kind uint8

const (
	A Kind = iota
	B
	C
)

func f() { _ = C }
""")
    assert str(fm.resolve(ident(fm, "_ = C", "C")).type) == "p.Kind"


def test_type_parameter_core_types() -> None:
    fm = model("""package p

func Compact[S ~[]E, E comparable](s S) S {
	first := s[0]     // L_first
	for _, v := range s { _ = v } // L_range
	return s[:1]      // L_slice
}
""")
    assert str(fm.resolve(ident(fm, "L_first", "first")).type) == "E"
    assert str(fm.resolve(ident(fm, "L_range", "v")).type) == "E"
    assert str(fm.type_of(find(fm, "s[:1]"))) == "S"


def test_syntax_tree_sitter_reads_differently() -> None:
    fm = model("""package p

import "unsafe"

const (
	magicA, versionA = "ustar ", " "
	magicB, versionB = 1, 2.5
)

type Point interface{ Double() Point }

func twice[P Point](p P) P { return p.Double().(P) }

func f(buf []uint16, p unsafe.Pointer, check struct{ iota int }) {
	a := *(*[2]uint16)(buf)          // L_deref
	iota := check.iota               // L_iota
	b := iota + 1                    // L_iota_use
	_, _, _, _ = a, b, versionA, versionB
}
""")
    assert str(fm.package.symbol("versionA").type) == "untyped string"
    assert str(fm.package.symbol("versionB").type) == "untyped float"  # the comma is not a name
    assert str(fm.resolve(ident(fm, "L_deref", "a")).type) == "[2]uint16"  # *(*T)(p), not a conversion
    assert str(fm.resolve(ident(fm, "L_iota_use", "b")).type) == "int"  # the local iota, not the constant
    assert str(fm.type_of(find(fm, "p.Double()"))) == "p.Point"  # a method of P's constraint


def test_parameter_names_of_func_types_declare_nothing() -> None:
    fm = model("package p\n\nfunc tag() {}\n\ntype Expr interface{ Eval(ok func(tag string) bool) bool }\n")
    assert fm.resolve(find(fm, "tag", "identifier", nth=1)) is None
