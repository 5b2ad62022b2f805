"""Small tree-sitter-go helpers shared by the model's modules."""
from __future__ import annotations

from tree_sitter import Node


def names(node: Node) -> list[Node]:
    """The nodes in a node's `name` field. tree-sitter-go also files the commas between
    the names of a const_spec (`A, B = 1, 2`) under that field, so only named nodes count."""
    return [child for child in node.children_by_field_name("name") if child.is_named]
