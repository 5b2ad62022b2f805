"""patterns.storage: conversions that keep a reference, and those that end it (Go 1.27 -m)."""
from __future__ import annotations

from pathlib import Path

import pytest

from goescape.linter.model import FileModel, PackageModel
from goescape.linter.patterns.storage import OriginKind, heap_origins
from goescape.linter.syntax.parsing import parse
from goescape.linter.syntax.source import SourceFile

# `g(...)` stands for any callee that leaks its argument. Measured: `moved to heap: x` for
# unsafe.Pointer(&x), nothing for uintptr(unsafe.Pointer(&x)) (a uintptr is not a pointer).
SOURCE = """package p

import "unsafe"

type ptr *int

func f(x int) {
	g(uintptr(unsafe.Pointer(&x)))  // uintptr
	g(int64(uintptr(unsafe.Pointer(&x)))) // number
	g(unsafe.Pointer(&x))           // unsafe_pointer
	g(ptr(&x))                      // named_pointer
	g(any(&x))                      // interface
}

func g(v any) {}
"""


@pytest.fixture(scope="module")
def fm() -> FileModel:
    data = SOURCE.encode()
    return PackageModel([(SourceFile(Path("/virtual/p.go"), data), parse(data))],
                        path="example.com/p").file(Path("/virtual/p.go"))


def _argument(fm: FileModel, marker: str):
    line = next(i for i, text in enumerate(SOURCE.splitlines()) if text.endswith(f"// {marker}"))
    node = fm.tree.root_node.named_descendant_for_point_range((line, 1), (line, 1))
    while node.type != "call_expression":
        node = node.parent
    return node.child_by_field_name("arguments").named_children[0]


@pytest.mark.parametrize(("marker", "expected"), [
    ("uintptr", []),
    ("number", []),
    ("unsafe_pointer", [(OriginKind.VARIABLE, "x")]),
    ("named_pointer", [(OriginKind.VARIABLE, "x")]),
    ("interface", [(OriginKind.VARIABLE, "x")]),
])
def test_conversion_keeps_or_ends_the_reference(fm: FileModel, marker: str,
                                                expected: list[tuple[OriginKind, str]]) -> None:
    assert [(o.kind, o.subject) for o in heap_origins(fm, _argument(fm, marker))] == expected
