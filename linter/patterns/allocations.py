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

from goescape.linter.model.base import CalleeKind
from goescape.linter.patterns.boxing import boxed_in_context
from goescape.linter.patterns.closures import direct_calls, inline_notes
from goescape.linter.patterns.flows import Route, Sink, certainly_not_inlined, file_of, value_sink
from goescape.linter.patterns.storage import analyzed

if TYPE_CHECKING:
    from goescape.linter.model.file import FileModel

_FUNCTION_DECLARATIONS = frozenset({"function_declaration", "method_declaration"})

# The routes the allocation rules report: whatever no pattern rule (ESC101-ESC108) owns.
OWN_ROUTES = frozenset({Route.RESULT, Route.CALL, Route.GOROUTINE, Route.PANIC})


@dataclass(frozen=True, slots=True)
class Escape:
    """An allocation that escapes: where to, and the places a finding names besides itself."""

    sink: Sink
    related: tuple[tuple[Node, str], ...]

    @property
    def phrase(self) -> str:
        """`returned`, `passed to keep, which leaks it`: completes "... is"."""
        return self.sink.reason


def escape(fm: FileModel, node: Node, routes: Collection[Route] = OWN_ROUTES) -> Escape | None:
    """Where the value `node` allocates escapes, when it does along one of `routes`; None when
    it stays in the frame, the model cannot tell, or another rule reports it."""
    if not analyzed(fm, node):
        return None  # a generic function, or code the compiler drops
    if boxed_in_context(fm, node) is not None:
        return None  # boxed where it is written: the interface rules report the box
    sink = value_sink(fm, node)
    if sink is None or sink.route not in routes:
        return None
    if sink.route is Route.RESULT and not _own_result(fm, sink):
        return None
    related: list[tuple[Node, str]] = []
    if sink.node.start_point[0] != node.start_point[0]:
        related.append((sink.node, f"it is {sink.reason} here"))
    related += inline_notes(fm, node)
    return Escape(sink, tuple(related))


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
