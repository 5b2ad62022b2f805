"""Whether Go 1.27 certainly cannot devirtualize a method call on an interface value.

Measured with `go build -gcflags=-m` (Go 1.27.3) on `v.M(&x)` with a `//go:noinline` method:

- Devirtualized (`devirtualizing v.M to T`, nothing escapes): a local assigned only values of
  one concrete type, even several times (`var w io.Writer = os.Stdout; w = os.Stderr`), and a
  local assigned the result of a call the compiler inlines (`h := sha256.New()`, `errors.New`,
  a small same-package constructor returning `Dog{}` as an interface): the inlined body shows
  the concrete type. `model.dynamic_type` answers the first kind; calls are never "unknown"
  here, since the model cannot tell which calls are inlined.
- Not devirtualized (`x` moves to the heap): a parameter or receiver, a struct field (even of
  a local struct literal holding a concrete value), a slice, map or array element, a range
  variable, a package-level variable (even one never reassigned), a value received from a
  channel, read through a pointer, a type-switch or type-assertion result on any of these, and
  a local assigned any of these (also as the first value of `v, ok := x.(I)`, `m[k]` or
  `<-ch`) or values of two different concrete types, and the result of
  a call through an interface of unknown type or through a func value bound dynamically (the
  compiler cannot inline what it cannot see).
- A method promoted from an embedded interface field is called through that field: unknown.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from tree_sitter import Node

from goescape.linter.model.base import BindingKind, CalleeKind, SelectionKind, SymbolKind
from goescape.linter.patterns.closures import direct_calls

if TYPE_CHECKING:
    from goescape.linter.model.file import FileModel

_MAX_DEPTH = 8
_ASSIGNING = frozenset({"=", ":=", "var"})
_WRITE_REASONS = {"range": "a range variable", "recv": "received from a channel"}
_UNARY_REASONS = {"*": "read through a pointer", "<-": "received from a channel"}


def unknown_dynamic_type(fm: FileModel, expr: Node, depth: int = 0) -> str | None:
    """Why the compiler cannot know the dynamic type of the interface value `expr` ("a
    parameter", "a struct field", ...); None when it may know it, or the model cannot tell."""
    expr = _strip(expr)
    if depth > _MAX_DEPTH or fm.dynamic_type(expr) is not None:
        return None
    kind = expr.type
    if kind == "identifier":
        return _identifier(fm, expr, depth)
    if kind == "selector_expression":
        selection = fm.select(expr)
        if selection is None:
            return None
        if selection.kind is SelectionKind.FIELD:
            return "a struct field"
        if selection.kind is SelectionKind.PACKAGE_MEMBER and selection.symbol is not None and \
                selection.symbol.kind is SymbolKind.PACKAGE_VAR:
            return "a package-level variable"
        return None
    if kind == "index_expression":
        return "a container element"
    if kind == "unary_expression":
        operator = expr.child_by_field_name("operator")
        return _UNARY_REASONS.get(operator.type) if operator is not None else None
    if kind == "type_assertion_expression":
        operand = expr.child_by_field_name("operand")
        reason = unknown_dynamic_type(fm, operand, depth + 1) if operand is not None else None
        return f"a type assertion on {_bare(reason)}" if reason is not None else None
    if kind == "call_expression":
        return _call_result(fm, expr, depth)
    return None  # a conversion, a literal, ...


def _call_result(fm: FileModel, call: Node, depth: int) -> str | None:
    """The result of a call the compiler cannot inline, because it cannot see the callee: a
    method of an interface of unknown type, or a func value bound dynamically. A call of a
    known function may be inlined, showing the concrete type it returns: None."""
    callee = fm.callee(call)
    if callee is None:
        return None
    if callee.kind is CalleeKind.INTERFACE_METHOD and callee.receiver is not None:
        if fm.is_interface(callee.receiver) is False:
            return "returned by a method of an embedded interface"
        if unknown_dynamic_type(fm, callee.receiver, depth + 1) is not None:
            return "returned by a method of an interface of unknown type"
        return None
    if callee.kind is CalleeKind.FUNC_VALUE:
        binding = fm.func_value_binding(call)
        if binding.kind is BindingKind.DYNAMIC and binding.reason != "call result":
            return "returned by a call through a func value"
    return None


def _identifier(fm: FileModel, ident: Node, depth: int) -> str | None:
    symbol = fm.resolve(ident)
    if symbol is None:
        return None
    if symbol.kind in (SymbolKind.PARAM, SymbolKind.RECEIVER):
        function = symbol.function
        if function is not None and function.type == "func_literal" and \
                direct_calls(fm, function) is not None:
            return None  # inlined where it is called: the argument may be known there
        return "a parameter"
    if symbol.kind is SymbolKind.PACKAGE_VAR:
        return "a package-level variable"
    if symbol.kind not in (SymbolKind.LOCAL, SymbolKind.RESULT):
        return None
    decl = symbol.decl
    if decl is not None and decl.type in ("type_case", "default_case"):
        return _type_switch(fm, decl, depth)
    types = set()
    for write in fm.writes(symbol):
        if write.op in _WRITE_REASONS:
            return _WRITE_REASONS[write.op]
        if write.op not in _ASSIGNING or write.rhs is None:
            continue  # `zero`: says nothing either way
        if write.index is not None and not (write.index == 0 and _comma_ok(write.rhs)):
            continue  # one result of a multi-value call: the call may be inlined
        reason = unknown_dynamic_type(fm, write.rhs, depth + 1)
        if reason is not None:
            return reason  # one unknown assignment is enough: the analysis is flow-insensitive
        concrete = fm.dynamic_type(write.rhs)
        if concrete is not None:
            types.add(concrete)
    return "assigned values of different types" if len(types) > 1 else None


def _comma_ok(expr: Node) -> bool:
    """`v, ok := x.(T)`, `m[k]` or `<-ch`: the first value is the expression's own."""
    expr = _strip(expr)
    if expr.type in ("type_assertion_expression", "index_expression"):
        return True
    operator = expr.child_by_field_name("operator") if expr.type == "unary_expression" else None
    return operator is not None and operator.type == "<-"


def _type_switch(fm: FileModel, case: Node, depth: int) -> str | None:
    """`switch s := v.(type) { case I: s.M() }`: as unknown as the switched value."""
    switch = case.parent
    while switch is not None and switch.type != "type_switch_statement":
        switch = switch.parent
    value = switch.child_by_field_name("value") if switch is not None else None
    reason = unknown_dynamic_type(fm, value, depth + 1) if value is not None else None
    return f"a type switch on {_bare(reason)}" if reason is not None else None


def _bare(reason: str) -> str:
    """`a parameter` inside another phrase stays as is; nested phrases are not repeated."""
    for prefix in ("a type assertion on ", "a type switch on "):
        if reason.startswith(prefix):
            return reason[len(prefix):]
    return reason


def _strip(expr: Node) -> Node:
    while expr.type == "parenthesized_expression" and len(expr.named_children) == 1:
        expr = expr.named_children[0]
    return expr
