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
