"""Block scopes of one top-level declaration, built on demand from a single tree-sitter query."""
from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from tree_sitter import Node, Query, QueryCursor

from goescape.linter.model.base import Symbol, SymbolKind, Write
from goescape.linter.syntax.nodes import names
from goescape.linter.syntax.parsing import GO

FUNCTION_NODES = frozenset({"function_declaration", "method_declaration", "func_literal"})

# Every declaring identifier, every func literal, and the identifiers that are written to or
# have their address taken. One query, run by the C library, replaces a Python walk of the body.
_QUERY = Query(GO, """
(short_var_declaration left: (expression_list [(identifier) (iota) (true) (false) (nil)] @short))
(var_spec name: (identifier) @var)
(const_spec name: (identifier) @const)
(range_clause left: (expression_list (identifier) @range))
(type_switch_statement alias: (expression_list (identifier) @switch))
(receive_statement left: (expression_list (identifier) @recv))
(parameter_declaration name: (identifier) @param)
(variadic_parameter_declaration name: (identifier) @param)
(type_spec name: (type_identifier) @type)
(type_alias name: (type_identifier) @type)
(type_parameter_declaration name: (identifier) @tparam)
(method_declaration receiver: (parameter_list (parameter_declaration type: [
  (generic_type type_arguments: (type_arguments (type_elem (type_identifier) @rtparam)))
  (pointer_type (generic_type type_arguments: (type_arguments (type_elem (type_identifier) @rtparam))))])))
(func_literal) @func
(assignment_statement left: (expression_list [(identifier) (iota)] @assign))
(inc_statement (identifier) @incdec)
(dec_statement (identifier) @incdec)
(unary_expression operator: "&" operand: (identifier) @addr)
(keyed_element . (literal_element (identifier) @key))
""")
_DECLARING = ("short", "var", "const", "range", "switch", "recv", "param", "type", "tparam", "rtparam")
_PARAM_KINDS = {"receiver": SymbolKind.RECEIVER, "parameters": SymbolKind.PARAM,
                "result": SymbolKind.RESULT}




@dataclass(frozen=True, slots=True)
class _Binding:
    start: int  # the scope starts here (after the declaring statement, for variables)
    end: int
    block: int  # the start byte of the block the name is declared in
    symbol: Symbol


class Scopes:
    """Name resolution inside one top-level declaration, with Go's block structure: nested
    blocks, if/for/switch headers, case clauses, closures, and `:=` redeclaration."""

    def __init__(self, top: Node, make: Callable[..., Symbol], data: bytes) -> None:
        self.top = top
        self._make = make
        self._names: dict[str, list[_Binding]] = {}
        self.at_site: dict[int, Symbol] = {}  # start byte of a declaring identifier -> its symbol
        self.functions: list[Node] = [top] if top.type in FUNCTION_NODES else []
        self.writes: dict[Symbol, list[Write]] = {}
        self.addressed: set[Symbol] = set()
        # Captures grouped by name and processed only when that name is looked up: shadowing
        # and `:=` redeclaration depend only on earlier declarations of the same name.
        self._raw: dict[str, list[tuple[int, str, Node]]] = {}
        self._flow_raw: dict[str, list[tuple[str, Node]]] = {}
        self._sorted: dict[str, tuple[list[int], list[_Binding]]] = {}
        self.literal_keys: set[int] = set()  # start bytes of `k` in `{k: v}`: a field or a value
        self.inert: set[int] = set()  # parameter names of func types and body-less functions
        for capture, nodes in QueryCursor(_QUERY).captures(top).items():
            if capture == "func":
                self.functions.extend(nodes)
                continue
            if capture == "key":
                self.literal_keys.update(node.start_byte for node in nodes)
                continue
            for node in nodes:
                name = data[node.start_byte:node.end_byte].decode("utf-8", errors="replace")
                self._raw.setdefault(name, []).append((node.start_byte, capture, node))
        self.functions.sort(key=lambda fn: fn.start_byte)

    def _ensure(self, name: str) -> None:
        raw = self._raw.pop(name, None)
        if raw is None:
            return
        self._sorted.pop(name, None)
        raw.sort(key=lambda item: item[0])
        for _, capture, node in raw:
            if capture in _DECLARING:
                getattr(self, f"_declare_{capture}")(node)
            else:
                self._flow_raw.setdefault(name, []).append((capture, node))

    # -- lookups ---------------------------------------------------------------------------

    def lookup(self, name: str, offset: int) -> Symbol | None:
        """The innermost declaration of `name` whose scope contains byte `offset`."""
        if name in self._raw:
            self._ensure(name)
        index = self._sorted.get(name)
        if index is None:
            bindings = sorted(self._names.get(name, ()), key=lambda b: (b.start, -b.end))
            index = self._sorted[name] = ([b.start for b in bindings], bindings)
        starts, bindings = index
        # Scopes nest, so the innermost one containing offset is the latest-starting one.
        for i in range(bisect.bisect_right(starts, offset) - 1, -1, -1):
            if offset < bindings[i].end:
                return bindings[i].symbol
        return None

    def _lookup_while_declaring(self, name: str, offset: int) -> Symbol | None:
        best: _Binding | None = None
        for b in self._names.get(name, ()):
            if b.start <= offset < b.end and (
                    best is None or b.start > best.start or (b.start == best.start and b.end < best.end)):
                best = b
        return None if best is None else best.symbol

    def declared_at(self, name: str, offset: int) -> Symbol | None:
        """The symbol an identifier at `offset` declares (or redeclares with `:=`), if any."""
        if name in self._raw:
            self._ensure(name)
        return self.at_site.get(offset)

    def function_at(self, offset: int) -> Node | None:
        """The innermost function or func literal containing `offset`."""
        found = None
        for fn in self.functions:
            if fn.start_byte > offset:
                break
            if offset < fn.end_byte:
                found = fn  # later entries start later, so they are nested deeper
        return found

    def symbols(self) -> list[Symbol]:
        for name in list(self._raw):
            self._ensure(name)
        return [b.symbol for bindings in self._names.values() for b in bindings]

    def flow_of(self, symbol: Symbol) -> list[Write]:
        """Assignments to a local (initializer included) in source order, gathered on first
        request."""
        self._ensure_flow(symbol.name)
        found = self.writes.get(symbol, [])
        found.sort(key=lambda write: write.statement.start_byte)  # declarations come first
        return found

    def is_addressed(self, symbol: Symbol) -> bool:
        self._ensure_flow(symbol.name)
        return symbol in self.addressed

    def _ensure_flow(self, name: str) -> None:
        self._ensure(name)
        for capture, node in self._flow_raw.pop(name, ()):
            getattr(self, f"_flow_{capture}")(node)

    # -- declarations ----------------------------------------------------------------------

    def _bind(self, ident: Node, kind: SymbolKind, decl: Node, index: int, start: int, end: int,
              block: int, function: Node | None = None) -> Symbol | None:
        name = _text(ident)
        if name == "_":
            return None
        fn = function if function is not None else self.function_at(ident.start_byte)
        symbol = self._make(name, kind, ident, decl, fn, index)
        self._names.setdefault(name, []).append(_Binding(start, end, block, symbol))
        self.at_site[ident.start_byte] = symbol
        return symbol

    def _declare_param(self, ident: Node) -> None:
        decl = _up(ident)
        plist = _up(decl)
        fn = _up(plist)
        if fn.type not in FUNCTION_NODES:
            self.inert.add(ident.start_byte)  # a name in a func type or interface method
            return
        body = fn.child_by_field_name("body")
        if body is None:
            self.inert.add(ident.start_byte)
            return
        kind = SymbolKind.PARAM
        for field, field_kind in _PARAM_KINDS.items():
            other = fn.child_by_field_name(field)
            if other is not None and other.start_byte == plist.start_byte:
                kind = field_kind
        index = _name_index(decl, ident)
        self._bind(ident, kind, decl, index, body.start_byte, body.end_byte, body.start_byte, fn)

    def _declare_tparam(self, ident: Node) -> None:
        holder = _up(ident, 3)
        if holder.type not in FUNCTION_NODES | {"type_spec"}:
            return
        if holder.type == "type_spec" and _is_package_level(holder):
            return  # a generic type's own parameters are handled with the type
        self._bind(ident, SymbolKind.TYPE, _up(ident), 0, holder.start_byte, holder.end_byte,
                   holder.start_byte)

    def _declare_rtparam(self, ident: Node) -> None:
        # `func (l *List[T]) M()`: T names the receiver type's parameter at the same position.
        args = _up(ident, 2)
        generic = _up(args)
        method = self.top
        index = [c.start_byte for c in args.named_children].index(_up(ident).start_byte)
        self._bind(ident, SymbolKind.TYPE, generic, index, method.start_byte, method.end_byte,
                   method.start_byte, method)

    def _declare_var(self, ident: Node) -> None:
        self._declare_spec(ident, SymbolKind.LOCAL)

    def _declare_const(self, ident: Node) -> None:
        self._declare_spec(ident, SymbolKind.CONST)

    def _declare_spec(self, ident: Node, kind: SymbolKind) -> None:
        spec = _up(ident)
        statement = _up(spec)
        while statement.type.endswith("_spec_list"):
            statement = _up(statement)
        if _is_package_level(statement):
            return
        container = _container(statement)
        symbol = self._bind(ident, kind, spec, _name_index(spec, ident), spec.end_byte,
                            container.end_byte, container.start_byte)
        if symbol is not None and kind is SymbolKind.LOCAL:
            has_value = spec.child_by_field_name("value") is not None
            self._write(symbol, spec, spec.child_by_field_name("value"), symbol.index,
                        "var" if has_value else "zero")

    def _declare_type(self, ident: Node) -> None:
        spec = _up(ident)
        statement = _up(spec)
        if _is_package_level(statement):
            return
        container = _container(statement)
        self._bind(ident, SymbolKind.TYPE, spec, 0, spec.start_byte, container.end_byte,
                   container.start_byte)

    def _declare_short(self, ident: Node) -> None:
        statement = _up(ident, 2)
        container = _container(statement)
        index = _list_index(ident)
        existing = self._lookup_while_declaring(_text(ident), statement.start_byte)
        if existing is not None and self._block_of(existing) == container.start_byte:
            # `a, err := f()` with err already declared in this block: an assignment to it.
            self.at_site[ident.start_byte] = existing
            self._write(existing, statement, statement.child_by_field_name("right"), index, ":=")
            return
        symbol = self._bind(ident, SymbolKind.LOCAL, statement, index, statement.end_byte,
                            container.end_byte, container.start_byte)
        if symbol is not None:
            self._write(symbol, statement, statement.child_by_field_name("right"), index, ":=")

    def _declare_range(self, ident: Node) -> None:
        clause = _up(ident, 2)
        loop = _up(clause)
        if not _has_token(clause, ":="):
            self._flow_raw.setdefault(_text(ident), []).append(("range", ident))
            return
        symbol = self._bind(ident, SymbolKind.LOCAL, clause, _list_index(ident), clause.end_byte,
                            loop.end_byte, loop.start_byte)
        if symbol is not None:
            self._write(symbol, clause, None, symbol.index, "range")

    def _declare_recv(self, ident: Node) -> None:
        statement = _up(ident, 2)
        case = _up(statement)
        if not _has_token(statement, ":="):
            self._flow_raw.setdefault(_text(ident), []).append(("recv", ident))
            return
        symbol = self._bind(ident, SymbolKind.LOCAL, statement, _list_index(ident),
                            statement.end_byte, case.end_byte, case.start_byte)
        if symbol is not None:
            self._write(symbol, statement, None, symbol.index, "recv")

    def _declare_switch(self, ident: Node) -> None:
        switch = _up(ident, 2)
        # The header's name gets a symbol of its own (typed as the switched value); each clause
        # declares a fresh variable typed by the clause's single type, if it has one.
        self._bind(ident, SymbolKind.LOCAL, switch, 0, ident.start_byte, ident.start_byte,
                   switch.start_byte)
        for index, case in enumerate(c for c in switch.named_children
                                     if c.type in ("type_case", "default_case")):
            name = _text(ident)
            symbol = self._make(name, SymbolKind.LOCAL, ident, case, self.function_at(case.start_byte),
                                index)
            self._names.setdefault(name, []).append(
                _Binding(case.start_byte, case.end_byte, case.start_byte, symbol))

    def _block_of(self, symbol: Symbol) -> int | None:
        for b in self._names.get(symbol.name, ()):
            if b.symbol is symbol:
                return b.block
        return None

    # -- flow ------------------------------------------------------------------------------

    def _write(self, symbol: Symbol, statement: Node, rhs_list: Node | None, index: int,
               op: str) -> None:
        rhs, tuple_index = _pick(rhs_list, statement, index)
        self._record(Write(symbol, statement, rhs, tuple_index, op))

    def _resolve_local(self, ident: Node) -> Symbol | None:
        found = self.lookup(_text(ident), ident.start_byte)
        return found if found is not None and found.function is not None else None

    def _flow_assign(self, ident: Node) -> None:
        statement = _up(ident, 2)
        symbol = self._resolve_local(ident)
        if symbol is None:
            return
        op = _operator(statement)
        if op == "=":
            rhs = statement.child_by_field_name("right")
            self._write(symbol, statement, rhs, _list_index(ident), op)
        else:
            self._record(Write(symbol, statement, None, None, op))

    def _flow_incdec(self, ident: Node) -> None:
        symbol = self._resolve_local(ident)
        if symbol is not None:
            self._record(Write(symbol, _up(ident), None, None, "++"))

    def _flow_addr(self, ident: Node) -> None:
        symbol = self._resolve_local(ident)
        if symbol is not None:
            self.addressed.add(symbol)

    def _flow_range(self, ident: Node) -> None:
        symbol = self._resolve_local(ident)
        if symbol is not None:
            self._record(Write(symbol, _up(ident, 2), None, _list_index(ident), "range"))

    def _flow_recv(self, ident: Node) -> None:
        symbol = self._resolve_local(ident)
        if symbol is not None:
            self._record(Write(symbol, _up(ident, 2), None, _list_index(ident), "recv"))

    def _record(self, write: Write) -> None:
        self.writes.setdefault(write.symbol, []).append(write)


def _up(node: Node, levels: int = 1) -> Node:
    """The ancestor `levels` up; the query patterns guarantee it exists."""
    for _ in range(levels):
        parent = node.parent
        if parent is None:
            break
        node = parent
    return node


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", errors="replace")


def _is_package_level(statement: Node) -> bool:
    parent = statement.parent
    return parent is None or parent.type == "source_file"


def _container(statement: Node) -> Node:
    """The block a statement's declarations belong to: a block, a case clause, or the implicit
    block of an if/for/switch header."""
    parent = statement.parent
    while parent is not None and parent.type == "labeled_statement":
        parent = parent.parent
    if parent is None:
        return statement
    if parent.type in ("statement_list", "for_clause"):
        return parent.parent or parent
    return parent


def _name_index(decl: Node, ident: Node) -> int:
    for index, child in enumerate(names(decl)):
        if child.start_byte == ident.start_byte:
            return index
    return 0


def _list_index(ident: Node) -> int:
    index = 0
    sibling = ident.prev_named_sibling
    while sibling is not None:
        if sibling.type != "comment":
            index += 1
        sibling = sibling.prev_named_sibling
    return index


def _has_token(node: Node, token: str) -> bool:
    return any(child.type == token for child in node.children if not child.is_named)


def _operator(statement: Node) -> str:
    for child in statement.children:
        if not child.is_named:
            return child.type
    return "="


def _pick(rhs_list: Node | None, statement: Node, index: int) -> tuple[Node | None, int | None]:
    """The expression assigned to the `index`-th name: one-to-one, or one multi-value rhs."""
    if rhs_list is None:
        return None, None
    values = rhs_list.named_children if rhs_list.type == "expression_list" else [rhs_list]
    left = statement.child_by_field_name("left") or statement.child_by_field_name("name")
    count = len(left.named_children) if left is not None and left.type == "expression_list" else None
    if statement.type == "var_spec":
        count = len(names(statement))
    if count is not None and len(values) == count and index < len(values):
        return values[index], None
    if len(values) == 1:
        return values[0], index
    return None, None
