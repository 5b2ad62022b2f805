"""Calls: what is called, with which signature, and what the compiler knows of its parameters."""
from __future__ import annotations

from tree_sitter import Node

from goescape.linter.model.base import Argument, Callee, CalleeKind, FileView, SelectionKind, Symbol, SymbolKind
from goescape.linter.model.selection import select
from goescape.linter.model.stdlib import StdFunc
from goescape.linter.model.typeexpr import type_from_node
from goescape.linter.model.types import (
    ANY,
    COMPLEX128,
    FLOAT64,
    INT,
    UINT8,
    UNKNOWN,
    UNSAFE_POINTER,
    Array,
    Basic,
    Chan,
    Map,
    Named,
    Pointer,
    Signature,
    Slice,
    Tilde,
    Tuple,
    Type,
    TypeParam,
    constraint_terms,
    default_type,
    is_untyped,
    substitute,
    underlying,
)


def _function_node(call: Node) -> Node | None:
    fn = call.child_by_field_name("function")
    while fn is not None and fn.type == "parenthesized_expression" and fn.named_children:
        inner = fn.named_children[0]
        if inner.type == "unary_expression":
            break  # (*T)(x): keep the parentheses, it is a type
        fn = inner
    return fn


def callee(fm: FileView, call: Node) -> Callee | None:
    """What a call calls; cached per node (rules ask again for each argument)."""
    cache = fm.callees
    key = call.id
    if key not in cache:
        cache[key] = _callee(fm, call)
    return cache[key]


def _callee(fm: FileView, call: Node) -> Callee | None:
    if call.type == "type_conversion_expression":
        return _generic_or_conversion(fm, call)
    if call.type != "call_expression":
        return None
    fn = _function_node(call)
    if fn is None:
        return None
    if fn.type == "identifier":
        return _named_callee(fm, fn, fm.resolve(fn))
    if fn.type == "selector_expression":
        return _selector_callee(fm, fn)
    if fn.type == "func_literal":
        return Callee(CalleeKind.FUNC_LITERAL, "func literal", _sig(fm.type_of(fn)), fn)
    if fn.type == "index_expression":
        return _instantiated_callee(fm, fn)
    as_type = fm.type_of_type(fn) if fn.type in ("parenthesized_expression", "array_type",
                                                 "slice_type", "map_type", "pointer_type",
                                                 "function_type", "channel_type",
                                                 "interface_type", "qualified_type") else None
    if as_type is not None:
        return Callee(CalleeKind.CONVERSION, fm.text(fn), conversion=as_type)
    return Callee(CalleeKind.FUNC_VALUE, fm.text(fn), _sig(fm.type_of(fn)))


def _named_callee(fm: FileView, fn: Node, symbol: Symbol | None) -> Callee | None:
    if symbol is None:
        return None
    name = symbol.name
    if symbol.kind is SymbolKind.BUILTIN:
        return Callee(CalleeKind.BUILTIN, name, symbol=symbol)
    if symbol.kind is SymbolKind.TYPE:
        return Callee(CalleeKind.CONVERSION, name, symbol=symbol, conversion=symbol.type)
    if symbol.kind is SymbolKind.FUNC:
        std = _std_func(fm, symbol)
        decl = symbol.decl if symbol.origin is not None else None
        return Callee(CalleeKind.FUNCTION, name, _sig(symbol.type), decl, std, symbol=symbol,
                      package=symbol.package)
    if symbol.kind in (SymbolKind.IMPORT, SymbolKind.NIL, SymbolKind.CONST):
        return None
    return Callee(CalleeKind.FUNC_VALUE, name, _sig(symbol.type), symbol=symbol)


def _std_func(fm: FileView, symbol: Symbol) -> StdFunc | None:
    if symbol.origin is not None or not symbol.package:
        return None
    package = fm.package.std.package(symbol.package)
    return package.func(symbol.name) if package is not None else None


def _selector_callee(fm: FileView, fn: Node) -> Callee | None:
    selection = select(fm, fn)
    operand = fn.child_by_field_name("operand")
    if selection is None:
        if operand is not None and operand.type == "identifier":
            symbol = fm.resolve(operand)
            if symbol is not None and symbol.kind is SymbolKind.IMPORT and symbol.package == "unsafe":
                return Callee(CalleeKind.BUILTIN, fm.text(fn.child_by_field_name("field")),
                              package="unsafe")
        return None
    kind = selection.kind
    if kind is SelectionKind.PACKAGE_MEMBER:
        assert selection.symbol is not None
        return _named_callee(fm, fn, selection.symbol)
    if kind is SelectionKind.FIELD:
        return Callee(CalleeKind.FUNC_VALUE, selection.name, _sig(selection.type),
                      receiver=operand, receiver_type=selection.receiver)
    if kind is SelectionKind.INTERFACE_METHOD:
        return Callee(CalleeKind.INTERFACE_METHOD, selection.name, _sig(selection.type),
                      receiver=operand, receiver_type=selection.receiver)
    method = selection.method
    origin = method.origin if method is not None else None
    return Callee(CalleeKind.METHOD, selection.name, _sig(selection.type),
                  origin if isinstance(origin, Node) else None,
                  origin if isinstance(origin, StdFunc) else None, receiver=operand,
                  receiver_type=selection.receiver,
                  package=origin.package if isinstance(origin, StdFunc) else fm.package.path)


def _instantiated_callee(fm: FileView, fn: Node) -> Callee | None:
    operand = fn.child_by_field_name("operand")
    if operand is None:
        return None
    as_type = fm.type_of_type(fn)
    if as_type is not None:
        return Callee(CalleeKind.CONVERSION, fm.text(fn), conversion=as_type)
    base = callee_of_expression(fm, operand)
    if base is None or base.kind is not CalleeKind.FUNCTION or base.signature is None:
        return Callee(CalleeKind.FUNC_VALUE, fm.text(fn), _sig(fm.type_of(fn)))
    sig = instantiate_explicit(fm, base.signature, fn.children_by_field_name("index"))
    return Callee(base.kind, base.name, _sig(sig), base.declaration, base.std, symbol=base.symbol,
                  package=base.package)


def callee_of_expression(fm: FileView, expr: Node) -> Callee | None:
    if expr.type == "identifier":
        return _named_callee(fm, expr, fm.resolve(expr))
    if expr.type == "selector_expression":
        return _selector_callee(fm, expr)
    return None


def is_deref_of_conversion(node: Node) -> bool:
    """tree-sitter parses `*(*T)(p)` as a conversion to `*(*T)`; Go reads `*((*T)(p))` (a
    conversion to a pointer type must itself be parenthesized: `(*T)(p)`)."""
    type_node = node.child_by_field_name("type")
    return type_node is not None and type_node.type == "pointer_type"


def _generic_or_conversion(fm: FileView, node: Node) -> Callee | None:
    """`T(x)`, or `g[int](x)`, which tree-sitter also parses as a conversion. For the misparsed
    `*(*T)(p)` this is the conversion `(*T)(p)` under the dereference."""
    type_node = node.child_by_field_name("type")
    if type_node is not None and is_deref_of_conversion(node) and type_node.named_children:
        type_node = type_node.named_children[0]
    if type_node is not None and type_node.type == "generic_type":
        base_node = type_node.child_by_field_name("type")
        symbol = generic_base(fm, base_node)
        if symbol is not None and symbol.kind is SymbolKind.FUNC and base_node is not None:
            base = _named_callee(fm, base_node, symbol)
            args = type_node.child_by_field_name("type_arguments")
            if base is None or base.signature is None or args is None:
                return base
            sig = instantiate_explicit(fm, base.signature, args.named_children)
            return Callee(base.kind, base.name, _sig(sig), base.declaration, base.std,
                          symbol=symbol, package=base.package)
    t = fm.type_of_type(type_node) if type_node is not None else None
    return Callee(CalleeKind.CONVERSION, fm.text(type_node), conversion=t)


def generic_base(fm: FileView, node: Node | None) -> Symbol | None:
    if node is None:
        return None
    if node.type in ("type_identifier", "identifier"):
        return fm.resolve(node)
    if node.type == "qualified_type":
        package, name = node.child_by_field_name("package"), node.child_by_field_name("name")
        path = fm.imports.get(fm.text(package))
        return fm.package.external_symbol(path, fm.text(name)) if path is not None else None
    return None


def _sig(t: Type | None) -> Signature | None:
    u = underlying(t)
    return u if isinstance(u, Signature) else None


def instantiate_explicit(fm: FileView, sig: Signature, arg_nodes: list[Node]) -> Type | None:
    """`f[int, string]`: bind the signature's type parameters in order."""
    args = [type_from_node(fm, n) for n in arg_nodes]
    mapping = {p: a for p, a in zip(sig.type_params, args) if a is not UNKNOWN}
    result = substitute(sig, mapping)
    return result


def arguments(call: Node) -> list[Node]:
    """The argument expressions of a call (or of a generic call parsed as a conversion)."""
    if call.type == "type_conversion_expression":
        return call.children_by_field_name("operand")
    args = call.child_by_field_name("arguments")
    return [a for a in args.named_children if a.type != "comment"] if args is not None else []


def _spread(call: Node) -> bool:
    """`f(xs...)`: the last argument is a variadic_argument node."""
    args = call.child_by_field_name("arguments")
    last = args.named_children[-1] if args is not None and args.named_children else None
    return last is not None and last.type == "variadic_argument"


def argument(fm: FileView, call: Node, index: int) -> Argument | None:
    found = call_arguments(fm, call)
    return found[index] if 0 <= index < len(found) else None


def call_arguments(fm: FileView, call: Node) -> tuple[Argument | None, ...]:
    """Where each argument of a call goes (None for arguments the model cannot place);
    computed once per call."""
    key = call.id
    cached = fm.call_args.get(key)
    if cached is None:
        cached = fm.call_args[key] = _call_arguments(fm, call)
    return cached


def _call_arguments(fm: FileView, call: Node) -> tuple[Argument | None, ...]:
    found = callee(fm, call)
    args = arguments(call)
    if found is None or found.signature is None:
        return (None,) * len(args)
    sig = found.signature
    spread = _spread(call)
    placed: list[Argument | None] = []
    for index, node in enumerate(args):
        is_spread = spread and index == len(args) - 1
        if sig.variadic and index >= len(sig.params) - 1:
            param_index, tail = len(sig.params) - 1, not is_spread
        elif index < len(sig.params):
            param_index, tail = index, False
        else:
            placed.append(None)
            continue
        param_type = sig.param_for_arg(index) if tail else sig.params[param_index]
        leak = found.std.param_leak(param_index) if found.std is not None else None
        if is_spread and node.named_children:
            node = node.named_children[0]  # the slice expression inside `xs...`
        placed.append(Argument(node, param_index, param_type, tail, is_spread, leak))
    return tuple(placed)


def call_result(fm: FileView, call: Node) -> Type | None:
    """The type of a call expression: its single result, a Tuple, or the conversion's type."""
    found = callee(fm, call)
    if found is None:
        return None
    if found.kind is CalleeKind.CONVERSION:
        return found.conversion
    if found.kind is CalleeKind.BUILTIN:
        return _builtin_result(fm, found, call)
    sig = found.signature
    if sig is None:
        return None
    if sig.type_params:
        sig = _infer(fm, sig, call)
    if not sig.results:
        return None
    return sig.results[0] if len(sig.results) == 1 else Tuple(sig.results)


def _builtin_result(fm: FileView, found: Callee, call: Node) -> Type | None:
    name = found.name
    args = arguments(call)
    if found.package == "unsafe":
        return _UNSAFE_RESULTS.get(name, _unsafe_generic(fm, name, args))
    if name in ("len", "cap", "copy"):
        return INT
    if name == "new" and args:
        t = default_type(fm.type_of_type(args[0]) or fm.type_of(args[0]))  # Go 1.26: new(expr)
        return Pointer(t) if t is not None else None
    if name == "make" and args:
        return fm.type_of_type(args[0])
    if name == "append" and args:
        t = fm.type_of(args[0])
        return None if is_untyped(t) else t
    if name in ("min", "max") and args:
        types = [fm.type_of(a) for a in args]
        typed = [t for t in types if t is not None and not is_untyped(t)]
        return typed[0] if typed else (default_type(types[0]) if types[0] is not None else None)
    if name in ("real", "imag"):
        return FLOAT64
    if name == "complex":
        return COMPLEX128
    if name == "recover":
        return ANY
    return None


_UNSAFE_RESULTS: dict[str, Type] = {
    "Sizeof": Basic("uintptr"), "Alignof": Basic("uintptr"), "Offsetof": Basic("uintptr"),
    "Add": UNSAFE_POINTER, "String": Basic("string"), "StringData": Pointer(UINT8),
}


def _unsafe_generic(fm: FileView, name: str, args: list[Node]) -> Type | None:
    first = fm.type_of(args[0]) if args else None
    u = underlying(first)
    if name == "Slice" and isinstance(u, Pointer):
        return Slice(u.elem)
    if name == "SliceData" and isinstance(u, Slice):
        return Pointer(u.elem)
    return None


def _infer(fm: FileView, sig: Signature, call: Node) -> Signature:
    """Bind type parameters from argument types (structural unification, then core types of
    constraints such as S ~[]E), as far as the arguments' types are known."""
    bindings: dict[TypeParam, Type] = {}
    for i, arg in enumerate(arguments(call)):
        param = sig.param_for_arg(i) if not _spread(call) else (
            sig.params[i] if i < len(sig.params) else None)
        t = fm.type_of(arg)
        if param is not None and t is not None:
            _unify(param, default_type(t) or t, bindings, 0)
    for tp in sig.type_params:
        core = _core(tp.constraint)
        if tp in bindings and core is not None:
            _unify(core, underlying(bindings[tp]) or UNKNOWN, bindings, 0)
    result = substitute(sig, bindings)
    return result if isinstance(result, Signature) else sig


def _core(constraint: Type | None) -> Type | None:
    terms = constraint_terms(constraint)
    if len(terms) == 1:
        term = terms[0]
        return term.type if isinstance(term, Tilde) else term
    return None


def _unify(param: Type, arg: Type, bindings: dict[TypeParam, Type], depth: int) -> None:
    if depth > 16:
        return
    if isinstance(param, TypeParam):
        bindings.setdefault(param, arg)
        return
    if isinstance(param, Named) and isinstance(arg, Named) and param.name == arg.name:
        for p, x in zip(param.args, arg.args):
            _unify(p, x, bindings, depth + 1)
        return
    a = underlying(arg) if isinstance(arg, Named) and not isinstance(param, Named) else arg
    if isinstance(param, (Pointer, Slice, Array, Chan)) and isinstance(a, (Pointer, Slice, Array, Chan)) \
            and type(a) is type(param):
        _unify(param.elem, a.elem, bindings, depth + 1)
    elif isinstance(param, Map) and isinstance(a, Map):
        _unify(param.key, a.key, bindings, depth + 1)
        _unify(param.value, a.value, bindings, depth + 1)
    elif isinstance(param, Signature) and isinstance(a, Signature):
        for p, x in zip(param.params + param.results, a.params + a.results):
            _unify(p, x, bindings, depth + 1)
