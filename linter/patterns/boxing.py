"""When converting an expression to an interface boxes it, as Go 1.27's escape analysis sees it.

Measured with `go build -gcflags=-m` (Go 1.27.3):

- A value of a non-interface type that is not pointer-shaped (int, string, bool, float, slice,
  struct, array, ...) is copied into a fresh box when converted to an interface: `-m` reports
  `X escapes to heap` at the value (or at an explicit `any(x)` conversion) when the interface
  slot it goes to outlives the frame, `X does not escape` otherwise.
- Constants are reported the same way: `data[0] = 110` prints `110 escapes to heap`, and so do
  `"2"`, `true`, `0`, `""`, `'x'`, `MyInt(5)` and `byte(200)`. (At run time the compiler then
  points the interface at read-only data, and runtime.convT64 & co. use a static table for
  values below 256, but `-m` reports the escape before those rewrites.)
- Zero-sized values (`struct{}{}`, `Zero{}`) are reported too (`Zero{} escapes to heap`).
- Pointer-shaped values are stored in the interface's data word directly, and nothing is
  reported: pointers, maps, chans, funcs, unsafe.Pointer, and structs or one-element arrays
  holding exactly one such value (`struct{ p *int }`, `[1]*int`).
- A value that already has an interface type is copied as two words: nothing is reported.
  `nil` neither.
- A type parameter's value depends on its shape: the compiler reports boxing in the
  instantiation, at the caller; the model cannot tell, so `boxing` answers None.
- Inlining moves a callee's conversions into the caller: `box(n)` with `func box(v int) any
  { return v }` inlined prints `v escapes to heap` at box's `return v` (the callee as
  compiled on its own) and `v does not escape` at the call (the inlined copy, when its result
  stays local). A conversion that escapes inside an inlined callee (a `panic(T{...})`) is
  reported at the call's position in the caller. Rules judge the conversion where it is
  written; `boxing` only answers whether it is one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tree_sitter import Node

from goescape.linter.model.base import CalleeKind
from goescape.linter.model.types import (
    Array,
    Interface,
    Map,
    Slice,
    Struct,
    Tuple,
    Type,
    TypeParam,
    default_type,
    is_interface,
    is_pointer_shaped,
    underlying,
)
from goescape.linter.syntax.nodes import names, operands, position

if TYPE_CHECKING:
    from goescape.linter.model.file import FileModel

_MAX_SUBJECT = 40  # longer source text is shortened in messages


@dataclass(frozen=True, slots=True)
class Boxing:
    """A conversion to an interface that copies a value into a box."""

    node: Node  # where the compiler reports it: the value, or the explicit conversion `any(x)`
    value: Node  # the value being boxed
    type: Type  # the value's type (untyped constants get their default type)
    constant: bool  # a constant: reported by -m, though the runtime then uses read-only data

    def subject(self, fm: FileModel) -> str:
        """How messages name the boxed value."""
        return subject(fm, self.node)


def compiler_anchor(node: Node) -> Node:
    """The part of an expression at whose line Go reports it: a composite literal at its `{`,
    a call (or conversion) at its `(`, which matters when the type or callee spans lines."""
    inner = unparen(node)
    part = None
    if inner.type == "composite_literal":
        part = inner.child_by_field_name("body")
    elif inner.type == "call_expression":
        part = inner.child_by_field_name("arguments")
    if part is not None and part.start_point[0] != node.start_point[0]:
        return part
    return node


def unparen(node: Node) -> Node:
    while node.type == "parenthesized_expression" and len(node.named_children) == 1:
        node = node.named_children[0]
    return node


def is_interface_type(t: Type | None) -> bool:
    """True only for a known interface type (not a type parameter, not unknown)."""
    return is_interface(t) is True


def boxing(fm: FileModel, expr: Node) -> Boxing | None:
    """The boxing that converting `expr` to an interface type performs; None when the conversion
    copies no value into a box (already an interface, pointer-shaped, nil) or when the model
    cannot tell (unknown type, type parameter, multi-value call): rules then stay silent."""
    node = expr
    expr = unparen(expr)
    explicit = _explicit_conversion_operand(fm, expr)
    if explicit is not None:
        inner = boxing(fm, explicit)
        return Boxing(node, inner.value, inner.type, inner.constant) if inner is not None else None
    t = fm.type_of(expr)
    if t is None or isinstance(t, Tuple):
        return None
    t = default_type(t)  # untyped nil has no default type: it stays untyped and is refused below
    u = underlying(t)
    if u is None or isinstance(u, (TypeParam, Interface)):
        return None
    if getattr(u, "name", "") == "untyped nil":
        return None
    if is_pointer_shaped(t) is not False:
        return None  # stored in the data word directly (or unknown)
    assert t is not None
    return Boxing(node, expr, t, fm.is_constant(expr))


def _explicit_conversion_operand(fm: FileModel, expr: Node) -> Node | None:
    """`any(x)`, `interface{}(x)`, `error(x)`: the operand x when its conversion is explicit."""
    if expr.type not in ("call_expression", "type_conversion_expression"):
        return None
    if expr.type == "call_expression":
        fn = expr.child_by_field_name("function")
        if fn is None or fn.type not in ("identifier", "selector_expression", "parenthesized_expression",
                                          "interface_type", "qualified_type"):
            return None
    found = fm.callee(expr)
    if found is None or found.kind is not CalleeKind.CONVERSION or not is_interface_type(found.conversion):
        return None
    if expr.type == "type_conversion_expression":
        operands = expr.children_by_field_name("operand")
    else:
        args = expr.child_by_field_name("arguments")
        operands = [a for a in args.named_children if a.type != "comment"] if args is not None else []
    return operands[0] if len(operands) == 1 else None


def subject(fm: FileModel, node: Node) -> str:
    """Source text for messages: `T{...}` for composite literals (as ESC101 writes `&T{...}`),
    long expressions shortened."""
    inner = unparen(node)
    if inner.type == "composite_literal":
        type_node = inner.child_by_field_name("type")
        return f"{fm.text(type_node)}{{...}}" if type_node is not None else "{...}"
    text = " ".join(fm.text(node).split())
    return text if len(text) <= _MAX_SUBJECT else text[:_MAX_SUBJECT - 3] + "..."


def slot_type_text(t: Type | None, fm: FileModel | None = None) -> str:
    """A type for messages (the empty interface is `any`); with `fm`, types of the file's own
    package are written unqualified, as in its source."""
    if t is None:
        return "?"
    text = str(t)
    if fm is not None and fm.package.path:
        own = fm.package.path.rsplit("/", 1)[-1] + "."
        text = re.sub(rf"(?<![\w./]){re.escape(own)}", "", text)
    return text


# -- the type a value is converted to where it is written ----------------------------------


def target_type(fm: FileModel, expr: Node) -> Type | None:
    """The type `expr`'s value is implicitly converted to by its context (an assignment's
    target, a parameter, a result, a literal's element, key or field, a channel's element);
    None when the context converts nothing or the model cannot tell."""
    node = expr
    parent = node.parent
    while parent is not None and parent.type == "parenthesized_expression":
        node, parent = parent, parent.parent
    if parent is None:
        return None
    kind = parent.type
    if kind == "argument_list":
        return _parameter_type(fm, parent, node)
    if kind == "expression_list":
        return _list_target(fm, parent, node)
    if kind == "return_statement":
        return _result_target(fm, parent, 0, 1)
    if kind == "literal_element":
        return _element_target(fm, parent)
    if kind == "send_statement" and parent.child_by_field_name("value") == node:
        channel = parent.child_by_field_name("channel")
        u = underlying(fm.type_of(channel)) if channel is not None else None
        return getattr(u, "elem", None)
    if kind == "var_spec":
        return _var_spec_target(fm, parent, node)
    return None


def _parameter_type(fm: FileModel, args: Node, node: Node) -> Type | None:
    call = args.parent
    if call is None or call.type != "call_expression":
        return None
    items = operands(args)
    index = position(items, node)
    if index is None:
        return None
    found = fm.callee(call)
    if found is None:
        return None
    if found.kind is CalleeKind.BUILTIN:
        if found.package:
            return None
        if found.name == "panic":
            return Interface()
        if found.name == "append" and index > 0:
            u = underlying(fm.type_of(items[0]))
            return getattr(u, "elem", None) if isinstance(u, Slice) else None
        return None
    if found.kind is CalleeKind.CONVERSION:
        return found.conversion
    argument = fm.argument(call, index)
    return argument.param_type if argument is not None and not argument.spread else None


def _list_target(fm: FileModel, values: Node, node: Node) -> Type | None:
    statement = values.parent
    if statement is None:
        return None
    items = operands(values)
    index = position(items, node)
    if index is None:
        return None
    if statement.type == "return_statement":
        return _result_target(fm, statement, index, len(items))
    if statement.type == "var_spec":
        return _var_spec_target(fm, statement, node)
    if statement.type != "assignment_statement":
        return None  # `x := v` gives x v's own type: nothing is converted
    left, right = statement.child_by_field_name("left"), statement.child_by_field_name("right")
    operator = statement.child_by_field_name("operator")
    if left is None or right is None or right.id != values.id or (
            operator is not None and operator.type != "="):
        return None
    targets = operands(left)
    if len(targets) != len(items):
        return None
    target = targets[index]
    if target.type == "identifier" and fm.text(target) == "_":
        return None
    return fm.type_of(target)


def _var_spec_target(fm: FileModel, spec: Node, node: Node) -> Type | None:
    type_node = spec.child_by_field_name("type")
    return fm.type_of_type(type_node) if type_node is not None else None


def _result_target(fm: FileModel, statement: Node, index: int, count: int) -> Type | None:
    function = fm.enclosing_function(statement)
    if function is None:
        return None
    types = result_types(fm, function)
    if types is None or len(types) != count or index >= len(types):
        return None
    return types[index]


def result_types(fm: FileModel, function: Node) -> list[Type | None] | None:
    """The declared result types of a function, method or func literal, in order."""
    result = function.child_by_field_name("result")
    if result is None:
        return []
    if result.type != "parameter_list":
        return [fm.type_of_type(result)]
    types: list[Type | None] = []
    for declaration in result.named_children:
        if declaration.type != "parameter_declaration":
            continue
        type_node = declaration.child_by_field_name("type")
        t = fm.type_of_type(type_node) if type_node is not None else None
        types.extend([t] * max(1, len(names(declaration))))
    return types


def _element_target(fm: FileModel, element: Node) -> Type | None:
    holder = element.parent
    keyed = holder if holder is not None and holder.type == "keyed_element" else None
    values = keyed.parent if keyed is not None else holder
    literal = values.parent if values is not None and values.type == "literal_value" else None
    if literal is None or literal.type != "composite_literal":
        return None
    u = underlying(fm.type_of(literal))
    if isinstance(u, Map):
        if keyed is None:
            return None
        is_key = keyed.named_children and keyed.named_children[0].id == element.id
        return u.key if is_key else u.value
    if isinstance(u, (Slice, Array)):
        if keyed is not None and keyed.named_children and keyed.named_children[0].id == element.id:
            return None  # the index of `[]T{3: v}`
        return u.elem
    if isinstance(u, Struct):
        if keyed is not None:
            if keyed.named_children[0].id == element.id:
                return None  # the field name
            name = fm.text(keyed.named_children[0])
            return next((f.type for f in u.fields if f.name == name), None)
        elements = [c for c in values.named_children if c.type == "literal_element"] if values is not None else []
        position = next((i for i, e in enumerate(elements) if e.id == element.id), None)
        return u.fields[position].type if position is not None and position < len(u.fields) else None
    return None


def boxed_in_context(fm: FileModel, expr: Node) -> Boxing | None:
    """The boxing performed where `expr` is written: its context converts it to an interface
    type (or it is an explicit `any(x)` conversion) and the value needs a box."""
    inner = unparen(expr)
    if _explicit_conversion_operand(fm, inner) is not None:
        return boxing(fm, expr)
    if not is_interface_type(target_type(fm, expr)):
        return None
    return boxing(fm, expr)
