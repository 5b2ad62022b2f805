"""Function-local name resolution: which declaration an identifier inside a function refers to."""
from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field

from tree_sitter import Node

FUNCTION_TYPES = frozenset({"function_declaration", "method_declaration", "func_literal"})
# Nodes that open a scope for the declarations directly inside them (Go spec, "Declarations and scope").
SCOPE_TYPES = FUNCTION_TYPES | {
    "block",
    "if_statement",
    "for_statement",
    "expression_switch_statement",
    "type_switch_statement",
    "select_statement",
    "expression_case",
    "type_case",
    "default_case",
    "communication_case",
}


class VarKind(enum.Enum):
    LOCAL = "local"
    PARAM = "param"
    RESULT = "result"
    RECEIVER = "receiver"


@dataclass(eq=False)
class Variable:
    """A function-local variable: where it is declared, its declared type and every value assigned."""

    name: str
    kind: VarKind
    ident: Node
    scope: Node
    owner: Node  # the innermost function (declaration or literal) that declares it
    visible_from: int  # byte offset where its scope begins (after the declaring statement)
    type_node: Node | None = None
    values: list[Node] = field(default_factory=list)
    range_element: bool = False  # declared by a range clause: its value is an element, not the operand

    @property
    def key(self) -> tuple[int, int]:
        return (self.ident.start_byte, self.ident.end_byte)


def node_key(node: Node) -> tuple[int, int, str]:
    return (node.start_byte, node.end_byte, node.type)


def enclosing(node: Node, types: frozenset[str] | set[str]) -> Node | None:
    """The nearest proper ancestor of `node` whose type is in `types`."""
    parent = node.parent
    while parent is not None and parent.type not in types:
        parent = parent.parent
    return parent


def outermost_function(node: Node) -> Node | None:
    """The top-level function or method declaration containing `node`."""
    found = None
    current = node.parent
    while current is not None:
        if current.type in ("function_declaration", "method_declaration"):
            found = current
        current = current.parent
    return found


class FunctionScopes:
    """Every local declaration of one top-level function (closures included), indexed by name."""

    def __init__(self, function: Node) -> None:
        self.function = function
        self.by_name: dict[str, list[Variable]] = {}
        self._collect(function)

    def resolve(self, ident: Node) -> Variable | None:
        """The variable `ident` refers to, or None for package-level, imported or universe names."""
        name = (ident.text or b"").decode("utf-8", "replace")
        best: Variable | None = None
        for var in self.by_name.get(name, ()):
            if var.ident.start_byte == ident.start_byte:
                return var  # the declaring identifier itself
            if var.visible_from > ident.start_byte:
                continue
            if not (var.scope.start_byte <= ident.start_byte < var.scope.end_byte):
                continue
            if best is None or var.scope.start_byte >= best.scope.start_byte:
                best = var  # inner scopes (and later declarations in them) shadow outer ones
        return best

    def variables(self) -> Iterator[Variable]:
        for group in self.by_name.values():
            yield from group

    # -- collection ------------------------------------------------------------------------------

    def _collect(self, function: Node) -> None:
        stack = [function]
        while stack:
            node = stack.pop()
            handler = _HANDLERS.get(node.type)
            if handler is not None:
                handler(self, node)
            stack.extend(reversed(node.named_children))

    def _declare(self, ident: Node, kind: VarKind, scope: Node, visible_from: int,
                 type_node: Node | None = None, value: Node | None = None) -> Variable | None:
        name = (ident.text or b"").decode("utf-8", "replace")
        if name == "_" or ident.type != "identifier":
            return None
        owner = scope if scope.type in FUNCTION_TYPES else enclosing(scope, FUNCTION_TYPES) or scope
        var = Variable(name, kind, ident, scope, owner, visible_from, type_node)
        if value is not None:
            var.values.append(value)
        self.by_name.setdefault(name, []).append(var)
        return var

    def _signature(self, node: Node) -> None:
        for field_name, kind in (("receiver", VarKind.RECEIVER), ("parameters", VarKind.PARAM),
                                 ("result", VarKind.RESULT)):
            params = node.child_by_field_name(field_name)
            if params is None or params.type != "parameter_list":
                continue
            for decl in params.named_children:
                type_node = decl.child_by_field_name("type")
                for ident in decl.children_by_field_name("name"):
                    self._declare(ident, kind, node, node.start_byte, type_node)

    def _short_var(self, node: Node) -> None:
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        if left is None:
            return
        scope = _scope_of(node)
        values = _pair_values(left, right)
        for ident, value in zip(left.named_children, values):
            existing = self._in_same_scope(ident, scope)
            if existing is not None:
                if value is not None:
                    existing.values.append(value)  # `:=` redeclaration assigns the existing variable
                continue
            self._declare(ident, VarKind.LOCAL, scope, node.end_byte, None, value)

    def _var_spec(self, node: Node) -> None:
        if enclosing(node, FUNCTION_TYPES) is None:
            return  # package-level: not a local
        scope = _scope_of(node)
        type_node = node.child_by_field_name("type")
        value_list = node.child_by_field_name("value")
        names = node.children_by_field_name("name")
        values = _pair_values_list(len(names), value_list)
        for ident, value in zip(names, values):
            self._declare(ident, VarKind.LOCAL, scope, node.end_byte, type_node, value)

    def _range(self, node: Node) -> None:
        left = node.child_by_field_name("left")
        if left is None or not any(c.type == ":=" for c in node.children):
            return
        scope = node.parent if node.parent is not None else node
        for ident in left.named_children:
            var = self._declare(ident, VarKind.LOCAL, scope, node.end_byte)
            if var is not None:
                var.range_element = True

    def _type_switch(self, node: Node) -> None:
        alias = node.child_by_field_name("alias")
        if alias is None:
            return
        for ident in alias.named_children:
            self._declare(ident, VarKind.LOCAL, node, alias.end_byte)

    def _receive(self, node: Node) -> None:
        left = node.child_by_field_name("left")
        if left is None or not any(c.type == ":=" for c in node.children):
            return
        scope = node.parent if node.parent is not None else node
        for ident in left.named_children:
            self._declare(ident, VarKind.LOCAL, scope, node.end_byte)

    def _assignment(self, node: Node) -> None:
        """Plain `=` assignments add to the values of the local they assign."""
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        operator = node.child_by_field_name("operator")
        if left is None or (operator is not None and operator.type != "="):
            return
        for target, value in zip(left.named_children, _pair_values(left, right)):
            if target.type != "identifier" or value is None:
                continue
            var = self.resolve(target)
            if var is not None:
                var.values.append(value)

    def _in_same_scope(self, ident: Node, scope: Node) -> Variable | None:
        name = (ident.text or b"").decode("utf-8", "replace")
        for var in self.by_name.get(name, ()):
            if var.scope.start_byte == scope.start_byte and var.scope.type == scope.type:
                return var
        return None


def _scope_of(node: Node) -> Node:
    scope = enclosing(node, SCOPE_TYPES)
    return scope if scope is not None else node


def _pair_values(left: Node, right: Node | None) -> list[Node | None]:
    return _pair_values_list(len(left.named_children), right)


def _pair_values_list(count: int, right: Node | None) -> list[Node | None]:
    """Values matched to targets one to one; a multi-value call on the right matches none of them."""
    values = list(right.named_children) if right is not None else []
    if right is not None and right.type != "expression_list":
        values = [right]
    if len(values) == count:
        return list(values)
    return [None] * count


_HANDLERS = {
    "function_declaration": FunctionScopes._signature,
    "method_declaration": FunctionScopes._signature,
    "func_literal": FunctionScopes._signature,
    "short_var_declaration": FunctionScopes._short_var,
    "var_spec": FunctionScopes._var_spec,
    "range_clause": FunctionScopes._range,
    "type_switch_statement": FunctionScopes._type_switch,
    "receive_statement": FunctionScopes._receive,
    "assignment_statement": FunctionScopes._assignment,
}
