"""linter/patterns/sizes: the compiler's layout of types, checked against unsafe.Sizeof answers."""
from __future__ import annotations

import pytest
from pattern_helpers import node_at, single_file

from goescape.linter.patterns.sizes import align_of, size_of

# (type, unsafe.Sizeof, unsafe.Alignof) on linux/amd64 (Go 1.27).
LAYOUTS = [
    ("bool", 1, 1), ("int16", 2, 2), ("rune", 4, 4), ("int", 8, 8), ("complex64", 8, 4),
    ("complex128", 16, 8), ("string", 16, 8), ("[]int", 24, 8), ("any", 16, 8), ("*int", 8, 8),
    ("map[int]int", 8, 8), ("func()", 8, 8), ("chan int", 8, 8), ("[40]int", 320, 8), ("[3]byte", 3, 1),
    ("struct{ a byte; b int64 }", 16, 8), ("struct{ a, b byte }", 2, 1), ("struct{}", 0, 1),
    ("struct{ a int32; b struct{} }", 8, 4), ("struct{ a byte; s string; c byte }", 32, 8),
    ("[2]struct{ a int32; b byte }", 16, 4), ("pair", 24, 8), ("[n]int", 128, 8),
]


@pytest.mark.parametrize(("written", "size", "align"), LAYOUTS)
def test_layout_matches_unsafe_sizeof(written: str, size: int, align: int) -> None:
    fm = single_file(f"package p\n\nconst n = 16\n\ntype pair struct {{ k string; v *int }}\n\n"
                     f"var value {written} // here\n")
    t = fm.type_of(node_at(fm, "// here", "value"))
    assert (size_of(t), align_of(t)) == (size, align)


@pytest.mark.parametrize("written", ["T", "[k]int", "struct{ t T }"])
def test_unknown_parts_make_the_size_unknown(written: str) -> None:
    fm = single_file(f"package p\n\nfunc f[T any](k int) {{\n\tvar x {written} // here\n\t_ = x\n}}\n")
    assert size_of(fm.type_of(node_at(fm, "// here", "x"))) is None
