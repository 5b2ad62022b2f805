'''`append` grows a slice whose backing array escapes, so each growth allocates on the heap.

## What it does
Flags an `append(s, ...)` call whose result, the possibly reallocated backing array, outlives
the function: the slice is returned (directly, through the locals it is assigned to, in a
struct value or a named result), or passed to a function that keeps it (a parameter the
compiler reports as `leaking param`, for the standard library from its facts, for the
package's own functions by following the parameter), or started with a goroutine. A slice
whose appends stay local is left alone, and so are appends stored through a pointer, into a
map or slice, or into a package-level variable: ESC103 and ESC107 report those stores.

## Why is this bad?
Each time `append` runs out of capacity it allocates a larger backing array and copies the
elements. When the slice escapes, those arrays live on the heap: a loop of appends costs a
logarithmic number of allocations and copies, plus garbage for the collector. A slice that
stays in the function is grown in a 32-byte stack buffer first (Go 1.25 and later).

## Example
```go
func squares(n int) []int {
	var out []int
	for i := 0; i < n; i++ {
		out = append(out, i*i)
	}
	return out
}
```

## Use instead
```go
func sumSquares(n int) int {
	out := make([]int, 0, 64)
	for i := 0; i < n; i++ {
		out = append(out, i*i)
	}
	total := 0
	for _, v := range out {
		total += v
	}
	return total
}
```
When the slice must escape, allocate it once with the capacity it needs (`make([]int, 0, n)`), or
let the caller pass a buffer to append to and reuse (`func appendSquares(dst []int, n int) []int`
still escapes, but grows only when the caller's buffer is full).

## Compiler
Go 1.27, `go build -gcflags=-m` on the example prints `append escapes to heap` at the `append`
call; `-gcflags=-m=2` explains `append(out, i * i) escapes to heap in squares: flow: ~r0 ← out`.
A slice that stays in the function prints `append does not escape`. Every append into a slice
that escapes is reported, whether or not it grows at run time (appending into spare capacity
allocates nothing). `dst = append(dst, ...); return dst` with a parameter `dst` reports
`leaking param: dst to result ~r0 level=0` and `append escapes to heap`. An append inside a
func literal the compiler inlines is reported at the call that inlined it (a related location
of the finding), and one in a generic function only for the instantiations the package
compiles; code the compiler drops (`if false { ... }`) reports nothing.
'''
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from goescape.linter.findings import Finding, Severity
from goescape.linter.patterns.allocations import escape
from goescape.linter.patterns.storage import builtin_name
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta

META = RuleMeta(
    code="ESC202",
    name="append-growth",
    summary="append grows a slice whose backing array escapes to the heap",
    severity=Severity.WARNING,
    precision=Precision.HIGH,
    node_types=("call_expression",),
    tags=("escape", "append"),
)

_SHORT = 30  # the longest slice expression quoted in a message


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    function = node.child_by_field_name("function")
    if function is None or function.type != "identifier" or function.text != b"append":
        return
    fm = ctx.model
    if builtin_name(fm, node) != "append":
        return  # a function of its own named append
    found = escape(fm, node, outer=False)  # a flag keeps its array from reuse: loops do not matter
    if found is None:
        return
    yield ctx.finding(META, node, f"append escapes: the backing array it grows{_of(node)} is "
                                  f"{found.phrase}, so each growth allocates on the heap", found.related)


def _of(call: Node) -> str:
    args = call.child_by_field_name("arguments")
    first = next((a for a in args.named_children if a.type != "comment"), None) if args is not None else None
    text = " ".join(Context.text(first).split()) if first is not None else ""
    return f" (of {text})" if text and len(text) <= _SHORT and "(" not in text else ""
