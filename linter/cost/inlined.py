"""What a callee Go inlines at a call allocates there: the sum of its allocations' sizes.

The facts (`model.stdlib.inlined()`, or a module package's summary) name each allocation as the
compiler prints it: `&errors.errorString{...}` is a new errors.errorString (16 bytes),
`make([]byte, 4096)` a 4096-byte array, `append` and conversions grow with their input, a
constant or a zero value boxed into an interface costs nothing (the runtime points the box at
read-only data).
"""
from __future__ import annotations

import re

from tree_sitter import Node

from goescape.linter.cost.sizes import heap_bytes
from goescape.linter.model.base import CalleeKind
from goescape.linter.model.file import FileModel
from goescape.linter.model.stdlib import AllocationFlow, InlinedAllocation, InlinedCallee, inlined
from goescape.linter.model.types import Type
from goescape.linter.patterns.sizes import layout

_NAMED = re.compile(r"^(?:&|new\()([A-Za-z_]\w*)\.([A-Za-z_]\w*)(?:\{|\)$)")
_CONSTANT_MAKE = re.compile(r"^make\(\[\](?:byte|uint8), (\d+)\)$")
_CONSTANT_BOX = re.compile(r'^(?:"|[\w.]+\(-?\d+\)$|-?\d)')
_GROWS = ("append", "string(", "([]byte)(", "([]rune)(")

Estimate = tuple[str, float | None, str]


def callee_facts(fm: FileModel, call: Node) -> tuple[str, InlinedCallee] | None:
    """The callee of `call` (a function or concrete method) and what it allocates inlined."""
    found = fm.callee(call)
    if found is None or found.std is None or found.kind not in (CalleeKind.FUNCTION, CalleeKind.METHOD):
        return None
    facts = found.std.inlined or inlined().get(found.std.qualified_name)
    return (found.std.package, facts) if facts is not None else None


def inlined_cost(fm: FileModel, call: Node, message: str) -> Estimate | None:
    """(allocates, bytes, why) of the allocations a finding at `call` reports: those that always
    escape, and those carried by the result when the message says the result escapes."""
    found = callee_facts(fm, call)
    if found is None:
        return None
    package, facts = found
    result = "the result is" in message or "escapes as the result" in message
    chosen = [a for a in facts.allocations if a.flow is AllocationFlow.HEAP or
              (result and a.flow is AllocationFlow.RESULT)] or list(facts.allocations)
    sizes = [_size(fm, package, a) for a in chosen]
    callee = fm.text(call.child_by_field_name("function"))
    if any(kind == "grows" for kind, _ in sizes):
        return "grows", None, f"{callee} allocates as much as its input needs"
    if any(kind == "unknown" for kind, _ in sizes):
        return None
    total = sum(size or 0 for _, size in sizes)
    if total == 0:
        return "nothing", 0, f"what {callee} boxes is a constant or takes no memory"
    return "fixed", total, f"{callee} allocates {total:g} bytes here"


def _size(fm: FileModel, package: str, allocation: InlinedAllocation) -> tuple[str, float | None]:
    subject = allocation.subject
    if _CONSTANT_BOX.match(subject):
        return "nothing", 0
    if subject.startswith(_GROWS) or " + " in subject:
        return "grows", None
    made = _CONSTANT_MAKE.match(subject)
    if made is not None:
        return "fixed", heap_bytes(int(made.group(1)), False)
    if subject.startswith("make("):
        return "grows", None
    if allocation.size is not None:
        return "fixed", heap_bytes(allocation.size, allocation.pointers) if allocation.size else 0
    named = _NAMED.match(subject)
    if named is not None:
        shape = layout(_named(fm, package, named.group(1), named.group(2)))
        if shape is not None:
            return "fixed", heap_bytes(shape.size, shape.pointers) if shape.size else 0
    if subject.endswith("{}") and not subject.startswith(("&", "[", "map[")):
        return "nothing", 0  # a zero value boxed (`context.backgroundCtx{}`): read-only data
    return "unknown", None


def _named(fm: FileModel, package: str, name: str, type_name: str) -> Type | None:
    """The callee's own package's type `name.type_name` (the compiler names a package by its
    name, not its path)."""
    if package.rsplit("/", 1)[-1] != name:
        return None
    found = fm.package.std.package(package)
    return found.type(type_name) if found is not None else None
