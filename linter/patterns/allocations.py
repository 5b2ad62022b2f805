"""Whether a value a function allocates where it is written escapes, and along which route.

The shared test of the rules about allocations outside the seed's taxonomy: `append`'s grown
backing array (ESC202), concatenations and string/byte-slice conversions (ESC203) and closures
(ESC201). Go 1.27's escape analysis gives each such expression a location of its own
(`escape/call.go`: `e.spill(ks[0], call)` for `append`; `escape/expr.go` for `OADDSTR`,
`OBYTES2STR`, `OSTR2BYTES`, `OSTR2RUNES`, `ORUNES2STR`, `ORUNESTR`, `OCLOSURE`), which escapes
when the value flows somewhere that outlives the frame (`flows.value_sink`). Each rule reports
only the routes no pattern rule owns: a value stored through a pointer, in a container or a
package-level variable, sent on a channel, passed to an unresolved func value or interface
method, or boxed into an interface is reported there by ESC102-ESC108 (the verify stage
classifies the compiler's escapes the same way, `verify.verdicts.code_for`).

An allocation also escapes when its address is stored in a variable that outlives it
(`outlives`): one declared outside a `for` loop the allocation is made in (`var s string; for
... { s = x + "!" }`; the variables of a `for` clause's init statement are outside the loop, its
post statement inside), or one of an enclosing function when the allocation is made in a func
literal compiled as a closure (a `defer` or `go` literal, or one that escapes). `append`'s
backing array is exempt (`backingStore.dst.loopDepth = 0`: a flag prevents its reuse). A range
over a function (Go 1.23 iterators) turns the loop body into a func literal: such loops are
left alone.

A value a func literal returns escapes when the literal is compiled as a closure whose calls
the compiler cannot all see (`escape/solve.go`, `outlives`: a closure's results outlive
everything unless the closure is called where it is defined). When the literal is inlined
(called in place, through a local that is only called, or by an inlined callee it is passed
to), the value flows wherever the call's result goes instead, so such routes count only for a
literal that escapes or is passed to one of the package's functions the inliner surely leaves
alone.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tree_sitter import Node

from goescape.linter.model.base import CalleeKind, StorageKind, Symbol
from goescape.linter.model.types import Signature, Type, TypeParam, core
from goescape.linter.patterns.boxing import boxed_in_context
from goescape.linter.patterns.closures import direct_calls, inline_notes
from goescape.linter.patterns.flows import (
    Route,
    Sink,
    SinkKind,
    file_of,
    uses,
    value_sink,
)
from goescape.linter.patterns.inlining import certainly_not_inlined
from goescape.linter.patterns.storage import analyzed
from goescape.linter.syntax.nodes import names, operands, position
from goescape.linter.syntax.parsing import ancestors, same_node

if TYPE_CHECKING:
    from goescape.linter.model.file import FileModel

_FUNCTION_DECLARATIONS = frozenset({"function_declaration", "method_declaration"})
_FUNCTION_NODES = frozenset({*_FUNCTION_DECLARATIONS, "func_literal"})

# The routes the allocation rules report: whatever no pattern rule (ESC101-ESC108) owns.
OWN_ROUTES = frozenset({Route.RESULT, Route.CALL, Route.GOROUTINE, Route.PANIC})
_MAX_COPIES = 4  # locals an allocation is followed through to an outer variable


@dataclass(frozen=True, slots=True)
class Escape:
    """An allocation that escapes: where to, and the places a finding names besides itself."""

    sink: Sink
    related: tuple[tuple[Node, str], ...]

    @property
    def phrase(self) -> str:
        """`returned`, `passed to keep, which leaks it`: completes "... is"."""
        return self.sink.reason


def escape(fm: FileModel, node: Node, routes: Collection[Route] = OWN_ROUTES, *,
           outer: bool = True) -> Escape | None:
    """Where the value `node` allocates escapes, when it does along one of `routes` (or, with
    `outer`, into a variable that outlives it); None when it stays in the frame, the model
    cannot tell, or another rule reports it."""
    if not analyzed(fm, node):
        return None  # a generic function, or code the compiler drops
    if boxed_in_context(fm, node) is not None:
        return None  # boxed where it is written: the interface rules report the box
    sink = value_sink(fm, node)
    if sink is not None and sink.route not in routes:
        return None  # reported by a pattern rule
    if sink is not None and sink.route is Route.RESULT and not _own_result(fm, sink):
        sink = None
    if sink is None and outer:
        sink = outer_variable(fm, node)
    if sink is None:
        return None
    related: list[tuple[Node, str]] = []
    if sink.node.start_point[0] != node.start_point[0]:
        related.append((sink.node, f"it is {sink.reason} here"))
    related += inline_notes(fm, node)
    return Escape(sink, tuple(related))


def outer_variable(fm: FileModel, node: Node) -> Sink | None:
    """The variable that outlives the allocation `node` and holds its address (see the module
    doc), through up to `_MAX_COPIES` locals of its own loop depth."""
    function = fm.enclosing_function(node)
    depth = loop_depth(fm, node, function)
    if function is None or depth is None:
        return None
    value, seen = node, 0
    while seen < _MAX_COPIES:
        seen += 1
        target = _assigned_to(fm, value)
        symbol = _frame_variable(fm, target) if target is not None else None
        if target is None or symbol is None or symbol.node is None or symbol.function is None:
            return None
        if symbol.function.id != function.id:
            if compiled_closure(fm, function) and _encloses(symbol.function, function):
                return Sink(SinkKind.HEAP, f"stored in {symbol.name}, a variable of the function around "
                                           "the closure", target, Route.STORE)
            return None
        declared = loop_depth(fm, symbol.node, function, declaration=True)
        if declared is None:
            return None
        if declared < depth:
            return Sink(SinkKind.HEAP, f"stored in {symbol.name}, declared outside the loop", target,
                        Route.STORE)
        copies = [use for use in uses(fm, symbol) if _assigned_to(fm, use) is not None]
        if len(copies) != 1:
            return None  # kept where it is, or copied to several places: not followed
        value = copies[0]
    return None


def loop_depth(fm: FileModel, node: Node, function: Node | None, declaration: bool = False) -> int | None:
    """How many `for` loops of `function` run `node` repeatedly (escape analysis's loopDepth);
    None inside a range over a function, and, with `declaration`, for a variable that a `for`
    or range clause declares (per-iteration copies since Go 1.22: not followed)."""
    top = fm.top_at(node.start_byte)
    if top is None:
        return None
    path = [*ancestors(top, node), node]  # downwards: Node.parent costs the depth at each step
    depth = 0
    for index in range(len(path) - 1, 0, -1):
        child, parent = path[index], path[index - 1]
        if (function is not None and parent.id == function.id) or parent.type in _FUNCTION_NODES:
            break
        if parent.type == "for_statement":
            clause = next((c for c in parent.named_children if c.type in ("for_clause", "range_clause")), None)
            ranged = clause.child_by_field_name("right") if clause is not None else None
            if clause is not None and clause.type == "range_clause" and (
                    ranged is None or _maybe_function(fm.type_of(ranged))):
                return None  # the body is (or may be) a func literal the compiler makes
            if clause is None or not same_node(child, clause):
                depth += 1  # the body, or the condition of `for cond {}`
            elif _within(node, clause.child_by_field_name(
                    "initializer" if clause.type == "for_clause" else "right")):
                if declaration:
                    return None
                # the init statement and the ranged expression run once, outside the loop
            elif declaration and clause.type == "range_clause":
                return None
            else:
                depth += 1  # the condition and the post statement run with the body
    return depth


def _maybe_function(t: Type | None) -> bool:
    """A ranged type that is a function (an iterator), or that the model does not know."""
    u = core(t)
    return u is None or isinstance(u, (Signature, TypeParam))


def compiled_closure(fm: FileModel, literal: Node) -> bool:
    """A func literal the compiler compiles as a closure of its own: run by `defer` or `go`, or
    one whose results are lost (it escapes, or a function that is never inlined calls it)."""
    if literal.type != "func_literal":
        return False
    node = literal
    while node.parent is not None and node.parent.type == "parenthesized_expression":
        node = node.parent
    call = node.parent
    if call is not None and call.type == "call_expression" and same_node(call.child_by_field_name("function"), node) \
            and call.parent is not None and call.parent.type in ("defer_statement", "go_statement"):
        return True
    return closure_results_lost(fm, literal)


def _assigned_to(fm: FileModel, value: Node) -> Node | None:
    """The target `value` is assigned to as a whole (`x = v`, `x := v`, `var x = v`, `x.f = v`,
    `s += v` on strings), if any."""
    node = value
    while node.parent is not None and node.parent.type == "parenthesized_expression":
        node = node.parent
    values = node.parent
    statement = values.parent if values is not None else None
    if values is None or statement is None or values.type != "expression_list":
        return None
    if statement.type == "var_spec":
        declared = names(statement)
        items = operands(values)
        index = position(items, node)
        return declared[index] if index is not None and len(declared) == len(items) else None
    if statement.type not in ("assignment_statement", "short_var_declaration"):
        return None
    left, right = statement.child_by_field_name("left"), statement.child_by_field_name("right")
    operator = statement.child_by_field_name("operator")  # none in a short_var_declaration
    if left is None or right is None or not same_node(right, values) or (
            operator is not None and operator.type not in ("=", "+=")):
        return None
    targets, items = operands(left), operands(values)
    index = position(items, node)
    return targets[index] if index is not None and len(targets) == len(items) else None


def _frame_variable(fm: FileModel, target: Node) -> Symbol | None:
    """The frame variable an assignment to `target` writes into: `x`, or `x.f` / `x[i]` of a
    local struct or array value."""
    if fm.text(target) == "_":
        return None
    storage = fm.storage(target)
    if storage is None or storage.kind is not StorageKind.VARIABLE or storage.symbol is None:
        return None
    return storage.symbol if storage.symbol.is_frame else None


def _encloses(outer: Node, inner: Node) -> bool:
    return outer.start_byte <= inner.start_byte and inner.end_byte <= outer.end_byte


def _within(node: Node, outer: Node | None) -> bool:
    return outer is not None and outer.start_byte <= node.start_byte and node.end_byte <= outer.end_byte


def _own_result(fm: FileModel, sink: Sink) -> bool:
    """A result of the top-level function, or of a func literal compiled as a closure."""
    function = fm.enclosing_function(sink.node)
    if function is None:
        return False
    return function.type in _FUNCTION_DECLARATIONS or closure_results_lost(fm, function)


def closure_results_lost(fm: FileModel, literal: Node) -> bool:
    """Whether a func literal is compiled as a closure called from places the compiler does not
    track, so that what it returns escapes: it escapes itself, or it is passed to a function of
    the package that is never inlined (whose calls of it are indirect)."""
    if literal.type != "func_literal" or direct_calls(fm, literal) is not None:
        return False
    node = literal
    while node.parent is not None and node.parent.type == "parenthesized_expression":
        node = node.parent
    args = node.parent
    call = args.parent if args is not None and args.type == "argument_list" else None
    if call is not None and call.type == "call_expression":
        callee = fm.callee(call)
        if callee is not None and callee.kind in (CalleeKind.FUNCTION, CalleeKind.METHOD) \
                and callee.std is None and callee.declaration is not None:
            home = file_of(fm, callee.declaration)
            if home is not None and certainly_not_inlined(home, callee.declaration):
                return True
    return value_sink(fm, literal) is not None
