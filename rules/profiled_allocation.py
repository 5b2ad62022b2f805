'''A line that allocated in the profile, where no escape finding says why.

## What it does
Reported only when a profile is given (`--profile`, or a `default.pgo` beside a main
package): a line to which the profile charges allocations and on which (or on whose related
lines) no escape finding sits. A memory profile (`go test -memprofile`, `runtime/pprof`'s
`allocs` or `heap` profile) charges each allocated byte; a CPU profile charges the samples
spent in the runtime's allocation code (`runtime.mallocgc`, and the functions that call it to
grow a slice or a map, convert a string or box a value). An allocation made inside a function outside the linted code
is charged to the first linted line on its stack, and the message names that callee and what
it allocated: `this line allocated 64 MB in the profile, inside io.WriteString's []byte
conversion`. Map growth is charged to the line that assigns to the map.

## Why is this bad?
Escape analysis explains only part of what a program allocates: a slice that outgrows its
stack buffer, a map that grows, a library call that allocates, do not escape anything at the
call site, and no pattern rule can see them. The profile measured them; the biggest are
usually the cheapest to fix (a preallocated buffer, a map sized up front, an API that takes a
buffer).

## Example
```go
func render(w io.Writer, names []string) {
	for _, name := range names {
		io.WriteString(w, name) // converts name to a []byte each time, unless w is a StringWriter
	}
}
```

## Use instead
```go
func render(w *bufio.Writer, names []string) {
	for _, name := range names {
		w.WriteString(name)
	}
}
```

## Compiler
Go 1.27's `go build -gcflags=-m` prints nothing at the `io.WriteString` call: the conversion
happens inside `io.WriteString` (`([]byte)(s) escapes to heap` is reported there, in package
io). The allocation shows only in a profile: `go test -memprofile` attributes it to
`io.WriteString` called from `render`.

This rule has no pattern of its own: with a profile, goescape reports under it the measured
allocation sites that no other rule's finding covers.
'''
from __future__ import annotations

from goescape.linter.findings import Severity
from goescape.linter.rule.meta import Precision, RuleMeta

PROFILE_ONLY = True  # findings come from a profile (`--profile`, default.pgo); there is no check

META = RuleMeta(
    code="ESC301",
    name="profiled-allocation",
    summary="a line the profile charges with allocations that no escape finding explains",
    severity=Severity.WARNING,
    precision=Precision.VERY_HIGH,
    tags=("allocation", "profile-only"),
)
