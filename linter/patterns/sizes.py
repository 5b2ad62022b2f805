"""The size, alignment and pointers of a Go type on 64-bit targets (amd64, arm64), as the compiler lays it out.

`cmd/compile/internal/types/size.go` (`CalcSize`): pointers, maps, chans and funcs take one
word, strings and interfaces two, slices three; an array takes its length times its element's
size; a struct places each field at the next multiple of its alignment and rounds the total up
to the largest alignment among its fields, plus one byte of padding when a non-empty struct
ends in a zero-sized field (so that a pointer to that field does not point past the object).
None whenever a part of the type is not known (a type parameter, a type the model cannot see
into, an array length it cannot fold): the rules then stay silent. The cost stage prices
allocations from the same layouts (`goescape.linter.cost.sizes`).
"""
from __future__ import annotations

from dataclasses import dataclass

from goescape.linter.model.types import (
    Array,
    Basic,
    Chan,
    Interface,
    Map,
    Pointer,
    Signature,
    Slice,
    Struct,
    Type,
    TypeParam,
    underlying,
)

WORD = 8
_MAX_DEPTH = 32


_BASIC: dict[str, tuple[int, int, bool]] = {  # name -> (size, align, has pointers)
    "bool": (1, 1, False), "int8": (1, 1, False), "uint8": (1, 1, False),
    "int16": (2, 2, False), "uint16": (2, 2, False),
    "int32": (4, 4, False), "uint32": (4, 4, False), "float32": (4, 4, False),
    "int": (8, 8, False), "uint": (8, 8, False), "int64": (8, 8, False), "uint64": (8, 8, False),
    "uintptr": (8, 8, False), "float64": (8, 8, False), "complex64": (8, 4, False),
    "complex128": (16, 8, False), "string": (16, 8, True), "unsafe.Pointer": (8, 8, True),
    # untyped constants take their default type's layout
    "untyped bool": (1, 1, False), "untyped int": (8, 8, False), "untyped rune": (4, 4, False),
    "untyped float": (8, 8, False), "untyped complex": (16, 8, False), "untyped string": (16, 8, True),
}


@dataclass(frozen=True)
class Layout:
    """A type's size and alignment in bytes, and whether its values hold pointers."""

    size: int
    align: int
    pointers: bool


def layout(t: Type | None, _depth: int = 0) -> Layout | None:
    """The layout of values of type t on a 64-bit platform; None when the type is not known
    (or is a type parameter: its layout depends on the instantiation)."""
    u = underlying(t)
    if u is None or isinstance(u, TypeParam) or _depth > _MAX_DEPTH:
        return None
    if isinstance(u, Basic):
        found = _BASIC.get(u.name)
        return Layout(*found) if found is not None else None
    if isinstance(u, (Pointer, Map, Chan, Signature)):
        return Layout(WORD, WORD, True)
    if isinstance(u, Slice):
        return Layout(3 * WORD, WORD, True)
    if isinstance(u, Interface):
        return Layout(2 * WORD, WORD, True)
    if isinstance(u, Array):
        inner = layout(u.elem, _depth + 1)
        if inner is None or u.length is None:
            return None
        return Layout(inner.size * u.length, inner.align, inner.pointers and u.length > 0)
    if isinstance(u, Struct):
        return _struct(u, _depth)
    return None


def _struct(s: Struct, depth: int) -> Layout | None:
    offset, align, pointers = 0, 1, False
    fields = [layout(f.type, depth + 1) for f in s.fields]
    for field in fields:
        if field is None:
            return None
        offset = _round(offset, field.align) + field.size
        align = max(align, field.align)
        pointers = pointers or field.pointers
    if fields and fields[-1] is not None and fields[-1].size == 0 and offset > 0:
        offset += 1  # a zero-sized final field is padded so its address stays inside the struct
    return Layout(_round(offset, align), align, pointers)


def _round(n: int, align: int) -> int:
    return (n + align - 1) // align * align


def size_of(t: Type | None) -> int | None:
    """The size in bytes of a value of `t`; None when the model cannot tell."""
    found = layout(t)
    return found.size if found is not None else None


def align_of(t: Type | None) -> int | None:
    found = layout(t)
    return found.align if found is not None else None
