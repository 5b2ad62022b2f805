'''`append` grows a slice whose backing array escapes, so each growth allocates on the heap.

## What it does
Reported in `--verify` mode only, from the compiler's own verdicts: an `append` call whose result
(the possibly reallocated backing array) escapes to the heap, because the slice is returned,
stored where it outlives the function, or passed to a callee that keeps it.

## Why is this bad?
Each time `append` runs out of capacity it allocates a larger backing array and copies the
elements. When the slice escapes, those arrays live on the heap: a loop of appends costs a
logarithmic number of allocations and copies, plus garbage for the collector.

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
let the caller pass a buffer to append to and reuse.

## Compiler
Go 1.27, `go build -gcflags=-m` on the example prints `append escapes to heap` at the `append`
call; `-gcflags=-m=2` explains `append(out, i * i) escapes to heap in squares: flow: ~r0 ← out`.
A slice that stays in the function prints `append does not escape`: Go 1.27 then keeps a
small backing array on the stack.

This rule has no pattern of its own: `goescape check --verify` classifies into it the compiler's
`append escapes to heap` lines that no pattern rule reported.
'''
from __future__ import annotations

from goescape.linter.findings import Severity
from goescape.linter.rule.meta import Precision, RuleMeta

VERIFY_ONLY = True  # findings come from the compiler (`--verify`); there is no check

META = RuleMeta(
    code="ESC202",
    name="append-growth",
    summary="append grows a slice whose backing array escapes to the heap",
    severity=Severity.WARNING,
    precision=Precision.VERY_HIGH,
    tags=("escape", "append", "verify-only"),
)
