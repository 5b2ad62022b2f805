"""Returning the address of a local variable, a composite literal or `new(T)`.

## What it does
Flags the address-of expression whose value a function returns: `return &x` for a local variable or
parameter `x` (also `&x.f` and `&x[i]` when `x` is a struct or array value), `return &T{...}`,
`return new(T)`, an address returned through a local that holds it (`p := &x; return p`), an address
stored in a named result (`r = &x`), and an address inside a returned composite literal
(`return Pair{&x, &y}`).

## Why is this bad?
The value must outlive the function's stack frame, so the compiler allocates it on the heap: one
allocation per call, and work for the garbage collector. In a hot path, returning the value itself
(or filling a caller-provided pointer) keeps it on the stack.

## Example
```go
type WhoAreYou struct{ Name string }

func newWho() *WhoAreYou {
	who := WhoAreYou{Name: "golang"}
	return &who
}
```

## Use instead
```go
type WhoAreYou struct{ Name string }

func newWho() WhoAreYou {
	who := WhoAreYou{Name: "golang"}
	return who
}
```
or let the caller own the storage: `func fillWho(who *WhoAreYou) { who.Name = "golang" }`.

## Compiler
Go 1.27, `go build -gcflags=-m`: `moved to heap: who` at the declaration of `who` (the finding's
related location); for `return &T{...}` and `return new(T)`, `&T{...} escapes to heap` and
`new(T) escapes to heap` at the expression itself. Returning a copy (`return who`) prints nothing.
Returning `&p.f` where `p` is a pointer parameter prints `leaking param: p to result ~r0 level=0`:
nothing new is allocated, so the rule stays silent; so it does for package-level variables, which
never live on the stack, and for functions literals (closures), whose results the compiler often
inlines away.

## Options
`ignore-functions`: glob patterns of function names (`New*`, `Type.Method`) whose address returns
are by design, such as constructors.
"""
from __future__ import annotations

from collections.abc import Iterator
from fnmatch import fnmatchcase
from types import MappingProxyType

from tree_sitter import Node

from goescape.linter.context import Context
from goescape.linter.rule import Finding, Precision, RuleMeta, RuleOption, Severity
from goescape.linter.scopes import FUNCTION_TYPES, Variable, VarKind, enclosing

META = RuleMeta(
    code="ESC101",
    name="address-return",
    summary="the address of a local value is returned, so the value moves to the heap",
    severity=Severity.WARNING,
    precision=Precision.HIGH,
    node_types=("function_declaration", "method_declaration"),
    tags=("escape", "address"),
    options=MappingProxyType({
        "ignore-functions": RuleOption(
            default=(), help="glob patterns of function names (e.g. 'New*', 'Type.Method') to skip"),
    }),
)

_MAX_DEPTH = 8  # how many locals an address may pass through before we stop following it


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    if _ignored(node, ctx):
        return
    body = node.child_by_field_name("body")
    if body is None:
        return  # an external (assembly) function
    seen: set[tuple[int, int]] = set()
    for origin, via in _returned_origins(node, body, ctx):
        key = (origin.start_byte, origin.end_byte)
        if key in seen:
            continue
        seen.add(key)
        finding = _finding(origin, via, ctx)
        if finding is not None:
            yield finding


def _ignored(function: Node, ctx: Context) -> bool:
    patterns = ctx.option(META, "ignore-functions")
    if not patterns:
        return False
    name_node = function.child_by_field_name("name")
    name = ctx.text(name_node) if name_node is not None else ""
    names = [name]
    receiver = _receiver_type_name(function, ctx)
    if receiver:
        names.append(f"{receiver}.{name}")
    return any(fnmatchcase(n, p) for n in names for p in patterns)


def _receiver_type_name(function: Node, ctx: Context) -> str:
    receiver = function.child_by_field_name("receiver")
    if receiver is None:
        return ""
    for decl in receiver.named_children:
        type_node = decl.child_by_field_name("type")
        while type_node is not None and type_node.type in ("pointer_type", "generic_type"):
            inner = type_node.named_children
            type_node = inner[0] if inner else None
        if type_node is not None:
            return ctx.text(type_node)
    return ""


# -- where returned values come from ---------------------------------------------------------


def _returned_origins(function: Node, body: Node, ctx: Context) -> Iterator[tuple[Node, Node | None]]:
    """Address expressions whose value reaches a result of `function`, with the return they flow to."""
    for ret in _own_returns(body):
        values = ret.named_children[0] if ret.named_children else None
        if values is None:
            continue
        exprs = values.named_children if values.type == "expression_list" else [values]
        for expr in exprs:
            yield from _origins(expr, function, ctx, ret, 0, set())
    # A named result is returned whatever the return statement says (a deferred function may read
    # it), and the compiler's analysis is flow-insensitive: any address stored in it escapes.
    scopes = ctx.scopes(function)
    if scopes is None:
        return
    for var in scopes.variables():
        if var.kind is VarKind.RESULT and var.owner == function:
            for value in var.values:
                yield from _origins(value, function, ctx, None, 1, set())


def _own_returns(body: Node) -> Iterator[Node]:
    """Return statements of this function, not of the closures nested in it."""
    stack = [body]
    while stack:
        node = stack.pop()
        if node.type == "return_statement":
            yield node
        elif node.type in FUNCTION_TYPES:
            continue
        stack.extend(node.named_children)


def _origins(expr: Node, function: Node, ctx: Context, ret: Node | None, depth: int,
             visited: set[tuple[int, int]]) -> Iterator[tuple[Node, Node | None]]:
    expr = _unparen(expr)
    if expr.type == "unary_expression" and _operator(expr) == "&":
        if _address_is_local(expr, function, ctx):
            yield expr, ret if depth else None
    elif expr.type == "call_expression" and _is_builtin_new(expr, ctx):
        yield expr, ret if depth else None
    elif expr.type == "composite_literal":
        for element in _literal_values(expr):
            yield from _origins(element, function, ctx, ret, depth, visited)
    elif expr.type == "identifier" and depth < _MAX_DEPTH:
        var = ctx.resolve(expr)
        if var is None or var.owner != function or var.key in visited or var.range_element:
            return
        visited.add(var.key)
        for value in var.values:
            yield from _origins(value, function, ctx, ret or _nearest_return(expr), depth + 1, visited)


def _nearest_return(node: Node) -> Node | None:
    return node.parent if node.parent is not None and node.parent.type == "return_statement" else (
        enclosing(node, {"return_statement"}))


def _literal_values(literal: Node) -> Iterator[Node]:
    body = literal.child_by_field_name("body")
    if body is None:
        return
    for element in body.named_children:
        if element.type == "keyed_element":
            value = element.child_by_field_name("value") or (
                element.named_children[-1] if element.named_children else None)
        else:
            value = element
        if value is not None and value.type == "literal_element":
            value = value.named_children[0] if value.named_children else None
        if value is not None:
            yield value


def _address_is_local(address: Node, function: Node, ctx: Context) -> bool:
    """`&T{}` always allocates; `&x`, `&x.f`, `&x[i]` do when `x` is this function's own storage."""
    operand = _unparen(address.child_by_field_name("operand") or address)
    if operand.type == "composite_literal":
        return True
    root = _storage_root(operand, ctx)
    return root is not None and root.owner == function


def _storage_root(expr: Node, ctx: Context) -> Variable | None:
    """The local variable whose own storage holds `expr` (None when it is reached through a pointer)."""
    expr = _unparen(expr)
    if expr.type == "identifier":
        return ctx.resolve(expr)
    if expr.type == "selector_expression":
        inner = expr.child_by_field_name("operand")
    elif expr.type == "index_expression":
        inner = expr.child_by_field_name("operand")
    else:
        return None
    if inner is None:
        return None
    root = _storage_root(inner, ctx)
    if root is None or not _holds_value(inner, root, ctx):
        return None
    return root


def _holds_value(inner: Node, root: Variable, ctx: Context) -> bool:
    """True only when `inner` is the variable itself and its declared type is a struct or array value."""
    if _unparen(inner).type != "identifier":
        return False  # deeper chains need field types: left to the package model
    type_node = root.type_node or _literal_type(root)
    return type_node is not None and _is_value_aggregate(type_node, ctx)


def _literal_type(var: Variable) -> Node | None:
    if len(var.values) == 1 and var.kind is VarKind.LOCAL and var.values[0].type == "composite_literal":
        return var.values[0].child_by_field_name("type")
    return None


def _is_value_aggregate(type_node: Node, ctx: Context) -> bool:
    if type_node.type in ("struct_type", "array_type"):
        return True
    if type_node.type != "type_identifier":
        return False
    declared = _file_types(ctx).get(ctx.text(type_node))
    return declared is not None and declared.type in ("struct_type", "array_type")


def _file_types(ctx: Context) -> dict[str, Node]:
    """Types declared at the top level of this file (the package model knows the rest)."""
    cached = getattr(ctx, "_address_return_types", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    types: dict[str, Node] = {}
    for decl in ctx.tree.root_node.named_children:
        if decl.type != "type_declaration":
            continue
        for spec in decl.named_children:
            name, value = spec.child_by_field_name("name"), spec.child_by_field_name("type")
            if spec.type == "type_spec" and name is not None and value is not None:
                types[ctx.text(name)] = value
    ctx._address_return_types = types  # type: ignore[attr-defined]
    return types


def _is_builtin_new(call: Node, ctx: Context) -> bool:
    function = call.child_by_field_name("function")
    if function is None or function.type != "identifier" or ctx.text(function) != "new":
        return False
    return ctx.resolve(function) is None  # a local named `new` shadows the builtin


def _operator(unary: Node) -> str:
    operator = unary.child_by_field_name("operator")
    return operator.type if operator is not None else ""


def _unparen(node: Node) -> Node:
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    return node


# -- the finding -------------------------------------------------------------------------------


def _finding(origin: Node, via: Node | None, ctx: Context) -> Finding | None:
    related: list[tuple[Node, str]] = []
    if origin.type == "call_expression":
        subject = ctx.text(origin)
        message = f"{subject} escapes: it is returned, so it is allocated on the heap"
    else:
        operand = _unparen(origin.child_by_field_name("operand") or origin)
        if operand.type == "composite_literal":
            subject = "&" + _short(ctx.text(operand))
            message = f"{subject} escapes: its address is returned, so it is allocated on the heap"
        else:
            root = _storage_root(operand, ctx)
            if root is None:
                return None
            message = f"{root.name} escapes: its address is returned, so it is moved to the heap"
            related.append((root.ident, f"{root.name} is declared here; the compiler moves it to the heap"))
    if via is not None:
        related.append((via, "the address is returned here"))
    return ctx.finding(META, origin, message, related)


def _short(text: str) -> str:
    """`T{...}` as the compiler prints composite literals."""
    brace = text.find("{")
    return text[:brace] + "{...}" if brace > 0 else text
