"""What a Go value occupies (size, alignment, pointers) and what the allocator charges for it (Go 1.27, 64-bit).

Every number here was read from Go 1.27.3's source and checked with `testing.AllocsPerRun` and
`-benchmem` on linux/amd64:
- `internal/runtime/gc/sizeclasses.go`: the 67 size classes; objects up to 32 KiB are rounded
  up to the next class, larger ones to whole 8 KiB pages;
- `internal/runtime/gc/malloc.go`: an object with pointers larger than 512 bytes carries an
  8-byte header, so `[128]*int` costs 1152 bytes and `[128]int` 1024;
- `runtime/malloc.go`: pointer-free objects smaller than 16 bytes share 16-byte blocks (the
  tiny allocator), so they cost their share of a block; size 0 costs nothing (`zerobase`).
A memory profile's `alloc_space` counts the same rounded bytes.
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
SIZE_CLASSES = (
    8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352,
    384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304,
    2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880,
    12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
)
MAX_SMALL_SIZE = 32768
TINY_SIZE = 16
MALLOC_HEADER = 8
HEADER_ABOVE = 512  # pointerful objects larger than this carry the header
PAGE = 8192
MAP_HEADER = 48  # an escaping `make(map[K]V)` with no entries (Go 1.27 Swiss maps)
CHAN_HEADER = 96  # runtime.hchan
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


def heap_bytes(size: int, pointers: bool) -> float:
    """What one allocation of `size` bytes costs on the heap, as `-benchmem` and a memory profile
    count it (fractional for tiny objects, which share a 16-byte block)."""
    if size <= 0:
        return 0
    if not pointers and size < TINY_SIZE:
        return _tiny_share(size)
    if size <= MAX_SMALL_SIZE - MALLOC_HEADER:
        if pointers and size > HEADER_ABOVE:
            size += MALLOC_HEADER
        return _size_class(size)
    if not pointers and size <= MAX_SMALL_SIZE:
        return _size_class(size)
    return _round(size, PAGE)


def _size_class(size: int) -> int:
    for bound in SIZE_CLASSES:
        if size <= bound:
            return bound
    return _round(size, PAGE)


def _tiny_share(size: int) -> float:
    """A tiny object's share of its 16-byte block: objects are packed, each aligned to the
    largest power of two (up to 8) that divides its size."""
    align = 8 if size % 8 == 0 else 4 if size % 4 == 0 else 2 if size % 2 == 0 else 1
    offset = count = 0
    while _round(offset, align) + size <= TINY_SIZE:
        offset = _round(offset, align) + size
        count += 1
    return TINY_SIZE / count


def allocation(t: Type | None, count: int = 1) -> float | None:
    """The heap bytes of one allocation holding `count` values of type t (a `new(T)`, a moved
    variable, a backing array); None when the type's layout is not known."""
    found = layout(t)
    if found is None:
        return None
    return heap_bytes(found.size * count, found.pointers)
