"""The syntax at a compiler position: which expression a diagnostic or an explanation step names."""
from __future__ import annotations

import enum

from tree_sitter import Node, Tree

from goescape.linter.gc import escapes as shapes
from goescape.linter.gc.parse import Diagnostic, Kind, Location
from goescape.linter.syntax.source import SourceFile

FUNCTIONS = frozenset({"function_declaration", "method_declaration", "func_literal"})
_STATEMENTS = frozenset({
    "assignment_statement", "short_var_declaration", "var_spec", "send_statement",
    "return_statement", "expression_statement", "go_statement", "defer_statement", "inc_statement",
    "dec_statement", "range_clause", "const_spec",
})


class Site(enum.Enum):
    """What the compiler put on the heap."""

    VARIABLE = "variable"  # moved to heap: x
    ADDRESS = "address"  # &T{...}
    NEW = "new"  # new(T)
    MAKE = "make"  # make([]T, n), make(map[K]V)
    LITERAL = "literal"  # []T{...}, map[K]V{...}
    FUNC_LITERAL = "func literal"
    METHOD_VALUE = "method value"  # r.Read, not called
    VARIADIC = "variadic"  # the implicit slice of a ...T argument
    APPEND = "append"
    CONCAT = "concatenation"
    CONVERSION = "conversion"  # string(b), []byte(s), []rune(s)
    BOXED = "boxed"  # a value converted to an interface


_BY_SHAPE = {
    shapes.MOVED: Site.VARIABLE, shapes.ADDRESS: Site.ADDRESS, shapes.NEW: Site.NEW,
    shapes.MAKE: Site.MAKE, shapes.LITERAL: Site.LITERAL, shapes.FUNC_LITERAL: Site.FUNC_LITERAL,
    shapes.VARIADIC: Site.VARIADIC, shapes.APPEND: Site.APPEND, shapes.CONCAT: Site.CONCAT,
    shapes.CONVERSION: Site.CONVERSION, shapes.BOXED: Site.BOXED,
}
# The node types each site is written as, innermost first.
_SITE_TYPES: dict[Site, tuple[str, ...]] = {
    Site.VARIABLE: ("identifier",),
    Site.ADDRESS: ("unary_expression", "composite_literal", "literal_value"),
    Site.NEW: ("call_expression",),
    Site.MAKE: ("call_expression",),
    Site.LITERAL: ("composite_literal", "literal_value"),  # an elided type: `{...}` in a literal
    Site.FUNC_LITERAL: ("func_literal",),
    Site.VARIADIC: ("call_expression",),
    Site.APPEND: ("call_expression",),
    Site.CONCAT: ("binary_expression",),
    Site.CONVERSION: ("call_expression", "type_conversion_expression"),
}


def site_kind(diagnostic: Diagnostic) -> Site:
    return _BY_SHAPE.get(shapes.shape(diagnostic.message), Site.BOXED)


def point(file: SourceFile, location: Location) -> tuple[int, int]:
    """A compiler position (1-based line, 1-based byte column, 0 for none) as a tree-sitter point."""
    row = max(location.line - 1, 0)
    if location.column <= 0:
        data = file.line_bytes(row) if row < file.line_count else b""
        return row, len(data) - len(data.lstrip())
    return row, location.column - 1


def node_at(tree: Tree, at: tuple[int, int]) -> Node | None:
    """The smallest named node that contains the point."""
    node = tree.root_node.named_descendant_for_point_range(at, at)
    return None if node is None or node.type == "source_file" else node


def site_node(tree: Tree, file: SourceFile, diagnostic: Diagnostic,
              site: Site) -> tuple[Node | None, bool]:
    """The expression the diagnostic is about, found from its position and its subject, and
    whether it was found (else: the smallest node at the position; the compiler reports what
    it inlined at the call, `&errors.errorString{...}` at `fmt.Errorf(`)."""
    start = node_at(tree, point(file, diagnostic.location))
    if start is None:
        return None, False
    if site is Site.VARIABLE:
        named = _named(start, diagnostic.subject)
        return (named, True) if named is not None else (start, False)
    if site is Site.BOXED:
        return _boxed(start, diagnostic.subject)
    wanted = _SITE_TYPES[site]
    node: Node | None = start
    while node is not None and node.type not in _STATEMENTS and node.type not in FUNCTIONS:
        if node.type in wanted and _fits(node, site):
            return (_outer_address(node) if site is Site.ADDRESS else node), True
        node = node.parent
    if site is Site.FUNC_LITERAL and node is not None and node.type == "func_literal":
        return node, True
    return start, False


_CALLED = {Site.NEW: ("new",), Site.MAKE: ("make",), Site.APPEND: ("append",),
           Site.CONVERSION: ("string", "[]byte", "[]rune", "([]byte)", "([]rune)")}


def _fits(node: Node, site: Site) -> bool:
    if site is Site.ADDRESS and node.type == "unary_expression":
        return node.child(0) is not None and node.child(0).type == "&"
    if site is Site.CONCAT:
        operator = node.child_by_field_name("operator")
        return operator is not None and operator.type == "+"
    if node.type == "call_expression" and site in _CALLED:
        function = node.child_by_field_name("function")
        return "".join(text(function).split()) in _CALLED[site]
    return True


def _outer_address(node: Node) -> Node:
    # the compiler points at the literal of `&T{...}`; the finding covers the `&` too
    parent = node.parent
    while parent is not None and parent.type == "parenthesized_expression":
        parent = parent.parent
    if node.type == "composite_literal" and parent is not None and parent.type == "unary_expression":
        return parent
    return node


def _named(node: Node, name: str) -> Node | None:
    """The identifier `name` at or around `node` (a declaration, a parameter, a range key)."""
    if node.type in ("identifier", "field_identifier") and node.text is not None and \
            node.text.decode("utf-8", "replace") == name:
        return node
    if node.named_child_count > 16:
        return None  # a block or a declaration list: the position named nothing in particular
    for child in node.named_children:
        if child.type == "identifier" and child.text is not None and \
                child.text.decode("utf-8", "replace") == name:
            return child
    return None


def _boxed(start: Node, subject: str) -> tuple[Node, bool]:
    """The expression whose text the compiler printed, or the outermost expression starting at
    the position (the compiler elides literals as `T{...}`)."""
    node: Node | None = start
    best, found = start, False
    while node is not None and node.type not in _STATEMENTS and node.type not in FUNCTIONS:
        if node.type in ("expression_list", "argument_list", "literal_value", "keyed_element",
                         "literal_element", "block"):
            break
        text = node.text.decode("utf-8", "replace") if node.text is not None else ""
        if text == subject:
            return node, True
        if node.start_point == start.start_point:
            best, found = node, True
        node = node.parent
    return best, found


def enclosing(node: Node | None, types: frozenset[str] | set[str]) -> Node | None:
    while node is not None and node.type not in types:
        node = node.parent
    return node


def text(node: Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", "replace")


def is_escape(diagnostic: Diagnostic) -> bool:
    return diagnostic.kind in (Kind.ESCAPES, Kind.MOVED)
