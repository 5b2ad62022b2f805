"""Boxed values that escape: the interface conversions a node performs whose box outlives the frame.

Shared by interface-slot (ESC102), variadic-interface (ESC106) and anyone asking "does this
statement or call heap-allocate a box?". A node of one of `SITE_TYPES` converts some of its
operands to interface types: the right-hand side of `=` to an interface-typed target (and the
key of `m[k] = v` on a map with interface keys), an explicitly typed `var`, returned values,
call arguments (panic's, append's, the parameters'), and composite literal elements, keys and
fields. `escaping_boxes` yields those that box (see `boxing`) and whose interface reaches the
heap or the results (see `flows`), in code the compiler compiles as written (see
`reachability`).

`inlined_boxes` answers the same for the body of a function of the package that Go 1.27 surely
inlines at a call: its escaping boxes are then also reported at the call, in the caller (the
callee's own copy still reports them where they are written). Measured on the standard library
with `-gcflags=-m=2`: every function whose body has at most 40 tree-sitter nodes, calls nothing
but builtins and conversions (panic included), and has no defer, go, select, recover, label or
func literal, is reported `can inline` (43 of 43 such functions with a panic in 16 packages).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tree_sitter import Node

from goescape.linter.model.base import CalleeKind, SymbolKind
from goescape.linter.model.types import ANY, Array, Map, Slice, Struct, Type, underlying
from goescape.linter.patterns.boxing import (
    Boxing,
    boxed_in_context,
    boxing,
    is_interface_type,
    result_types,
    subject,
    unparen,
)
from goescape.linter.patterns.flows import Route, Sink, SinkKind, file_of, value_sink
from goescape.linter.patterns.reachability import reported_where_written
from goescape.linter.syntax.nodes import operands, parameter_names

if TYPE_CHECKING:
    from goescape.linter.model.file import FileModel

SITE_TYPES = ("assignment_statement", "short_var_declaration", "var_spec", "return_statement",
              "call_expression", "composite_literal", "inc_statement", "dec_statement")

_INLINE_NODES = 40  # body size (tree-sitter nodes) under which a call-free function is inlined
_NOT_INLINABLE = frozenset({"defer_statement", "go_statement", "select_statement", "labeled_statement",
                            "func_literal"})


@dataclass(frozen=True, slots=True)
class BoxedValue:
    """One boxing whose interface outlives the frame."""

    value: Node  # the operand as written in its context (a map key, an argument, ...)
    boxing: Boxing
    sink: Sink  # where the interface goes
    variadic: bool  # an argument packed into a `...I` parameter with I an interface
    map_key: bool = False  # the key of `m[k] = v`, `m[k]++`


def escaping_boxes(fm: FileModel, node: Node) -> tuple[BoxedValue, ...]:
    """The escaping boxes of one node of SITE_TYPES (nested nodes are visited on their own);
    computed once per node, for every rule that asks."""
    cache: dict[int, tuple[BoxedValue, ...]] = fm.memo("boxed_values.boxes")
    found = cache.get(node.id)
    if found is None:
        found = cache[node.id] = tuple(_escaping_boxes(fm, node))
    return found


def _escaping_boxes(fm: FileModel, node: Node) -> Iterator[BoxedValue]:
    kind = node.type
    if kind in ("inc_statement", "dec_statement"):
        yield from _map_keys(fm, node.named_children)
        return
    if kind == "assignment_statement":
        left = node.child_by_field_name("left")
        if left is not None:
            yield from _map_keys(fm, items(left))
    for value, slot, variadic in _slots(fm, node):
        found = _escaping(fm, value, slot, variadic)
        if found is not None:
            yield found


def items(node: Node) -> list[Node]:
    """The expressions of an expression list (or the expression itself)."""
    if node.type == "expression_list":
        return operands(node)
    return [node]


# (value, the interface type it is converted to or None for "its own type", variadic)
_Slot = tuple[Node, "Type | None", bool]


def _slots(fm: FileModel, node: Node) -> list[_Slot]:
    """The operands a node converts to an interface type (and operands that may be explicit
    `any(x)` conversions), cheapest questions first: most nodes convert nothing."""
    kind = node.type
    if kind == "call_expression":
        return _call_slots(fm, node)
    if kind == "composite_literal":
        return _literal_slots(fm, node)
    if kind == "return_statement":
        values = items(node.named_children[0]) if node.named_children else []
        function = fm.enclosing_function(node) if values else None
        types = _result_types(fm, function) if function is not None else None
        if types is None or len(types) != len(values):
            return []
        return [(v, t, False) for v, t in zip(values, types) if is_interface_type(t)]
    if kind == "var_spec":
        value = node.child_by_field_name("value")
        type_node = node.child_by_field_name("type")
        values = items(value) if value is not None else []
        declared = fm.type_of_type(type_node) if type_node is not None and values else None
        if declared is not None:
            return [(v, declared, False) for v in values] if is_interface_type(declared) else []
        return [(v, None, False) for v in values if _maybe_conversion(v)]
    right = node.child_by_field_name("right")
    values = items(right) if right is not None else []
    operator = node.child_by_field_name("operator")
    if kind != "assignment_statement" or operator is None or operator.type != "=":
        return [(v, None, False) for v in values if _maybe_conversion(v)]
    left = node.child_by_field_name("left")
    targets = items(left) if left is not None else []
    if len(targets) != len(values):
        return []
    found: list[_Slot] = []
    for target, value in zip(targets, values):
        t = None if target.type == "identifier" and target.text == b"_" else fm.type_of(target)
        if is_interface_type(t):
            found.append((value, t, False))
        elif _maybe_conversion(value):
            found.append((value, None, False))
    return found


def _maybe_conversion(value: Node) -> bool:
    """Syntax that may be an explicit conversion `any(x)`, `interface{}(x)`, `io.Reader(x)`."""
    value = unparen(value)
    if value.type == "type_conversion_expression":
        return True
    if value.type != "call_expression":
        return False
    fn = value.child_by_field_name("function")
    args = value.child_by_field_name("arguments")
    return fn is not None and fn.type in ("identifier", "selector_expression", "parenthesized_expression") \
        and args is not None and len(args.named_children) == 1


def _escaping(fm: FileModel, value: Node, slot: Type | None, variadic: bool) -> BoxedValue | None:
    boxed = boxing(fm, value) if slot is not None else boxed_in_context(fm, value)
    if boxed is None:
        return None
    sink = value_sink(fm, boxed.node)
    if sink is None:
        return None  # the interface stays in the frame (or the model cannot tell)
    if fm.enclosing_function(value) is None and sink.reason != "stored in a map literal":
        return None  # package-level initializers are static data, except map literals
    if not reported_where_written(fm, value):
        return None
    return BoxedValue(value, boxed, sink, variadic)


def _call_slots(fm: FileModel, call: Node) -> list[_Slot]:
    """The arguments a call converts to interface parameters (a `...I` tail is variadic)."""
    args = call.child_by_field_name("arguments")
    if args is None or not args.named_children:
        return []
    found = fm.callee(call)
    if found is None or found.kind is CalleeKind.CONVERSION:
        return []  # an explicit any(x) is judged where the conversion's value goes
    values = operands(args)
    spread = values[-1].type == "variadic_argument"
    if spread:
        values = values[:-1]  # f(a, xs...): the tail is passed as it is
    if found.kind is CalleeKind.BUILTIN:
        if found.package or not values:
            return []
        if found.name == "panic":
            return [(values[0], ANY, False)]
        if found.name == "append":
            u = underlying(fm.type_of(values[0]))
            elem = u.elem if isinstance(u, Slice) else None
            return [(v, elem, False) for v in values[1:]] if is_interface_type(elem) else []
        return []
    sig = found.signature
    if sig is None:
        return []
    slots: list[_Slot] = []
    for index, value in enumerate(values):
        t = sig.param_for_arg(index) if not spread else (sig.params[index] if index < len(sig.params) else None)
        if is_interface_type(t):
            tail = sig.variadic and not spread and index >= len(sig.params) - 1
            slots.append((value, t, tail))
        elif _maybe_conversion(value):
            slots.append((value, None, False))
    return slots


def _literal_slots(fm: FileModel, literal: Node) -> list[_Slot]:
    u = underlying(fm.type_of(literal))
    body = literal.child_by_field_name("body")
    if body is None or u is None or not _has_interface_slot(u):
        return []  # (an explicit any(x) fits only an interface slot)
    slots: list[_Slot] = []
    position = 0
    for element in body.named_children:
        if element.type == "comment":
            continue
        keyed = element.type == "keyed_element"
        parts = [p for p in element.named_children if p.type == "literal_element"] if keyed else [element]
        pairs: list[tuple[Node, Type | None]]
        if isinstance(u, Map) and keyed and len(parts) == 2:
            pairs = [(parts[0], u.key), (parts[1], u.value)]
        elif isinstance(u, (Slice, Array)):
            pairs = [(parts[-1], u.elem)]
        elif isinstance(u, Struct):
            if keyed and len(parts) == 2:
                name = fm.text(parts[0])
                field_type = next((f.type for f in u.fields if f.name == name), None)
            else:
                field_type = u.fields[position].type if position < len(u.fields) else None
            pairs = [(parts[-1], field_type)]
        else:
            pairs = []
        position += 1
        for part, t in pairs:
            value = part.named_children[0] if part.type == "literal_element" and part.named_children else None
            if value is None:
                continue
            if is_interface_type(t):
                slots.append((value, t, False))
    return slots


def _has_interface_slot(u: Type) -> bool:
    if isinstance(u, Map):
        return is_interface_type(u.key) or is_interface_type(u.value)
    if isinstance(u, (Slice, Array)):
        return is_interface_type(u.elem)
    if isinstance(u, Struct):
        return any(is_interface_type(f.type) for f in u.fields)
    return False


def _result_types(fm: FileModel, function: Node) -> list[Type | None] | None:
    cache: dict[int, list[Type | None]] = fm.memo("boxed_values.results")
    found = cache.get(function.id)
    if found is None:
        found = cache[function.id] = result_types(fm, function) or []
    return found


def _map_keys(fm: FileModel, targets: list[Node]) -> Iterator[BoxedValue]:
    """`m[k] = v`, `m[k] += v`, `m[k]++` with interface keys: the key is stored in the map
    (a read, `m[k]`, boxes the key too, but the compiler keeps that box on the stack)."""
    for target in targets:
        target = unparen(target)
        if target.type != "index_expression":
            continue
        operand, key = target.child_by_field_name("operand"), target.child_by_field_name("index")
        container = underlying(fm.type_of(operand)) if operand is not None else None
        if key is None or not isinstance(container, Map) or not is_interface_type(container.key):
            continue
        boxed = boxing(fm, key)
        if boxed is None or fm.enclosing_function(target) is None or not reported_where_written(fm, target):
            continue
        sink = Sink(SinkKind.HEAP, "stored as a map key", target, Route.CONTAINER)
        yield BoxedValue(key, boxed, sink, False, True)


# -- callees the compiler inlines -------------------------------------------------------------


def inlined_boxes(fm: FileModel, call: Node) -> tuple[FileModel, tuple[BoxedValue, ...]] | None:
    """The escaping boxes (to the heap, not to the callee's results) in the body of the
    package's own function that `call` calls, when Go 1.27 surely inlines it there; with the
    callee's FileModel (the boxes' nodes belong to its file). None when not surely inlined."""
    found = fm.callee(call)
    if found is None or found.kind not in (CalleeKind.FUNCTION, CalleeKind.METHOD) or \
            found.declaration is None or found.std is not None:
        return None
    decl = found.declaration
    if decl.type not in ("function_declaration", "method_declaration") or \
            decl.child_by_field_name("type_parameters") is not None:
        return None
    parent = call.parent
    if parent is not None and parent.type in ("go_statement", "defer_statement"):
        return None  # deferred and go calls are not inlined
    caller = fm.top_at(call.start_byte)
    if caller is not None and caller.id == decl.id:
        return None  # recursion is never inlined
    cache: dict[int, tuple[FileModel, tuple[BoxedValue, ...]] | None] = \
        fm.package.memo("boxed_values.inlined")
    if decl.id not in cache:
        dfm = file_of(fm, decl)
        boxes = _callee_boxes(dfm, decl) if dfm is not None and surely_inlined(dfm, decl) else ()
        cache[decl.id] = (dfm, boxes) if dfm is not None and boxes else None
    return cache[decl.id]


def surely_inlined(fm: FileModel, decl: Node) -> bool:
    """A small body that calls nothing but builtins and conversions (see the module docs)."""
    body = decl.child_by_field_name("body")
    if body is None or body.descendant_count > 4 * _INLINE_NODES:
        return False  # (every named node comes with punctuation: far too big to be counted)
    count = 0
    stack = [body]
    while stack:
        node = stack.pop()
        count += 1
        if count > _INLINE_NODES or node.type in _NOT_INLINABLE:
            return False
        if node.type == "call_expression":
            found = fm.callee(node)
            if found is None or found.kind not in (CalleeKind.BUILTIN, CalleeKind.CONVERSION) or (
                    found.kind is CalleeKind.BUILTIN and (found.name == "recover" or found.package)):
                return False
        stack.extend(node.named_children)
    return True


def _callee_boxes(fm: FileModel, decl: Node) -> tuple[BoxedValue, ...]:
    body = decl.child_by_field_name("body")
    if body is None:
        return ()
    found: list[BoxedValue] = []
    stack = [body]
    while stack:
        node = stack.pop()
        if node.type in SITE_TYPES:
            found.extend(b for b in escaping_boxes(fm, node) if _context_free(b.sink))
        stack.extend(node.named_children)
    return tuple(sorted(found, key=lambda b: b.value.start_byte))


# Where a box escapes whatever the caller passes: once inlined, a store through the callee's
# pointer parameter or a call on its interface parameter may see the caller's local storage or
# concrete type, and the compiler may then keep the box on the stack.
_CONTEXT_FREE = ("passed to panic", "stored in the package-level variable", "stored in a map literal")


def _context_free(sink: Sink) -> bool:
    return sink.kind is SinkKind.HEAP and (sink.reason.startswith(_CONTEXT_FREE) or (
        sink.reason.startswith("passed to ") and sink.reason.endswith(", which leaks it")))


def callee_name(fm: FileModel, call: Node) -> str:
    """The called expression as written (`fmt.Println`, `s.errorf`)."""
    fn = call.child_by_field_name("function")
    return " ".join(fm.text(fn).split()) if fn is not None else "the callee"


def argument_subject(fm: FileModel, callee_fm: FileModel, call: Node, box: BoxedValue) -> str:
    """How to name a box found in an inlined callee at its call: the call's argument when the
    boxed value is the callee's parameter (the compiler prints the argument there too)."""
    value = unparen(box.boxing.value)
    if value.type == "identifier" and value.id == unparen(box.boxing.node).id:
        symbol = callee_fm.resolve(value)
        decl = symbol.function if symbol is not None else None
        if symbol is not None and decl is not None and symbol.kind is SymbolKind.PARAM:
            index = _param_position(decl, symbol.node)
            args = call.child_by_field_name("arguments")
            values = operands(args) if args is not None else []
            if index is not None and index < len(values) and values[index].type != "variadic_argument":
                return subject(fm, values[index])
    return box.boxing.subject(callee_fm)


def _param_position(decl: Node, name: Node | None) -> int | None:
    if name is None:
        return None
    return next((i for i, candidate in enumerate(parameter_names(decl))
                 if candidate is not None and candidate.id == name.id), None)
