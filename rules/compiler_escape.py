'''An escape the compiler reports that fits none of the other rules' patterns.

## What it does
Reported in `--verify` mode only, from the compiler's own verdicts: an `escapes to heap` or
`moved to heap` diagnostic that no pattern rule found and that does not fit another rule's
pattern either. Typical cases: the implicit slice of a variadic call whose callee keeps it
(`... argument escapes to heap`), a value stored in an allocation that escapes, an address the
compiler follows through more calls or locals than the rules do. The finding carries the
compiler's explanation.

## Why is this bad?
Whatever the reason, the value is allocated on the heap on every call and must be reclaimed by
the garbage collector. The explanation (`-gcflags=-m=2`) says which assignment or call makes it
outlive the function.

## Example
```go
var saved []int

//go:noinline
func keep(xs ...int) { saved = xs }

func remember() {
	keep(1, 2, 3)
}
```

## Use instead
```go
var kept []int

//go:noinline
func keepSlice(xs []int) { kept = xs }

var primes = []int{2, 3, 5}

func rememberPrimes() {
	keepSlice(primes)
}
```
Pass a slice that already lives as long as the callee keeps it (built once, at package level or
by the caller), or let the callee copy what it keeps.

## Compiler
Go 1.27, `go build -gcflags=-m` on the example prints `leaking param: xs` for `keep` and
`... argument escapes to heap` at the call: the slice the compiler builds for `1, 2, 3` is kept
by `keep`, so it is allocated on every call. The `Use instead` version prints `leaking param: xs`
for `keepSlice` and nothing at the call: the package-level slice is allocated once.

This rule has no pattern of its own: `goescape check --verify` reports under it the compiler's
escapes that no other rule reported or fits.
'''
from __future__ import annotations

from goescape.linter.findings import Severity
from goescape.linter.rule.meta import Precision, RuleMeta

VERIFY_ONLY = True  # findings come from the compiler (`--verify`); there is no check

META = RuleMeta(
    code="ESC205",
    name="compiler-escape",
    summary="the compiler moves a value to the heap for a reason no other rule's pattern covers",
    severity=Severity.WARNING,
    precision=Precision.VERY_HIGH,
    tags=("escape", "verify-only"),
)
