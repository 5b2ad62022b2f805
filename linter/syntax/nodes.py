"""Small tree-sitter-go helpers shared by the model's modules."""
from __future__ import annotations

from tree_sitter import Node


def names(node: Node) -> list[Node]:
    """The nodes in a node's `name` field. tree-sitter-go also files the commas between
    the names of a const_spec (`A, B = 1, 2`) under that field, so only named nodes count."""
    return [child for child in node.children_by_field_name("name") if child.is_named]


def operands(node: Node) -> list[Node]:
    """The named children of a list node (arguments, an expression list, the sides of an
    assignment), without the comments tree-sitter keeps among them."""
    return [child for child in node.named_children if child.type != "comment"]


def position(nodes: list[Node], node: Node) -> int | None:
    """The index of `node` among `nodes` (by node identity), None if absent."""
    return next((i for i, item in enumerate(nodes) if item.id == node.id), None)


def parameter_names(function: Node) -> list[Node | None]:
    """A function's or method's parameters (receiver not counted) by position: the name of each,
    or None where the parameter is unnamed (`func(int, string)`)."""
    params = function.child_by_field_name("parameters")
    found: list[Node | None] = []
    for declaration in params.named_children if params is not None else ():
        if declaration.type in ("parameter_declaration", "variadic_parameter_declaration"):
            found.extend(names(declaration) or [None])
    return found


def moved_at(declaration: Node, use: Node) -> Node:
    """Where the compiler reports `moved to heap:` for the variable declared at `declaration`
    and used at `use`: its declaration, except for a type switch's `x := v.(type)`, whose
    variable is a new one in each clause, reported at the clause holding the use."""
    parent = declaration.parent
    if parent is not None and parent.type == "expression_list":
        parent = parent.parent
    if parent is None or parent.type != "type_switch_statement":
        return declaration
    for clause in parent.named_children:
        if clause.type in ("type_case", "default_case") and clause.start_byte <= use.start_byte < clause.end_byte:
            return clause
    return declaration
