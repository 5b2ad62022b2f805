"""A value boxed into an interface-typed slot that outlives the function.

## What it does
Flags a value that is converted to an interface (boxed) where the interface is stored somewhere
that outlives the frame: an element of a `[]any` (index assignment, `append`, a slice literal
that escapes), a key or value of a map with interface keys or values (assignment or literal),
an interface-typed field or element reached through a pointer (`p.v = 122`), a package-level
interface variable, an interface result (`return myErr(s)`, a named `err` result, a local
interface variable that is returned), `panic(v)`, and a non-variadic interface parameter that
the callee leaks: standard-library functions whose parameter the compiler reports as
`leaking param` (`sort.Sort`, `context.WithValue`, `(*sync.Map).Store`, `errors.Is`, ...),
methods called through an interface whose dynamic type the compiler cannot know, func values
it cannot resolve, and functions of the same package whose parameter provably leaks (stored
where it escapes, passed to `panic` or on to a leaking parameter).

Pointer-shaped values (pointers, maps, channels, funcs, structs wrapping one pointer), values
that already have an interface type and values of type parameters are not boxed (or not
known to be) and are never flagged. Arguments of `...any` parameters are ESC106
(variadic-interface), sends on channels ESC105 (channel-payload). A slice literal or `make`
stored into a container or through a pointer is reported once, by ESC103/ESC107.

## Why is this bad?
An interface holds a type word and a data pointer. A value that is not a pointer is copied
into a separate box for the data pointer to point at, and when the interface outlives the
frame so must the box: one heap allocation per conversion (the runtime avoids it only for
constants, zero-sized values and single-byte values).

## Example
```go
func fill(data []interface{}, n int) {
	data[0] = n
}
```

## Use instead
```go
func fill(data []int, n int) {
	data[0] = n
}
```
or store pointers or already-boxed values when the slot must be an interface.

## Compiler
Go 1.27, `go build -gcflags=-m`, at the boxed value: `n escapes to heap`. The seed's example
`data := make([]interface{}, 2, 2); data[0] = 110` prints `110 escapes to heap` although the
slice itself does not escape (`make([]interface {}, 2, 2) does not escape`): every store into
a slice element, a map or through a pointer is a store to the heap. `m1["1"] = 110` into a
`map[string]interface{}` prints `110 escapes to heap`; into a `map[interface{}]interface{}`
both `"2" escapes to heap` and `119 escapes to heap` (a map read, `m2["2"]`, boxes the key on
the stack). Constants, zero-sized values and small integers are reported like any other value.
A local array or struct value, a slice literal that stays local and a local interface
variable print `does not escape` unless they go somewhere that escapes (the analysis ignores
statement order: `e = myErr(s); ...; return e` escapes). Package-level initializers print
nothing except map literal entries, and code the compiler removes (an `if` on a false
constant, statements after `return` or `panic`) prints nothing; this rule stays silent under
constant conditions it cannot evaluate (another package's constants). Inside a func literal
called where it is written (or passed to a function that may be inlined), Go 1.27 reports at
the call when it inlines the literal: the call is given as a related location.
"""
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from goescape.linter.findings import Finding, Severity
from goescape.linter.model.base import CalleeKind, StorageKind, SymbolKind
from goescape.linter.model.file import FileModel
from goescape.linter.model.types import Array, Map, Slice, Struct, underlying
from goescape.linter.patterns.boxed_values import (
    SITE_TYPES,
    argument_subject,
    callee_name,
    escaping_boxes,
    inlined_boxes,
    items,
)
from goescape.linter.patterns.boxing import Boxing, compiler_anchor, slot_type_text, target_type, unparen
from goescape.linter.patterns.closures import inline_notes
from goescape.linter.patterns.flows import Sink, SinkKind
from goescape.linter.patterns.reachability import reported_where_written
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta
from goescape.linter.syntax.nodes import names, position

META = RuleMeta(
    code="ESC102",
    name="interface-slot",
    summary="a value is boxed into an interface slot that outlives the function, so the box is heap-allocated",
    severity=Severity.WARNING,
    precision=Precision.VERY_HIGH,  # 1.000 on std-holdout (Go 1.27.3, bench/accuracy.py)
    node_types=SITE_TYPES,
    tags=("escape", "interface", "boxing"),
)

# Reasons under which a slice literal or make() is stored where ESC103/ESC107 report it.
_CONTAINER_REASONS = ("stored in a", "stored through", "appended", "sent")


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    fm = ctx.model
    for box in escaping_boxes(fm, node):
        if box.variadic or _owned_elsewhere(box.boxing, box.sink):
            continue  # ESC106's; or reported by ESC103/ESC107
        subject = box.boxing.subject(fm)
        slot = _key_slot(box.value, fm) if box.map_key else _slot(box.value, box.sink, fm)
        yield ctx.finding(META, compiler_anchor(box.boxing.node), f"{subject} escapes: it is boxed into {slot}",
                          _notes(fm, box.boxing.node))
    if node.type == "call_expression":
        yield from _inlined(node, ctx)


def _inlined(call: Node, ctx: Context) -> Iterator[Finding]:
    """Boxes in the body of a small function of this package: Go 1.27 inlines it here and
    reports them at this call too."""
    fm = ctx.model
    inlined = inlined_boxes(fm, call)
    if inlined is None or not reported_where_written(fm, call):
        return
    callee_fm, boxes = inlined
    box = next((b for b in boxes if not b.variadic), None)
    if box is None:
        return
    callee = callee_name(fm, call)
    subject = argument_subject(fm, callee_fm, call, box)
    slot = _key_slot(box.value, callee_fm) if box.map_key else _slot(box.value, box.sink, callee_fm)
    message = f"{subject} escapes: {callee} is inlined here, and it boxes it into {slot}"
    yield ctx.finding(META, compiler_anchor(call), message,
                      [(box.boxing.node, "boxed here, in the inlined function")] if callee_fm is fm else [])


def _key_slot(key: Node, fm: FileModel) -> str:
    target = key.parent
    operand = target.child_by_field_name("operand") if target is not None else None
    container = fm.type_of(operand) if operand is not None else None
    return f"an interface key of a {slot_type_text(container, fm)}"


def _notes(fm: FileModel, node: Node) -> list[tuple[Node, str]]:
    """Calls at which Go 1.27 may inline the func literal around `node`, and then report there:
    a literal called where it is written (or bound to a local only called), or passed to a
    function of this package, which may be inlined with the literal."""
    notes = inline_notes(fm, node)
    parent = node.parent
    while parent is not None and parent.type not in ("function_declaration", "method_declaration"):
        if parent.type == "func_literal":
            holder = parent.parent
            call = holder.parent if holder is not None and holder.type == "argument_list" else None
            found = fm.callee(call) if call is not None and call.type == "call_expression" else None
            if call is not None and found is not None and found.declaration is not None and found.std is None:
                notes.append((call, "the closure may be inlined with the function it is passed to, "
                                    "and the compiler then reports it at this call"))
        parent = parent.parent
    return notes


def _owned_elsewhere(boxed: Boxing, sink: Sink) -> bool:
    """A slice literal or make() stored into a container or through a pointer: the rules for
    those stores report the allocation on this line already."""
    value = unparen(boxed.value)
    if value.id != unparen(boxed.node).id:
        return False
    if value.type == "call_expression":
        fn = value.child_by_field_name("function")
        if fn is None or fn.type != "identifier" or fn.text != b"make":
            return False
    elif value.type != "composite_literal" or not isinstance(underlying(boxed.type), (Slice, Map)):
        return False
    return sink.reason.startswith(_CONTAINER_REASONS)


# -- messages ---------------------------------------------------------------------------------


def _slot(value: Node, sink: Sink, fm: FileModel) -> str:
    """The interface slot in the pattern's words, and why it outlives the frame when the slot
    itself does not say."""
    node, parent = value, value.parent
    while parent is not None and parent.type == "parenthesized_expression":
        node, parent = parent, parent.parent
    target = target_type(fm, value)
    type_text = slot_type_text(target, fm) if target is not None else "interface"
    which = f", which is {sink.reason}"
    if parent is None:
        return f"an interface{which}"
    kind = parent.type
    statement = parent.parent if kind == "expression_list" else parent
    if statement is not None and statement.type == "return_statement":
        return f"the {type_text} result"
    if kind == "argument_list":
        return _argument_slot(parent, type_text, fm)
    if kind == "literal_element":
        return _element_slot(parent, type_text, sink, fm)
    if statement is not None and statement.type == "assignment_statement":
        left = statement.child_by_field_name("left")
        values = items(parent) if kind == "expression_list" else [node]
        targets = items(left) if left is not None else []
        index = position(values, node)
        if index is not None and len(targets) == len(values):
            return _store_slot(targets[index], type_text, which, fm)
    if statement is not None and statement.type == "var_spec":
        declared = names(statement)
        name = fm.text(declared[0]) if len(declared) == 1 else "variable"
        return f"the {type_text} {name}{which}"
    if statement is not None and statement.type == "short_var_declaration":
        left = statement.child_by_field_name("left")
        declared = items(left) if left is not None else []
        name = fm.text(declared[0]) if len(declared) == 1 else "variable"
        return f"the {type_text} {name}{which}"
    return f"an interface{which}"


def _store_slot(target: Node, type_text: str, which: str, fm: FileModel) -> str:
    target = unparen(target)
    operand = target.child_by_field_name("operand")
    container = underlying(fm.type_of(operand)) if operand is not None else None
    if target.type == "index_expression" and isinstance(container, Slice):
        return f"an interface element of a {slot_type_text(container, fm)}"
    if target.type == "index_expression" and isinstance(container, Map):
        return f"an interface value of a {slot_type_text(container, fm)}"
    storage = fm.storage(target)
    if storage is not None and storage.kind is StorageKind.DEREF:
        if target.type == "selector_expression":
            field = target.child_by_field_name("field")
            return f"the {type_text} field {fm.text(field)}, reached through a pointer"
        return f"{_a(type_text)} reached through a pointer"
    symbol = storage.symbol if storage is not None else None
    if symbol is not None and symbol.kind is SymbolKind.PACKAGE_VAR:
        return f"the package-level {type_text} variable {symbol.name}"
    if symbol is not None and symbol.kind is SymbolKind.RESULT and target.type == "identifier":
        return f"the {type_text} result {symbol.name}"
    return f"the {type_text} {fm.text(target)}{which}"


def _argument_slot(args: Node, type_text: str, fm: FileModel) -> str:
    call = args.parent
    assert call is not None
    found = fm.callee(call)
    fn = call.child_by_field_name("function")
    name = fm.text(fn) if fn is not None else "the callee"
    if found is not None and found.kind is CalleeKind.BUILTIN:
        if found.name == "panic":
            return "panic's interface argument"
        first = args.named_children[0] if args.named_children else None
        slice_type = fm.type_of(first) if first is not None else None
        return f"an interface element appended to a {slot_type_text(slice_type, fm)}"
    if call.parent is not None and call.parent.type == "go_statement":
        how = "started as a goroutine"
    elif found is not None and found.kind is CalleeKind.INTERFACE_METHOD:
        how = "a method called through an interface"
    elif found is not None and found.kind is CalleeKind.FUNC_VALUE:
        how = "a func value the compiler cannot resolve"
    else:
        how = "which leaks it"
    return f"{_a(type_text)} parameter of {name}, {how}"


def _element_slot(element: Node, type_text: str, sink: Sink, fm: FileModel) -> str:
    holder = element.parent
    keyed = holder if holder is not None and holder.type == "keyed_element" else None
    values = keyed.parent if keyed is not None else holder
    literal = values.parent if values is not None else None
    u = underlying(fm.type_of(literal)) if literal is not None else None
    which = f", which is {sink.reason}" if sink.kind is SinkKind.HEAP else ", which is returned"
    if isinstance(u, Map):
        is_key = keyed is not None and keyed.named_children[0].id == element.id
        return f"an interface {'key' if is_key else 'value'} of a {slot_type_text(u, fm)} literal"
    if isinstance(u, (Slice, Array)):
        return f"an interface element of a {slot_type_text(u, fm)} literal{which}"
    if isinstance(u, Struct) and literal is not None:
        type_node = literal.child_by_field_name("type")
        owner = f"{fm.text(type_node)}{{...}}" if type_node is not None else "struct literal"
        if keyed is not None:
            return f"the {type_text} field {fm.text(keyed.named_children[0])} of {_a(owner)}{which}"
        return f"{_a(type_text)} field of {_a(owner)}{which}"
    return f"an interface{which}"


def _a(text: str) -> str:
    """The text with its indefinite article: "an any", "an io.Writer", "a Stringer"."""
    return f"{'an' if text[:1].lower() in 'aeiou' else 'a'} {text}"
