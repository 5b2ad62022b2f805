"""Storage roots: where an addressable expression lives, and what a pointer may point to."""
from __future__ import annotations

from tree_sitter import Node

from goescape.linter.model.base import (
    FRAME_KINDS,
    CalleeKind,
    FileView,
    SelectionKind,
    Storage,
    StorageKind,
    Symbol,
    SymbolKind,
)
from goescape.linter.model.calls import callee, is_deref_of_conversion
from goescape.linter.model.selection import select
from goescape.linter.model.types import Array, Map, Pointer, Slice, core, underlying

_MAX_CHAIN = 8






def _strip(expr: Node) -> Node:
    while expr.type == "parenthesized_expression" and len(expr.named_children) == 1:
        expr = expr.named_children[0]
    return expr


def storage_of(fm: FileView, expr: Node, depth: int = 0) -> Storage | None:
    """The storage an lvalue (or addressable operand) denotes; None when unknown."""
    expr = _strip(expr)
    kind = expr.type
    if depth > _MAX_CHAIN * 4:
        return None
    if kind == "identifier":
        symbol = fm.resolve(expr)
        if symbol is None or not symbol.is_variable:
            return None
        return Storage(StorageKind.VARIABLE, expr, symbol)
    if kind == "selector_expression":
        return _selector_storage(fm, expr, depth)
    if kind == "index_expression":
        return _index_storage(fm, expr, depth)
    if kind == "unary_expression" and _op(expr) == "*":
        operand = expr.child_by_field_name("operand")
        return Storage(StorageKind.DEREF, operand, _root_symbol(fm, operand)) if operand else None
    if kind == "type_conversion_expression" and is_deref_of_conversion(expr):
        operand = expr.child_by_field_name("operand")  # `*(*T)(p)`: through the pointer p
        return Storage(StorageKind.DEREF, operand, _root_symbol(fm, operand)) if operand else None
    if kind == "composite_literal":
        return Storage(StorageKind.COMPOSITE, expr)
    if kind == "call_expression" and _is_new(fm, expr):
        return Storage(StorageKind.NEW, expr)
    return None


def _selector_storage(fm: FileView, expr: Node, depth: int) -> Storage | None:
    selection = select(fm, expr)
    operand = expr.child_by_field_name("operand")
    if selection is None or operand is None:
        return None
    if selection.kind is SelectionKind.PACKAGE_MEMBER:
        symbol = selection.symbol
        if symbol is None or symbol.kind is not SymbolKind.PACKAGE_VAR:
            return None
        return Storage(StorageKind.VARIABLE, expr, symbol)
    if selection.kind is not SelectionKind.FIELD:
        return None
    if selection.indirect:
        return Storage(StorageKind.DEREF, operand, _root_symbol(fm, operand))
    return storage_of(fm, operand, depth + 1)  # a field of a struct value: the value's storage


def _index_storage(fm: FileView, expr: Node, depth: int) -> Storage | None:
    operand = expr.child_by_field_name("operand")
    if operand is None:
        return None
    u = core(fm.type_of(operand))
    if isinstance(u, Array):
        return storage_of(fm, operand, depth + 1)
    if isinstance(u, Pointer) and isinstance(underlying(u.elem), Array):
        return Storage(StorageKind.DEREF, operand, _root_symbol(fm, operand))
    if isinstance(u, Slice):
        return Storage(StorageKind.SLICE_ELEMENT, operand, _root_symbol(fm, operand))
    if isinstance(u, Map):
        return Storage(StorageKind.MAP_ELEMENT, operand, _root_symbol(fm, operand))
    return None


def _root_symbol(fm: FileView, expr: Node) -> Symbol | None:
    expr = _strip(expr)
    return fm.resolve(expr) if expr.type == "identifier" else None


def _op(expr: Node) -> str:
    first = expr.child(0)
    return first.type if first is not None else ""


def _is_new(fm: FileView, call: Node) -> bool:
    found = callee(fm, call)
    return found is not None and found.kind is CalleeKind.BUILTIN and found.name == "new" \
        and not found.package


def address_target(fm: FileView, expr: Node) -> Storage | None:
    """`&x` -> x's storage; `&T{}` -> the literal; `new(T)` -> NEW; anything else -> None."""
    expr = _strip(expr)
    if expr.type == "call_expression" and _is_new(fm, expr):
        return Storage(StorageKind.NEW, expr)
    if expr.type != "unary_expression" or _op(expr) != "&":
        return None
    operand = expr.child_by_field_name("operand")
    return storage_of(fm, operand) if operand is not None else None


def is_local_storage(fm: FileView, expr: Node) -> bool | None:
    found = storage_of(fm, expr)
    if found is None:
        return None
    if found.kind is StorageKind.VARIABLE:
        return found.symbol is not None and found.symbol.is_frame
    return False


def pointer_sources(fm: FileView, expr: Node | Symbol, depth: int = 0) -> tuple[Storage, ...] | None:
    """All storages a pointer may address: `&x`, `new(T)`, or a local (or named result)
    assigned only such expressions; None as soon as any source is something else."""
    if depth > _MAX_CHAIN:
        return None
    if isinstance(expr, Symbol):
        return _symbol_sources(fm, expr, depth)
    expr = _strip(expr)
    direct = address_target(fm, expr)
    if direct is not None:
        return (direct,)
    if expr.type == "identifier":
        symbol = fm.resolve(expr)
        if symbol is None or fm.enclosing_function(expr) != symbol.function:
            return None
        return _symbol_sources(fm, symbol, depth)
    return None


def _symbol_sources(fm: FileView, symbol: Symbol, depth: int) -> tuple[Storage, ...] | None:
    if symbol.kind not in (SymbolKind.LOCAL, SymbolKind.RESULT) or symbol.kind not in FRAME_KINDS:
        return None
    if fm.is_address_taken(symbol):
        return None  # it may be written through its address
    found: list[Storage] = []
    for write in fm.writes(symbol):
        if write.op == "zero":
            continue
        if write.op not in ("=", ":=", "var") or write.rhs is None or write.index is not None:
            return None
        sources = pointer_sources(fm, write.rhs, depth + 1)
        if sources is None:
            return None
        found.extend(sources)
    return tuple(found) if found else None
