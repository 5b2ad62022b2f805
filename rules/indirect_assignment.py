"""A pointer to local storage, or a slice or map the function allocates, stored through a pointer.

## What it does
Flags an assignment through a pointer (`p.f = v`, `*p = v`, `p.arr[i] = v`, `p.s[i] = v`) or
into a package-level variable (`g = v`, `g.f = v`) whose value refers to storage the function
could keep on its stack: `&x` of a local, parameter or result (also `&x.f`, `&x[i]` of a local
struct or array value, `arr[:]` of a local array), `&T{...}`, `new(T)`, slice and map literals,
`make([]T, n)`, `make(map[K]V)`, `append(...)`, func literals, method values, string
concatenations and `string(b)` / `[]byte(s)` conversions, and locals that were assigned any of
them (or whose fields were).

It does not flag assignments into a local struct value (`d.p = &x` with `var d Data`), which stay
in the frame, `make(chan T)` (channels always live on the heap), or boxed values such as
`p.i = 122` with an interface field `i` (the interface-slot rule, ESC102, reports those).

## Why is this bad?
The compiler does not track where a pointer points when something is stored through it: it
assumes the store outlives the frame, so the stored value, or the local whose address it is,
moves to the heap. This holds even when the pointer itself points to a local that never escapes
(`d := new(Data)` stays on the stack, but `d.s = make([]int, 2)` allocates).

## Example
```go
type Data struct {
	s []int
	p *int
}

func fill(d *Data) {
	n := 120
	d.s = make([]int, 2)
	d.p = &n
}
```

## Use instead
```go
type Data struct {
	s [2]int
	p int
}

func fill(d *Data) {
	d.s = [2]int{}
	d.p = 120
}
```
Store values rather than references in structs reached through pointers, or let the caller
provide the storage (`d.s = d.s[:0]` reuses what is there).

## Compiler
Go 1.27, `go build -gcflags=-m`, for the seed's example (`d1 := Data{}`, `d2 := new(Data)`):

```go
d1.m = make(map[int]int) // make(map[int]int) does not escape
d1.p = &num1             // (nothing: num1 stays on the stack)
d2 := new(Data)          // new(Data) does not escape
d2.m = make(map[int]int) // make(map[int]int) escapes to heap
d2.s = make([]int, 2)    // make([]int, 2) escapes to heap
d2.p = &num2             // moved to heap: num2 (at num2's declaration)
d2.ch = make(chan int, 2) // (nothing)
```

Every store through a pointer and into a package-level variable is a store to the heap for the
compiler: `moved to heap: x` (at `x`'s declaration, the finding's related location), `&T{...}
escapes to heap`, `make(...) escapes to heap`, `[]T{...} escapes to heap`, `append escapes to
heap`, `func literal escapes to heap`, `a + b escapes to heap`. `d2.i = 122` prints `122 escapes
to heap`: a boxed value, reported by ESC102. Self-assignments (`p.b = p.b[:n]`) and values
already on the heap (parameters' slices, `&p.f` with `p` a pointer parameter) allocate nothing
and are not reported. A generic function is reported only when the package instantiates it (each
shape instantiation reports at the generic body's lines, `&T[go.shape.int]{...}`), and code the
compiler drops (`if false { ... }`) not at all. Inside a func literal that is only
called directly (`func() {...}()`, or `f := func() {...}; f()`), Go 1.27 inlines the literal and
reports its escapes at the calls, which the finding gives as related locations.
"""
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from goescape.linter.findings import Finding, Severity
from goescape.linter.patterns.storage import (
    DestinationKind,
    analyzed,
    assigned_pairs,
    destination,
    heap_origins,
    may_refer,
    report,
)
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta

META = RuleMeta(
    code="ESC107",
    name="indirect-assignment",
    summary="a pointer to local storage, or a slice/map the function allocates, is stored through a pointer",
    severity=Severity.WARNING,
    precision=Precision.HIGH,
    node_types=("assignment_statement",),
    tags=("escape", "address", "pointer"),
)

_TARGETS = ("selector_expression", "unary_expression", "index_expression", "identifier",
            "parenthesized_expression", "type_conversion_expression")


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    fm = ctx.model
    checked = False
    for lvalue, value in assigned_pairs(node):
        if lvalue.type not in _TARGETS or not may_refer(value):
            continue  # `x.n = 1`, `*p = a * b`: nothing that could refer to local storage
        where = destination(fm, lvalue)
        if where is None:
            continue  # the model cannot tell where the value goes
        if where.kind is not DestinationKind.POINTER and not (
                where.kind is DestinationKind.PACKAGE and lvalue.type != "index_expression"):
            continue  # locals stay in the frame; maps, slices and arrays are pointer-in-container's
        origins = heap_origins(fm, value)
        if not origins:
            continue  # values already on the heap, or copies
        if not checked:
            if not analyzed(fm, node):
                return  # a generic function nothing instantiates, or code the compiler drops
            checked = True
        yield from report(ctx, META, origins, where.phrase(), node)
