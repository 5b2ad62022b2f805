"""What kind of allocation a profiled site is (append growth, a []byte conversion, map growth, ...), for messages.

A CPU profile shows the runtime function that asked `runtime.mallocgc` for memory
(`runtime.growslice`, `runtime.stringtoslicebyte`, the map code in internal/runtime/maps...);
a memory profile hides the runtime's frames (its stacks start at the Go code that allocated),
so there the shape is read from the allocating line's source, when it is at hand.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

_RUNTIME_SHAPES = (
    ("internal/runtime/maps.", "map growth"),
    ("runtime.mapassign", "map growth"),
    ("runtime.makemap", "map creation"),
    ("runtime.growslice", "append growth"),
    ("runtime.makeslicecopy", "slice copy"),
    ("runtime.makeslice", "make"),
    ("runtime.stringtoslicebyte", "[]byte conversion"),
    ("runtime.stringtoslicerune", "[]rune conversion"),
    ("runtime.slicebytetostring", "string conversion"),
    ("runtime.slicerunetostring", "string conversion"),
    ("runtime.intstring", "string conversion"),
    ("runtime.concatstring", "string concatenation"),
    ("runtime.concatbyte", "concatenation"),
    ("runtime.convT", "interface conversion"),
    ("runtime.makechan", "channel creation"),
    ("runtime.newproc", "goroutine start"),
    ("runtime.malg", "goroutine start"),
    ("runtime.newobject", "new object"),
    ("runtime.newarray", "new array"),
)
# The first that matches names the line's allocation; order matters (`[]byte(` before `(`).
_LINE_SHAPES = (
    (re.compile(r"\[\]byte\("), "[]byte conversion"),
    (re.compile(r"\[\]rune\("), "[]rune conversion"),
    (re.compile(r"\bappend\("), "append growth"),
    (re.compile(r"\bmake\(\s*map\b"), "map creation"),
    (re.compile(r"\bmake\(\s*chan\b"), "channel creation"),
    (re.compile(r"\bmake\("), "make"),
    (re.compile(r"\bnew\("), "new object"),
    (re.compile(r"\bstring\("), "string conversion"),
    (re.compile(r"^\s*go\s"), "goroutine start"),
    (re.compile(r"\bfunc\s*\("), "closure"),
    (re.compile(r"&\w[\w.]*(\[[^\]]*\])?\{"), "composite literal"),
    (re.compile(r"\w\[[^\]]+\]\s*(=[^=]|\+=|-=|\|=|\+\+|--)"), "map assignment"),
    (re.compile(r"\+=?\s*\"|\"\s*\+"), "string concatenation"),
)


def is_runtime(name: str) -> bool:
    """The runtime's own frames (and its internal packages'): never a callee worth naming."""
    return name.startswith(("runtime.", "internal/runtime/", "internal/abi.", "sync/atomic."))


# The runtime functions that allocate, or whose time is the allocation's (growslice copies the
# old array, makeslice clears the new one, the map code rehashes into new groups).
_ALLOCATORS = (
    "runtime.mallocgc", "runtime.growslice", "runtime.makeslice", "runtime.newobject", "runtime.newarray",
    "runtime.concatstring", "runtime.concatbyte", "runtime.slicebytetostring", "runtime.slicerunetostring",
    "runtime.stringtoslicebyte", "runtime.stringtoslicerune", "runtime.rawstring", "runtime.rawbyteslice",
    "runtime.rawruneslice", "runtime.intstring", "runtime.convT", "runtime.makemap", "runtime.makechan",
    "runtime.newproc", "runtime.malg", "internal/runtime/maps.(*table).grow", "internal/runtime/maps.(*table).split",
    "internal/runtime/maps.(*table).rehash", "internal/runtime/maps.(*Map).growToTable",
    "internal/runtime/maps.(*Map).growToSmall", "internal/runtime/maps.newTable", "internal/runtime/maps.newarray",
)


def allocation(frames: Sequence[str]) -> tuple[int, str] | None:
    """A CPU sample's stack (leaf first) that is allocating: the runtime's frames at its leaf
    include one that allocates. Then (where the caller's frames begin, the shape of the
    outermost runtime frame that says what it allocates); else None."""
    end = next((i for i, name in enumerate(frames) if not is_runtime(name)), len(frames))
    runtime = frames[:end]
    if not any(name.startswith(_ALLOCATORS) for name in runtime):
        return None
    for name in reversed(runtime):
        for prefix, shape in _RUNTIME_SHAPES:
            if name.startswith(prefix):
                return end, shape
    return end, ""


def describe_line(text: str) -> str:
    """What a source line most likely allocates ("" when nothing says)."""
    code = text.split("//", 1)[0]
    for pattern, shape in _LINE_SHAPES:
        if pattern.search(code):
            return shape
    return ""


def short_name(function: str) -> str:
    """`encoding/json.(*encodeState).marshal` -> `json.(*encodeState).marshal`."""
    return function.rsplit("/", 1)[-1]
