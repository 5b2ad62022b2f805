'''The address of a local variable, or a new value, slice or map, is passed to a function that keeps it.

## What it does
Flags `&x` (a local variable or a part of one), `&T{...}`, `new(T)`, and slices and maps made
where they are passed (`make([]T, n)`, `[]T{...}`, `map[K]V{...}`; a channel is on the heap
whatever happens to it), passed as an argument (or as the receiver) to a function or method
whose parameter leaks to the heap: it stores it in
a package-level variable, in something a pointer reaches, in a container that outlives the
call, or hands it on to another function that keeps it. The callee may be declared in the same
package, in another package of the module (summarized from source), or in the standard library
(from facts generated with the Go toolchain). What the compiler reports as `leaking param: p`
in the callee is what this rule reads from the source. An address passed through a func value
or an interface method is left to ESC104 and ESC108, one returned to ESC101.

## Why is this bad?
Escape analysis cannot keep a variable on the stack once its address outlives the call that
received it: the whole variable is moved to the heap, and allocated again on every call of the
function that declares it.

## Example
```go
type Config struct{ Name string }

var registry []*Config

func register(c *Config) {
	registry = append(registry, c)
}

func setup() {
	cfg := Config{Name: "default"}
	register(&cfg)
}
```

## Use instead
```go
type Config struct{ Name string }

//go:noinline
func validate(c *Config) bool { return c.Name != "" }

func setup() bool {
	cfg := Config{Name: "default"}
	return validate(&cfg) // validate only reads it: cfg stays on the stack
}
```
When the callee keeps the pointer, the allocation is the point: make it explicit, and only for
what must outlive the call. When it only reads, let it take a value or a pointer it does not
store, and the variable stays on the stack.

## Compiler
Go 1.27, `go build -gcflags=-m` on the example prints `leaking param: c` for `register` and
`moved to heap: cfg` at the declaration in `setup` (`&T{...} escapes to heap` and
`new(T) escapes to heap` for the other forms). The `Use instead` version prints `c does not
escape` for `validate`, and `cfg` stays on the stack. A callee the compiler inlines leaks nothing
where its body does not: its statements are analysed in the caller, and a store into a
package-level variable there is ESC107's finding.
'''
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from goescape.linter.findings import Finding, Severity
from goescape.linter.model import StorageKind
from goescape.linter.patterns.closures import generic_notes
from goescape.linter.patterns.flows import Route, value_sink
from goescape.linter.patterns.storage import analyzed, builtin_name, makes_slice_or_map, shorten
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta
from goescape.linter.syntax.nodes import moved_at

META = RuleMeta(
    code="ESC207",
    name="leaking-parameter",
    summary="the address of a local, or a new value, slice or map, is passed to a function that keeps it",
    severity=Severity.WARNING,
    precision=Precision.HIGH,
    node_types=("unary_expression", "call_expression", "composite_literal"),
    tags=("escape", "pointer", "call"),
)


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    fm = ctx.model
    if not _candidate(node, ctx):
        return
    target = None
    if node.type == "unary_expression" or _calls_new(node, ctx):
        target = fm.address_target(node)
        if target is None or target.kind not in (StorageKind.VARIABLE, StorageKind.COMPOSITE, StorageKind.NEW):
            return
        if target.kind is StorageKind.VARIABLE and (not target.is_frame or target.symbol is None
                                                    or target.symbol.node is None):
            return  # a package-level variable is on the heap already
    if not analyzed(fm, node):
        return
    sink = value_sink(fm, node)
    if sink is None or sink.route is not Route.CALL:
        return
    related: list[tuple[Node, str]] = []
    if target is not None and target.kind is StorageKind.VARIABLE:
        symbol = target.symbol
        assert symbol is not None and symbol.node is not None
        message = f"{symbol.name} escapes: its address is {sink.reason}, so it is moved to the heap"
        related.append((moved_at(symbol.node, node), f"{symbol.name} is declared here; the compiler moves it to "
                                                     "the heap"))
    else:
        message = f"{shorten(ctx.text(node))} escapes: it is {sink.reason}, so it is allocated on the heap"
    if sink.node.start_point[0] != node.start_point[0]:
        related.append((sink.node, f"it is {sink.reason} here"))
    related += generic_notes(fm, node)
    yield ctx.finding(META, node, message, related)


def _candidate(node: Node, ctx: Context) -> bool:
    """`&...`, `new(T)`, a slice or map `make(...)`, a slice or map literal: from the syntax (and
    the builtin's resolution), before the model is asked anything costlier."""
    if node.type == "unary_expression":
        operator = node.child_by_field_name("operator")
        return operator is not None and operator.type == "&"
    if node.type == "composite_literal":
        written = node.child_by_field_name("type")
        return written is not None and written.type in ("slice_type", "map_type")  # a struct is copied
    return makes_slice_or_map(ctx.model, node) or _calls_new(node, ctx)


def _calls_new(call: Node, ctx: Context) -> bool:
    """`new(T)`, the builtin."""
    function = call.child_by_field_name("function")
    return (call.type == "call_expression" and function is not None and function.type == "identifier"
            and function.text == b"new" and builtin_name(ctx.model, call) == "new")
