"""linter/patterns: which conversions box (boxing), and which code the compiler drops (reachability)."""
from __future__ import annotations

from pathlib import Path

import pytest
from pattern_helpers import node_at, single_file

from goescape.linter.model import FileModel, PackageModel
from goescape.linter.patterns.boxing import boxed_in_context, boxing, subject, target_type
from goescape.linter.patterns.reachability import MAYBE, in_generic, is_dead, static_bool
from goescape.linter.syntax.parsing import parse
from goescape.linter.syntax.source import SourceFile

HEADER = """package p

import "runtime"

type Small struct{ a, b int }
type Zero struct{}
type Wrap struct{ p *int }
type Padded struct {
	p *int
	z struct{}
}
type MyInt int

const debug = false
const verbose = !debug

var sink any
"""


def model(body: str) -> FileModel:
    return single_file(HEADER + body)


@pytest.mark.parametrize(("value", "boxed"), [
    ("110", True),  # constants are reported like other values
    ('"s"', True),
    ("true", True),
    ("n", True),
    ("s", True),
    ("Small{}", True),
    ("Zero{}", True),  # zero-sized values too
    ("MyInt(5)", True),
    ("p", False),  # pointer-shaped: stored in the data word
    ("Wrap{p}", False),
    ("Padded{p: p}", True),  # a trailing zero-sized field pads it to two words
    ("m", False),
    ("e", False),  # already an interface
    ("nil", False),
])
def test_boxing(value: str, boxed: bool) -> None:
    fm = model(f"""
func f(n int, s string, p *int, m map[int]int, e error) {{
	sink = {value} // here
}}
""")
    found = boxing(fm, node_at(fm, "// here", value))
    assert (found is not None) is boxed
    if found is not None:
        assert found.constant is (value in ("110", '"s"', "true", "MyInt(5)"))


def test_boxing_unknown_for_type_parameters() -> None:
    fm = model("func g[T any](v T) { sink = v } // here\n")
    assert boxing(fm, node_at(fm, "// here", "v")) is None


def test_explicit_conversion_is_the_reported_node() -> None:
    fm = model("func f(n int) { x := any(n); sink = x } // here\n")
    call = node_at(fm, "// here", "any(n)")
    found = boxed_in_context(fm, call)
    assert found is not None and found.node == call and found.value.text == b"n"


@pytest.mark.parametrize(("line", "value", "expected"), [
    ("data[0] = n // t1", "n", "any"),
    ("ints[0] = n // t2", "n", "int"),
    ("x := n // t3", "n", None),  # no conversion: x takes n's type
    ("var e any = n // t4", "n", "any"),
    ("m[\"k\"] = n // t5", "n", "any"),
    ("_ = map[any]int{n: 1} // t6", "n", "any"),
    ("_ = Small{a: n} // t7", "n", "int"),
])
def test_target_type(line: str, value: str, expected: str | None) -> None:
    fm = model(f"""
func f(n int, data []any, ints []int, m map[string]any) {{
	{line}
}}
""")
    marker = line[line.index("//"):]
    found = target_type(fm, node_at(fm, marker, value))
    assert (str(found) if found is not None else None) == expected


def test_subject_shortens_literals() -> None:
    fm = model("func f() { sink = Small{a: 1, b: 2} } // here\n")
    assert subject(fm, node_at(fm, "// here", "Small{a: 1, b: 2}")) == "Small{...}"


@pytest.mark.parametrize(("condition", "expected"), [
    ("debug", False),
    ("verbose", True),
    ("!debug && n > 0", None),
    ("debug && n > 0", False),
    ("verbose || n > 0", True),
    ('runtime.GOOS == "plan9"', False),
    ("n > 0", None),
])
def test_static_bool(condition: str, expected: object) -> None:
    fm = model(f"func f(n int) {{\n\tif {condition} {{ // here\n\t}}\n}}\n")
    assert static_bool(fm, node_at(fm, "// here", condition)) == expected


def test_another_packages_constant_is_maybe() -> None:
    cond_src = "syscall.ImplementsGetwd"
    fm = single_file(HEADER.replace('import "runtime"', 'import (\n\t"runtime"\n\t"syscall"\n)') +
                     f"func f() {{\n\tif {cond_src} {{ // here\n\t}}\n}}\n")
    assert static_bool(fm, node_at(fm, "// here", cond_src)) is MAYBE


@pytest.mark.parametrize(("body", "dead"), [
    ("if debug {\n\t\tsink = n // here\n\t}", True),
    ("if verbose {\n\t\treturn\n\t} else {\n\t\tsink = n // here\n\t}", True),
    ("return\n\tsink = n // here", True),
    ("panic(1)\n\tsink = n // here", True),
    ("if n > 0 {\n\t\treturn\n\t}\n\tsink = n // here", False),
    ("if verbose {\n\t\treturn\n\t}\n\tsink = n // here", True),
    ("goto L\nL:\n\tsink = n // here", False),
    ("switch 8 {\n\tcase 4:\n\t\tsink = n // here\n\t}", True),
    ("switch 8 {\n\tcase 8:\n\t\tsink = n // here\n\t}", False),
    ("switch n {\n\tcase 8:\n\t\tsink = n // here\n\t}", False),
    ("sink = n // here", False),
])
def test_is_dead(body: str, dead: bool) -> None:
    fm = model(f"func f(n int) {{\n\t{body}\n}}\n")
    assert is_dead(fm, node_at(fm, "// here", "n")) is dead


def test_in_generic() -> None:
    fm = model("type Set[T comparable] struct{ m map[T]bool }\n\n"
               "func (s *Set[T]) Add(n int) { sink = n } // here\n\n"
               "func plain(n int) { sink = n } // there\n")
    assert in_generic(node_at(fm, "// here", "n"))
    assert not in_generic(node_at(fm, "// there", "n"))


def test_generic_bodies_are_reported_when_the_package_instantiates_them() -> None:
    from goescape.linter.patterns.reachability import reported_where_written

    fm = model("""type Box[T any] struct{ v T }

func (b *Box[T]) Set(n int) { sink = n } // method

type Bag[T any] struct{ v T }

func (b *Bag[T]) Set(n int) { sink = n } // unused method

func used[T any](v T, n int) { sink = n } // used

func unused[T any](v T, n int) { sink = n } // unused

func caller() {
	used(1, 2)
	var b Box[int]
	b.Set(3)
}
""")
    assert reported_where_written(fm, node_at(fm, "// used", "n"))
    assert not reported_where_written(fm, node_at(fm, "// unused\n", "n"))
    assert reported_where_written(fm, node_at(fm, "// method", "n"))
    assert not reported_where_written(fm, node_at(fm, "// unused method", "n"))


def test_a_generic_instantiated_only_by_tests_is_not_reported_in_the_package_build() -> None:
    from goescape.linter.patterns.reachability import reported_where_written

    files = {
        "/virtual/p.go": "package p\n\nvar sink any\n\ntype Work[T any] struct{ v T }\n\n"
                         "func (w *Work[T]) Do(n int) { sink = n } // method\n",
        "/virtual/p_test.go": "package p\n\nfunc use() {\n\tvar w Work[int]\n\tw.Do(1) // test\n}\n\n"
                              "func local[T any](n int) { sink = n } // test generic\n\n"
                              "func useLocal() { local[int](2) }\n",
    }
    parsed = [(SourceFile(Path(path), text.encode()), parse(text.encode())) for path, text in files.items()]
    package = PackageModel(parsed, path="example.com/p")
    plain, tests = package.file(Path("/virtual/p.go")), package.file(Path("/virtual/p_test.go"))
    # `go build` compiles no instance of Work: nothing is reported in its methods
    assert not reported_where_written(plain, node_at(plain, "// method", "n"))
    # a generic of a test file, instantiated there, is compiled in the test binary
    assert reported_where_written(tests, node_at(tests, "// test generic", "n"))
