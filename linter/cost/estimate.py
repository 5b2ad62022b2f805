"""What one escape costs: the heap bytes its allocation takes each time it runs, and how often it runs.

The allocation is read from the flagged expression (Go 1.27, measured with `testing.AllocsPerRun`):
- nothing: a constant boxed into an interface (the compiler points the interface at read-only
  data: `fmt.Println(110)` allocates nothing although `-m` says `110 escapes to heap`), a local
  assigned only a constant (the compiler substitutes it), a composite literal of constants, a
  zero-sized or single-byte value (boxed from a static table), a closure that captures nothing,
  a `make` of length and capacity zero;
- a fixed size: a moved variable, `new(T)`, `&T{...}`, a boxed value, a slice literal's backing
  array, a constant-size `make` (bytes from the type, rounded as the allocator rounds them);
- a size that grows: `append`, a `make` with a variable length, maps, concatenations and
  conversions of values not known until run time;
- unknown otherwise (the type is not known, or the compiler's catch-all escapes).
"""
from __future__ import annotations

from tree_sitter import Node

from goescape.linter.cost.frequency import Frequency, frequency
from goescape.linter.cost.inlined import inlined_cost
from goescape.linter.cost.sizes import CHAN_HEADER, allocation, heap_bytes
from goescape.linter.findings import Cost, Finding
from goescape.linter.model.base import Symbol, SymbolKind
from goescape.linter.model.file import FileModel
from goescape.linter.model.types import Basic, Chan, Map, Slice, Type, underlying
from goescape.linter.patterns.sizes import layout

# Relative weights of a line's frequency: each loop level counts as this many runs, a cold
# path as this fraction of one (it runs when something failed, or once).
LOOP_FACTOR = 16.0
COLD_FACTOR = 0.01
# Bytes assumed when the size is not known: a growing allocation is usually bigger than a
# fixed one (a buffer, a string), an unknown one is taken as a small object.
GROWS_BYTES = 256.0
UNKNOWN_BYTES = 32.0
_BOXING = ("boxed", "escapes to heap")


def cost_of(fm: FileModel, node: Node, finding: Finding) -> Cost:
    """The cost of `finding`, whose span is `node`."""
    target = _strip(node)
    allocates, size, why, where = _allocation(fm, target, finding.message)
    runs = frequency(fm, where if where is not None else target)
    return _cost(allocates, size, why, runs)


def _cost(allocates: str, size: float | None, why: str, runs: Frequency) -> Cost:
    reasons = [why] if why else []
    if runs.cold is not None:
        reasons.append(f"on a cold path: {runs.cold}")
    elif runs.loop_depth:
        where = "around the calls of its function" if runs.callers else "around it"
        reasons.append(f"{_loops(runs.loop_depth)} {where}")
    if allocates == "nothing":
        bytes_each = 0.0
    elif size is not None:
        bytes_each = size
    else:
        bytes_each = GROWS_BYTES if allocates == "grows" else UNKNOWN_BYTES
    factor = COLD_FACTOR if runs.cold is not None else LOOP_FACTOR ** runs.loop_depth
    return Cost(allocates=allocates, bytes=None if size is None else round(size, 1), frequency=runs.label,
                loop_depth=runs.loop_depth, reasons=tuple(reasons), estimate=round(bytes_each * factor, 3))


def _loops(depth: int) -> str:
    return "in a loop" if depth == 1 else f"in {depth} nested loops"


def _strip(node: Node) -> Node:
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    return node


def _allocation(fm: FileModel, node: Node, message: str) -> tuple[str, float | None, str, Node | None]:
    """(allocates, bytes, why, where the allocation happens when not at the node)."""
    kind = node.type
    if "inlined here" in message and kind in ("call_expression", "argument_list"):
        call = node if kind == "call_expression" else node.parent  # a call reported at its `(`
        inlined = inlined_cost(fm, call, message) if call is not None else None
        if inlined is not None:
            allocates, size, why = inlined
            return allocates, size, why, None
    if any(word in message for word in _BOXING):
        return _boxed(fm, node)
    if kind == "unary_expression" and fm.text(node.child_by_field_name("operator")) == "&":
        operand = node.child_by_field_name("operand")
        if operand is not None:
            operand = _strip(operand)
            if operand.type == "composite_literal":
                return _fixed(fm.type_of(operand), "a new {t}")
            return _moved(fm, operand)
    if kind == "identifier" and "moved to the heap" in message:
        return _moved(fm, node)
    if kind == "identifier":
        source = _single_value(fm, node)
        if source is not None:  # `b := make(...); p.data = b`: the allocation is b's value
            allocates, size, why, where = _allocation(fm, source, "")
            return allocates, size, why, where if where is not None else source
    if kind == "call_expression":
        found = _call(fm, node)
        if found is not None:
            return found
    if kind == "type_conversion_expression":
        operand, target = node.child_by_field_name("operand"), node.child_by_field_name("type")
        converted = fm.type_of_type(target) if target is not None else None
        if operand is not None and converted is not None:
            found = _conversion(fm, converted, [operand])
            if found is not None:
                return found
    if kind == "func_literal":
        return _closure(fm, node)
    if kind == "binary_expression" and _is_string(underlying(fm.type_of(node))):
        return "grows", None, "a string concatenation, as long as its operands", None
    if kind == "composite_literal":
        return _literal(fm, node)
    return "unknown", None, "", None


def _single_value(fm: FileModel, name: Node) -> Node | None:
    """The one expression a local is ever assigned, when it holds nothing else."""
    symbol = fm.resolve(name)
    if symbol is None or symbol.kind is not SymbolKind.LOCAL:
        return None
    writes = fm.writes(symbol)
    if len(writes) != 1 or writes[0].rhs is None or writes[0].index is not None:
        return None
    value = _strip(writes[0].rhs)
    return value if value.type in _ALLOCATING else None


_ALLOCATING = frozenset({"call_expression", "composite_literal", "unary_expression", "func_literal",
                         "binary_expression"})


def _moved(fm: FileModel, operand: Node) -> tuple[str, float | None, str, Node | None]:
    """The address of a variable (or of a part of one) escapes: the whole variable moves to the
    heap, allocated where it is declared."""
    while operand.type in ("selector_expression", "index_expression"):
        inner = operand.child_by_field_name("operand")
        if inner is None:
            break
        operand = _strip(inner)
    symbol = fm.resolve(operand) if operand.type == "identifier" else None
    if symbol is None or not symbol.is_frame:
        return "unknown", None, "", None
    allocates, size, why, _ = _fixed(symbol.type, f"{symbol.name}, a {{t}}, moves to the heap")
    return allocates, size, why, symbol.node


def _fixed(t: Type | None, what: str) -> tuple[str, float | None, str, Node | None]:
    shape = layout(t)
    if shape is None:
        return "unknown", None, "", None
    if shape.size == 0:
        return "nothing", 0, what.format(t=t) + ", but it is zero-sized", None
    size = heap_bytes(shape.size, shape.pointers)
    return "fixed", size, what.format(t=t) + f": {_bytes(size)}", None


def _bytes(size: float) -> str:
    return f"{size:g} bytes" if size != 1 else "1 byte"


def _boxed(fm: FileModel, value: Node) -> tuple[str, float | None, str, Node | None]:
    """A value copied into an interface's box."""
    if fm.is_constant(value) or _constant_local(fm, value):
        return "nothing", 0, "a constant boxed into an interface points at read-only data", None
    if value.type == "composite_literal" and _constant_literal(fm, value):
        return "nothing", 0, "a composite literal of constants is boxed from read-only data", None
    t = fm.type_of(value)
    shape = layout(t)
    if shape is None:
        return "unknown", None, "", None
    if shape.size == 0:
        return "nothing", 0, "a zero-sized value is boxed without allocating", None
    if shape.size == 1:
        return "nothing", 0, "a single-byte value is boxed from a static table", None
    size = heap_bytes(shape.size, shape.pointers)
    return "fixed", size, f"boxing a {t} copies it to the heap: {_bytes(size)}", None


def _constant_local(fm: FileModel, value: Node) -> bool:
    """A local assigned once, from a constant, and never addressed: the compiler uses the
    constant itself (`x := 1000; sink = x` prints `1000 escapes to heap` and allocates nothing)."""
    if value.type != "identifier":
        return False
    symbol = fm.resolve(value)
    if symbol is None or symbol.kind is not SymbolKind.LOCAL or fm.is_address_taken(symbol):
        return False
    writes = fm.writes(symbol)
    return len(writes) == 1 and writes[0].rhs is not None and writes[0].index is None \
        and writes[0].op in (":=", "var") and fm.is_constant(writes[0].rhs)


def _constant_literal(fm: FileModel, literal: Node) -> bool:
    body = literal.child_by_field_name("body")
    if body is None:
        return False
    for element in body.named_children:
        values = [c for c in element.named_children if c.type in ("literal_element",)] or [element]
        value = values[-1]
        inner = value.named_children[0] if value.type == "literal_element" and value.named_children else value
        if inner.type == "literal_value":
            return False  # a nested literal without its type: not worth following
        if not fm.is_constant(inner) and not (inner.type == "composite_literal" and _constant_literal(fm, inner)):
            return False
    return True


def _literal(fm: FileModel, literal: Node) -> tuple[str, float | None, str, Node | None]:
    t = fm.type_of(literal)
    u = underlying(t)
    body = literal.child_by_field_name("body")
    count = len(body.named_children) if body is not None else 0
    if isinstance(u, Slice):
        size = allocation(u.elem, count)
        if size is None:
            return "unknown", None, "", None
        return "fixed", size, f"a backing array of {count} {u.elem}: {_bytes(size)}", None
    if isinstance(u, Map):
        return "grows", None, "a map, which allocates again as it grows", None
    return _fixed(t, "a {t}")


def _call(fm: FileModel, call: Node) -> tuple[str, float | None, str, Node | None] | None:
    function = call.child_by_field_name("function")
    name = fm.text(function) if function is not None and function.type == "identifier" else ""
    args = call.child_by_field_name("arguments")
    operands = [c for c in args.named_children if c.type != "comment"] if args is not None else []
    if name == "new" and operands:
        return _fixed(fm.type_of_type(operands[0]), "a new {t}")
    if name == "append":
        return "grows", None, "append grows the backing array when it is full", None
    if name == "make" and operands:
        return _make(fm, operands)
    callee = fm.callee(call)
    if callee is not None and callee.conversion is not None:
        return _conversion(fm, callee.conversion, operands)
    return None


def _make(fm: FileModel, operands: list[Node]) -> tuple[str, float | None, str, Node | None]:
    t = fm.type_of_type(operands[0])
    u = underlying(t)
    sizes = [fm.constant_int(n) for n in operands[1:]]
    if isinstance(u, Map):
        return "grows", None, "a map, which allocates again as it grows", None
    if isinstance(u, Chan):
        element = layout(u.elem)
        buffered = sizes[0] if sizes else 0
        if element is None or buffered is None:
            return "unknown", None, "", None
        size = heap_bytes(CHAN_HEADER + element.size * buffered, element.pointers)
        return "fixed", size, f"a channel with a buffer of {buffered}: {_bytes(size)}", None
    if isinstance(u, Slice):
        if not sizes or None in sizes:
            return "grows", None, "a slice whose length is known only at run time", None
        capacity = max(s for s in sizes if s is not None)
        if capacity == 0:
            return "nothing", 0, "a slice of capacity zero points at a shared zero-size block", None
        array = allocation(u.elem, capacity)
        if array is None:
            return "unknown", None, "", None
        return "fixed", array, f"a backing array of {capacity} {u.elem}: {_bytes(array)}", None
    return "unknown", None, "", None


def _conversion(fm: FileModel, target: Type, operands: list[Node]) -> tuple[str, float | None, str, Node | None] | None:
    """`[]byte(s)`, `[]rune(s)` and `string(b)` copy their operand; other conversions copy nothing."""
    if not operands:
        return None
    u, source = underlying(target), underlying(fm.type_of(operands[0]))
    if isinstance(u, Slice) and _is_string(source):
        literal = _strip(operands[0])
        if literal.type == "interpreted_string_literal" and fm.is_constant(literal):
            size = heap_bytes(max(len(literal.text or b"") - 2, 0), False)  # quotes aside
            return "fixed", size, f"a copy of a constant string: about {_bytes(size)}", None
        return "grows", None, "a conversion that copies the string, as long as the string", None
    if _is_string(u) and isinstance(source, Slice):
        return "grows", None, "a conversion that copies the slice, as long as the slice", None
    return None


def _is_string(t: Type | None) -> bool:
    return isinstance(t, Basic) and t.name in ("string", "untyped string")


def _closure(fm: FileModel, literal: Node) -> tuple[str, float | None, str, Node | None]:
    captured = fm.captures(literal)
    if not captured:
        return "nothing", 0, "a closure that captures nothing is a static function value", None
    size = 8  # the code pointer
    for symbol in captured:
        size += _captured_size(fm, symbol)
    total = heap_bytes(size, True)
    names = ", ".join(s.name for s in captured[:4]) + (", ..." if len(captured) > 4 else "")
    return "fixed", total, f"a closure capturing {names}: {_bytes(total)}", None


def _captured_size(fm: FileModel, symbol: Symbol) -> int:
    shape = layout(symbol.type)
    if shape is None:
        return 8
    by_value = shape.size <= 128 and len(fm.writes(symbol)) <= 1 and not fm.is_address_taken(symbol)
    return shape.size if by_value else 8  # captured by reference: a pointer to the moved variable
