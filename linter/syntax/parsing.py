"""The tree-sitter-go language and a parser factory, shared by every stage that reads Go."""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import tree_sitter_go
from tree_sitter import Language, Node, Parser, Query, QueryCursor, Tree

GO: Language = Language(tree_sitter_go.language())


@lru_cache(maxsize=1)
def _parser() -> Parser:
    # One parser per process: tree-sitter parsers are reusable and cheap to keep.
    return Parser(GO)


def parse(data: bytes) -> Tree:
    """Parse Go source bytes; tree-sitter never raises on bad input, it marks ERROR/MISSING nodes."""
    return _parser().parse(data)


def node_text(node: Node) -> str:
    """The node's source text, decoded leniently (source may hold invalid UTF-8)."""
    raw = node.text or b""
    return raw.decode("utf-8", errors="replace")


def package_name(tree: Tree) -> str | None:
    """The name in the file's package clause, or None when the clause is missing or broken."""
    for child in tree.root_node.named_children:
        if child.type == "package_clause":
            for part in child.named_children:
                if part.type == "package_identifier":
                    return node_text(part)
            return None
    return None


def captured(query: Query, node: Node, name: str) -> list[Node]:
    """The nodes a query captures under `name` below `node`, in document order: py-tree-sitter
    does not promise an order for captures, and output must not depend on one."""
    nodes = QueryCursor(query).captures(node).get(name, [])
    return sorted(nodes, key=lambda n: (n.start_byte, -n.end_byte))


def same_node(a: Node | None, b: Node | None) -> bool:
    """Whether two nodes (either possibly missing) span the same bytes: the same node, however
    it was reached (a field accessor, a child list)."""
    return a is not None and b is not None and a.start_byte == b.start_byte and a.end_byte == b.end_byte


def ancestors(root: Node, node: Node) -> list[Node]:
    """The nodes from `root` down to `node`'s parent, outermost first; [] when `node` is `root`
    or not below it. Built downwards with `child_with_descendant`: in tree-sitter `Node.parent`
    (and the sibling accessors) search from the root, so walking upwards costs the square of the
    depth, which deeply nested code turns into minutes."""
    path: list[Node] = []
    current: Node | None = root
    while current is not None and current.id != node.id:
        path.append(current)
        current = current.child_with_descendant(node)
    return path if current is not None else []


_RETURNS = Query(GO, "(return_statement) @return (func_literal) @literal")


def own_returns(body: Node) -> list[Node]:
    """The return statements below `body` that are not inside a func literal nested in it, last
    first (in reverse document order). Found by a query, in C: a Python walk over every node of
    every function body cost a tenth of a cold run."""
    found = QueryCursor(_RETURNS).captures(body)
    literals = sorted((n.start_byte, n.end_byte) for n in found.get("literal", ()))
    returns = sorted(found.get("return", ()), key=lambda n: n.start_byte, reverse=True)
    if not literals:
        return returns
    outermost: list[tuple[int, int]] = []
    for start, end in literals:
        if not outermost or start >= outermost[-1][1]:
            outermost.append((start, end))
    starts = [start for start, _ in outermost]
    own = []
    for node in returns:
        index = bisect_right(starts, node.start_byte) - 1
        if index < 0 or node.start_byte >= outermost[index][1]:
            own.append(node)
    return own
