"""The profile index: names as Go gives them, path matching, weights per line, allocations charged to linted frames."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from pbenc import ProfileBuilder
from profile_helpers import Go, go_command

from goescape.linter.cost.functions import outer_name, plain_name, source_functions
from goescape.linter.cost.profile_view import file_weights
from goescape.linter.cost.profiles import ProfileIndex, _by_suffix
from goescape.linter.syntax.parsing import parse

NAMES = """package names

type T struct{ x int }

type G[K comparable] struct{ k K }

var Hook = func() int { return 1 }

func (t *T) M() func() int {
	return func() int {
		f := func() int { return t.x }
		return f() + 1
	}
}

func (t T) V() int { return t.x }

func (g *G[K]) Key() K { return g.k }

func Gen[X any](x X) func() X {
	return func() X { return x }
}

func F() (func() int, func() int) {
	a := func() int { return 2 }
	b := func() int {
		c := func() int { return 3 }
		return c()
	}
	return a, b
}
"""

USES = """package names

import "testing"

var sink []any

func TestUse(t *testing.T) {
	a, b := F()
	g := &G[string]{}
	sink = append(sink, (&T{}).M(), T{}.V(), g.Key(), Gen(3), Hook, a, b)
}
"""


@pytest.fixture(scope="module")
def go(tmp_path_factory: pytest.TempPathFactory) -> Go:
    return go_command(tmp_path_factory)


def test_source_names_are_the_compilers(go: Go, tmp_path: Path) -> None:
    """Every function and func literal is named as in the binary's symbol table (the names a
    profile carries), type arguments aside."""
    (tmp_path / "go.mod").write_text("module example.com/names\n\ngo 1.27\n")
    (tmp_path / "names.go").write_text(NAMES)
    (tmp_path / "names_test.go").write_text(USES)
    go.run(["test", "-c", "-gcflags=-l", "-o", "names.test", "."], tmp_path)
    symbols = go.run(["tool", "nm", "names.test"], tmp_path).split("\n")
    text = [line.split() for line in symbols if line.strip()]
    compiled = {plain_name(fields[-1]) for fields in text
                if fields[-2] in ("T", "t") and fields[-1].startswith("example.com/names.")}
    data = NAMES.encode()
    ours = {f.name for f in source_functions(parse(data), data, "example.com/names")}
    assert ours <= compiled, ours - compiled
    assert {n for n in compiled if not n.endswith(("TestUse", "-fm")) and ".dict." not in n} <= ours
    assert {"example.com/names.(*T).M.func1.1", "example.com/names.F.func2.1", "example.com/names.init.func1",
            "example.com/names.(*G).Key", "example.com/names.Gen.func1"} <= ours


def test_plain_and_outer_names() -> None:
    assert plain_name("slices.Grow[go.shape.[]uint8,go.shape.uint8]") == "slices.Grow"
    assert plain_name("p.(*G[go.shape.string]).Key") == "p.(*G).Key"
    assert plain_name("p.T.V-fm") == "p.T.V"
    assert outer_name("p.(*T).M.func1.1") == "p.(*T).M"
    assert outer_name("p.Gen[go.shape.int].func1") == "p.Gen"


def test_a_profile_file_is_the_linted_file_with_the_longest_common_suffix() -> None:
    linted = {"util.go": ["/src/a/util.go", "/src/b/util.go"], "x.go": ["/home/u/mod/pkg/x.go"]}
    assert _by_suffix("/build/mod/pkg/x.go", linted) == "/home/u/mod/pkg/x.go"
    assert _by_suffix("example.com/mod/pkg/x.go", linted) == "/home/u/mod/pkg/x.go"  # -trimpath
    assert _by_suffix("/elsewhere/x.go", linted) is None  # the file name alone proves nothing
    assert _by_suffix("/build/b/util.go", linted) == "/src/b/util.go"
    assert _by_suffix("/build/c/util.go", linted) is None
    assert _by_suffix("", linted) is None


LINTED = """package work

func Fill(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

func Name(w Writer, s string) {
	writeString(w, s)
}

type Writer interface{ Write([]byte) (int, error) }

func writeString(w Writer, s string) { w.Write([]byte(s)) }
"""


def cpu_profile(path: Path) -> bytes:
    """A CPU profile of LINTED: `runtime.mallocgc` under Fill's append and under io-like code
    called from Name (writeString inlined into it), the copy of a growing slice, a map assignment
    that allocates nothing, and plain samples."""
    b = ProfileBuilder()
    b.sample_type("samples", "count")
    b.sample_type("cpu", "nanoseconds")
    functions = ["runtime.mallocgc", "runtime.growslice", "example.com/work.Fill", "testing.(*B).run1",
                 "runtime.stringtoslicebyte", "io.WriteString", "example.com/work.Name",
                 "example.com/work.writeString", "runtime.memmove", "runtime.mapassign_faststr"]
    starts = [0, 0, 3, 0, 0, 0, 11, 17, 0, 0]
    for number, (name, start) in enumerate(zip(functions, starts), start=1):
        b.function(number, name, str(path) if "work" in name else f"/goroot/{name}.go", start)
    b.location(1, 0x10, [(1, 900)])
    b.location(2, 0x20, [(2, 200)])
    b.location(3, 0x30, [(3, 6)])  # Fill's append
    b.location(4, 0x40, [(4, 100)])
    b.location(5, 0x50, [(5, 300)])
    b.location(6, 0x60, [(6, 318)])
    b.location(7, 0x70, [(8, 17), (7, 12)])  # writeString inlined into Name at line 12
    b.location(8, 0x80, [(3, 5)])  # Fill's loop header
    b.location(9, 0x90, [(9, 50)])
    b.location(10, 0xa0, [(10, 60)])
    b.sample([1, 2, 3, 4], [6, 60])
    b.sample([1, 5, 6, 7, 4], [3, 30])
    b.sample([8, 4], [1, 10])
    b.sample([3, 8, 3, 4], [2, 20])  # the same line twice on one stack counts once
    b.sample([9, 2, 3, 4], [1, 10])  # growslice copying: the allocation's cost too
    b.sample([10, 8, 4], [2, 20])  # no allocator at the leaf: not an allocation
    return b.build()


def test_weights_and_cpu_allocations_land_on_the_linted_lines(tmp_path: Path) -> None:
    source = tmp_path / "work.go"
    source.write_text(LINTED)
    profile = tmp_path / "cpu.pprof"
    profile.write_bytes(cpu_profile(source))
    index = ProfileIndex.load([profile])
    index.bind([source], {str(tmp_path): ("example.com/work",)})
    data = LINTED.encode()
    weights = file_weights(index, os.path.realpath(source),
                           source_functions(parse(data), data, "example.com/work"), ("example.com/work",))
    assert weights.totals["cpu"] == (15, 10)
    assert {line: w["cpu"] for line, w in weights.lines.items()} == {6: 9, 5: 5, 12: 3, 17: 3}
    assert {start: w["cpu"] for start, w in weights.function_weights.items()} == {3: 12, 11: 3, 17: 3}
    assert sorted(weights.allocations) == [6, 17]  # the first linted frame: writeString, inlined
    assert weights.site_message(6, "\t\ts = append(s, i)") == (
        "this line's append growth spent 46.7% of the profile's samples in the runtime's allocation code (7)")
    assert weights.site_message(17, "") == (
        "this line spent 20.0% of the profile's samples in the runtime's allocation code (3), "
        "inside io.WriteString's []byte conversion")
    on_fill = weights.properties(6)
    assert on_fill["sampled"] and on_fill["share"] == pytest.approx(9 / 15)
    assert on_fill["allocation_share"] == pytest.approx(7 / 15)
    assert on_fill["function_share"] == pytest.approx(12 / 15)
    assert weights.properties(15)["sampled"] is False  # the interface declaration: no function
    assert index.unmatched() == [(str(profile), "cpu", 6, 0)]
