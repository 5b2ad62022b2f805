'''A value too large for the stack is allocated on the heap, whether or not it escapes.

## What it does
Flags the allocations Go 1.27 puts on the heap because of their size alone: a local variable
(`var buf [N]byte`, `x := T{}`) whose type takes more than 128 KiB (131,072 bytes); `new(T)`
and `&T{...}` whose `T` takes more than 64 KiB (65,536 bytes); and `make([]T, n)` or
`make([]T, n, c)` whose constant capacity (or length, without a capacity) makes a backing array
of more than 64 KiB. Sizes come from the types as the compiler lays them out on 64-bit
targets; a size the model cannot work out (a type parameter, a length it cannot fold) is not
flagged, and neither is a `make` whose size is not constant.

## Why is this bad?
The allocation happens on every call even though nothing outlives the function, and large
heap allocations are expensive to zero and to collect (a 1 MiB buffer is zeroed on each call).

## Example
```go
func checksum() byte {
	buf := make([]byte, 1<<20)
	var sum byte
	for _, b := range buf {
		sum ^= b
	}
	return sum
}
```

## Use instead
```go
func checksum(buf []byte) byte {
	var sum byte
	for _, b := range buf {
		sum ^= b
	}
	return sum
}
```
Let the caller own large buffers (and reuse them, or take them from a `sync.Pool`).

## Compiler
Go 1.27 (`cmd/compile/internal/escape/utils.go`, `HeapAllocReason`), `go build -gcflags=-m` on
the example prints `make([]byte, 1048576) escapes to heap`; `-gcflags=-m=2` explains it with
`from make([]byte, 1048576) (too large for stack)`. The limits are `ir.MaxStackVarSize`
(131,072 bytes) for a declared variable, which prints `moved to heap: buf` at its declaration,
and `ir.MaxImplicitStackVarSize` (65,536 bytes) for `new`, `&T{...}` and `make`: `var x
[131072]byte` and `new([65536]byte)` stay on the stack, `[131073]byte` and `[65537]byte` do
not. A `make` with a non-constant size prints `does not escape` at any size (it uses a 32-byte
stack buffer when the size allows, the heap otherwise), unless the size is a local assigned
once from a constant, which the compiler folds first (`n := 70000; make([]byte, n)` prints
`make([]byte, 70000) escapes to heap`). Parameters and results are exempt. Generic functions
report only the instantiations the package compiles, and code the compiler drops reports
nothing.
'''
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from goescape.linter.findings import Finding, Severity
from goescape.linter.model import FileModel, SymbolKind
from goescape.linter.model.types import Slice, core, deref
from goescape.linter.patterns.boxing import unparen
from goescape.linter.patterns.closures import inline_notes
from goescape.linter.patterns.sizes import size_of
from goescape.linter.patterns.storage import analyzed, builtin_name
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta
from goescape.linter.syntax.nodes import names, operands

META = RuleMeta(
    code="ESC204",
    name="large-allocation",
    summary="a value too large for the stack is allocated on the heap",
    severity=Severity.WARNING,
    precision=Precision.HIGH,
    node_types=("var_spec", "short_var_declaration", "call_expression", "unary_expression"),
    tags=("escape", "size"),
)

MAX_STACK_VAR = 128 * 1024  # ir.MaxStackVarSize: a declared variable
MAX_IMPLICIT = 64 * 1024  # ir.MaxImplicitStackVarSize: new, &T{...}, make


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    if node.type in ("var_spec", "short_var_declaration"):
        yield from _variables(node, ctx)
    elif node.type == "call_expression":
        yield from _call(node, ctx)
    else:
        yield from _address_literal(node, ctx)


def _variables(declaration: Node, ctx: Context) -> Iterator[Finding]:
    if not _may_be_large(declaration):
        return
    fm = ctx.model
    declared = names(declaration) if declaration.type == "var_spec" else \
        operands(declaration.child_by_field_name("left") or declaration)
    for name in declared:
        if name.type != "identifier" or ctx.text(name) == "_":
            continue
        symbol = fm.resolve(name)
        if symbol is None or symbol.kind is not SymbolKind.LOCAL or symbol.node is None \
                or symbol.node.id != name.id:
            continue  # a package-level variable, or a := that assigns an existing one
        size = size_of(symbol.type)
        if size is None or size <= MAX_STACK_VAR or not analyzed(fm, name):
            continue
        yield ctx.finding(META, name, f"{symbol.name} escapes: its type takes {size:,} bytes, more than "
                                      f"the {MAX_STACK_VAR:,} a variable may take on the stack, so it is "
                                      "moved to the heap", inline_notes(fm, name))


def _may_be_large(declaration: Node) -> bool:
    """Whether the declaration can declare a variable of a large type, from the syntax alone (so
    that the types of the many small locals are not worked out): a written type, or a value
    that is a composite literal of an array or struct type. A large value returned by a call or
    copied from another variable (`x := f()`, `y := x`) is left out: rare, and such a value is
    usually large already where it comes from."""
    if declaration.type == "var_spec" and declaration.child_by_field_name("type") is not None:
        return True
    values = declaration.child_by_field_name("value" if declaration.type == "var_spec" else "right")
    for value in operands(values) if values is not None else ():
        value = unparen(value)
        if value.type == "composite_literal":
            written = value.child_by_field_name("type")
            if written is not None and written.type not in ("slice_type", "map_type"):
                return True
    return False


def _call(call: Node, ctx: Context) -> Iterator[Finding]:
    function = call.child_by_field_name("function")
    if function is None or function.type != "identifier" or function.text not in (b"new", b"make"):
        return
    fm = ctx.model
    name = builtin_name(fm, call)
    if name not in ("new", "make"):
        return
    args = operands(call.child_by_field_name("arguments") or call)
    if not args:
        return
    made = fm.type_of_type(args[0])
    if name == "new":
        size = size_of(made)
        what = "the value it allocates"
    else:
        u = core(made)
        if not isinstance(u, Slice) or len(args) < 2:
            return
        elem = size_of(u.elem)
        count = _constant(fm, args[-1])
        if not elem or count is None or count <= MAX_IMPLICIT // elem:
            return  # the compiler compares the count with the limit divided by the element size
        size = count * elem
        what = "its backing array"
    if size is None or size <= MAX_IMPLICIT or not analyzed(fm, call):
        return
    yield _implicit(ctx, call, what, size)


def _address_literal(expr: Node, ctx: Context) -> Iterator[Finding]:
    operator, operand = expr.child_by_field_name("operator"), expr.child_by_field_name("operand")
    if operator is None or operator.type != "&" or operand is None or unparen(operand).type != "composite_literal":
        return
    fm = ctx.model
    size = size_of(deref(fm.type_of(expr)))
    if size is None or size <= MAX_IMPLICIT or not analyzed(fm, expr):
        return
    yield _implicit(ctx, expr, "the value it allocates", size)


def _implicit(ctx: Context, node: Node, what: str, size: int) -> Finding:
    subject = " ".join(ctx.text(node).split())
    subject = subject if len(subject) <= 40 else subject[:37] + "..."
    return ctx.finding(META, node, f"{subject} escapes: {what} takes {size:,} bytes, more than the "
                                   f"{MAX_IMPLICIT:,} an allocation may take on the stack, so it is "
                                   "allocated on the heap", inline_notes(ctx.model, node))


def _constant(fm: FileModel, node: Node) -> int | None:
    """An integer constant, or a local assigned once from one (the compiler folds it first:
    `escape.go`, `rewriteWithLiterals`)."""
    value = fm.constant_int(node)
    if value is not None or unparen(node).type != "identifier":
        return value
    symbol = fm.resolve(unparen(node))
    if symbol is None or symbol.kind is not SymbolKind.LOCAL or fm.is_address_taken(symbol):
        return None
    writes = [w for w in fm.writes(symbol) if w.op != "zero"]
    if len(writes) != 1 or writes[0].op not in (":=", "var") or writes[0].index is not None:
        return None
    return fm.constant_int(writes[0].rhs)
