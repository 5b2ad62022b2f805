"""A pointer to local storage, or a slice or map the function allocates, stored in a map or slice.

## What it does
Flags a reference to storage the function could keep on its stack, stored where the compiler
cannot bound its lifetime:

- into a map, as a value or as a key (`m[k] = &x`, `m[string(b)] = v`), including the keys and
  values of a map literal (`map[string]*T{"a": &x}`);
- into an element of a slice, wherever the slice lives (`s[i] = &x`), or of a package-level
  array;
- appended to a slice (`s = append(s, &x)`).

The references it follows are `&x` of a local, parameter or result (also `&x.f`, `&x[i]` of a
local struct or array value, and `arr[:]` of a local array), `&T{...}`, `new(T)`, slice and map
literals, `make([]T, n)` and `make(map[K]V)`, `append(...)`, func literals, method values
(`t.M`), string concatenations and `string(b)` / `[]byte(s)` conversions, and locals that were
assigned any of them (or whose fields were).

## Why is this bad?
A map's entries and a slice's backing array are reached through pointers, so the compiler's
escape analysis cannot tell how long what is stored in them lives: it assumes the heap. `x`
becomes a heap allocation (and garbage) for every call, even when the container itself never
leaves the function.

## Example
```go
func index(names []string) map[string]*int {
	counts := make(map[string]*int)
	for i, name := range names {
		n := i
		counts[name] = &n
	}
	return counts
}
```

## Use instead
```go
func index(names []string) map[string]int {
	counts := make(map[string]int)
	for i, name := range names {
		counts[name] = i
	}
	return counts
}
```
Store values rather than pointers (`map[string]int`, `[]T`), or keep the pointed-to values in one
slice allocated up front and store indices.

## Compiler
Go 1.27, `go build -gcflags=-m`, for the seed's examples:

```go
dataPointer := make([]*int, 2, 2) // make([]*int, 2, 2) does not escape
num := 119                        // moved to heap: num
dataPointer[0] = &num

m3 := make(map[string][]string)     // does not escape
m3["3"] = []string{"go", "python"}  // []string{...} escapes to heap
```

The compiler treats every store into a map (key and value, map literals included), into a slice
element and every `append`ed value as a store to the heap: `moved to heap: x` (at `x`'s
declaration, the finding's related location), `&T{...} escapes to heap`, `[]T{...} escapes to
heap`, `make(...) escapes to heap`, `append escapes to heap`, `func literal escapes to heap`,
`a + b escapes to heap`, `string(b) escapes to heap` at the stored expression. A store into an
element of a local array (`var a [2]*int; a[0] = &x`) and the elements of a slice literal that
stays local (`s := []*int{&x}`) do not escape. Values already on the heap (`&p.f` with `p` a
pointer parameter, package-level variables, a parameter's slice) are not reported: nothing new is
allocated. `make(chan T)` is never reported: channels always live on the heap and `-m` says
nothing about them. A generic function is reported only when the package instantiates it (each
shape instantiation reports at the generic body's lines, `&T[go.shape.int]{...}`), and code the
compiler drops (`if false { ... }`) not at all. Inside a func literal that is only
called directly (`func() {...}()`, or `f := func() {...}; f()`), Go 1.27 inlines the literal and
reports its escapes at the calls, which the finding gives as related locations.
"""
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from goescape.linter.findings import Finding, Severity
from goescape.linter.model.types import Map, core
from goescape.linter.patterns.storage import (
    DestinationKind,
    analyzed,
    assigned_pairs,
    destination,
    heap_origins,
    literal_keys,
    literal_values,
    may_refer,
    report,
)
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta

META = RuleMeta(
    code="ESC103",
    name="pointer-in-container",
    summary="a pointer to local storage, or a slice/map the function allocates, is stored in a map or slice",
    severity=Severity.WARNING,
    precision=Precision.HIGH,
    node_types=("assignment_statement", "call_expression", "composite_literal"),
    tags=("escape", "address", "container"),
)

_CONTAINER_TARGETS = ("index_expression", "selector_expression")  # m[k], s[i], s[i].f
_MAP_LITERAL_TYPES = ("map_type", "type_identifier", "qualified_type", "generic_type")


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    if node.type == "assignment_statement":
        yield from _assignment(node, ctx)
    elif node.type == "call_expression":
        yield from _append(node, ctx)
    else:
        yield from _map_literal(node, ctx)


def _assignment(statement: Node, ctx: Context) -> Iterator[Finding]:
    fm = ctx.model
    for lvalue, value in assigned_pairs(statement):
        if lvalue.type not in _CONTAINER_TARGETS:
            continue  # *p = v, x = v: never an element of a map or slice
        key = lvalue.child_by_field_name("index") if lvalue.type == "index_expression" else None
        if not may_refer(value) and (key is None or not may_refer(key)):
            continue  # `s[i] = 0`, `m[k] = a * b`: nothing that could refer to local storage
        where = destination(fm, lvalue)
        if where is None:
            continue  # the model cannot tell what is indexed
        stored: list[tuple[Node, str]] = []
        if where.kind is DestinationKind.MAP:
            stored.append((value, "stored in a map"))
            if key is not None:
                stored.append((key, "stored as a map key"))
        elif where.kind is DestinationKind.SLICE:
            stored.append((value, "stored in a slice element"))
        elif where.kind is DestinationKind.PACKAGE and lvalue.type == "index_expression":
            stored.append((value, where.phrase()))
        # LOCAL: stays in the frame; POINTER, package-level fields: indirect-assignment's
        for expr, phrase in stored:
            yield from _stored(ctx, expr, phrase, statement)


def _append(call: Node, ctx: Context) -> Iterator[Finding]:
    function = call.child_by_field_name("function")
    if function is None or function.type != "identifier" or function.text != b"append":
        return
    args = call.child_by_field_name("arguments")
    values = [a for a in args.named_children if a.type != "comment"][1:] if args is not None else []
    values = [v for v in values if v.type != "variadic_argument"]  # s...: only its contents move
    if not values:
        return
    fm = ctx.model
    callee = fm.callee(call)
    if callee is None or callee.name != "append" or callee.package:
        return  # a function of its own named append
    for value in values:
        yield from _stored(ctx, value, "appended to a slice", call)


def _map_literal(literal: Node, ctx: Context) -> Iterator[Finding]:
    type_node = literal.child_by_field_name("type")
    if type_node is None or type_node.type not in _MAP_LITERAL_TYPES:
        return
    body = literal.child_by_field_name("body")
    if body is None or not any(may_refer(e) for e in (*literal_keys(body), *literal_values(body))):
        return  # `T{N: 1}`: no element could refer to local storage (checked before typing T)
    if not isinstance(core(ctx.model.type_of(literal)), Map):
        return
    yield from _map_entries(body, ctx)


def _map_entries(body: Node, ctx: Context) -> Iterator[Finding]:
    """A map literal's keys and values live in the map's heap buckets, whatever the map does."""
    for key in literal_keys(body):
        yield from _stored(ctx, key, "stored as a key of a map literal", body)
    for value in literal_values(body):
        yield from _stored(ctx, value, "stored in a map literal", body)
        if value.type == "literal_value" and isinstance(core(ctx.model.type_of(value)), Map):
            yield from _map_entries(value, ctx)  # an elided inner map literal: its entries too


def _stored(ctx: Context, value: Node, where: str, site: Node) -> Iterator[Finding]:
    """Findings for what `value` refers to, when the compiler analyzes `site` at all."""
    origins = heap_origins(ctx.model, value)
    if origins and analyzed(ctx.model, site):  # not in an uninstantiated generic or dropped code
        yield from report(ctx, META, origins, where, site)
