"""Where the compiler reports escapes inside func literals it inlines at their calls.

A func literal that is only ever called directly — `func() {...}()`, or bound to a local that
is only called (`f := func(v int) {...}; f(1); f(2)`) — is inlined at each call when the
inliner accepts it (Go 1.27 accepts even sizeable closures called once or twice), and its body
is then not compiled on its own: `-m` prints the body's escapes at the position of each call.
When the closure is not inlined, they are printed where they are written. Rules give the calls
as related locations so that a finding points at both.

Generic code has a second place: the package compiles each generic function (and each method
of a generic type) it instantiates once per shape, reporting at the body's lines
(`&FreeListG[go.shape.int]{...} escapes to heap`), and also makes a wrapper per instantiation
(`NewFreeListG[int]`, positioned at the declaration) that inlines the shape-compiled body when
the inliner takes it: `-m` then prints the body's escapes again at the declaration's line.
"""
from __future__ import annotations

from tree_sitter import Node, Query

from goescape.linter.model import FileModel, SymbolKind
from goescape.linter.patterns.inlining import called_in_place, certainly_not_inlined
from goescape.linter.patterns.reachability import generic_top, instantiated
from goescape.linter.syntax.parsing import GO, captured, same_node

_IDENTIFIERS = Query(GO, "(identifier) @id")
_MAX_USES = 16  # a closure called more often than this is rarely inlined at every call
_DEFERRED = frozenset({"go_statement", "defer_statement"})


def inlined_call_sites(fm: FileModel, node: Node) -> tuple[Node, ...]:
    """The calls at which the func literals around `node` may be inlined (innermost first);
    empty when `node` is not in such a literal."""
    sites: list[Node] = []
    parent = node.parent
    while parent is not None:
        if parent.type == "func_literal":
            calls = direct_calls(fm, parent)
            if calls is None:
                break  # compiled on its own: its body reports where it is written
            sites.extend(calls)
        elif parent.type in ("function_declaration", "method_declaration"):
            break
        parent = parent.parent
    return tuple(sites)


def inline_notes(fm: FileModel, node: Node) -> list[tuple[Node, str]]:
    """Related locations for a finding inside a closure the compiler may inline, or inside an
    instantiated generic function whose wrappers may inline it."""
    # The compiler reports an inlined call at its opening parenthesis (`}()`, `f(1)`).
    return [(site.child_by_field_name("arguments") or site,
             "the closure may be inlined at this call, where the compiler then reports it")
            for site in inlined_call_sites(fm, node)] + generic_notes(fm, node)


def generic_notes(fm: FileModel, node: Node) -> list[tuple[Node, str]]:
    """The declaration of the instantiated generic function around `node`, when the inliner may
    take its body into the instantiations' wrappers (see the module doc)."""
    top = generic_top(fm, node)
    if top is None or not instantiated(fm, node):
        return []
    name = top.child_by_field_name("name")
    if name is None or certainly_not_inlined(fm, top):
        return []
    return [(name, "the package instantiates this generic function: the compiler may report the "
                   "escape here too, in an instantiation's wrapper")]


def direct_calls(fm: FileModel, literal: Node, ranges: bool = False) -> list[Node] | None:
    """The calls of a func literal that is only ever called directly; None when it is used in
    any other way (stored, passed, returned, deferred, started as a goroutine). With `ranges`,
    `for x := range f` counts as a call too (f is the iterator; the loop body its yield), and
    its range clause is among the calls."""
    if called_in_place(literal):
        node = literal
        while node.parent is not None and node.parent.type == "parenthesized_expression":
            node = node.parent
        return [node.parent] if node.parent is not None else None
    name = _bound_name(literal)
    if name is None:
        return None
    symbol = fm.resolve(name)
    if symbol is None or symbol.kind is not SymbolKind.LOCAL or symbol.function is None:
        return None
    if len([w for w in fm.writes(symbol) if w.op != "zero"]) != 1:
        return None  # reassigned: calls may reach another function
    body = symbol.function.child_by_field_name("body")
    if body is None:
        return None
    calls: list[Node] = []
    for ident in captured(_IDENTIFIERS, body, "id"):
        if ident.text != name.text or ident.start_byte == name.start_byte or fm.resolve(ident) is not symbol:
            continue
        call = ident.parent
        if ranges and call is not None and call.type == "range_clause" \
                and same_node(call.child_by_field_name("right"), ident):
            calls.append(call)
            continue
        function = call.child_by_field_name("function") if call is not None else None
        if call is None or call.type != "call_expression" or function is None or function.id != ident.id:
            return None  # used as a value
        if call.parent is not None and call.parent.type in _DEFERRED:
            return None
        calls.append(call)
        if len(calls) > _MAX_USES:
            return None
    return calls if calls else None


def _bound_name(literal: Node) -> Node | None:
    """`f` in `f := func...` or `var f = func...` (a single name bound to the literal)."""
    values = literal.parent
    if values is None or values.type != "expression_list" or len(values.named_children) != 1:
        return None
    statement = values.parent
    if statement is None or statement.type not in ("short_var_declaration", "var_spec"):
        return None
    left = statement.child_by_field_name("left") if statement.type == "short_var_declaration" else None
    names = left.named_children if left is not None else [
        c for c in statement.children_by_field_name("name") if c.is_named]
    return names[0] if len(names) == 1 and names[0].type == "identifier" else None
