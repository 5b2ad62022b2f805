'''An escape the compiler reports that fits none of the other rules' patterns.

## What it does
Reported in `--verify` mode only, from the compiler's own verdicts: an `escapes to heap` or
`moved to heap` diagnostic that no pattern rule found and that does not fit another rule's
pattern either. Typical cases: the address of a local passed to a function whose parameter
leaks (`leaking param: p`: the callee stores it, or passes it on to something that does), a
slice or map literal returned, and values stored in an allocation that escapes for one of
those reasons. The finding carries the compiler's explanation.

## Why is this bad?
Whatever the reason, the value is allocated on the heap on every call and must be reclaimed by
the garbage collector. The explanation (`-gcflags=-m=2`) says which assignment or call makes it
outlive the function.

## Example
```go
var kept []*Config

type Config struct{ Name string }

//go:noinline
func keep(c *Config) { kept = append(kept, c) }

func remember(name string) {
	cfg := Config{Name: name}
	keep(&cfg)
}
```

## Use instead
```go
type Config struct{ Name string }

//go:noinline
func size(c *Config) int { return len(c.Name) }

func measure(name string) int {
	cfg := Config{Name: name}
	return size(&cfg)
}
```
Pass pointers only to functions that do not keep them (`c does not escape`), or pass values.

## Compiler
Go 1.27, `go build -gcflags=-m` on the example prints `leaking param: c` for `keep` and
`moved to heap: cfg` in `remember`; `-gcflags=-m=2` explains `flow: {heap} ← &cfg: from &cfg
(address-of), from keep(&cfg) (call parameter)`. The `Use instead` version prints `c does not
escape`, and `cfg` stays on the stack.

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
