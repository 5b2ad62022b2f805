'''An escape the compiler reports that fits none of the other rules' patterns.

## What it does
Reported in `--verify` mode only, from the compiler's own verdicts: an `escapes to heap` or
`moved to heap` diagnostic that no pattern rule found and that does not fit another rule's
pattern either. Typical cases: a slice or map literal returned, a value stored in an allocation
that escapes, an address the compiler follows through more calls or locals than the rules do.
The finding carries the compiler's explanation.

## Why is this bad?
Whatever the reason, the value is allocated on the heap on every call and must be reclaimed by
the garbage collector. The explanation (`-gcflags=-m=2`) says which assignment or call makes it
outlive the function.

## Example
```go
func primes() []int {
	return []int{2, 3, 5, 7, 11}
}
```

## Use instead
```go
func primes() [5]int {
	return [5]int{2, 3, 5, 7, 11}
}
```
Return a value (an array, a struct) the caller keeps in its own frame, fill a buffer the
caller passes, or build the value once at package level when it never changes.

## Compiler
Go 1.27, `go build -gcflags=-m` on the example prints `[]int{...} escapes to heap`;
`-gcflags=-m=2` explains `flow: ~r0 ← &{storage for []int{...}}: from []int{...} (spill),
from return []int{...} (return)`. The `Use instead` version prints nothing: the array is
copied into the caller's result.

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
