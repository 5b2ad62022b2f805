"""Expression types as the syntax gives them, and the declared or inferred types of symbols."""
from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from goescape.linter.model import calls
from goescape.linter.model.base import FileView, SymbolKind
from goescape.linter.model.selection import select
from goescape.linter.model.typeexpr import signature, type_from_node
from goescape.linter.model.types import (
    BOOL,
    INT,
    INT32,
    STRING,
    UINT8,
    UNKNOWN,
    UNTYPED_BOOL,
    UNTYPED_COMPLEX,
    UNTYPED_FLOAT,
    UNTYPED_INT,
    UNTYPED_NIL,
    UNTYPED_RUNE,
    UNTYPED_STRING,
    Array,
    Basic,
    Chan,
    Map,
    Pointer,
    Signature,
    Slice,
    Struct,
    Tuple,
    Type,
    core,
    default_type,
    is_untyped,
    term_types,
    underlying,
)

__all__ = ["UNTYPED_NIL", "literal_type", "range_types", "type_of", "value_type"]

_LITERALS: dict[str, Type] = {
    "int_literal": UNTYPED_INT, "float_literal": UNTYPED_FLOAT, "imaginary_literal": UNTYPED_COMPLEX,
    "rune_literal": UNTYPED_RUNE, "interpreted_string_literal": UNTYPED_STRING,
    "raw_string_literal": UNTYPED_STRING, "true": UNTYPED_BOOL, "false": UNTYPED_BOOL,
    "nil": UNTYPED_NIL, "iota": UNTYPED_INT,
}
_COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">="})
_PREDECLARED = frozenset({"true", "false", "nil", "iota"})
_UNTYPED_RANK = {UNTYPED_INT: 0, UNTYPED_RUNE: 1, UNTYPED_FLOAT: 2, UNTYPED_COMPLEX: 3}


def type_of(fm: FileView, expr: Node | None) -> Type | None:
    if expr is None:
        return None
    key = expr.id
    cache = fm.types
    if key in cache:
        return cache[key]
    cache[key] = None  # a cycle through invalid code ends as unknown
    literal = _LITERALS.get(expr.type)
    if literal is not None:
        result: Type | None = literal
        if expr.type in _PREDECLARED:
            # tree-sitter gives true, false, nil and iota node types of their own, but they are
            # ordinary names a declaration may shadow (go/types has a variable named iota).
            symbol = fm.resolve(expr)
            if symbol is not None and symbol.node is not None:
                result = symbol.type
    else:
        handler = _HANDLERS.get(expr.type)
        result = handler(fm, expr) if handler is not None else None
    if result is UNKNOWN:
        result = None
    cache[key] = result
    return result


def _identifier(fm: FileView, expr: Node) -> Type | None:
    symbol = fm.resolve(expr)
    if symbol is None or symbol.kind in (SymbolKind.TYPE, SymbolKind.IMPORT, SymbolKind.BUILTIN):
        return None  # not a value
    return symbol.type


def _composite(fm: FileView, expr: Node) -> Type | None:
    type_node = expr.child_by_field_name("type")
    if type_node is None:
        return None
    if type_node.type == "implicit_length_array_type":
        elem = type_from_node(fm, type_node.child_by_field_name("element"))
        body = expr.child_by_field_name("body")
        keyed = body is not None and any(c.type == "keyed_element" for c in body.named_children)
        count = None if body is None or keyed else sum(1 for c in body.named_children
                                                       if c.type == "literal_element")
        return Array(elem, count)
    return type_from_node(fm, type_node)


def literal_type(fm: FileView, body: Node) -> Type | None:
    """The type of a literal_value: its composite literal's, or, when elided (`[]T{{...}}`),
    the element (or key) type of the enclosing literal."""
    parent = body.parent
    if parent is None:
        return None
    if parent.type == "composite_literal":
        return type_of(fm, parent)
    if parent.type != "literal_element":
        return None
    holder = parent.parent
    outer_body = holder.parent if holder is not None and holder.type == "keyed_element" else holder
    if outer_body is None or outer_body.type != "literal_value":
        return None
    outer = underlying(literal_type(fm, outer_body))
    if isinstance(outer, Pointer):  # an elided &T{...} inside []*T{...}
        outer = underlying(outer.elem)
    keyed = holder is not None and holder.type == "keyed_element"
    key = holder.named_children[0] if holder is not None and keyed else None
    is_key = key is not None and key.start_byte == parent.start_byte
    if isinstance(outer, Map):
        return outer.key if is_key else outer.value
    if isinstance(outer, (Slice, Array)) and not is_key:
        return outer.elem  # for []*T{{...}} this is *T: the elided literal stands for &T{...}
    if isinstance(outer, Struct) and key is not None and not is_key:
        name = fm.text(key)
        return next((f.type for f in outer.fields if f.name == name), None)
    return None


def is_struct_literal_key(fm: FileView, ident: Node) -> bool:
    """`a` in `T{a: 1}` names a field when T is a struct; then it resolves to nothing."""
    element = ident.parent
    if element is None or element.type != "literal_element":
        return False
    keyed = element.parent
    if keyed is None or keyed.type != "keyed_element" or keyed.named_children[0].id != element.id:
        return False
    body = keyed.parent
    t = literal_type(fm, body) if body is not None else None
    u = underlying(t)
    if isinstance(u, Pointer):
        u = underlying(u.elem)
    return u is None or isinstance(u, Struct)  # unknown: do not guess a variable


def _literal_value(fm: FileView, expr: Node) -> Type | None:
    return literal_type(fm, expr)


def _parenthesized(fm: FileView, expr: Node) -> Type | None:
    inner = expr.named_children
    return type_of(fm, inner[0]) if len(inner) == 1 else None


def _unary(fm: FileView, expr: Node) -> Type | None:
    op = expr.child(0).type if expr.child(0) is not None else ""
    operand = expr.child_by_field_name("operand")
    if operand is None:
        return None
    t = type_of(fm, operand)
    if t is None:
        return None
    if op == "&":
        return Pointer(t)
    u = underlying(t)
    if op == "*":
        return u.elem if isinstance(u, Pointer) else None
    if op == "<-":
        return u.elem if isinstance(u, Chan) else None
    return t  # + - ^ !: the operand's type


def _binary(fm: FileView, expr: Node) -> Type | None:
    op = expr.child_by_field_name("operator")
    op_text = op.type if op is not None else ""
    if op_text in _COMPARISONS:
        return UNTYPED_BOOL
    left = type_of(fm, expr.child_by_field_name("left"))
    if op_text in ("<<", ">>"):
        return left
    right = type_of(fm, expr.child_by_field_name("right"))
    if left is None or right is None:
        return left if left is not None and not is_untyped(left) else (
            right if right is not None and not is_untyped(right) else None)
    if not is_untyped(left):
        return left
    if not is_untyped(right):
        return right
    if left in _UNTYPED_RANK and right in _UNTYPED_RANK:
        return left if _UNTYPED_RANK[left] >= _UNTYPED_RANK[right] else right
    return left


def _conversion(fm: FileView, expr: Node) -> Type | None:
    # Also `g[int](x)`, which tree-sitter parses as a conversion: the callee tells them apart.
    t = calls.call_result(fm, expr)
    if calls.is_deref_of_conversion(expr):
        u = underlying(t)  # `*(*T)(p)` is `*((*T)(p))`, which tree-sitter takes for a conversion
        return u.elem if isinstance(u, Pointer) else None
    return t


def _selector(fm: FileView, expr: Node) -> Type | None:
    selection = select(fm, expr)
    return selection.type if selection is not None else None


def _index(fm: FileView, expr: Node) -> Type | None:
    operand = expr.child_by_field_name("operand")
    t = type_of(fm, operand) if operand is not None else None
    u = core(t)
    if isinstance(u, Signature) and u.type_params:
        return calls.instantiate_explicit(fm, u, expr.children_by_field_name("index"))
    if u is not None:
        return _element(u)
    # [T []byte | string]: indexing is allowed when every term has the same element type.
    elements = {_element(term) for term in term_types(t)}
    return elements.pop() if len(elements) == 1 else None


def _element(u: Type) -> Type | None:
    if isinstance(u, Pointer):
        target = underlying(u.elem)
        return target.elem if isinstance(target, Array) else None
    if isinstance(u, (Slice, Array)):
        return u.elem
    if isinstance(u, Map):
        return u.value
    if isinstance(u, Basic) and u.name in ("string", "untyped string"):
        return UINT8
    return None


def _slice_expr(fm: FileView, expr: Node) -> Type | None:
    t = type_of(fm, expr.child_by_field_name("operand"))
    u = core(t)
    if isinstance(u, Pointer):
        u = underlying(u.elem)
        return Slice(u.elem) if isinstance(u, Array) else None
    if isinstance(u, Array):
        return Slice(u.elem)
    if isinstance(u, Slice):
        return t
    if isinstance(u, Basic) and u.name in ("string", "untyped string"):
        return STRING if is_untyped(t) else t
    terms = term_types(t)
    if terms and all(isinstance(x, Slice) or (isinstance(x, Basic) and x.name == "string")
                     for x in terms):
        return t  # slicing a []byte | string type parameter keeps its type
    return None


def _function_name(fm: FileView, expr: Node) -> Type | None:
    """`pkg.F` or `F[T]` that tree-sitter parsed as a type (in `pkg.F[T](x)`): a function."""
    base = expr.child_by_field_name("type") if expr.type == "generic_type" else expr
    symbol = calls.generic_base(fm, base)
    if symbol is None or symbol.kind is SymbolKind.TYPE:
        return None
    t = symbol.type
    args = expr.child_by_field_name("type_arguments") if expr.type == "generic_type" else None
    if isinstance(t, Signature) and t.type_params and args is not None:
        return calls.instantiate_explicit(fm, t, args.named_children)
    return t


def _assertion(fm: FileView, expr: Node) -> Type | None:
    return type_from_node(fm, expr.child_by_field_name("type"))


_HANDLERS: dict[str, Callable[[FileView, Node], Type | None]] = {
    "identifier": _identifier,
    "composite_literal": _composite,
    "literal_value": _literal_value,
    "func_literal": lambda fm, expr: signature(fm, expr),
    "parenthesized_expression": _parenthesized,
    "unary_expression": _unary,
    "binary_expression": _binary,
    "call_expression": lambda fm, expr: calls.call_result(fm, expr),
    "type_conversion_expression": _conversion,
    "selector_expression": _selector,
    "index_expression": _index,
    "slice_expression": _slice_expr,
    "type_assertion_expression": _assertion,
    "qualified_type": _function_name,
    "generic_type": _function_name,
}


def value_type(fm: FileView, rhs: Node | None, index: int | None) -> Type | None:
    """The type assigned to one name: from a one-to-one rhs, or result `index` of a multi-value
    rhs (calls, and the comma-ok forms of map index, type assertion and receive)."""
    if rhs is None:
        return None
    if index is None:
        return type_of(fm, rhs)
    if index == 1 and _is_comma_ok(fm, rhs):
        return BOOL
    if index == 0 and _is_comma_ok(fm, rhs):
        return type_of(fm, rhs)
    t = type_of(fm, rhs)
    return t.items[index] if isinstance(t, Tuple) and index < len(t.items) else None


def _is_comma_ok(fm: FileView, rhs: Node) -> bool:
    while rhs.type == "parenthesized_expression" and rhs.named_children:
        rhs = rhs.named_children[0]
    if rhs.type == "type_assertion_expression":
        return True
    if rhs.type == "unary_expression":
        return rhs.child(0) is not None and rhs.child(0).type == "<-"
    if rhs.type == "index_expression":
        return isinstance(core(type_of(fm, rhs.child_by_field_name("operand"))), Map)  # core: a ~map type parameter
    return False


def range_types(t: Type | None) -> tuple[Type | None, Type | None]:
    """The key and value types of `for k, v := range x` for x of type t."""
    u = core(t)
    if isinstance(u, Pointer):
        u = underlying(u.elem)
        return (INT, u.elem) if isinstance(u, Array) else (None, None)
    if isinstance(u, (Slice, Array)):
        return INT, u.elem
    if isinstance(u, Map):
        return u.key, u.value
    if isinstance(u, Chan):
        return u.elem, None
    if isinstance(u, Basic):
        if u.name in ("string", "untyped string"):
            return INT, INT32
        return default_type(t), None  # range over an integer
    if isinstance(u, Signature) and len(u.params) == 1:
        yield_sig = underlying(u.params[0])  # range-over-func: func(yield func(K, V) bool)
        if isinstance(yield_sig, Signature):
            params: list[Type | None] = [*yield_sig.params, None, None]
            return params[0], params[1]
    return None, None

