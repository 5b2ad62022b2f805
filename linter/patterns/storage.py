"""Local storage stored where the compiler cannot bound it: heap-bound origins and destinations.

Two questions shared by the pointer-in-container (ESC103), channel-payload (ESC105) and
indirect-assignment (ESC107) rules, answered from Go 1.27's escape analysis (cmd/compile's
`escape` package):

- `heap_origins(fm, value)`: which allocations or stack variables the value of an expression
  refers to, that the compiler would have to put on the heap if the value were stored somewhere
  it cannot bound: `&x` of a frame variable (or of a field/element of a local struct or array
  value), `&T{...}`, `new(T)`, slice and map literals, `make([]T, n)` and `make(map[K]V)` (never
  `make(chan T)`: channels are always heap-allocated, so the compiler prints nothing), `append`,
  func literals, method values, string concatenations and string/byte-slice conversions, the
  slicing of a local array, and locals (or parameters) assigned any of these.
- `destination(fm, lvalue)`: where an assignment stores its value. The compiler treats a store
  into a map, into any slice element (even of a local slice), through any pointer (even one
  pointing at a local) and into a package-level variable as a store to the heap; a store into a
  local variable, or into a field or element of a local struct or array value, stays local.

Both answer "don't know" (no origin, None) whenever the syntax and the model do not settle it.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from tree_sitter import Node, Query

from goescape.linter.findings import Finding
from goescape.linter.model import (
    CalleeKind,
    FileModel,
    SelectionKind,
    Storage,
    StorageKind,
    Symbol,
    SymbolKind,
)
from goescape.linter.model.types import Array, Basic, Interface, Map, Pointer, Slice, Struct, Type, core
from goescape.linter.patterns.boxing import compiler_anchor
from goescape.linter.patterns.closures import inline_notes
from goescape.linter.patterns.reachability import is_dead, reported_where_written
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import RuleMeta
from goescape.linter.syntax.nodes import moved_at
from goescape.linter.syntax.parsing import GO, captured

_MAX_DEPTH = 8  # how many locals a value may pass through before we stop following it
_FOLLOWED = (SymbolKind.LOCAL, SymbolKind.PARAM, SymbolKind.RESULT, SymbolKind.RECEIVER)
_ASSIGNING = ("=", ":=", "var")
_PART_STORES = Query(GO, """
(assignment_statement left: (expression_list [(selector_expression) (index_expression)] @lhs))
""")


class OriginKind(Enum):
    VARIABLE = "variable"  # &x, &x.f, &x[i], x[:] of a local: `moved to heap: x`
    ADDRESS_LITERAL = "&T{...}"  # &T{...}, and elided {...} elements of []*T / map[K]*T literals
    NEW = "new(T)"
    SLICE_LITERAL = "slice literal"
    MAP_LITERAL = "map literal"
    MAKE = "make"  # make([]T, ...), make(map[K]V): never make(chan T)
    APPEND = "append"
    FUNC_LITERAL = "func literal"
    METHOD_VALUE = "method value"
    CONCAT = "concatenation"
    CONVERSION = "conversion"  # string(b), []byte(s), []rune(s), string(r)


@dataclass(frozen=True, slots=True)
class Origin:
    """One allocation (or stack variable) a stored value refers to."""

    kind: OriginKind
    node: Node  # where the compiler reports it: the `&x`, the literal, the call (x's use for VARIABLE)
    symbol: Symbol | None = None  # the variable moved to the heap (VARIABLE only)
    via: Node | None = None  # the identifier in the stored expression that holds it, if any

    @property
    def subject(self) -> str:
        """What the compiler names: `x`, `&T{...}`, `[]int{...}`, `make([]int, 2)`, ..."""
        if self.kind is OriginKind.VARIABLE and self.symbol is not None:
            return self.symbol.name
        if self.kind is OriginKind.FUNC_LITERAL:
            return "func literal"
        if self.kind is OriginKind.APPEND:
            return "append"
        if self.kind is OriginKind.ADDRESS_LITERAL and self.node.type == "literal_value":
            return "&{...}"  # an elided &T{...} in a []*T or map[K]*T literal
        return shorten(_code(self.node))

    @property
    def is_variable(self) -> bool:
        return self.kind is OriginKind.VARIABLE

    @property
    def finding_node(self) -> Node:
        """Where a finding sits: the expression in the stored value (the local holding it, if any)."""
        return self.via if self.via is not None else compiler_anchor(self.node)

    @property
    def reported_at(self) -> Node:
        """Where `-m` prints the escape: the moved variable's declaration, or the value itself
        (a literal at its `{`, a call at its `(`, a concatenation at its last `+`)."""
        if self.is_variable and self.symbol is not None and self.symbol.node is not None:
            return self.symbol.node
        if self.kind is OriginKind.CONCAT:
            return self.node.child_by_field_name("operator") or self.node
        return compiler_anchor(self.node)

    def message(self, where: str) -> str:
        """`num escapes: its address is stored in a map, so it is moved to the heap`."""
        held = f" (held in {_text(self.via)})" if self.via is not None else ""
        if self.is_variable:
            return f"{self.subject} escapes: its address{held} is {where}, so it is moved to the heap"
        return f"{self.subject} escapes: it{held} is {where}, so it is allocated on the heap"

    def related(self) -> list[tuple[Node, str]]:
        """The declaration of a moved variable; where a value held in a local was created."""
        found: list[tuple[Node, str]] = []
        if self.is_variable and self.symbol is not None and self.symbol.node is not None:
            found.append((moved_at(self.symbol.node, self.node),
                          f"{self.symbol.name} is declared here; the compiler moves it to the heap"))
            if self.via is not None:
                found.append((self.node, f"its address is taken here and stored in {_text(self.via)}"))
        elif self.via is not None:
            found.append((self.reported_at,
                          f"{self.subject} is created here; the compiler allocates it on the heap"))
        elif self.reported_at.start_point[0] != self.node.start_point[0]:
            found.append((self.reported_at, "the compiler reports the allocation here"))
        return found


def shorten(text: str) -> str:
    """`T{...}` as the compiler prints composite literals; whitespace runs collapsed."""
    brace = text.find("{")
    if brace > 0 and text.rstrip().endswith("}"):
        text = text[:brace] + "{...}"
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _code(node: Node) -> str:
    """A node's source text without the comments inside it (a literal spanning lines)."""
    raw = node.text or b""
    if b"//" not in raw and b"/*" not in raw:
        return raw.decode("utf-8", errors="replace")
    comments: list[Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "comment":
            comments.append(current)
        else:
            stack.extend(current.children)
    for comment in sorted(comments, key=lambda c: c.start_byte, reverse=True):
        start, end = comment.start_byte - node.start_byte, comment.end_byte - node.start_byte
        raw = raw[:start] + b" " + raw[end:]
    return raw.decode("utf-8", errors="replace")


def _text(node: Node | None) -> str:
    return (node.text or b"").decode("utf-8", errors="replace") if node is not None else ""


def _strip(node: Node) -> Node:
    while node.type == "parenthesized_expression" and len(node.named_children) == 1:
        node = node.named_children[0]
    return node


# -- origins ---------------------------------------------------------------------------------------


# Expressions whose value may refer to local storage; anything else (literals of basic types,
# `nil`, arithmetic, comparisons, receives, dereferences, index reads) never does.
_REFERRING = frozenset({
    "identifier", "composite_literal", "literal_value", "call_expression",
    "type_conversion_expression", "func_literal", "slice_expression", "selector_expression",
})


def may_refer(expr: Node) -> bool:
    """A cheap syntactic test, before asking the model: can `expr` have heap origins at all?"""
    expr = _strip(expr)
    kind = expr.type
    if kind in _REFERRING:
        return True
    if kind == "unary_expression":
        operator = expr.child_by_field_name("operator")
        return operator is not None and operator.type == "&"
    if kind == "binary_expression":
        operator = expr.child_by_field_name("operator")
        return operator is not None and operator.type == "+"
    return False


def heap_origins(fm: FileModel, expr: Node) -> tuple[Origin, ...]:
    """The local storage and allocations the value of `expr` refers to (see the module doc)."""
    if not may_refer(expr):
        return ()
    found: dict[tuple[str, int, int, int], Origin] = {}
    _origins(fm, expr, None, 0, set(), found)
    return tuple(found.values())


def _add(found: dict[tuple[str, int, int, int], Origin], origin: Origin) -> None:
    via = origin.via.start_byte if origin.via is not None else -1
    found.setdefault((origin.kind.value, origin.node.start_byte, origin.node.end_byte, via), origin)


def _origins(fm: FileModel, expr: Node, via: Node | None, depth: int, visited: set[Symbol],
             found: dict[tuple[str, int, int, int], Origin]) -> None:
    expr = _strip(expr)
    kind = expr.type
    if kind == "unary_expression":
        _address_origins(fm, expr, via, depth, visited, found)
    elif kind == "identifier":
        _variable_origins(fm, expr, via, depth, visited, found)
    elif kind in ("composite_literal", "literal_value"):  # literal_value: elided in a literal
        _literal_origins(fm, expr, fm.type_of(expr), via, depth, visited, found)
    elif kind == "call_expression":
        _call_origins(fm, expr, via, depth, visited, found)
    elif kind == "type_conversion_expression":
        _conversion_origins(fm, expr, expr.child_by_field_name("operand"), via, depth, visited, found)
    elif kind == "func_literal":
        _add(found, Origin(OriginKind.FUNC_LITERAL, expr, via=via))
    elif kind == "slice_expression":
        _slice_origins(fm, expr, via, depth, visited, found)
    elif kind == "selector_expression":
        if _is_method_value(fm, expr):
            _add(found, Origin(OriginKind.METHOD_VALUE, expr, via=via))
    elif kind == "binary_expression":  # noqa: SIM102 (a dispatch on the node's kind)
        if _is_concatenation(fm, expr):
            _add(found, Origin(OriginKind.CONCAT, expr, via=via))


def _address_origins(fm: FileModel, expr: Node, via: Node | None, depth: int, visited: set[Symbol],
                     found: dict[tuple[str, int, int, int], Origin]) -> None:
    operator = expr.child_by_field_name("operator")
    if operator is None or operator.type != "&":
        return  # *p, -x, <-ch: a copy or something we cannot follow
    operand = expr.child_by_field_name("operand")
    if operand is None:
        return
    operand = _strip(operand)
    if operand.type == "composite_literal":
        _add(found, Origin(OriginKind.ADDRESS_LITERAL, expr, via=via))
        _contents(fm, operand, fm.type_of(operand), via, depth, visited, found)  # now on the heap too
        return
    _storage_origins(fm, expr, fm.address_target(expr), via, depth, visited, found)


def _storage_origins(fm: FileModel, expr: Node, target: Storage | None, via: Node | None, depth: int,
                     visited: set[Symbol], found: dict[tuple[str, int, int, int], Origin]) -> None:
    """`expr` takes the address of `target`: a variable of this frame is its origin; for
    `&p.f`, `&s[i]` (or `p.arr[:]`) the address points into whatever p or s refers to."""
    if target is None:
        return
    if target.kind is StorageKind.VARIABLE:
        if target.symbol is not None and target.symbol.is_frame:
            _add(found, Origin(OriginKind.VARIABLE, expr, target.symbol, via))
    elif target.kind in (StorageKind.DEREF, StorageKind.SLICE_ELEMENT):
        _origins(fm, target.node, via, depth + 1, visited, found)


def _variable_origins(fm: FileModel, ident: Node, via: Node | None, depth: int, visited: set[Symbol],
                      found: dict[tuple[str, int, int, int], Origin]) -> None:
    """A local's value: whatever was assigned to it anywhere (escape analysis is flow-insensitive:
    every value ever assigned to the local flows wherever the local's value flows)."""
    if depth > _MAX_DEPTH:
        return
    symbol = fm.resolve(ident)
    if symbol is None or symbol.kind not in _FOLLOWED or symbol in visited:
        return
    visited.add(symbol)
    holder = via if via is not None else ident
    for write in fm.writes(symbol):
        if write.op in _ASSIGNING and write.rhs is not None and write.index is None \
                and not is_dead(fm, write.statement):
            _origins(fm, write.rhs, holder, depth + 1, visited, found)
    if isinstance(core(symbol.type), (Struct, Array)):
        for value in _part_writes(fm, symbol):  # x.f = v, x.arr[i] = v: stored in x itself
            _origins(fm, value, holder, depth + 1, visited, found)


def _part_writes(fm: FileModel, symbol: Symbol) -> list[Node]:
    """Values assigned to fields or array elements of a local struct or array value."""
    body = symbol.function.child_by_field_name("body") if symbol.function is not None else None
    if body is None or symbol.node is None:
        return []
    name = symbol.node.text
    values: list[Node] = []
    for lvalue in captured(_PART_STORES, body, "lhs"):
        root = lvalue
        while root.type in ("selector_expression", "index_expression", "parenthesized_expression"):
            inner = root.child_by_field_name("operand") if root.type != "parenthesized_expression" \
                else (root.named_children[0] if root.named_children else None)
            if inner is None:
                break
            root = inner
        if root.type != "identifier" or root.text != name:
            continue
        storage = fm.storage(lvalue)
        if storage is None or storage.kind is not StorageKind.VARIABLE or storage.symbol is not symbol:
            continue  # through a pointer or a slice: not the value's own storage
        statement = lvalue.parent.parent if lvalue.parent is not None else None
        if statement is None or is_dead(fm, statement):
            continue
        values.extend(v for lhs, v in assigned_pairs(statement) if lhs.id == lvalue.id)
    return values


def _literal_origins(fm: FileModel, literal: Node, t: Type | None, via: Node | None, depth: int,
                     visited: set[Symbol], found: dict[tuple[str, int, int, int], Origin]) -> None:
    """A composite literal used as a value (explicit, or elided inside another literal)."""
    u = core(t)
    if isinstance(u, Pointer):  # an elided &T{...} in []*T{{...}}
        _add(found, Origin(OriginKind.ADDRESS_LITERAL, literal, via=via))
        _contents(fm, literal, u.elem, via, depth, visited, found)
    elif isinstance(u, Slice):
        _add(found, Origin(OriginKind.SLICE_LITERAL, literal, via=via))
        _contents(fm, literal, u, via, depth, visited, found)
    elif isinstance(u, Map):
        # Its keys and values always live on the heap: the pointer-in-container rule reports
        # them at the literal, wherever the map goes.
        _add(found, Origin(OriginKind.MAP_LITERAL, literal, via=via))
    elif isinstance(u, (Struct, Array)):
        _contents(fm, literal, u, via, depth, visited, found)  # a value: its contents are copied


def _contents(fm: FileModel, literal: Node, t: Type | None, via: Node | None, depth: int,
              visited: set[Symbol], found: dict[tuple[str, int, int, int], Origin]) -> None:
    """The values inside a composite literal whose own storage goes where the literal goes."""
    body = literal.child_by_field_name("body") if literal.type == "composite_literal" else literal
    if body is None or depth > _MAX_DEPTH:
        return
    for value in literal_values(body):
        _origins(fm, value, via, depth + 1, visited, found)


def literal_values(body: Node) -> list[Node]:
    """The element values of a literal_value (keys excluded), unwrapped from literal_element."""
    values: list[Node] = []
    for element in body.named_children:
        if element.type == "keyed_element":
            children = element.named_children
            value = children[-1] if len(children) >= 2 else None
        elif element.type == "literal_element":
            value = element
        else:
            continue
        if value is not None and value.type == "literal_element" and value.named_children:
            value = value.named_children[0]
        if value is not None and value.type != "comment":
            values.append(value)
    return values


def literal_keys(body: Node) -> list[Node]:
    """The keys of a literal_value's keyed elements, unwrapped from literal_element."""
    keys: list[Node] = []
    for element in body.named_children:
        if element.type != "keyed_element" or len(element.named_children) < 2:
            continue
        key = element.named_children[0]
        if key.type == "literal_element" and key.named_children:
            key = key.named_children[0]
        keys.append(key)
    return keys


def _call_origins(fm: FileModel, call: Node, via: Node | None, depth: int, visited: set[Symbol],
                  found: dict[tuple[str, int, int, int], Origin]) -> None:
    function = call.child_by_field_name("function")
    if function is None:
        return
    function = _strip(function)
    if function.type == "identifier":
        name = _text(function)
        if name in ("new", "make", "append"):
            builtin = builtin_name(fm, call)
            if builtin == "new":
                _add(found, Origin(OriginKind.NEW, call, via=via))
            elif builtin == "make" and _makes_slice_or_map(fm, call):
                _add(found, Origin(OriginKind.MAKE, call, via=via))
            elif builtin == "append":
                _add(found, Origin(OriginKind.APPEND, call, via=via))
                args = _arguments(call)
                if args:  # the appendee is returned as is when it has room
                    _origins(fm, args[0], via, depth + 1, visited, found)
            return
    args = _arguments(call)
    if len(args) != 1:
        return
    callee = fm.callee(call)
    if callee is not None and callee.kind is CalleeKind.CONVERSION:
        _conversion_origins(fm, call, args[0], via, depth, visited, found)


def builtin_name(fm: FileModel, call: Node) -> str:
    """The builtin `call` calls (`make`, `new`, `append`, ...); "" for anything else, a function
    of the package that shadows a builtin's name included."""
    callee = fm.callee(call)
    if callee is None or callee.kind is not CalleeKind.BUILTIN or callee.package:
        return ""
    return callee.name


def makes_slice_or_map(fm: FileModel, call: Node) -> bool:
    """`make([]T, ...)` or `make(map[K]V, ...)`, the builtin (a channel's make is on the heap
    whatever happens to it, and the compiler says nothing of it)."""
    function = call.child_by_field_name("function")
    arguments = call.child_by_field_name("arguments")
    made = arguments.named_children[0] if arguments is not None and arguments.named_children else None
    return (function is not None and function.type == "identifier" and function.text == b"make"
            and made is not None and made.type in ("slice_type", "map_type") and builtin_name(fm, call) == "make")


def _arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [a for a in args.named_children if a.type != "comment"] if args is not None else []


def _makes_slice_or_map(fm: FileModel, call: Node) -> bool:
    args = _arguments(call)
    if not args:
        return False
    made = core(fm.type_of_type(args[0]))
    return isinstance(made, (Slice, Map))


def _conversion_origins(fm: FileModel, conversion: Node, operand: Node | None, via: Node | None,
                        depth: int, visited: set[Symbol], found: dict[tuple[str, int, int, int], Origin]) -> None:
    """`string(b)`, `[]byte(s)`, `[]rune(s)`, `string(r)` allocate; other conversions keep the value."""
    if operand is None:
        return
    to, of = core(fm.type_of(conversion)), core(fm.type_of(operand))
    if to is None or of is None:
        return
    if _is_string(to) and (isinstance(of, Slice) or (_is_integer(of) and not fm.is_constant(operand))):
        _add(found, Origin(OriginKind.CONVERSION, conversion, via=via))
    elif isinstance(to, Slice) and _is_string(of):
        _add(found, Origin(OriginKind.CONVERSION, conversion, via=via))
    elif isinstance(to, Basic) and not _is_string(to) and not _is_unsafe_pointer(to):
        return  # uintptr(unsafe.Pointer(&x)), numbers: no reference survives (Go 1.27: x stays)
    elif type(to) is type(of) or isinstance(to, (Pointer, Interface)) or _is_unsafe_pointer(to):
        # The same reference, retyped (or put in an interface, where it goes where the
        # interface goes; the box itself is the interface-slot rule's).
        _origins(fm, operand, via, depth + 1, visited, found)


def _slice_origins(fm: FileModel, expr: Node, via: Node | None, depth: int, visited: set[Symbol],
                   found: dict[tuple[str, int, int, int], Origin]) -> None:
    operand = expr.child_by_field_name("operand")
    if operand is None:
        return
    u = core(fm.type_of(operand))
    if isinstance(u, Array):
        _storage_origins(fm, expr, fm.storage(operand), via, depth, visited, found)  # arr[:] takes arr's address
    elif isinstance(u, (Slice, Pointer)) or _is_string(u):
        _origins(fm, operand, via, depth + 1, visited, found)  # the same backing store


def _is_method_value(fm: FileModel, selector: Node) -> bool:
    parent = selector.parent
    if parent is not None and parent.type == "call_expression":
        function = parent.child_by_field_name("function")
        if function is not None and function.id == selector.id:
            return False  # a call, not a method value
    selection = fm.select(selector)
    return selection is not None and selection.kind in (SelectionKind.METHOD, SelectionKind.INTERFACE_METHOD)


def _is_concatenation(fm: FileModel, expr: Node) -> bool:
    operator = expr.child_by_field_name("operator")
    if operator is None or operator.type != "+":
        return False
    return _is_string(core(fm.type_of(expr))) and not fm.is_constant(expr)


def _is_string(u: Type | None) -> bool:
    return isinstance(u, Basic) and u.name in ("string", "untyped string")


def _is_integer(u: Type | None) -> bool:
    return isinstance(u, Basic) and u.name in (
        "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
        "uintptr", "byte", "rune", "untyped int", "untyped rune")


def _is_unsafe_pointer(u: Type | None) -> bool:
    return isinstance(u, Basic) and u.name == "unsafe.Pointer"


# -- destinations ----------------------------------------------------------------------------------


class DestinationKind(Enum):
    MAP = "map"  # m[k] = v: the key and the value
    SLICE = "slice element"  # s[i] = v, s a slice (wherever it lives)
    POINTER = "through a pointer"  # *p = v, p.f = v, p[i] (p *[N]T), p.s[i] = v
    PACKAGE = "package-level variable"  # g = v, g.f = v, g[i] = v (g an array)
    LOCAL = "local"  # a frame variable, or a field/element of a local struct or array value


@dataclass(frozen=True, slots=True)
class Destination:
    kind: DestinationKind
    lvalue: Node
    container: Node | None = None  # the map, slice or pointer expression written through
    symbol: Symbol | None = None  # the package-level variable, for PACKAGE

    @property
    def is_heap(self) -> bool:
        return self.kind is not DestinationKind.LOCAL

    def phrase(self) -> str:
        """How a message says where a value went: `stored in a map`, `stored through p`, ..."""
        if self.kind is DestinationKind.MAP:
            return "stored in a map"
        if self.kind is DestinationKind.SLICE:
            return "stored in a slice element"
        if self.kind is DestinationKind.PACKAGE:
            name = self.symbol.name if self.symbol is not None else _text(self.lvalue)
            if _strip(self.lvalue).type == "index_expression":
                return f"stored in an element of package-level array {name}"
            return f"stored in package-level variable {name}"
        if self.kind is DestinationKind.POINTER:
            container = _text(self.container) if self.container is not None else ""
            if container and len(container) <= 30:
                return f"stored through the pointer {container}"
            return "stored through a pointer"
        return "stored in a local"


def destination(fm: FileModel, lvalue: Node) -> Destination | None:
    """Where an assignment to `lvalue` stores its value; None when the model cannot tell."""
    lvalue = _strip(lvalue)
    kind = lvalue.type
    if kind == "identifier":
        symbol = fm.resolve(lvalue)
        if symbol is None:
            return None
        if symbol.is_frame:
            return Destination(DestinationKind.LOCAL, lvalue)
        if symbol.kind is SymbolKind.PACKAGE_VAR:
            return Destination(DestinationKind.PACKAGE, lvalue, symbol=symbol)
        return None
    if kind == "index_expression":
        operand = lvalue.child_by_field_name("operand")
        u = core(fm.type_of(operand)) if operand is not None else None
        if isinstance(u, Map):
            return Destination(DestinationKind.MAP, lvalue, operand)
        if isinstance(u, Slice):
            holder = fm.storage(operand) if operand is not None else None
            if holder is not None and holder.kind is StorageKind.DEREF:
                return Destination(DestinationKind.POINTER, lvalue, holder.node)  # p.s[i]
            return Destination(DestinationKind.SLICE, lvalue, operand)
        if not isinstance(u, (Array, Pointer)):
            return None
    elif kind == "unary_expression":
        operator = lvalue.child_by_field_name("operator")
        if operator is None or operator.type != "*":
            return None
    elif kind not in ("selector_expression", "type_conversion_expression"):
        return None
    storage = fm.storage(lvalue)
    if storage is None:
        return None
    if storage.kind is StorageKind.DEREF:
        return Destination(DestinationKind.POINTER, lvalue, storage.node)
    if storage.kind is StorageKind.SLICE_ELEMENT:
        return Destination(DestinationKind.SLICE, lvalue, storage.node)  # s[i].f = v
    if storage.kind is StorageKind.VARIABLE and storage.symbol is not None:
        if storage.symbol.is_frame:
            return Destination(DestinationKind.LOCAL, lvalue)
        if storage.symbol.kind is SymbolKind.PACKAGE_VAR:
            return Destination(DestinationKind.PACKAGE, lvalue, symbol=storage.symbol)
    return None


# -- where the compiler looks ----------------------------------------------------------------------


def analyzed(fm: FileModel, node: Node) -> bool:
    """Whether the compiler's escape analysis reports the escapes of `node` where it is written:
    in a function or method (not a package-level initializer), not in code the compiler drops
    as unreachable, and, in a generic function or a method of a generic type, only when the
    package instantiates it (each shape instantiation reports at the generic body's lines:
    `&FreeListG[go.shape.int]{...} escapes to heap`)."""
    top = fm.top_at(node.start_byte)  # a bisection: walking up the parents costs their depth
    if top is None or top.type not in ("function_declaration", "method_declaration"):
        return False
    return reported_where_written(fm, node)


def assigned_pairs(statement: Node) -> list[tuple[Node, Node]]:
    """(lvalue, value) pairs of a plain `=` assignment with as many values as targets."""
    operator = statement.child_by_field_name("operator")
    if operator is None or operator.type != "=":
        return []
    left, right = statement.child_by_field_name("left"), statement.child_by_field_name("right")
    if left is None or right is None:
        return []
    lefts = [n for n in left.named_children if n.type != "comment"]
    rights = [n for n in right.named_children if n.type != "comment"]
    if len(lefts) != len(rights):
        return []  # a, b = f(): results of a call
    return list(zip(lefts, rights))


def report(ctx: Context, meta: RuleMeta, origins: tuple[Origin, ...], where: str,
           statement: Node) -> Iterator[Finding]:
    """One finding per origin, on the stored expression; inside a closure the compiler may
    inline, the calls are related locations too (the compiler reports the escape there)."""
    notes: list[tuple[Node, str]] | None = None
    for origin in origins:
        if notes is None:
            notes = inline_notes(ctx.model, statement)
        related = origin.related() + notes
        # Created in another closure the compiler inlines (`fork := func() { req = new(T) }`):
        # then it reports the allocation at that closure's calls.
        seen = {node.id for node, _ in related}
        related += [(n, text) for n, text in inline_notes(ctx.model, origin.reported_at) if n.id not in seen]
        yield ctx.finding(meta, origin.finding_node, origin.message(where), related)
