"""Type expressions (tree-sitter type nodes, and expressions that denote types) to type shapes."""
from __future__ import annotations

from collections.abc import Mapping

from tree_sitter import Node

from goescape.linter.model.base import FileView, SymbolKind
from goescape.linter.model.types import (
    UNKNOWN,
    Array,
    Chan,
    ChanDir,
    Field,
    Interface,
    Map,
    Method,
    Named,
    Pointer,
    Signature,
    Slice,
    Struct,
    Tilde,
    Type,
    TypeParam,
)
from goescape.linter.syntax.nodes import names

Env = Mapping[str, Type]  # type parameters in scope that no symbol table holds (generic types)
_EMPTY: Env = {}


def type_from_node(fm: FileView, node: Node | None, env: Env = _EMPTY) -> Type:
    """The type a type node (or a type-denoting expression) stands for; UNKNOWN if not a type."""
    if node is None:
        return UNKNOWN
    handler = _HANDLERS.get(node.type)
    return handler(fm, node, env) if handler is not None else UNKNOWN


def _name(fm: FileView, node: Node, env: Env) -> Type:
    name = fm.text(node)
    if name in env:
        return env[name]
    symbol = fm.resolve(node)
    if symbol is None or symbol.kind is not SymbolKind.TYPE:
        return UNKNOWN
    return symbol.type or UNKNOWN


def _qualified(fm: FileView, node: Node, env: Env) -> Type:
    package = node.child_by_field_name("package")
    name = node.child_by_field_name("name")
    if package is None or name is None:
        return UNKNOWN
    return fm.package_type(fm.text(package), fm.text(name))


def _selector(fm: FileView, node: Node, env: Env) -> Type:
    operand = node.child_by_field_name("operand")
    field = node.child_by_field_name("field")
    if operand is None or field is None or operand.type != "identifier":
        return UNKNOWN
    symbol = fm.resolve(operand)
    if symbol is None or symbol.kind is not SymbolKind.IMPORT:
        return UNKNOWN
    return fm.package_type(fm.text(operand), fm.text(field))


def _generic(fm: FileView, node: Node, env: Env) -> Type:
    base = type_from_node(fm, node.child_by_field_name("type"), env)
    args_node = node.child_by_field_name("type_arguments")
    args = tuple(type_from_node(fm, a, env) for a in args_node.named_children) if args_node else ()
    return _instantiate(base, args)


def _index_instantiation(fm: FileView, node: Node, env: Env) -> Type:
    # `List[int]` in expression position parses as an index expression.
    base = type_from_node(fm, node.child_by_field_name("operand"), env)
    index = node.child_by_field_name("index")
    args = tuple(type_from_node(fm, a, env) for a in node.children_by_field_name("index"))
    return _instantiate(base, args) if index is not None else UNKNOWN


def _instantiate(base: Type, args: tuple[Type, ...]) -> Type:
    if isinstance(base, Named) and not base.args:
        return Named(base.pkg, base.name, args, base.scope, base.info)
    return UNKNOWN


def _type_elem(fm: FileView, node: Node, env: Env) -> Type:
    children = node.named_children
    return type_from_node(fm, children[0], env) if len(children) == 1 else UNKNOWN


def _pointer(fm: FileView, node: Node, env: Env) -> Type:
    children = node.named_children
    return Pointer(type_from_node(fm, children[0], env)) if children else UNKNOWN


def _deref_expr(fm: FileView, node: Node, env: Env) -> Type:
    # `(*T)(x)`: a unary * expression over a type is a pointer type.
    if node.child(0) is None or node.child(0).type != "*":
        return UNKNOWN
    inner = type_from_node(fm, node.child_by_field_name("operand"), env)
    return UNKNOWN if inner is UNKNOWN else Pointer(inner)


def _parenthesized(fm: FileView, node: Node, env: Env) -> Type:
    children = node.named_children
    return type_from_node(fm, children[0], env) if len(children) == 1 else UNKNOWN


def _slice(fm: FileView, node: Node, env: Env) -> Type:
    return Slice(type_from_node(fm, node.child_by_field_name("element"), env))


def _array(fm: FileView, node: Node, env: Env) -> Type:
    return Array(type_from_node(fm, node.child_by_field_name("element"), env),
                 fm.constant_int(node.child_by_field_name("length")))


def _map(fm: FileView, node: Node, env: Env) -> Type:
    return Map(type_from_node(fm, node.child_by_field_name("key"), env),
               type_from_node(fm, node.child_by_field_name("value"), env))


def _chan(fm: FileView, node: Node, env: Env) -> Type:
    tokens = [c.type for c in node.children if not c.is_named]
    direction = ChanDir.BOTH
    if tokens and tokens[0] == "<-":
        direction = ChanDir.RECV
    elif "<-" in tokens:
        direction = ChanDir.SEND
    return Chan(type_from_node(fm, node.child_by_field_name("value"), env), direction)


def _function(fm: FileView, node: Node, env: Env) -> Type:
    return signature(fm, node, env)


def signature(fm: FileView, node: Node, env: Env = _EMPTY, tparams: tuple[TypeParam, ...] = ()
              ) -> Signature:
    """The signature of a function_type, func_literal, function or method declaration, or an
    interface's method_elem (the receiver is not part of it)."""
    params, names, variadic = _parameters(fm, node.child_by_field_name("parameters"), env)
    result = node.child_by_field_name("result")
    results: tuple[Type, ...] = ()
    result_names: tuple[str, ...] = ()
    if result is None:
        pass
    elif result.type == "parameter_list":
        results, result_names, _ = _parameters(fm, result, env)
    else:
        results, result_names = (type_from_node(fm, result, env),), ("",)
    return Signature(params, results, variadic, names, result_names, tparams)


def _parameters(fm: FileView, plist: Node | None, env: Env
                ) -> tuple[tuple[Type, ...], tuple[str, ...], bool]:
    types: list[Type] = []
    labels: list[str] = []
    variadic = False
    for decl in plist.named_children if plist is not None else ():
        if decl.type not in ("parameter_declaration", "variadic_parameter_declaration"):
            continue
        t = type_from_node(fm, decl.child_by_field_name("type"), env)
        if decl.type == "variadic_parameter_declaration":
            t, variadic = Slice(t), True
        for label in [fm.text(ident) for ident in names(decl)] or [""]:
            types.append(t)
            labels.append(label)
    return tuple(types), tuple(labels), variadic


def _struct(fm: FileView, node: Node, env: Env) -> Type:
    fields: list[Field] = []
    body = node.named_children[0] if node.named_children else None
    for decl in body.named_children if body is not None else ():
        if decl.type != "field_declaration":
            continue
        type_node = decl.child_by_field_name("type")
        t = type_from_node(fm, type_node, env)
        declared = names(decl)
        if declared:
            fields.extend(Field(fm.text(n), t) for n in declared)
        else:
            # tree-sitter-go keeps the `*` of an embedded *T as an anonymous token of the field.
            if any(c.type == "*" for c in decl.children if not c.is_named):
                t = Pointer(t)
            fields.append(Field(_embedded_name(fm, type_node), t, embedded=True))
    return Struct(tuple(fields))


def _embedded_name(fm: FileView, node: Node | None) -> str:
    """An embedded field is named after its type, without package, pointer or type arguments."""
    while node is not None and node.type in ("pointer_type", "generic_type", "qualified_type"):
        if node.type == "pointer_type":
            node = node.named_children[0] if node.named_children else None
        else:
            node = node.child_by_field_name("type" if node.type == "generic_type" else "name")
    return fm.text(node) if node is not None else ""


def _interface(fm: FileView, node: Node, env: Env) -> Type:
    methods: list[Method] = []
    embedded: list[Type] = []
    terms: list[Type] = []
    for elem in node.named_children:
        if elem.type == "method_elem":
            name = elem.child_by_field_name("name")
            methods.append(Method(fm.text(name) if name else "", signature(fm, elem, env)))
        elif elem.type == "type_elem":
            parts = elem.named_children
            if len(parts) == 1 and parts[0].type in ("type_identifier", "qualified_type", "generic_type"):
                embedded.append(type_from_node(fm, parts[0], env))
            else:
                terms.extend(type_from_node(fm, p, env) for p in parts)
    return Interface(tuple(methods), tuple(embedded), tuple(terms))


def _negated(fm: FileView, node: Node, env: Env) -> Type:
    children = node.named_children
    return Tilde(type_from_node(fm, children[0], env)) if children else UNKNOWN


def _constraint(fm: FileView, node: Node, env: Env) -> Type:
    parts = node.named_children
    if len(parts) == 1:
        return type_from_node(fm, parts[0], env)
    return Interface(terms=tuple(type_from_node(fm, p, env) for p in parts))


_HANDLERS = {
    "type_identifier": _name,
    "identifier": _name,
    "qualified_type": _qualified,
    "selector_expression": _selector,
    "generic_type": _generic,
    "index_expression": _index_instantiation,
    "type_elem": _type_elem,
    "type_constraint": _constraint,
    "pointer_type": _pointer,
    "unary_expression": _deref_expr,
    "parenthesized_type": _parenthesized,
    "parenthesized_expression": _parenthesized,
    "slice_type": _slice,
    "array_type": _array,
    "map_type": _map,
    "channel_type": _chan,
    "function_type": _function,
    "struct_type": _struct,
    "interface_type": _interface,
    "negated_type": _negated,
}
