"""Flow facts within a function: assignments to locals, and what func and interface values hold."""
from __future__ import annotations

from tree_sitter import Node, Query, QueryCursor

from goescape.linter.model.base import (
    FRAME_KINDS,
    BindingKind,
    CalleeKind,
    FileView,
    FuncBinding,
    SelectionKind,
    Symbol,
    SymbolKind,
    Write,
)
from goescape.linter.model.calls import callee
from goescape.linter.model.selection import select
from goescape.linter.model.types import Type, is_interface
from goescape.linter.syntax.parsing import GO

_IDENTIFIERS = Query(GO, "(identifier) @id")
_MAX_CHAIN = 8  # `g := f; h := g; h()` is followed this many locals deep
_ASSIGNING = frozenset({"=", ":=", "var"})






def writes(fm: FileView, symbol: Symbol) -> list[Write]:
    if symbol.node is None or symbol.function is None:
        return []
    scopes = fm.scopes_at(symbol.node.start_byte)
    return scopes.flow_of(symbol) if scopes is not None else []


def is_address_taken(fm: FileView, symbol: Symbol) -> bool:
    if symbol.node is None:
        return False
    scopes = fm.scopes_at(symbol.node.start_byte)
    return scopes is not None and scopes.is_addressed(symbol)


def _strip(expr: Node) -> Node:
    while expr.type == "parenthesized_expression" and len(expr.named_children) == 1:
        expr = expr.named_children[0]
    return expr


def func_value_binding(fm: FileView, expr: Node) -> FuncBinding:
    """How a callee expression (or a call's) is bound; see BindingKind."""
    if expr.type == "call_expression":
        expr = expr.child_by_field_name("function") or expr
    return _binding(fm, _strip(expr), 0)


def _binding(fm: FileView, expr: Node, depth: int) -> FuncBinding:
    kind = expr.type
    if kind == "func_literal":
        return FuncBinding(BindingKind.STATIC, "func literal", (expr,))
    if kind == "identifier":
        return _identifier_binding(fm, expr, depth)
    if kind == "selector_expression":
        return _selector_binding(fm, expr)
    if kind == "index_expression":
        operand = expr.child_by_field_name("operand")
        base = _binding(fm, _strip(operand), depth) if operand is not None else None
        if base is not None and base.kind is BindingKind.DIRECT:
            return base  # f[int]: an instantiated generic function
        return FuncBinding(BindingKind.DYNAMIC, "element")
    if kind in ("call_expression", "type_assertion_expression", "unary_expression"):
        reason = {"call_expression": "call result", "type_assertion_expression": "type assertion",
                  "unary_expression": "pointer or channel"}[kind]
        return FuncBinding(BindingKind.DYNAMIC, reason)
    return FuncBinding(BindingKind.UNKNOWN, "unrecognized expression")


def _identifier_binding(fm: FileView, ident: Node, depth: int) -> FuncBinding:
    symbol = fm.resolve(ident)
    if symbol is None:
        return FuncBinding(BindingKind.UNKNOWN, "unresolved name")
    if symbol.kind is SymbolKind.FUNC:
        target = symbol.decl if symbol.origin is not None else f"{symbol.package}.{symbol.name}"
        return FuncBinding(BindingKind.DIRECT, "function", (target,) if target is not None else ())
    if symbol.kind in (SymbolKind.BUILTIN, SymbolKind.TYPE):
        return FuncBinding(BindingKind.DIRECT, symbol.kind.value)
    if symbol.kind in (SymbolKind.PARAM, SymbolKind.RECEIVER):
        return FuncBinding(BindingKind.DYNAMIC, "parameter")
    if symbol.kind is SymbolKind.PACKAGE_VAR:
        return FuncBinding(BindingKind.DYNAMIC, "package-level variable")
    if symbol.kind not in FRAME_KINDS:
        return FuncBinding(BindingKind.UNKNOWN, symbol.kind.value)
    # Measured with Go 1.27: a closure calling a captured func variable that is only assigned
    # in its own function is devirtualized too, even when the closure is not inlined.
    return _local_binding(fm, symbol, depth)


def _local_binding(fm: FileView, symbol: Symbol, depth: int) -> FuncBinding:
    if depth > _MAX_CHAIN or is_address_taken(fm, symbol):
        return FuncBinding(BindingKind.UNKNOWN, "address taken" if depth <= _MAX_CHAIN else "too deep")
    targets: list[Node | str] = []
    for write in writes(fm, symbol):
        if write.op == "zero":
            continue  # `var f func()`: nil until assigned
        if fm.enclosing_function(write.statement) != symbol.function:
            return FuncBinding(BindingKind.UNKNOWN, "assigned in a closure")
        if write.op not in _ASSIGNING:
            return FuncBinding(BindingKind.DYNAMIC, "element" if write.op == "range" else write.op)
        if write.rhs is None or write.index is not None:
            return FuncBinding(BindingKind.DYNAMIC, "call result")
        source = _binding(fm, _strip(write.rhs), depth + 1)
        if source.kind in (BindingKind.DYNAMIC, BindingKind.UNKNOWN):
            return source
        if source.kind is BindingKind.INTERFACE or (source.kind is BindingKind.DIRECT
                                                     and source.reason == "method value"):
            return FuncBinding(BindingKind.DYNAMIC, "method value")
        targets.extend(source.targets)
    if not targets:
        return FuncBinding(BindingKind.UNKNOWN, "never assigned a function")
    return FuncBinding(BindingKind.STATIC, "local assigned only known functions", tuple(targets))


def _selector_binding(fm: FileView, expr: Node) -> FuncBinding:
    selection = select(fm, expr)
    if selection is None:
        return FuncBinding(BindingKind.UNKNOWN, "unresolved selector")
    if selection.kind is SelectionKind.PACKAGE_MEMBER:
        symbol = selection.symbol
        if symbol is not None and symbol.kind is SymbolKind.FUNC:
            return FuncBinding(BindingKind.DIRECT, "function", (f"{symbol.package}.{symbol.name}",))
        if symbol is not None and symbol.kind is SymbolKind.PACKAGE_VAR:
            return FuncBinding(BindingKind.DYNAMIC, "package-level variable")
        return FuncBinding(BindingKind.UNKNOWN, "package member")
    if selection.kind is SelectionKind.FIELD:
        return FuncBinding(BindingKind.DYNAMIC, "field")
    if selection.kind is SelectionKind.INTERFACE_METHOD:
        return FuncBinding(BindingKind.INTERFACE, "interface method")
    parent = expr.parent
    function = parent.child_by_field_name("function") if parent is not None else None
    called = parent is not None and parent.type == "call_expression" and \
        function is not None and function.id == expr.id
    # `x.M()` is a direct call; `f := x.M` makes a method value, which Go 1.27 calls indirectly.
    return FuncBinding(BindingKind.DIRECT, "method" if called else "method value")


def dynamic_type(fm: FileView, expr: Node, depth: int = 0) -> Type | None:
    """The single concrete type an interface-typed expression is known to hold."""
    expr = _strip(expr)
    t = fm.type_of(expr)
    if t is not None and is_interface(t) is False:
        return t  # not an interface at all: its own type
    if expr.type == "call_expression":
        found = callee(fm, expr)
        args = expr.child_by_field_name("arguments")
        if found is not None and found.kind is CalleeKind.CONVERSION and args is not None \
                and len(args.named_children) == 1:
            return dynamic_type(fm, args.named_children[0], depth + 1)  # Animal(Dog{})
        return None
    if expr.type != "identifier" or depth > _MAX_CHAIN:
        return None
    symbol = fm.resolve(expr)
    if symbol is None or symbol.kind not in (SymbolKind.LOCAL, SymbolKind.RESULT):
        return None
    if fm.enclosing_function(expr) != symbol.function or is_address_taken(fm, symbol):
        return None
    found_type: Type | None = None
    for write in writes(fm, symbol):
        if write.op == "zero":
            continue
        if write.op not in _ASSIGNING or write.rhs is None or write.index is not None:
            return None
        if fm.enclosing_function(write.statement) != symbol.function:
            return None
        if _strip(write.rhs).type == "nil":
            return None
        concrete = dynamic_type(fm, write.rhs, depth + 1)
        if concrete is None or (found_type is not None and concrete != found_type):
            return None
        found_type = concrete
    return found_type


def captures(fm: FileView, literal: Node) -> tuple[Symbol, ...]:
    """Variables of enclosing functions that a func literal refers to."""
    body = literal.child_by_field_name("body")
    if body is None:
        return ()
    found: dict[Symbol, None] = {}
    idents = QueryCursor(_IDENTIFIERS).captures(body).get("id", [])
    for ident in sorted(idents, key=lambda n: n.start_byte):
        symbol = fm.resolve(ident)
        if symbol is None or symbol.kind not in FRAME_KINDS or symbol.node is None:
            continue
        if not literal.start_byte <= symbol.node.start_byte < literal.end_byte:
            found.setdefault(symbol, None)
    return tuple(found)
