"""Find the nodes the rules asked for, and the comments, with one compiled tree-sitter query."""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from functools import lru_cache

from tree_sitter import Node, Query, QueryCursor, Tree

from goescape.linter.syntax.parsing import GO


def _is_concrete_type(name: str) -> bool:
    """A named node type the parser produces: not a supertype (`_expression`), ERROR or unknown.
    Rules may name anything; a type tree-sitter-go never produces simply matches nothing."""
    if not name or name.startswith("_") or name == "ERROR":
        return False
    kind = GO.id_for_node_kind(name, True)
    return kind is not None and kind not in GO.supertypes and GO.node_kind_is_visible(kind)


@lru_cache(maxsize=16)
def _query(node_types: tuple[str, ...]) -> Query:
    """Compiled once per process and rule set: `@node` for the rules' types, `@comment` for the
    directives (one traversal of the tree serves both, and it runs in C rather than Python)."""
    patterns = ["(comment) @comment"]
    if node_types:
        patterns.insert(0, "[" + " ".join(f"({t})" for t in node_types) + "] @node")
    return Query(GO, "\n".join(patterns))


def capture(tree: Tree, node_types: Iterable[str]) -> tuple[list[Node], list[Node]]:
    """The nodes of `node_types` in document order, minus those inside or holding a syntax error
    (nothing there can be trusted), and every comment of the file in document order."""
    wanted = tuple(sorted({t for t in node_types if _is_concrete_type(t)}))
    captures = QueryCursor(_query(wanted)).captures(tree.root_node)
    # py-tree-sitter returns captures in an order that varies between processes
    # (tree-sitter/py-tree-sitter#450): sort them, or runs would not be reproducible.
    nodes = sorted(captures.get("node", []), key=document_order)
    if tree.root_node.has_error:  # has_error propagates upwards: a clean root has clean nodes
        inside_error = _error_spans(tree)
        nodes = [n for n in nodes if not n.has_error and not inside_error(n)]
    comments = sorted(captures.get("comment", []), key=document_order)
    return nodes, comments


def document_order(node: Node) -> tuple[int, int, str]:
    """Pre-order by position: outer nodes before the inner ones they start with."""
    return (node.start_byte, -node.end_byte, node.type)


@lru_cache(maxsize=1)
def _error_query() -> Query:
    return Query(GO, "(ERROR) @error")


def _error_spans(tree: Tree) -> Callable[[Node], bool]:
    """Whether a node lies inside an ERROR node, decided by byte range. Walking up instead costs
    time in proportion to the depth at every step (tree-sitter finds a node's parent from the
    root), which made a deeply nested file with one syntax error take minutes."""
    errors = QueryCursor(_error_query()).captures(tree.root_node).get("error", [])
    spans: list[tuple[int, int]] = []
    for start, end in sorted((e.start_byte, -e.end_byte) for e in errors):
        if not spans or -end > spans[-1][1]:  # not nested in the previous (outer) one
            spans.append((start, -end))
    starts = [start for start, _ in spans]

    def inside(node: Node) -> bool:
        i = bisect.bisect_right(starts, node.start_byte) - 1
        return i >= 0 and node.end_byte <= spans[i][1]

    return inside
