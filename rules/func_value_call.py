"""A reference to local storage passed to a call through a func value the compiler cannot resolve.

## What it does
Flags the arguments of a call through a func value whose target is unknown where the call is
compiled — a parameter, a struct field, a slice, map or array element, a package-level variable,
a method value, a type assertion, or a local assigned from one of those — when the argument
refers to the function's own storage: `&x` (also `&x.f`, `&x[i]`), a slice of a local array
(`buf[:]`), or a fresh `&T{...}`, `new(T)`, `make([]T, n)`, `make(map[K]V)`, slice or map
literal, `append(...)`, func literal, string conversion or concatenation, directly or through
locals that hold them.

A local assigned only named functions or func literals is not flagged: Go 1.27 resolves the call
statically (`f22 := f2; f22(&q)` does not escape), and so do calls through the result of a
function call, which the compiler may inline; the rule stays silent for those.

## Why is this bad?
The compiler cannot see which function runs, so it must assume the callee keeps its arguments:
every pointer, slice or map passed in escapes, and the storage behind it is allocated on the
heap, once per call. A direct call (or an interface with a known type) lets escape analysis
look at the callee and keep the value on the stack.

## Example
```go
type Visitor struct{ visit func(*int) }

func walk(v Visitor) {
	count := 0
	v.visit(&count)
}
```

## Use instead
```go
type Visitor struct{ visit func(*int) }

func walk(v Visitor) int {
	count := 0
	visitCount(&count) // a known function: escape analysis sees that it keeps nothing
	return count
}

func visitCount(n *int) { *n++ }
```
or pass values rather than pointers through the func value (`v.visit(count)` returning the new
count), so nothing is shared with the unknown callee.

## Compiler
Go 1.27, `go build -gcflags=-m`: `moved to heap: count` at the declaration of `count` (the
finding's related location); `make([]byte, n) escapes to heap`, `[]int{...} escapes to heap`,
`&T{...} escapes to heap`, `append escapes to heap`, `func literal escapes to heap`,
`([]byte)(s) escapes to heap`, `a + b escapes to heap` at a fresh value passed in. The seed's
example, `f22 := f2; f22(&q)`, prints nothing for `q`: Go 1.27 devirtualizes a local bound only
to named functions, and the rule is silent there. A func-typed parameter called in a function
that is inlined into its caller is still reported in the function as compiled on its own, so
the finding stands. `make(chan T)` is never reported (channels always live on the heap). A func
literal passed in moves the variables it captures by reference (assigned after it is created, or
whose address is taken): `moved to heap: total` for `run(func() { total++ })`. A func literal
that is only called where it is written or through a local (`func() { ... }()`, `emit := func()
{ ... }; emit()`) is inlined at those calls, and `-m` reports its body's escapes there: the
findings give those calls as related locations, and the rule is silent when the func value is a
parameter of such a literal (the argument at the inlined call may be known). The same holds for a
literal used only as a range-over-func iterator (`iterate := func(yield func(T) bool) {...}; for
x := range iterate`): inlined into the loop, its `yield` is the loop body, and `yield(buf[:])`
leaves `buf` on the stack.
"""
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from goescape.linter.findings import Finding, Severity
from goescape.linter.model import BindingKind, CalleeKind, FileModel, SymbolKind
from goescape.linter.patterns.arguments import argument_origins
from goescape.linter.patterns.closures import direct_calls
from goescape.linter.patterns.reachability import reported_where_written
from goescape.linter.patterns.storage import may_refer
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta

META = RuleMeta(
    code="ESC104",
    name="func-value-call",
    summary="a reference to local storage is passed to a call through an unresolved func value",
    severity=Severity.WARNING,
    precision=Precision.HIGH,
    node_types=("call_expression",),
    tags=("escape", "call", "func-value"),
)

# Why the target is unknown, as the model's binding reasons read in a message.
_REASONS = {
    "parameter": "a parameter",
    "field": "a struct field",
    "element": "a container element",
    "package-level variable": "a package-level variable",
    "method value": "a method value",
    "type assertion": "a type assertion",
    "pointer or channel": "read through a pointer or a channel",
    "recv": "received from a channel",
}
# Callee expressions that can be func values (a func literal called in place is inlined).
_CALLEE_SYNTAX = frozenset({"identifier", "selector_expression", "index_expression",
                            "parenthesized_expression", "type_assertion_expression"})


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    function = node.child_by_field_name("function")
    args = node.child_by_field_name("arguments")
    if function is None or args is None or function.type not in _CALLEE_SYNTAX:
        return
    if not any(may_refer(_passed(a)) for a in args.named_children if a.type != "comment"):
        return  # no argument can refer to local storage (constants, arithmetic, ...)
    fm = ctx.model
    callee = fm.callee(node)
    if callee is None or callee.kind is not CalleeKind.FUNC_VALUE:
        return  # a function, method, builtin or conversion: the compiler sees the callee
    binding = fm.func_value_binding(node)
    if binding.kind is not BindingKind.DYNAMIC:
        return  # statically bound (devirtualized), an interface method, or unknown to the model
    reason = _REASONS.get(binding.reason)
    if reason is None:
        return  # e.g. a call result: the compiler may inline the call and see the function
    if _inlined_parameter(fm, function):
        return  # a parameter of a closure inlined at its calls, where the argument may be known
    if not reported_where_written(fm, node):
        return  # a generic body (analyzed per instantiation) or code the compiler drops
    where = f"passed to a call through func value {_short(ctx.text(function))} ({reason})"
    for passed in argument_origins(fm, node):
        yield ctx.finding(META, passed.finding_node, passed.message(where), passed.related())


def _inlined_parameter(fm: FileModel, function: Node) -> bool:
    symbol = fm.resolve(function) if function.type == "identifier" else None
    if symbol is None or symbol.kind is not SymbolKind.PARAM or symbol.function is None:
        return False
    # A range-over-func iterator literal is inlined into its loops, where yield is the loop body.
    return symbol.function.type == "func_literal" and direct_calls(fm, symbol.function, ranges=True) is not None


def _passed(arg: Node) -> Node:
    """The expression an argument passes (`xs` for `xs...`)."""
    return arg.named_children[0] if arg.type == "variadic_argument" and arg.named_children else arg


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "..."
