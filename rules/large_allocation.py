'''A value too large (or too aligned) for the stack is allocated on the heap.

## What it does
Reported in `--verify` mode only, from the compiler's own verdicts: a variable, `make`, `new` or
composite literal that the compiler puts on the heap because of its size alone (larger than the
stack limits: 128 KiB for an implicit allocation such as `make` or `new`, 10 MiB for a declared
variable) or its alignment.

## Why is this bad?
The allocation happens on every call even though nothing outlives the function, and large heap
allocations are expensive to zero and to collect.

## Example
```go
func checksum() byte {
	buf := make([]byte, 1<<20)
	var sum byte
	for _, b := range buf {
		sum ^= b
	}
	return sum
}
```

## Use instead
```go
func checksum(buf []byte) byte {
	var sum byte
	for _, b := range buf {
		sum ^= b
	}
	return sum
}
```
Let the caller own large buffers (and reuse them, or take them from a `sync.Pool`).

## Compiler
Go 1.27, `go build -gcflags=-m` on the example prints `make([]byte, 1048576) escapes to heap`;
`-gcflags=-m=2` explains it with `from make([]byte, 1048576) (too large for stack)`. A declared
array larger than 10 MiB prints `moved to heap: a` with `(too large for stack)`. A `make` with a
non-constant size is not reported by itself in Go 1.27: it uses a stack buffer when the size
is small and the heap otherwise.

This rule has no pattern of its own: `goescape check --verify` classifies into it the compiler's
escapes explained as "too large for stack" or "too aligned for stack".
'''
from __future__ import annotations

from goescape.linter.findings import Severity
from goescape.linter.rule.meta import Precision, RuleMeta

VERIFY_ONLY = True  # findings come from the compiler (`--verify`); there is no check

META = RuleMeta(
    code="ESC204",
    name="large-allocation",
    summary="a value too large or too aligned for the stack is allocated on the heap",
    severity=Severity.WARNING,
    precision=Precision.VERY_HIGH,
    tags=("escape", "size", "verify-only"),
)
