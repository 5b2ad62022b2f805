'''A string concatenation or a `[]byte`/`[]rune`/`string` conversion allocates a result that escapes.

## What it does
Reported in `--verify` mode only, from the compiler's own verdicts: `a + b` on strings,
`string(b)`, `[]byte(s)` and `[]rune(s)` whose result escapes to the heap (it is returned,
stored, boxed or passed to a callee that keeps it).

## Why is this bad?
Concatenations and conversions between strings and byte slices copy their operands into a new
allocation. When the result stays in the function, Go 1.27 uses a small stack buffer; when it
escapes, every call allocates on the heap.

## Example
```go
func key(user, id string) string {
	return user + ":" + id
}

func text(b []byte) string {
	return string(b)
}
```

## Use instead
```go
func equal(b []byte, s string) bool {
	return string(b) == s
}
```
Compare or look up with the conversion written in place (`m[string(b)]`, `string(b) == s`):
the compiler does not allocate for it. Build strings once with a `strings.Builder` sized with
`Grow`, or append into a caller's `[]byte` buffer.

## Compiler
Go 1.27, `go build -gcflags=-m` on the example prints `user + ":" + id escapes to heap` and
`string(b) escapes to heap`; `([]byte)(s) escapes to heap` for a `[]byte(s)` conversion. The
`Use instead` version prints `string(b) does not escape`.

This rule has no pattern of its own: `goescape check --verify` classifies into it the compiler's
escapes of concatenations and conversions that no pattern rule reported.
'''
from __future__ import annotations

from goescape.linter.findings import Severity
from goescape.linter.rule.meta import Precision, RuleMeta

VERIFY_ONLY = True  # findings come from the compiler (`--verify`); there is no check

META = RuleMeta(
    code="ESC203",
    name="conversion-allocation",
    summary="a string concatenation or string/byte-slice conversion allocates a result that escapes",
    severity=Severity.WARNING,
    precision=Precision.VERY_HIGH,
    tags=("escape", "string", "verify-only"),
)
