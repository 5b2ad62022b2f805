'''A closure, method value or goroutine outlives its function, with the variables it captures.

## What it does
Flags a func literal or a method value (`r.Read` used as a value) whose closure outlives the
function: it is returned (directly, through locals, in a struct value), passed to a function
that keeps it (`http.HandleFunc`, `time.AfterFunc`, a parameter the compiler reports as
`leaking param`), stored in a variable declared outside the loop that makes it, started as a
goroutine (`go func() { ... }()`), or deferred inside a loop. The message lists what the
closure captures; each variable it captures by reference (assigned after it is captured, or
whose address is taken) is a related location, since the compiler moves it to the heap too.
The arguments of `go f(x, &y)` (and of a `defer` inside a loop) are flagged too: the compiler
wraps the call in a closure that captures them, so `&y` moves to the heap and a `make`, map
literal or `&T{...}` passed there escapes (slice literals and `new(T)` written as arguments are
built inside the wrapper and are not). A range over an iterator the compiler cannot see into
(a func-typed parameter, field or package-level variable, or the result of one of the
package's functions that is never inlined) is flagged too: the loop body becomes a func
literal passed to the iterator. A closure stored through a pointer, in a map or slice, or sent
on a channel is reported by those rules (ESC103, ESC105, ESC107), and this one reports the
variables it captures by reference, at their first use in the closure; a closure passed
through a func value or interface method is reported, with those variables, by ESC104 and
ESC108.

## Why is this bad?
A closure that outlives its frame is allocated on the heap together with the variables it
captures by reference: each call of the enclosing function allocates the closure object and
every captured variable that is assigned after capture. Goroutines always outlive the function
that starts them, so whatever their function literal captures moves to the heap too. (A
closure that captures nothing is a static value: the compiler still reports it, but it
allocates nothing.)

## Example
```go
func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}
```

## Use instead
```go
type Counter struct{ n int }

func (c *Counter) Next() int {
	c.n++
	return c.n
}
```
State the caller owns (a struct with methods) replaces a closure's captured variables; pass
values to a goroutine as arguments of a named function instead of capturing them.

## Compiler
Go 1.27, `go build -gcflags=-m` on the example prints `moved to heap: n` at the declaration of
`n` and `func literal escapes to heap` at the `func` keyword; `-gcflags=-m=2` explains
`flow: {storage for func literal} ← &n: from n (captured by a closure)`. A variable captured by
value (never assigned after capture, address not taken, at most 128 bytes) is copied into the
closure and stays where it is; a larger one is captured by reference (the rule does not know
sizes, so it misses those). A closure called where it is written, or through a local that is
only called, is inlined and reports nothing; `defer func() { ... }()` at the top level of a
function keeps its closure on the stack, while inside a loop it escapes. A method value that
escapes is reported as `t.Val escapes to heap`; a method expression (`T.Val`) is static and
reports nothing. `for x := range seq` with `seq` a parameter prints `func literal escapes to
heap` and `moved to heap: #state1` at the `for` line, `moved to heap: total` for a variable the
body assigns, and `moved to heap: #rv1` at the results when the body returns. Generic functions
report only the instantiations the package compiles, and code the compiler drops (`if false {
... }`) nothing. `go work(buf, &wg)` prints `moved to heap: wg` and `make([]int, n) escapes to
heap` for `buf := make([]int, n)` (`typecheck.normalizeGoDeferCall` makes the wrapper).
'''
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from goescape.linter.findings import Finding, Severity
from goescape.linter.model import BindingKind, CalleeKind, FileModel, SelectionKind, Symbol, SymbolKind
from goescape.linter.model.types import Signature, underlying
from goescape.linter.patterns.allocations import escape, loop_depth
from goescape.linter.patterns.arguments import argument_origins, captured_by_reference
from goescape.linter.patterns.boxing import unparen
from goescape.linter.patterns.closures import inline_notes
from goescape.linter.patterns.flows import Route, file_of, value_sink
from goescape.linter.patterns.inlining import certainly_not_inlined
from goescape.linter.patterns.storage import OriginKind, analyzed
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta

META = RuleMeta(
    code="ESC201",
    name="closure-capture",
    summary="a closure, method value or goroutine escapes, with the variables it captures",
    severity=Severity.WARNING,
    precision=Precision.HIGH,
    node_types=("func_literal", "selector_expression", "for_statement", "go_statement", "defer_statement"),
    tags=("escape", "closure"),
)

_MAX_LISTED = 4  # captured variables named in a message
_STORED = frozenset({Route.STORE, Route.CONTAINER, Route.SEND})
# Allocations whose escape other checks report wherever they go (ESC202, ESC203, this one).
_OWN_KINDS = frozenset({OriginKind.APPEND, OriginKind.CONCAT, OriginKind.CONVERSION, OriginKind.FUNC_LITERAL,
                        OriginKind.METHOD_VALUE})
# Written as the argument itself, these are built inside the wrapper the compiler makes for a
# go or defer call (`typecheck.normalizeGoDeferCall`): they escape only if the callee keeps them.
_IN_WRAPPER = frozenset({OriginKind.NEW, OriginKind.SLICE_LITERAL})


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    if node.type == "selector_expression":
        yield from _method_value(node, ctx)
    elif node.type == "for_statement":
        yield from _range_over_func(node, ctx)
    elif node.type in ("go_statement", "defer_statement"):
        yield from _wrapped_arguments(node, ctx)
    else:
        yield from _literal(node, ctx)


def _literal(literal: Node, ctx: Context) -> Iterator[Finding]:
    fm = ctx.model
    if not analyzed(fm, literal):
        return  # package level, dropped code, or a generic nothing instantiates (cheap: first)
    started = _started(fm, literal)
    if started is not None:
        yield _closure_finding(ctx, literal, started, inline_notes(fm, literal))
        return
    found = escape(fm, literal)
    if found is not None:
        yield _closure_finding(ctx, literal, found.phrase, list(found.related))
        return
    sink = value_sink(fm, literal)
    if sink is None or sink.route not in _STORED:
        return
    # Stored or sent: that rule (ESC103, ESC105, ESC107) reports the closure, this one the
    # variables it moves to the heap (ESC104 and ESC108 report those of the closures they see).
    for symbol in captured_by_reference(fm, literal):
        use = _first_use(fm, literal, symbol)
        if use is None or symbol.node is None:
            continue
        message = (f"{symbol.name} escapes: it is captured by reference by a func literal that is "
                   f"{sink.reason}, so it is moved to the heap")
        related = [(symbol.node, f"{symbol.name} is declared here; the compiler moves it to the heap"),
                   *inline_notes(fm, symbol.node)]
        yield ctx.finding(META, use, message, related)


def _started(fm: FileModel, literal: Node) -> str | None:
    """`go func() {...}()`, or `defer func() {...}()` inside a loop: the closure outlives the
    frame whatever it captures (a top-level defer keeps it on the stack)."""
    node = literal
    while node.parent is not None and node.parent.type == "parenthesized_expression":
        node = node.parent
    call = node.parent
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != node:
        return None
    statement = call.parent
    if statement is None or statement.type not in ("go_statement", "defer_statement"):
        return None
    if statement.type == "go_statement":
        return "started as a goroutine, which outlives the function"
    depth = loop_depth(fm, statement, fm.enclosing_function(statement))
    return "deferred inside a loop (only a top-level defer keeps its closure on the stack)" if depth else None


def _closure_finding(ctx: Context, literal: Node, phrase: str, related: list[tuple[Node, str]],
                     subject: str = "func literal escapes: the closure") -> Finding:
    fm = ctx.model
    captured = fm.captures(literal)
    by_reference = {id(s) for s in captured_by_reference(fm, literal)}
    for symbol in captured:
        if id(symbol) in by_reference and symbol.node is not None:
            related.append((symbol.node, f"{symbol.name} is declared here; captured by reference, the "
                                         "compiler moves it to the heap"))
    # A range-over-func body also captures the loop's state variable by reference.
    state = ["the loop's state (by reference)"] if literal.type == "for_statement" else []
    message = f"{subject} is {phrase}, so it is allocated on the heap; {_captures(captured, by_reference, state)}"
    # A func literal is the finding's node (the cost stage sizes the closure from it); a loop, its
    # `for` keyword (the compiler's position for the body's closure).
    node = literal if literal.type == "func_literal" else (literal.child(0) or literal)
    return ctx.finding(META, node, message, related)


def _captures(captured: tuple[Symbol, ...], by_reference: set[int], extra: list[str]) -> str:
    if not captured and not extra:
        return "it captures nothing"  # the cost stage says what that costs (nothing)
    names = [f"{s.name} (by reference: moved to the heap too)" if id(s) in by_reference else s.name
             for s in captured[:_MAX_LISTED]] + extra
    more = f" and {len(captured) - _MAX_LISTED} more" if len(captured) > _MAX_LISTED else ""
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"it captures {listed}{more}"


def _wrapped_arguments(statement: Node, ctx: Context) -> Iterator[Finding]:
    """`go f(x, &y)` (or a `defer` inside a loop): the compiler wraps the call in a closure that
    captures the arguments and the receiver, and that closure escapes, so whatever they refer
    to escapes too. (Concatenations, conversions, appends, func literals and method values
    among them are reported by the checks of their kind.)"""
    call = next((c for c in statement.named_children if c.type == "call_expression"), None)
    if call is None:
        return
    fm = ctx.model
    if statement.type == "defer_statement" and not loop_depth(fm, statement, fm.enclosing_function(statement)):
        return  # a top-level defer keeps its arguments on the stack
    callee = fm.callee(call)
    if callee is None or callee.kind is CalleeKind.BUILTIN:
        return
    passed = [p for p in argument_origins(fm, call) if p.captured is not None or (
        p.origin.kind not in _OWN_KINDS and (p.origin.via is not None or p.origin.kind not in _IN_WRAPPER))]
    receiver = _receiver_origin(fm, call)
    if (not passed and receiver is None) or not analyzed(fm, statement):
        return
    where = ("passed to a goroutine, which outlives the function" if statement.type == "go_statement"
             else "passed to a call deferred inside a loop, whose arguments live on the heap")
    for found in passed:
        yield ctx.finding(META, found.finding_node, found.message(where), found.related())
    if receiver is not None and receiver.node is not None:
        yield ctx.finding(META, _operand(call) or call, f"{receiver.name} escapes: its address (the receiver) is "
                                                        f"{where}, so it is moved to the heap",
                          [(receiver.node, f"{receiver.name} is declared here; the compiler moves it to the heap")])


def _receiver_origin(fm: FileModel, call: Node) -> Symbol | None:
    """The frame variable a pointer method called on it takes the address of: `v.M()`."""
    function = call.child_by_field_name("function")
    if function is None or function.type != "selector_expression":
        return None
    selection = fm.select(function)
    operand = _operand(call)
    if selection is None or not selection.takes_address or operand is None or operand.type != "identifier":
        return None
    storage = fm.storage(operand)
    return storage.symbol if storage is not None and storage.is_frame else None


def _operand(call: Node) -> Node | None:
    function = call.child_by_field_name("function")
    operand = function.child_by_field_name("operand") if function is not None else None
    return unparen(operand) if operand is not None else None


def _range_over_func(statement: Node, ctx: Context) -> Iterator[Finding]:
    """`for x := range seq { ... }` over an iterator the compiler cannot see: the body becomes
    a func literal passed to it (`cmd/compile/internal/rangefunc`), which escapes."""
    clause = next((c for c in statement.named_children if c.type == "range_clause"), None)
    ranged = clause.child_by_field_name("right") if clause is not None else None
    if ranged is None or statement.child_by_field_name("body") is None:
        return
    fm = ctx.model
    if not isinstance(underlying(fm.type_of(ranged)), Signature):
        return
    reason = _unknown_iterator(fm, unparen(ranged))
    if reason is None or not analyzed(fm, statement):
        return
    related = inline_notes(fm, statement)
    function = fm.enclosing_function(statement)
    result = function.child_by_field_name("result") if function is not None else None
    if result is not None and _returns_inside(statement):
        related.append((result, "a return inside the loop body moves the results to the heap too"))
    yield _closure_finding(ctx, statement, f"passed to {ctx.text(ranged)}, {reason}", related,
                           "the loop body escapes: as a func literal, it")


def _unknown_iterator(fm: FileModel, ranged: Node) -> str | None:
    """Why the compiler cannot see the function a range iterates over (None: it may)."""
    if ranged.type in ("identifier", "selector_expression"):
        binding = fm.func_value_binding(ranged)
        if binding.kind is not BindingKind.DYNAMIC:
            return None
        selection = fm.select(ranged) if ranged.type == "selector_expression" else None
        if ranged.type == "selector_expression" and (selection is None or selection.kind is not SelectionKind.FIELD):
            return None  # a method value (`t.All`): the compiler calls the method directly
        symbol = fm.resolve(ranged) if ranged.type == "identifier" else None
        if symbol is not None and symbol.kind not in (SymbolKind.PARAM, SymbolKind.PACKAGE_VAR):
            return None  # a local: maybe assigned what an inlined call returns
        if symbol is not None and symbol.function is not None and symbol.function.type == "func_literal":
            return None  # a literal's parameter: inlined at a call, it may be a known function
        return f"a func value ({binding.reason}) the compiler cannot see into"
    if ranged.type != "call_expression":
        return None
    callee = fm.callee(ranged)
    if callee is None:
        return None
    if callee.kind is CalleeKind.FUNC_VALUE and fm.func_value_binding(ranged).kind is BindingKind.DYNAMIC:
        return "the result of a call through a func value"
    if callee.kind in (CalleeKind.FUNCTION, CalleeKind.METHOD) and callee.std is None \
            and callee.declaration is not None:
        home = file_of(fm, callee.declaration)
        if home is not None and certainly_not_inlined(home, callee.declaration):
            return f"the result of {callee.name}, which is never inlined"
    return None


def _returns_inside(statement: Node) -> bool:
    """A return statement with values in the loop body (not in a func literal inside it)."""
    stack = [statement.child_by_field_name("body")]
    while stack:
        node = stack.pop()
        if node is None or node.type == "func_literal":
            continue
        if node.type == "return_statement" and node.named_children:
            return True
        stack.extend(node.named_children)
    return False


def _first_use(fm: FileModel, literal: Node, symbol: Symbol) -> Node | None:
    stack = [literal]
    found: list[Node] = []
    while stack:
        node = stack.pop()
        if node.type == "identifier" and node.text == symbol.name.encode() and fm.resolve(node) is symbol:
            found.append(node)
        stack.extend(node.named_children)
    return min(found, key=lambda n: n.start_byte) if found else None


def _method_value(selector: Node, ctx: Context) -> Iterator[Finding]:
    parent = selector.parent
    if parent is not None and parent.type == "call_expression" and parent.child_by_field_name("function") == selector:
        return  # a call (the syntax decides first: most selectors are calls or field reads)
    if parent is not None and parent.type == "selector_expression" and \
            parent.child_by_field_name("operand") == selector:
        return  # x.f.g: a method value has no fields or methods of its own to select
    fm = ctx.model
    if not analyzed(fm, selector):
        return
    selection = fm.select(selector)
    if selection is None or selection.kind not in (SelectionKind.METHOD, SelectionKind.INTERFACE_METHOD):
        return  # a field, a package member, a method expression (static)
    found = escape(fm, selector)
    if found is None:
        return
    subject = " ".join(ctx.text(selector).split())
    yield ctx.finding(META, selector, f"{subject} escapes: the method value's closure is {found.phrase}, "
                                      "so it is allocated on the heap", found.related)
