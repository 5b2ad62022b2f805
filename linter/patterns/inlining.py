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

from typing import TYPE_CHECKING

from tree_sitter import Node

from goescape.linter.model.base import CalleeKind

if TYPE_CHECKING:
    from goescape.linter.model.file import FileModel

_DEFERRED = frozenset({"go_statement", "defer_statement"})
_INLINE_NODE_LIMIT = 200  # tree-sitter nodes in a body that Go's inliner (budget 80) never takes
_INLINE_CALL_COST = 57  # the inliner's extra cost of a call it cannot inline
_CLOSURE_COST = 15  # what the inliner charges for a func literal (inl.go, OCLOSURE)


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


def certainly_not_inlined(fm: FileModel, decl: Node) -> bool:
    """Whether Go 1.27's inliner (budget 80 IR nodes, 57 more per call it cannot inline) surely
    leaves this function alone; False when it might inline it."""
    body = decl.child_by_field_name("body")
    if body is None or _noinline(decl):
        return True
    count = 0
    calls = 0
    stack = [body]
    while stack:
        node = stack.pop()
        count += 1
        kind = node.type
        if kind == "func_literal":
            # The inliner charges a closure 15 and does not look inside it (its body is a
            # function of its own): a constructor returning a long iterator is inlined.
            count += 2 * _CLOSURE_COST
            continue
        if kind in ("defer_statement", "go_statement", "select_statement"):
            return True
        if kind == "call_expression":
            fn = node.child_by_field_name("function")
            if fn is not None and fm.text(fn) == "recover":
                return True
            found = fm.callee(node) if fn is not None and fn.type in ("selector_expression", "identifier") else None
            if found is not None and found.kind in (CalleeKind.INTERFACE_METHOD, CalleeKind.FUNC_VALUE):
                calls += 1  # the inliner charges an indirect call like one it cannot inline
        stack.extend(node.named_children)
    # tree-sitter makes about two named nodes per IR node; keep a wide margin over the budget
    return count > _INLINE_NODE_LIMIT or count // 2 + calls * _INLINE_CALL_COST > 100


def _noinline(decl: Node) -> bool:
    """A `//go:noinline` directive in the comment group right above the declaration."""
    line = decl.start_point[0]
    comment = decl.prev_sibling
    while comment is not None and comment.type == "comment" and comment.end_point[0] == line - 1:
        if (comment.text or b"").startswith(b"//go:noinline"):
            return True
        line, comment = comment.start_point[0], comment.prev_sibling
    return False
