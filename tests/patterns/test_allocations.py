"""linter/patterns/allocations: whether an allocation written in a function escapes, and how."""
from __future__ import annotations

import pytest
from pattern_helpers import node_at, single_file

from goescape.linter.model import FileModel
from goescape.linter.patterns.allocations import escape
from goescape.linter.patterns.flows import Route, value_sink

HEADER = """package p

var kept []int

type holder struct{ s []int }

//go:noinline
func keep(s []int) { kept = s }

//go:noinline
func size(s []int) int { return len(s) }

//go:noinline
func apply(f func() []int) []int { return f() }

func small(f func() []int) []int { return f() }
"""


def model(body: str) -> FileModel:
    return single_file(HEADER + body)


@pytest.mark.parametrize(("body", "route"), [
    ("func f(a []int) []int {\n\treturn append(a, 1) // here\n}\n", Route.RESULT),
    ("func f(a []int) []int {\n\tx := append(a, 1) // here\n\ty := append(x, 2)\n\treturn y\n}\n", Route.RESULT),
    ("func f(h holder) holder {\n\th.s = append(h.s, 1) // here\n\treturn h\n}\n", Route.RESULT),
    ("func f(a []int) {\n\tkeep(append(a, 1)) // here\n}\n", Route.CALL),
    ("func f(a []int) int {\n\treturn size(append(a, 1)) // here\n}\n", None),
    ("func f(a []int) int {\n\tb := append(a, 1) // here\n\treturn len(b)\n}\n", None),
    ("func f(a []int) string {\n\tb := append(a, 1) // here\n\treturn string(rune(len(b)))\n}\n", None),
    # stored through a pointer: ESC107's
    ("func f(h *holder) {\n\th.s = append(h.s, 1) // here\n}\n", None),
    # what an inlined func literal returns stays with its caller
    ("func f(a []int) int {\n\tx := func() []int { return append(a, 1) // here\n\t}()\n\treturn len(x)\n}\n", None),
    # what a closure passed to a function that is never inlined returns escapes
    ("func f(a []int) []int {\n\treturn apply(func() []int { return append(a, 1) // here\n\t})\n}\n",
     Route.RESULT),
    # ... but not when the function may be inlined, calling the literal in place
    ("func f(a []int) []int {\n\treturn small(func() []int { return append(a, 1) // here\n\t})\n}\n", None),
    # dead code and generic functions: the compiler reports nothing where they are written
    ("func f(a []int) []int {\n\tif false {\n\t\treturn append(a, 1) // here\n\t}\n\treturn a\n}\n", None),
])
def test_append_escape(body: str, route: Route | None) -> None:
    fm = model(body)
    found = escape(fm, node_at(fm, "// here", "append(a, 1)") if "append(a, 1)" in body
                   else node_at(fm, "// here", "append(h.s, 1)"))
    assert (found.sink.route if found is not None else None) == route


def test_a_byte_slice_converted_to_a_string_is_copied() -> None:
    fm = model("func f(b []byte) string {\n\tc := b // here\n\treturn string(c)\n}\n")
    assert value_sink(fm, node_at(fm, "// here", "b")) is None
    fm = model("type S []byte\n\nfunc f(b []byte) S {\n\tc := b // here\n\treturn S(c)\n}\n")
    assert value_sink(fm, node_at(fm, "// here", "b")) is not None  # a retyping shares the array


def test_a_related_location_names_where_it_escapes() -> None:
    fm = model("func f(a []int) []int {\n\tx := append(a, 1) // here\n\treturn x\n}\n")
    found = escape(fm, node_at(fm, "// here", "append(a, 1)"))
    assert found is not None and [note for _, note in found.related] == ["it is returned here"]


@pytest.mark.parametrize(("body", "reason"), [
    ("func f(xs []string) int {\n\tvar s string\n\tfor _, x := range xs {\n\t\ts = x + \"!\" // here\n\t}\n"
     "\treturn len(s)\n}\n", "stored in s, declared outside the loop"),
    ("func f(xs []string) int {\n\tvar s string\n\tfor _, x := range xs {\n\t\ty := x + \"!\" // here\n\t\ts = y\n"
     "\t}\n\treturn len(s)\n}\n", "stored in s, declared outside the loop"),
    ("func f(xs []string) int {\n\tvar t struct{ s string }\n\tfor _, x := range xs {\n\t\tt.s = x + \"!\" // here\n"
     "\t}\n\treturn len(t.s)\n}\n", "stored in t, declared outside the loop"),
    ("func f(xs [][]string) int {\n\tvar s string\n\tfor _, ys := range xs {\n\t\tfor _, x := range ys {\n"
     "\t\t\ts = x + \"!\" // here\n\t\t}\n\t}\n\treturn len(s)\n}\n", "stored in s, declared outside the loop"),
    ("func f(xs []string) int {\n\tn := 0\n\tfor _, x := range xs {\n\t\ts := x + \"!\" // here\n\t\tn += len(s)\n"
     "\t}\n\treturn n\n}\n", None),
    # the init statement of a for clause runs once, outside the loop
    ("func f(x string) int {\n\tvar s string\n\tfor s = x + \"!\"; len(s) < 3; { // here\n\t\tbreak\n\t}\n"
     "\treturn len(s)\n}\n", None),
    # a range over a function: the body is a func literal of the compiler's
    ("func f(seq func(func(string) bool)) int {\n\tvar s string\n\tfor x := range seq {\n\t\ts = x + \"!\" // here\n"
     "\t}\n\treturn len(s)\n}\n", None),
    ("func f(x string) (n int) {\n\tvar s string\n\tdefer func() {\n\t\ts = x + \"!\" // here\n\t\tn = len(s)\n"
     "\t}()\n\treturn 0\n}\n", "stored in s, a variable of the function around the closure"),
    # inlined where it is called: the same function for the compiler
    ("func f(x string) int {\n\tvar s string\n\tfunc() {\n\t\ts = x + \"!\" // here\n\t}()\n\treturn len(s)\n}\n",
     None),
])
def test_outer_variable(body: str, reason: str | None) -> None:
    fm = model(body)
    found = escape(fm, node_at(fm, "// here", "x + \"!\""))
    assert (found.phrase if found is not None else None) == reason


@pytest.mark.parametrize(("statement", "reason"), [
    ("s += t", "returned"),
    ("s = strings.Clone(t)", None),
    ("v, err := strconv.Unquote(t); _ = err; s = v", "returned"),
    ("_, err := strconv.Unquote(t); _ = err", None),
    ("s = t[1:]", "returned"),
])
def test_string_flows(statement: str, reason: str | None) -> None:
    source = ("package p\n\nimport (\n\t\"strconv\"\n\t\"strings\"\n)\n\n"
              f"func f(t string) string {{\n\tvar s string\n\t_ = t // here\n\t{statement}\n\treturn s\n}}\n")
    fm = single_file(source)
    found = value_sink(fm, node_at(fm, "// here", "t"))
    assert found is None  # `_ = t` stores nothing: each case is asked about its own use below
    uses_line = fm.source.data.decode().splitlines().index("\t" + statement) + 1
    node = next(n for n in _identifiers(fm, "t") if n.start_point[0] + 1 == uses_line)
    found = value_sink(fm, node)
    assert (found.reason if found is not None else None) == reason


def _identifiers(fm: FileModel, name: str) -> list:  # type: ignore[type-arg]
    stack, found = [fm.tree.root_node], []
    while stack:
        node = stack.pop()
        if node.type == "identifier" and node.text == name.encode():
            found.append(node)
        stack.extend(node.children)
    return found
