"""The size and alignment of a Go type on 64-bit targets (amd64, arm64), as the compiler lays it out.

`cmd/compile/internal/types/size.go` (`CalcSize`): pointers, maps, chans and funcs take one
word, strings and interfaces two, slices three; an array takes its length times its element's
size; a struct places each field at the next multiple of its alignment and rounds the total up
to the largest alignment among its fields, plus one byte of padding when a non-empty struct
ends in a zero-sized field (so that a pointer to that field does not point past the object).
None whenever a part of the type is not known (a type parameter, a type the model cannot see
into, an array length it cannot fold): the rules then stay silent.
"""
from __future__ import annotations

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
    default_type,
    underlying,
)

WORD = 8
_BASIC = {
    "bool": 1, "int8": 1, "uint8": 1, "int16": 2, "uint16": 2, "int32": 4, "uint32": 4,
    "float32": 4, "int": 8, "uint": 8, "int64": 8, "uint64": 8, "uintptr": 8, "float64": 8,
    "complex64": 8, "complex128": 16, "string": 16, "unsafe.Pointer": 8,
}
_ALIGN = {"complex64": 4, "complex128": WORD, "string": WORD}  # made of two halves
_MAX_DEPTH = 24  # nesting deeper than this is treated as unknown


def size_of(t: Type | None) -> int | None:
    """The size in bytes of a value of `t`; None when the model cannot tell."""
    layout = _layout(t, 0)
    return layout[0] if layout is not None else None


def align_of(t: Type | None) -> int | None:
    layout = _layout(t, 0)
    return layout[1] if layout is not None else None


def _layout(t: Type | None, depth: int) -> tuple[int, int] | None:
    """(size, alignment)."""
    if depth > _MAX_DEPTH:
        return None
    u = underlying(default_type(t))
    if isinstance(u, Basic):
        size = _BASIC.get(u.name)
        if size is None:
            return None
        return size, _ALIGN.get(u.name, min(size, WORD))
    if isinstance(u, (Pointer, Map, Chan, Signature)):
        return WORD, WORD
    if isinstance(u, Interface):
        return 2 * WORD, WORD
    if isinstance(u, Slice):
        return 3 * WORD, WORD
    if isinstance(u, Array):
        elem = _layout(u.elem, depth + 1)
        if elem is None or u.length is None:
            return None
        return elem[0] * u.length, elem[1]
    if isinstance(u, Struct):
        return _struct(u, depth)
    return None


def _struct(u: Struct, depth: int) -> tuple[int, int] | None:
    offset, align, last_zero = 0, 1, False
    for field in u.fields:
        layout = _layout(field.type, depth + 1)
        if layout is None:
            return None
        size, field_align = layout
        offset = _round(offset, field_align) + size
        align = max(align, field_align)
        last_zero = size == 0
    if last_zero and offset > 0:
        offset += 1
    return _round(offset, align), align


def _round(value: int, to: int) -> int:
    return (value + to - 1) // to * to
