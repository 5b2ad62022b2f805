"""The statement a finding sits in, as normalized tokens: what fingerprints and baselines key on."""
from __future__ import annotations

from tree_sitter import Node, Tree

from goescape.linter.findings import Span

# A node whose parent is one of these is a statement or declaration of its own.
_LISTS = frozenset({"statement_list", "source_file", "var_spec_list", "field_declaration_list",
                    "import_spec_list"})
# One spec of a grouped declaration stands alone: `var ( a = ...; b = ... )` has two.
_SPECS = frozenset({"var_spec", "const_spec", "type_spec", "type_alias", "field_declaration",
                    "import_spec"})
_CLOSING = frozenset({b")", b"}", b"]"})
_ELIDED = b"\xe2\x80\xa6"  # "…" in place of a nested body
_MAX_BYTES = 64 * 1024  # a statement this large (a data table) is keyed by its line instead


def anchor(tree: Tree, span: Span) -> bytes | None:
    """The tokens of the statement (or declaration, or spec) holding `span`, one space apart,
    without comments and with nested bodies that do not hold the finding elided, so that
    re-indenting, reformatting, moving the statement or editing a nested body leaves it
    unchanged. A finding on a comment (a directive) is keyed by the comment. None when there
    is no such statement, or it is too large: the caller keys on the flagged line then."""
    node = tree.root_node.descendant_for_point_range(span.start, span.end)
    if node is None:
        return None
    if node.type == "comment":
        return b" ".join((node.text or b"").split())
    statement = node
    while statement.parent is not None and statement.type not in _SPECS and statement.parent.type not in _LISTS:
        statement = statement.parent
    if statement.type == "source_file" or statement.end_byte - statement.start_byte > _MAX_BYTES:
        return None
    return b" ".join(_tokens(statement, node))


def _tokens(statement: Node, flagged: Node) -> list[bytes]:
    tokens: list[bytes] = []
    stack = [statement]
    while stack:
        node = stack.pop()
        if node.type == "comment":
            continue
        if node.type == "statement_list" and not _holds(node, flagged):
            tokens.append(_ELIDED)
            continue
        if node.child_count == 0:
            tokens.append(node.text or b"")
            continue
        stack.extend(reversed(node.children))
    # gofmt adds a trailing comma when it splits a list over lines: `f(a, b)` == `f(a,\n b,\n)`.
    return [t for t, after in zip(tokens, [*tokens[1:], b""]) if not (t == b"," and after in _CLOSING)]


def _holds(outer: Node, inner: Node) -> bool:
    return outer.start_byte <= inner.start_byte and inner.end_byte <= outer.end_byte
