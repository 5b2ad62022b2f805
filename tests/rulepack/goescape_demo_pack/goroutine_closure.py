"""Starting a goroutine on a function literal.

## What it does
Flags `go func() { ... }()`.

## Why is this bad?
The closure and every variable it captures by reference outlive the current frame, so they move to
the heap.

## Example
```go
func start(done chan bool) {
	n := 0
	go func() { n++; done <- true }()
}
```

## Use instead
```go
func count(n int, done chan bool) { done <- n > 0 }

func start(done chan bool) {
	go count(0, done)
}
```

## Compiler
Go 1.27 prints `func literal escapes to heap` and `moved to heap: n`.
"""
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from goescape.linter.findings import Finding, Severity
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta

META = RuleMeta(
    code="DEMO001",
    name="goroutine-closure",
    summary="a goroutine runs a function literal, which escapes with what it captures",
    severity=Severity.NOTE,
    precision=Precision.HIGH,
    node_types=("go_statement",),
    url="https://example.com/demo-pack#DEMO001",
)


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    call = node.named_children[0] if node.named_children else None
    function = call.child_by_field_name("function") if call is not None else None
    if function is not None and function.type == "func_literal":
        yield ctx.finding(META, function, "the goroutine's function literal escapes to the heap")
