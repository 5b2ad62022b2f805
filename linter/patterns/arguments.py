"""The local storage a call's arguments hand to a callee the compiler cannot see into.

Everything an argument refers to escapes (`storage.heap_origins`), and so do the variables a
func literal passed in captures by reference. Measured with Go 1.27's `-m`: a variable captured
by a func literal that escapes is moved to the heap (`moved to heap: total`) when its address
is taken or it is assigned after the literal is created (inside the literal, later in the
function, or anywhere in a loop around the literal), or when it is larger than 128 bytes
(`escape.go flowClosure`); otherwise the closure holds a copy and nothing moves.

Storage inside a func literal the compiler may inline at its calls is reported there: such
findings carry the calls as related locations (`closures.inline_notes`).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tree_sitter import Node

from goescape.linter.model.base import Symbol
from goescape.linter.patterns.closures import inline_notes
from goescape.linter.patterns.sizes import size_of
from goescape.linter.patterns.storage import Origin, OriginKind, heap_origins

if TYPE_CHECKING:
    from goescape.linter.model.file import FileModel

_LOOPS = frozenset({"for_statement"})
_MAX_BY_VALUE = 128  # bytes: a larger captured variable is captured by reference
_FUNCTIONS = frozenset({"function_declaration", "method_declaration", "func_literal"})


@dataclass(frozen=True, slots=True)
class Passed:
    """Something an argument makes escape: an origin of its value, or a variable captured by
    reference by a func literal among them (`captured_by`)."""

    origin: Origin
    notes: tuple[tuple[Node, str], ...] = ()  # calls where the compiler may report it instead
    captured: Symbol | None = None  # a variable the func literal `origin` captures by reference

    @property
    def finding_node(self) -> Node:
        return self.origin.finding_node

    def message(self, where: str) -> str:
        if self.captured is None:
            return self.origin.message(where)
        return (f"{self.captured.name} escapes: it is captured by reference by a func literal "
                f"{where}, so it is moved to the heap")

    def related(self) -> list[tuple[Node, str]]:
        if self.captured is None:
            return [*self.origin.related(), *self.notes]
        found: list[tuple[Node, str]] = []
        if self.captured.node is not None:
            found.append((self.captured.node, f"{self.captured.name} is declared here; the compiler "
                                              "moves it to the heap"))
        return [*found, *self.notes]


def argument_origins(fm: FileModel, call: Node) -> Iterator[Passed]:
    """Each allocation or frame variable the arguments of `call` make escape, once per place
    it is passed."""
    args = call.child_by_field_name("arguments")
    if args is None:
        return
    seen: set[tuple[int, int]] = set()
    for value in args.named_children:
        if value.type == "comment":
            continue
        if value.type == "variadic_argument" and value.named_children:
            value = value.named_children[0]  # `f(xs...)`: the slice itself is passed
        for origin in heap_origins(fm, value):
            site = reported_at(origin)
            key = (site.start_byte, origin.finding_node.start_byte)
            if key not in seen:
                seen.add(key)
                yield Passed(origin, tuple(inline_notes(fm, site)))
            if origin.kind is not OriginKind.FUNC_LITERAL:
                continue
            for symbol in captured_by_reference(fm, origin.node):
                if symbol.node is None:
                    continue
                key = (symbol.node.start_byte, origin.finding_node.start_byte)
                if key not in seen:
                    seen.add(key)
                    yield Passed(origin, tuple(inline_notes(fm, symbol.node)), symbol)


def reported_at(origin: Origin) -> Node:
    """Where `-m` prints the escape: the moved variable's declaration, or the value itself."""
    if origin.is_variable and origin.symbol is not None and origin.symbol.node is not None:
        return origin.symbol.node
    return origin.node


def captured_by_reference(fm: FileModel, literal: Node) -> list[Symbol]:
    """The variables of enclosing functions that `literal` captures by reference (see the
    module doc); variables it may capture by value are left out."""
    found: list[Symbol] = []
    for symbol in fm.captures(literal):
        if symbol.node is None:
            continue
        if fm.is_address_taken(symbol) or any(
                _reassigns(write.statement, symbol.node, literal) for write in fm.writes(symbol)
                if write.op != "zero") or (size_of(symbol.type) or 0) > _MAX_BY_VALUE:
            found.append(symbol)
    return found


def _reassigns(statement: Node, declaration: Node, literal: Node) -> bool:
    """A write other than the declaration, at or after the literal, or in a loop around both
    the literal and the write but not the declaration."""
    if statement.start_byte <= declaration.start_byte < statement.end_byte:
        return False  # the declaring statement itself (`x := ...`, `var x = ...`, `range`)
    if statement.start_byte >= literal.start_byte:
        return True
    loop = literal.parent
    while loop is not None and loop.type not in _FUNCTIONS:
        if loop.type in _LOOPS and loop.start_byte <= statement.start_byte < loop.end_byte:
            return not loop.start_byte <= declaration.start_byte < loop.end_byte
        loop = loop.parent
    return False
