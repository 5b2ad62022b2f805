"""What a Go value occupies (size, alignment, pointers) and what the allocator charges for it (Go 1.27, 64-bit).

Every number here was read from Go 1.27.3's source and checked with `testing.AllocsPerRun` and
`-benchmem` on linux/amd64:
- `internal/runtime/gc/sizeclasses.go`: the 67 size classes; objects up to 32 KiB are rounded
  up to the next class, larger ones to whole 8 KiB pages;
- `internal/runtime/gc/malloc.go`: an object with pointers larger than 512 bytes carries an
  8-byte header, so `[128]*int` costs 1152 bytes and `[128]int` 1024;
- `runtime/malloc.go`: pointer-free objects smaller than 16 bytes share 16-byte blocks (the
  tiny allocator), so they cost their share of a block; size 0 costs nothing (`zerobase`).
A memory profile's `alloc_space` counts the same rounded bytes. Values are laid out by
`goescape.linter.patterns.sizes` (the rules ask about sizes too: the compiler's stack limits).
"""
from __future__ import annotations

from goescape.linter.model.types import Type
from goescape.linter.patterns.sizes import layout

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


def _round(n: int, align: int) -> int:
    return (n + align - 1) // align * align


def allocation(t: Type | None, count: int = 1) -> float | None:
    """The heap bytes of one allocation holding `count` values of type t (a `new(T)`, a moved
    variable, a backing array); None when the type's layout is not known."""
    found = layout(t)
    if found is None:
        return None
    return heap_bytes(found.size * count, found.pointers)
