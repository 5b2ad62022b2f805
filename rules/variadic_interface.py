"""A value boxed into a `...any` argument whose content the callee leaks.

## What it does
Flags each argument that is boxed into the implicit `[]any` (or `[]SomeInterface`) of a
variadic call when the callee lets that slice's content reach the heap: `fmt.Print*`,
`fmt.Sprint*`, `fmt.Fprint*`, `fmt.Errorf`, `fmt.Append*`, `log.*`, `log/slog`'s functions
and methods and every other standard-library function or method the compiler reports as
`leaking param content` for its `...` parameter; a method with such a parameter called
through an interface, or a func value the compiler cannot resolve; and variadic functions
and methods of the same package that pass their arguments on to such a callee (`func (s
*state) errorf(format string, args ...any) { ... fmt.Sprintf(format, args...) }`), store them,
or panic with them.

Pointer-shaped arguments (pointers, maps, channels, funcs), values that already are
interfaces (an `error`, an `any`) and `xs...` spreads are not boxed and are never flagged.
Variadic callees that keep their arguments on the stack (`go/doc.NewFromFiles`'s `mode
...any`, a same-package helper that only reads them) are not flagged either.

## Why is this bad?
Each boxed argument needs its own copy of the value for the interface to point at. When the
callee may keep the arguments (fmt stores them in a pooled printer, log in a record), the
compiler cannot prove the copies die with the call, so every one is a heap allocation: an
`fmt.Sprintf("%d: %s", n, s)` costs two allocations before it formats anything. In hot paths,
use `strconv` and `strings.Builder` or `append`-style formatting on typed values.

## Example
```go
import "fmt"

func label(n int) string {
	return fmt.Sprintf("item-%d", n)
}
```

## Use instead
```go
import "strconv"

func label(n int) string {
	return "item-" + strconv.Itoa(n)
}
```

## Compiler
Go 1.27, `go build -gcflags=-m`: the implicit slice itself usually stays on the stack (`...
argument does not escape`), and each boxed argument is reported at its position: the seed's
`fmt.Println(110)` prints `110 escapes to heap`, `fmt.Sprintf("%d", 119)` prints `119 escapes
to heap`, and `fmt.Println(s)` with `s` a string prints `s escapes to heap` (constants are
reported like any other value). A variadic function of the same package whose parameter is
reported `leaking param content: args` makes its callers' arguments escape the same way
(whether or not it is inlined); one reported `args does not escape` does not. Code the
compiler removes (`if debug {` with a false constant) prints nothing.
"""
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from goescape.linter.findings import Finding, Severity
from goescape.linter.model.base import CalleeKind
from goescape.linter.model.types import Slice, underlying
from goescape.linter.patterns.boxed_values import callee_name, escaping_boxes
from goescape.linter.patterns.boxing import compiler_anchor, slot_type_text
from goescape.linter.patterns.closures import inline_notes
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta

META = RuleMeta(
    code="ESC106",
    name="variadic-interface",
    summary="a value is boxed into a ...any argument whose content the callee leaks, so the box is heap-allocated",
    severity=Severity.WARNING,
    precision=Precision.VERY_HIGH,  # 1.000 on std-holdout (Go 1.27.3, bench/accuracy.py)
    node_types=("call_expression",),
    tags=("escape", "interface", "boxing", "variadic"),
)


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    fm = ctx.model
    boxes = [b for b in escaping_boxes(fm, node) if b.variadic]
    if not boxes:
        return
    found = fm.callee(node)
    sig = found.signature if found is not None else None
    tail = underlying(sig.params[-1]) if sig is not None and sig.params else None
    elem = slot_type_text(tail.elem, fm) if isinstance(tail, Slice) else "any"
    kind = found.kind if found is not None else CalleeKind.FUNCTION
    callee = callee_name(fm, node)
    for box in boxes:
        message = f"{box.boxing.subject(fm)} escapes: it is boxed into the ...{elem} argument of " \
                  f"{callee}, {_how(kind, box.sink.reason)}"
        yield ctx.finding(META, compiler_anchor(box.boxing.node), message, inline_notes(fm, box.boxing.node))


def _how(kind: CalleeKind, reason: str) -> str:
    if kind is CalleeKind.INTERFACE_METHOD:
        return "a method called through an interface"
    if kind is CalleeKind.FUNC_VALUE:
        return "a func value the compiler cannot resolve"
    if reason == "passed to a goroutine":
        return "started as a goroutine"
    return "which leaks its content"
