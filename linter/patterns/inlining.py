"""Code the Go 1.27 compiler inlines where it is written, so it reports escapes elsewhere.

A func literal called where it is written (`func() { x := 0; use(&x) }()`) is inlined at the
call when it is small enough, and its body is then not compiled on its own: `-m` reports the
literal's escapes at the position of the call (`moved to heap: x` on the line of `}()`), not
where `x` is declared. Deferred and `go` calls of a literal are compiled as closures and report
at the usual positions. (A named function inlined into its callers is still compiled on its
own, with the usual positions, so its body needs no such care.) `closures.direct_calls` adds
literals bound to a local that is only called.
"""
from __future__ import annotations

from tree_sitter import Node

_DEFERRED = frozenset({"go_statement", "defer_statement"})


def called_in_place(literal: Node) -> bool:
    """`func() {...}()` (parentheses allowed), other than `go func() {...}()` / `defer ...`."""
    node = literal
    while node.parent is not None and node.parent.type == "parenthesized_expression":
        node = node.parent
    call = node.parent
    if call is None or call.type != "call_expression":
        return False
    function = call.child_by_field_name("function")
    if function is None or function.id != node.id:
        return False
    return call.parent is None or call.parent.type not in _DEFERRED
