"""Returning the address of a local variable, a composite literal or `new(T)`, or a slice or map it makes.

## What it does
Flags the address-of expression whose value a function returns: `return &x` for a local variable or
parameter `x` (also `&x.f` and `&x[i]` when `x` is a struct or array value), `return &T{...}`,
`return new(T)`, an address returned through a local that holds it (`p := &x; return p`), an address
stored in a named result (`r = &x`), and an address inside a returned composite literal
(`return Pair{&x, &y}`). Also a slice or map the function makes and returns: `make([]T, n)`,
`make(map[K]V)`, `[]T{...}` and `map[K]V{...}` returned directly, through locals, or as a field
or element of a returned value (`return &Buffer{buf: make([]byte, n)}`); the backing array or the
map then outlives the call. A channel is on the heap whatever happens to it and is not flagged.

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
`new(T) escapes to heap` at the expression itself; for a returned slice or map, `make([]byte,
n) escapes to heap` or `[]int{...} escapes to heap` where it is made. Returning a copy (`return who`) prints nothing.
Returning `&p.f` where `p` is a pointer parameter prints `leaking param: p to result ~r0 level=0`:
nothing new is allocated, so the rule stays silent; so it does for `&s[i]` of a slice (its backing
array is wherever the slice points), for package-level variables, which never live on the stack,
and for functions literals (closures), whose results the compiler often inlines away. Fields and
elements are followed to their root through any depth of struct and array values (`&p.grid[1]`
moves `p`), with types from the package model, so types declared in sibling files count.
The compiler drops unreachable code (after a `return`, under `if false`) before escape analysis,
and the rule is silent there. It reports a generic function's escapes only for the instantiations
it compiles, at the generic body's lines (`&FreeListG[go.shape.int]{...} escapes to heap` for
`return &FreeListG[T]{...}`, `new(<node DYNAMICTYPE>) escapes to heap` for `return
new(node[T])`), and again at the declaration when an instantiation's wrapper inlines the body
(a related location of the finding); none when the package itself does not instantiate it, as
for an exported `func New[T any]() *T` used only by other packages, and the rule is silent then.

## Options
`ignore-functions`: glob patterns of function names (`New*`, `Type.Method`) whose address returns
are by design, such as constructors.
"""
from __future__ import annotations

from collections.abc import Iterator
from fnmatch import fnmatchcase
from types import MappingProxyType

from tree_sitter import Node, Query

from goescape.linter.findings import Finding, Severity
from goescape.linter.model import FileModel, StorageKind, Symbol
from goescape.linter.patterns.allocations import escape
from goescape.linter.patterns.closures import generic_notes
from goescape.linter.patterns.flows import Route
from goescape.linter.patterns.reachability import in_generic, is_dead, reported_where_written
from goescape.linter.patterns.storage import makes_slice_or_map, shorten
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta, RuleOption
from goescape.linter.syntax.nodes import moved_at
from goescape.linter.syntax.parsing import GO, captured, own_returns

META = RuleMeta(
    code="ESC101",
    name="address-return",
    summary="the address of a local value, or a slice or map made here, is returned, so it lives on the heap",
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
_ASSIGNING = frozenset({"=", ":=", "var"})  # writes whose right-hand side is the value itself


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    if _ignored(node, ctx):
        return
    body = node.child_by_field_name("body")
    if body is None:
        return  # an external (assembly) function
    if in_generic(body) and not reported_where_written(ctx.model, body):
        return  # a generic the package never instantiates: the compiler reports nothing
    fm = ctx.model
    seen: set[tuple[int, int]] = set()
    for origin, via in _returned_origins(node, body, fm):
        key = (origin.start_byte, origin.end_byte)
        if key in seen:
            continue
        seen.add(key)
        if any(is_dead(fm, n) for n in (origin, via) if n is not None):
            continue  # code the compiler drops before escape analysis
        finding = _finding(origin, via, ctx)
        if finding is not None:
            yield finding
    yield from _returned_references(body, ctx)


# -- slices and maps made and returned ---------------------------------------------------------

_REFERENCES = Query(GO, """
    (call_expression function: (identifier) @name (#eq? @name "make")) @made
    (composite_literal type: [(slice_type) (map_type)]) @made
""")


def _returned_references(body: Node, ctx: Context) -> Iterator[Finding]:
    """`make([]T, n)`, `make(map[K]V)` and slice and map literals whose value reaches a result:
    directly, through locals, or as a field or element of a returned value. Returned, the slice's
    backing array or the map outlives the call."""
    fm = ctx.model
    for node in captured(_REFERENCES, body, "made"):
        if node.type == "call_expression" and not makes_slice_or_map(fm, node):
            continue
        found = escape(fm, node, {Route.RESULT}, outer=False)
        if found is None:
            continue
        message = f"{shorten(ctx.text(node))} escapes: it is {found.phrase}, so it is allocated on the heap"
        yield ctx.finding(META, node, message, [*found.related, *generic_notes(fm, node)])


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


def _returned_origins(function: Node, body: Node, fm: FileModel) -> Iterator[tuple[Node, Node | None]]:
    """Address expressions whose value reaches a result of `function`, with the return they flow to."""
    for ret in own_returns(body):
        values = ret.named_children[0] if ret.named_children else None
        if values is None:
            continue
        exprs = values.named_children if values.type == "expression_list" else [values]
        for expr in exprs:
            yield from _origins(expr, function, fm, ret, 0, set())
    # A named result is returned whatever the return statement says (a deferred function may read
    # it), and the compiler's analysis is flow-insensitive: any address stored in it escapes.
    for result in fm.results(function):
        for value in _assigned_values(fm, result):
            yield from _origins(value, function, fm, None, 1, set())


def _assigned_values(fm: FileModel, symbol: Symbol) -> Iterator[Node]:
    """The expressions assigned to a local one to one (`x := e`, `x = e`, `var x = e`)."""
    for write in fm.writes(symbol):
        if write.op in _ASSIGNING and write.rhs is not None and write.index is None:
            yield write.rhs


def _origins(expr: Node, function: Node, fm: FileModel, ret: Node | None, depth: int,
             visited: set[Symbol]) -> Iterator[tuple[Node, Node | None]]:
    expr = _unparen(expr)
    if expr.type == "composite_literal":
        for element in _literal_values(expr):
            yield from _origins(element, function, fm, ret, depth, visited)
        return
    if expr.type == "identifier" and depth < _MAX_DEPTH:
        symbol = fm.resolve(expr)
        if symbol is None or not symbol.is_frame or symbol.function != function or symbol in visited:
            return  # package-level names live on the heap; a closure's locals are its own
        visited.add(symbol)
        for value in _assigned_values(fm, symbol):
            yield from _origins(value, function, fm, ret or _nearest_return(expr), depth + 1, visited)
        return
    if expr.type not in ("unary_expression", "call_expression"):
        return  # only `&...` and `new(T)` make an address
    target = fm.address_target(expr)
    if target is None:
        return  # not an address: a copy is returned
    if target.kind is StorageKind.VARIABLE:
        symbol = target.symbol
        if symbol is None or not symbol.is_frame or symbol.function != function:
            return  # a package-level variable, or a closure's variable
    elif not target.is_fresh:
        return  # through a pointer or into a slice's backing array: nothing moves
    yield expr, ret if depth else None


def _nearest_return(node: Node) -> Node | None:
    """The return statement whose expression holds `node`, if any. The walk stops at the first
    statement or block: `Node.parent` costs the node's depth in tree-sitter, so walking to the
    root from deep inside nested blocks would be quadratic."""
    parent = node.parent
    while parent is not None and parent.type != "return_statement":
        if parent.type.endswith(("_statement", "_declaration")) or parent.type in ("block", "statement_list"):
            return None
        parent = parent.parent
    return parent


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


def _unparen(node: Node) -> Node:
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    return node


# -- the finding -------------------------------------------------------------------------------


def _finding(origin: Node, via: Node | None, ctx: Context) -> Finding | None:
    target = ctx.model.address_target(origin)
    if target is None:
        return None
    related: list[tuple[Node, str]] = []
    if target.kind is StorageKind.NEW:
        message = f"{ctx.text(origin)} escapes: it is returned, so it is allocated on the heap"
    elif target.kind is StorageKind.COMPOSITE:
        subject = "&" + _short(ctx.text(target.node))
        message = f"{subject} escapes: its address is returned, so it is allocated on the heap"
    else:
        symbol = target.symbol
        if symbol is None or symbol.node is None:
            return None
        message = f"{symbol.name} escapes: its address is returned, so it is moved to the heap"
        related.append((moved_at(symbol.node, origin),
                        f"{symbol.name} is declared here; the compiler moves it to the heap"))
    if via is not None:
        related.append((via, "the address is returned here"))
    related += generic_notes(ctx.model, origin)
    return ctx.finding(META, origin, message, related)


def _short(text: str) -> str:
    """`T{...}` as the compiler prints composite literals."""
    brace = text.find("{")
    return text[:brace] + "{...}" if brace > 0 else text
