'''A closure, method value or goroutine outlives its function, with the variables it captures.

## What it does
Reported in `--verify` mode only, from the compiler's own verdicts: a func literal or a method
value (`r.Read` used as a value) that escapes to the heap, a variable that a closure captures by
reference and that therefore moves to the heap, and values a goroutine's function literal takes
with it (`go func() { ... }()`).

## Why is this bad?
A closure that outlives its frame is allocated on the heap together with the variables it
captures by reference: each call of the enclosing function allocates the closure object and
every captured variable that is assigned after capture. Goroutines always outlive the function
that starts them, so whatever their function literal captures moves to the heap too.

## Example
```go
func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}
```

## Use instead
```go
type Counter struct{ n int }

func (c *Counter) Next() int {
	c.n++
	return c.n
}
```
State the caller owns (a struct with methods) replaces a closure's captured variables; pass
values to a goroutine as arguments of a named function instead of capturing them.

## Compiler
Go 1.27, `go build -gcflags=-m` on the example prints `moved to heap: n` at the declaration of
`n` and `func literal escapes to heap` at the `func` keyword; `-gcflags=-m=2` explains
`flow: {storage for func literal} ← &n: from n (captured by a closure)` and `counter capturing
by ref: n`. A closure called where it is written is inlined and reports nothing; a method value
that escapes is reported as `r.Read escapes to heap`.

This rule has no pattern of its own: `goescape check --verify` classifies into it the compiler's
escapes of func literals, method values, captured variables and goroutine closures that no
pattern rule reported.
'''
from __future__ import annotations

from goescape.linter.findings import Severity
from goescape.linter.rule.meta import Precision, RuleMeta

VERIFY_ONLY = True  # findings come from the compiler (`--verify`); there is no check

META = RuleMeta(
    code="ESC201",
    name="closure-capture",
    summary="a closure, method value or goroutine escapes, with the variables it captures",
    severity=Severity.WARNING,
    precision=Precision.VERY_HIGH,
    tags=("escape", "closure", "verify-only"),
)
