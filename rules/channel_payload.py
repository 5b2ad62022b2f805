"""A pointer to local storage, a slice or map the function allocates, or a boxed value sent on a channel.

## What it does
Flags `ch <- v` (also in a `select` case) when `v` refers to storage the function could keep on
its stack: `&x` of a local, parameter or result (also `&x.f`, `&x[i]` of a local struct or array
value, `arr[:]` of a local array), `&T{...}`, `new(T)`, slice and map literals, `make([]T, n)`,
`make(map[K]V)`, `append(...)`, func literals, method values, string concatenations and
`string(b)` / `[]byte(s)` conversions, and locals that were assigned any of them (or whose
fields were); and when the channel's element type is an interface and `v` is a value that must
be boxed to be sent (`chInterface <- 120`).

## Why is this bad?
A value sent on a channel can be received by any goroutine, at any later time: the compiler
cannot bound its lifetime, so whatever it points to, and the box an interface needs for a
non-pointer value, is allocated on the heap for every send.

## Example
```go
func produce(out chan<- []int) {
	batch := []int{110, 119}
	out <- batch
}
```

## Use instead
```go
func produce(out chan<- [2]int) {
	out <- [2]int{110, 119}
}
```
Send values (small arrays, structs without pointers) rather than references, send pointers into
storage that already lives on the heap and is reused, or send indices into a shared slice. For
`chan interface{}`, send pointer-shaped values or use a typed channel.

## Compiler
Go 1.27, `go build -gcflags=-m`, for the seed's examples:

```go
chs := make(chan []int, 3)
num := []int{110, 119} // []int{...} escapes to heap
chs <- num

chInterface := make(chan interface{}, 3)
chInterface <- 120 // 120 escapes to heap

chPointer := make(chan *int, 3)
num1 := 122 // moved to heap: num1
chPointer <- &num1

ch := make(chan int, 2)
ch <- x // (nothing: an int is copied into the channel's buffer)
```

The compiler treats a send as a store to the heap: `moved to heap: x` (at `x`'s declaration,
the finding's related location), `[]T{...} escapes to heap`, `map[K]V{...} escapes to heap`,
`make(...) escapes to heap`, `X escapes to heap` for a value boxed into an interface (constants
and zero-sized values included). Pointer-shaped values sent on a `chan interface{}` are not boxed
and print nothing; neither do values already on the heap (a parameter's slice, `&p.f` with `p` a
pointer parameter). A generic function is reported only when the package instantiates it (each
shape instantiation reports at the generic body's lines, `&T[go.shape.int]{...}`), and code the
compiler drops (`if false { ... }`) not at all. Inside a func literal that is only
called directly (`func() {...}()`, or `f := func() {...}; f()`), Go 1.27 inlines the literal and
reports its escapes at the calls, which the finding gives as related locations.
"""
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from goescape.linter.findings import Finding, Severity
from goescape.linter.model.types import Chan, Interface, core, underlying
from goescape.linter.patterns.boxing import boxing
from goescape.linter.patterns.closures import inline_notes
from goescape.linter.patterns.storage import analyzed, heap_origins, report
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta

META = RuleMeta(
    code="ESC105",
    name="channel-payload",
    summary="a pointer to local storage, an allocated slice or map, or a boxed value is sent on a channel",
    severity=Severity.WARNING,
    precision=Precision.HIGH,
    node_types=("send_statement",),
    tags=("escape", "channel"),
)

_WHERE = "sent on a channel"


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    channel, value = node.child_by_field_name("channel"), node.child_by_field_name("value")
    if channel is None or value is None:
        return
    fm = ctx.model
    origins = heap_origins(fm, value)
    chan = core(fm.type_of(channel))
    boxes = isinstance(chan, Chan) and isinstance(underlying(chan.elem), Interface)
    boxed = boxing(fm, value) if boxes else None  # None: copied, an interface, pointer-shaped, nil
    if not origins and boxed is None:
        return
    if not analyzed(fm, node):
        return  # a generic function nothing instantiates, or code the compiler drops
    yield from report(ctx, META, origins, _WHERE, node)
    if boxed is None:
        return
    subject = boxed.subject(fm)
    yield ctx.finding(META, boxed.node,
                      f"{subject} escapes: it is boxed into an interface and sent on a channel, "
                      f"so the box is allocated on the heap", inline_notes(fm, node))
