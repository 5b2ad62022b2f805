'''A string concatenation or a `[]byte`/`[]rune`/`string` conversion allocates a result that escapes.

## What it does
Flags `a + b` on strings (one flag for a whole chain `a + ":" + b`), `string(b)` of a byte or
rune slice or of a non-constant integer, and `[]byte(s)` and `[]rune(s)` of a string, when the
new string or slice outlives the function: it is returned (directly, through locals, in a
struct value or a named result), passed to a function that keeps it (a parameter the compiler
reports as `leaking param`), to a goroutine or to `panic` through a local. A result that is
boxed where it is written (`fmt.Sprint(a + b)`) is left to the interface rules (ESC102,
ESC106), and one stored through a pointer, in a map or slice or in a package-level variable
to ESC103 and ESC107, which report those stores.

## Why is this bad?
Concatenations and conversions between strings and byte slices copy their operands into a new
allocation. When the result stays in the function and is at most 32 bytes, Go 1.27 uses a stack
buffer; when it escapes, every call allocates on the heap, whatever its size.

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
`Grow`, or append into a caller's `[]byte` buffer (`strconv.AppendInt`, `fmt.Appendf`).

## Compiler
Go 1.27, `go build -gcflags=-m` on the example prints `user + ":" + id escapes to heap` (at the
last `+`) and `string(b) escapes to heap` (at its parenthesis); `([]byte)(s) escapes to heap`
for a `[]byte(s)` conversion, `([]rune)(s) escapes to heap` for `[]rune(s)`. A conversion of a
constant allocates too (`([]byte)("hello") escapes to heap`), while a concatenation of
constants is folded and reports nothing. The `Use instead` version prints `string(b) does not
escape`. `s += t` reports nothing, and is not flagged. A conversion inside a func literal the
compiler inlines is reported at the call that inlined it (a related location of the finding),
one in a generic function only for the instantiations the package compiles, and code the
compiler drops (`if false { ... }`) reports nothing.
'''
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from goescape.linter.findings import Finding, Severity
from goescape.linter.model import CalleeKind, FileModel
from goescape.linter.patterns.allocations import escape
from goescape.linter.patterns.boxing import compiler_anchor, unparen
from goescape.linter.patterns.flows import copies, is_string
from goescape.linter.patterns.storage import shorten
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta

META = RuleMeta(
    code="ESC203",
    name="conversion-allocation",
    summary="a string concatenation or string/byte-slice conversion allocates a result that escapes",
    severity=Severity.WARNING,
    precision=Precision.HIGH,
    node_types=("binary_expression", "call_expression", "type_conversion_expression"),
    tags=("escape", "string"),
)

_NAMES = (b"string", b"[]byte", b"[]rune")


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    fm = ctx.model
    if node.type == "binary_expression":
        if not _concatenation(fm, node):
            return
        what, reported = "the concatenated string", node.child_by_field_name("operator") or node
    else:
        if not _conversion(fm, node):
            return
        what, reported = "the converted copy", compiler_anchor(node)
    found = escape(fm, node)
    if found is None:
        return
    related = list(found.related)
    if reported.start_point[0] != node.start_point[0]:
        related.insert(0, (reported, "the compiler reports the allocation here"))
    message = f"{shorten(ctx.text(node))} escapes: {what} is {found.phrase}, so it is allocated on the heap"
    yield ctx.finding(META, node, message, related)


def _concatenation(fm: FileModel, node: Node) -> bool:
    """The outermost `+` of a chain of string concatenations (Go compiles `a + b + c` as one)."""
    operator = node.child_by_field_name("operator")
    if operator is None or operator.type != "+":
        return False
    parent = node.parent
    if parent is not None and parent.type == "binary_expression" and parent.child_by_field_name("left") == node:
        outer = parent.child_by_field_name("operator")
        if outer is not None and outer.type == "+":
            return False  # the chain's allocation is the parent's
    return is_string(fm.type_of(node)) and not fm.is_constant(node)


def _conversion(fm: FileModel, node: Node) -> bool:
    """`string(b)`, `string(r)`, `[]byte(s)`, `[]rune(s)` (of a non-constant, for `string(r)`)."""
    if node.type == "call_expression":
        function = node.child_by_field_name("function")
        if function is None or unparen(function).text not in _NAMES:
            return False  # named string and slice types are rare: the syntax decides first
        args = node.child_by_field_name("arguments")
        operands = [a for a in args.named_children if a.type != "comment"] if args is not None else []
        callee = fm.callee(node)
        if len(operands) != 1 or callee is None or callee.kind is not CalleeKind.CONVERSION:
            return False
        operand = operands[0]
    else:
        found = node.child_by_field_name("operand")
        if found is None:
            return False
        operand = found
    if fm.is_constant(operand) and is_string(fm.type_of(node)):
        return False  # string('x'): folded
    return copies(fm, node, operand)
