"""A reference to local storage passed to a method called on an interface of unknown dynamic type.

## What it does
Flags the arguments of a method call on an interface value whose dynamic type the compiler
cannot know where the call is compiled — a parameter or receiver, a struct field, a container
element, a range variable, a package-level variable, an interface field embedded in a struct
(its promoted methods call through it), or a local assigned one of those — when the
argument refers to the function's own storage: `&x` (also `&x.f`, `&x[i]`), a slice of a local
array (`w.Write(buf[:])`), or a fresh `&T{...}`, `new(T)`, `make([]T, n)`, `make(map[K]V)`,
slice or map literal, `append(...)`, func literal, string conversion or concatenation, directly
or through locals that hold them.

An interface local assigned only values of one concrete type (`var a Animal = Dog{}`) is not
flagged: Go 1.27 devirtualizes the call. Neither is an interface returned by a call
(`h := sha256.New()`): when the compiler inlines the call it sees the concrete type, and the
rule cannot tell when it does.

## Why is this bad?
A call through an interface goes to whatever method the dynamic type provides, which escape
analysis cannot look into: it must assume the method keeps every pointer it is given. So `buf`
in `w.Write(buf[:])` is allocated on the heap on every call, even though most writers copy the
bytes and forget them.

## Example
```go
type Animal interface{ Feed(grams *int) }

func feed(a Animal) {
	grams := 200
	a.Feed(&grams)
}
```

## Use instead
```go
type Animal interface{ Feed(grams int) int }

func feed(a Animal) int {
	grams := 200
	return a.Feed(grams) // pass and return values: nothing is shared with the unknown method
}
```
or call the concrete type's method when the type is known (`dog.Feed(&grams)`), which escape
analysis can see into; for I/O, reuse one buffer that already lives on the heap (a field of a
long-lived struct) instead of a local array per call.

## Compiler
Go 1.27, `go build -gcflags=-m`: `moved to heap: grams` at the declaration of `grams` (the
finding's related location), `moved to heap: buf` for `w.Write(buf[:])` with `w` an
`io.Writer` parameter, and `make([]byte, n) escapes to heap` (or `&T{...}`, `append`,
`([]byte)(s)`, `a + b`, ...) at a fresh value passed in. For the seed's example,
`animal1 = cat2; animal1.Say()` and `animal2 = dog2; animal2.Say()`, Go 1.27 prints
`devirtualizing animal1.Say to *Cat` and `devirtualizing animal2.Say to Dog` and nothing
escapes: the rule is silent there. A func literal called where it is written is inlined, and
its parameters may be known at the call: the rule skips receivers and storage inside one.
"""
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from goescape.linter.findings import Finding, Severity
from goescape.linter.model import CalleeKind
from goescape.linter.patterns.arguments import argument_origins
from goescape.linter.patterns.devirtualization import unknown_dynamic_type
from goescape.linter.patterns.reachability import reported_where_written
from goescape.linter.patterns.storage import may_refer
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta

META = RuleMeta(
    code="ESC108",
    name="interface-method-argument",
    summary="a reference to local storage is passed to a method of an interface of unknown type",
    severity=Severity.WARNING,
    precision=Precision.HIGH,
    node_types=("call_expression",),
    tags=("escape", "call", "interface"),
)

_MAX_NAME = 40


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    function = node.child_by_field_name("function")
    args = node.child_by_field_name("arguments")
    if function is None or args is None or function.type != "selector_expression":
        return
    if not any(may_refer(_passed(a)) for a in args.named_children if a.type != "comment"):
        return  # no argument can refer to local storage (constants, arithmetic, ...)
    fm = ctx.model
    callee = fm.callee(node)
    if callee is None or callee.kind is not CalleeKind.INTERFACE_METHOD or callee.receiver is None:
        return  # a concrete method, a function or a func value (ESC104's)
    if fm.is_interface(callee.receiver) is False:
        reason: str | None = "an embedded interface field"  # the promoted method calls through it
    else:
        reason = unknown_dynamic_type(fm, callee.receiver)
    if reason is None:
        return  # the compiler may devirtualize it (or the model cannot tell)
    if not reported_where_written(fm, node):
        return  # a generic body (analyzed per instantiation) or code the compiler drops
    receiver = _short(ctx.text(callee.receiver))
    if reason == "an embedded interface field":
        detail = f"promoted through an interface field embedded in {receiver}"
    else:
        detail = f"{receiver} is {reason}"
    where = (f"passed to {_short(ctx.text(function))}, a method of an interface whose dynamic type "
             f"is not known here ({detail})")
    for passed in argument_origins(fm, node):
        yield ctx.finding(META, passed.finding_node, passed.message(where), passed.related())


def _passed(arg: Node) -> Node:
    """The expression an argument passes (`xs` for `xs...`)."""
    return arg.named_children[0] if arg.type == "variadic_argument" and arg.named_children else arg


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_NAME else text[:_MAX_NAME - 3] + "..."
