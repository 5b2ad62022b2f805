"""Selectors `x.f`: fields and methods (promoted through embedding), and package members."""
from __future__ import annotations

from tree_sitter import Node

from goescape.linter.model.base import FileView, Selection, SelectionKind, SymbolKind
from goescape.linter.model.types import (
    Interface,
    MethodInfo,
    Named,
    Pointer,
    Signature,
    Struct,
    Type,
    TypeParam,
    substitute,
    underlying,
)

_MAX_EMBEDDING = 8






def select(fm: FileView, selector: Node) -> Selection | None:
    """What `x.f` selects; cached per node."""
    cache = fm.selections
    key = selector.id
    if key not in cache:
        cache[key] = _select(fm, selector)
    return cache[key]


def _select(fm: FileView, selector: Node) -> Selection | None:
    operand = selector.child_by_field_name("operand")
    field = selector.child_by_field_name("field")
    if operand is None or field is None:
        return None
    name = fm.text(field)
    if operand.type == "identifier":
        symbol = fm.resolve(operand)
        if symbol is not None and symbol.kind is SymbolKind.IMPORT:
            member = fm.package.external_symbol(symbol.package, name)
            if member is None:
                return None
            return Selection(SelectionKind.PACKAGE_MEMBER, name, member.type, symbol=member)
        if symbol is not None and symbol.kind is SymbolKind.TYPE:
            return _method_expression(symbol.type, name)
    if operand.type == "parenthesized_expression":
        as_type = fm.type_of_type(operand)
        if isinstance(as_type, Pointer):
            return _method_expression(as_type, name)
    receiver = fm.type_of(operand)
    return lookup(receiver, name) if receiver is not None else None


def lookup(receiver: Type, name: str) -> Selection | None:
    """Find field or method `name` of a value of type `receiver`, breadth-first through
    embedded fields as Go does; None when absent, ambiguous, or hidden behind unknown types."""
    start, indirect = receiver, False
    u = underlying(receiver)
    if isinstance(u, Pointer):
        start, indirect = u.elem, True
    level: list[tuple[Type, bool]] = [(start, indirect)]
    seen: set[Type] = set()
    for depth in range(_MAX_EMBEDDING):
        found: list[Selection] = []
        deeper: list[tuple[Type, bool]] = []
        for t, via_pointer in level:
            if t in seen:
                continue
            seen.add(t)
            found.extend(_own_members(receiver, t, name, via_pointer, depth, deeper))
        if len(found) == 1:
            return found[0]
        if found or not deeper:
            return None  # ambiguous at this depth, or nowhere to look
        level = deeper
    return None


def _own_members(receiver: Type, t: Type, name: str, via_pointer: bool, depth: int,
                 deeper: list[tuple[Type, bool]]) -> list[Selection]:
    found: list[Selection] = []
    if isinstance(t, Named) and t.info is not None:
        method = t.info.methods().get(name)
        if method is not None:
            sig = _instantiate(t, method.signature)
            found.append(Selection(SelectionKind.METHOD, name, sig, receiver, via_pointer, method,
                                   depth=depth))
    u = underlying(t)
    if isinstance(u, Struct):
        for f in u.fields:
            if f.name == name:
                found.append(Selection(SelectionKind.FIELD, name, f.type, receiver, via_pointer,
                                       depth=depth))
            elif f.embedded:
                inner = underlying(f.type)
                if isinstance(inner, Pointer):
                    deeper.append((inner.elem, True))
                else:
                    deeper.append((f.type, via_pointer))
    elif isinstance(u, (Interface, TypeParam)):
        # A type parameter's methods are its constraint's; they are called through the
        # instantiation's dictionary, like an interface's.
        iface = u if isinstance(u, Interface) else underlying(u.constraint)
        declared = interface_methods(iface).get(name) if isinstance(iface, Interface) else None
        if declared is not None:
            found.append(Selection(SelectionKind.INTERFACE_METHOD, name, declared, receiver, via_pointer,
                                   MethodInfo(name, declared, False), depth=depth))
    return found


def _instantiate(t: Named, sig: Signature) -> Signature:
    if not t.args or t.info is None:
        return sig
    result = substitute(sig, dict(zip(t.info.type_params(), t.args)))
    return result if isinstance(result, Signature) else sig


def interface_methods(iface: Interface, _depth: int = 0) -> dict[str, Signature]:
    """An interface's full method set, embedded interfaces included."""
    methods = {m.name: m.signature for m in iface.methods}
    if _depth > _MAX_EMBEDDING:
        return methods
    for embedded in iface.embedded:
        inner = underlying(embedded)
        if isinstance(inner, Interface):
            for name, sig in interface_methods(inner, _depth + 1).items():
                methods.setdefault(name, sig)
    return methods


def _method_expression(t: Type | None, name: str) -> Selection | None:
    if t is None:
        return None
    found = lookup(t, name)
    if found is None or found.kind not in (SelectionKind.METHOD, SelectionKind.INTERFACE_METHOD):
        return None
    sig = found.type
    if not isinstance(sig, Signature):
        return None
    with_receiver = Signature((t,) + sig.params, sig.results, sig.variadic,
                              ("",) + sig.param_names, sig.result_names)
    return Selection(SelectionKind.METHOD_EXPRESSION, name, with_receiver, t, found.indirect,
                     found.method, depth=found.depth)
