"""Where a value goes after an expression computes it, and whether that place outlives the frame.

Go 1.27's escape analysis is flow-insensitive: a value escapes when any path stores it where
the compiler cannot bound its lifetime. Measured with `go build -gcflags=-m`:

- The heap, for the value itself: a store through a pointer (`p.f = v`, `*p = v`, `p.a[i] = v`),
  into a slice element (`s[i] = v`, even when `s` is a local `make` that does not escape),
  into a map (key or value, even a map literal's entries), a package-level variable, an
  `append` argument, a channel send, `panic(v)`, a goroutine's arguments, an argument (or
  the receiver) of a call through an interface whose dynamic type the compiler cannot know
  (`devirtualization.unknown_dynamic_type`) or through a func value it cannot resolve, and a
  parameter the callee leaks (`leaking param: x`; the standard library's facts come from the
  model, the package's own functions are analysed here).
- A parameter of a function the compiler may inline does not leak through a call on it
  through an interface: inlined at a call that passes a concrete value, the call is
  devirtualized (`small(v)` with `func small(s fmt.Stringer) string { return s.String() }`
  reports `v does not escape`), so only functions that are surely not inlined count.
- The results: a value returned, or stored in a named result, outlives the frame too
  (`return v` reports `v escapes to heap` in the function itself, whoever calls it).
- A local variable passes on whatever flows into it: `e = myErr(s); ...; return e` reports
  `myErr(s) escapes to heap` (the analysis ignores the order of statements), unless its
  address is taken (then the model stays silent).
- Content: what a pointer, slice or interface points to. A slice literal's elements escape
  when its backing array's content does (`fmt.Println(xs...)` leaks the content of `xs`),
  a struct literal's fields when the struct value does, `&T{...}`'s fields when the pointer's
  content does.

`value_sink` / `content_sink` answer for an expression where it is written; `param_leak`
answers for a parameter of a function declared in the package being linted (the
compiler's `leaking param` / `leaking param content` / `... to result` verdicts), conservatively:
None (unknown) whenever the syntax does not settle it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from tree_sitter import Node, Query

from goescape.linter.model.base import BindingKind, CalleeKind, StorageKind, Symbol, SymbolKind
from goescape.linter.model.stdlib import LeakKind, ParamLeak
from goescape.linter.model.types import Array, Basic, Map, Pointer, Slice, Struct, Type, has_pointers, underlying
from goescape.linter.patterns.devirtualization import unknown_dynamic_type
from goescape.linter.patterns.inlining import certainly_not_inlined
from goescape.linter.patterns.reachability import is_dead
from goescape.linter.syntax.nodes import names, operands, parameter_names, position
from goescape.linter.syntax.parsing import GO, captured

if TYPE_CHECKING:
    from goescape.linter.model.file import FileModel

_IDENTIFIERS = Query(GO, "(identifier) @id")
_MAX_DEPTH = 6  # locals followed in one function before giving up (silently)
_MAX_CALLEES = 12  # nested callees whose parameters are analysed for one question


class SinkKind(Enum):
    HEAP = "heap"  # the value reaches the heap
    RESULT = "result"  # the value reaches the function's results (escapes in the function itself)


class Route(Enum):
    """The last step that takes a value out of the frame: the pattern rules own stores, sends and
    unresolved calls (ESC103-ESC108); results and leaking parameters belong to whichever rule
    owns the value's kind."""

    RESULT = "result"  # returned, or stored in a named result
    STORE = "store"  # through a pointer, or into a package-level variable
    CONTAINER = "container"  # a slice element, a map (or map literal), an append argument
    SEND = "send"
    GOROUTINE = "goroutine"  # an argument of a `go` call
    INTERFACE = "interface"  # the receiver or an argument of an undevirtualized interface call
    FUNC_VALUE = "func value"  # an argument of a call through an unresolved func value
    CALL = "call"  # a parameter the callee leaks
    PANIC = "panic"


@dataclass(frozen=True, slots=True)
class Sink:
    """Where a value outlives the frame, for messages: `reason` completes "it is ..."."""

    kind: SinkKind
    reason: str
    node: Node  # the statement or call where it happens
    route: Route  # how it gets there, which tells the rules apart (see `Route`)


class Mode(Enum):
    VALUE = "value"  # the expression's own value (a pointer, an interface's data word, ...)
    CONTENT = "content"  # what it points to (a slice's elements, a struct behind a pointer)


@dataclass
class _Walk:
    """One question's state: whose parameter is analysed (if any), and the cycle guard."""

    callee: tuple[FileModel, Node] | None = None  # analysing this function's parameter
    depth: int = 0  # locals followed
    callees: tuple[tuple[int, int, str], ...] = ()  # parameters being analysed, outermost first
    visiting: set[tuple[int, str]] = field(default_factory=set)  # locals being followed
    # Questions cut short (a cycle back to a parameter being analysed, or a depth limit): an
    # answer that depended on them is not cached, since it may change with the entry point.
    cut: set[tuple[int, int, str]] = field(default_factory=set)
    _inlinable: bool | None = None

    @property
    def inlinable(self) -> bool:
        """Whether the analysed callee may be inlined into its callers (where the dynamic types
        of its interface parameters become known and its interface calls devirtualized)."""
        if self.callee is None:
            return False
        if self._inlinable is None:
            self._inlinable = not certainly_not_inlined(*self.callee)
        return self._inlinable


# -- public API -------------------------------------------------------------------------------


def value_sink(fm: FileModel, expr: Node) -> Sink | None:
    """Where the value `expr` computes escapes (heap or the results); None: it stays in the
    frame, or the model cannot tell."""
    return _sink(fm, expr, Mode.VALUE, _Walk())


def content_sink(fm: FileModel, expr: Node) -> Sink | None:
    """Where what `expr` points to escapes (a slice's backing array, a pointer's target)."""
    return _sink(fm, expr, Mode.CONTENT, _Walk())


def param_leak(fm: FileModel, decl: Node, index: int, mode: Mode) -> SinkKind | None:
    """For a function or method declared in this package: whether parameter `index` (receiver
    not counted) leaks to the heap (HEAP), only to the results (RESULT), or not as far as the
    model can prove (None). CONTENT mode asks about what the parameter points to (for a
    `...any` parameter: the boxed arguments)."""
    return _param_leak(fm, decl, index, mode, _Walk())


def file_of(fm: FileModel, node: Node) -> FileModel | None:
    """The FileModel of the package file that holds `node` (a declaration found by the model)."""
    root = node
    while root.parent is not None:
        root = root.parent
    for candidate in fm.package.files.values():
        if candidate.tree.root_node.id == root.id:
            return candidate
    return None


# -- contexts ---------------------------------------------------------------------------------


def _sink(fm: FileModel, expr: Node, mode: Mode, walk: _Walk) -> Sink | None:
    node = expr
    parent = node.parent
    while parent is not None and parent.type == "parenthesized_expression":
        node, parent = parent, parent.parent
    if parent is None:
        return None
    kind = parent.type
    if kind == "argument_list":
        return _argument_sink(fm, parent, node, False, mode, walk)
    if kind == "variadic_argument":
        args = parent.parent
        return _argument_sink(fm, args, parent, True, mode, walk) if args is not None else None
    if kind == "expression_list":
        return _list_sink(fm, parent, node, mode, walk)
    if kind == "return_statement":
        return _result_sink(fm, parent, walk)
    if kind == "range_clause":
        return _range_sink(fm, parent, node, mode, walk)
    if kind == "send_statement":
        if parent.child_by_field_name("value") == node:
            return Sink(SinkKind.HEAP, "sent on a channel", parent, Route.SEND)
        return None
    if kind == "literal_element":
        return _element_sink(fm, parent, mode, walk)
    if kind == "unary_expression":
        operator = parent.child_by_field_name("operator")
        if operator is not None and operator.type == "&" and node.type == "composite_literal":
            return _sink(fm, parent, Mode.CONTENT, walk)  # &T{...}: the literal is the pointee
        return None
    if kind == "type_assertion_expression":
        return _assertion_sink(fm, parent, node, mode, walk)
    if kind == "selector_expression":
        return _selector_sink(fm, parent, node, mode, walk)
    if kind == "index_expression":
        return _index_sink(fm, parent, node, mode, walk)
    if kind == "slice_expression":
        shared = underlying(fm.type_of(node))
        if parent.child_by_field_name("operand") == node and (isinstance(shared, Slice) or is_string(shared)):
            return _sink(fm, parent, mode, walk)  # s[a:b] shares s's backing array (or bytes)
        return None
    if kind == "var_spec":
        return _var_spec_sink(fm, parent, node, mode, walk)
    return None


def _assertion_sink(fm: FileModel, assertion: Node, node: Node, mode: Mode, walk: _Walk) -> Sink | None:
    """`v.(T)`: to an interface (or a pointer-shaped T, held in the data word itself) the same
    value flows on. To any other T the value is copied out of the box: the box stays behind, and
    what it held (its content) is the result's own value (`arg.(uint64)` and
    `arg.([]Frame)` do not leak `arg`'s box: Go 1.27 reports `leaking param content` there)."""
    if assertion.child_by_field_name("operand") != node:
        return None
    if fm.type_of(assertion) is None or fm.is_interface(assertion) or fm.is_pointer_shaped(assertion):
        return _sink(fm, assertion, mode, walk)
    return _sink(fm, assertion, Mode.VALUE, walk) if mode is Mode.CONTENT else None


def _list_sink(fm: FileModel, values: Node, node: Node, mode: Mode, walk: _Walk) -> Sink | None:
    statement = values.parent
    if statement is None:
        return None
    if statement.type == "return_statement":
        return _result_sink(fm, statement, walk)
    if statement.type == "var_spec":
        return _var_spec_sink(fm, statement, node, mode, walk)
    if statement.type not in ("assignment_statement", "short_var_declaration"):
        return None
    left, right = statement.child_by_field_name("left"), statement.child_by_field_name("right")
    if left is None or right is None or right.id != values.id:
        return None  # the node is being assigned to, not assigned
    operator = statement.child_by_field_name("operator")
    if operator is not None and operator.type not in ("=", ":=") and not (
            operator.type == "+=" and is_string(underlying(fm.type_of(node)))):
        return None  # x -= v: arithmetic, no reference is stored
    # s += t on strings: t may be the result as is (escape/stmt.go, OASOP: t flows to s)
    targets = operands(left)
    items = operands(values)
    if len(targets) != len(items):
        return None
    index = position(items, node)
    return _store_sink(fm, targets[index], mode, walk) if index is not None else None


def _var_spec_sink(fm: FileModel, spec: Node, node: Node, mode: Mode, walk: _Walk) -> Sink | None:
    value = spec.child_by_field_name("value")
    if value is None:
        return None
    items = value.named_children if value.type == "expression_list" else [value]
    declared = names(spec)
    index = position(items, node)
    if index is None or len(declared) != len(items):
        return None
    return _store_sink(fm, declared[index], mode, walk)


def _result_sink(fm: FileModel, statement: Node, walk: _Walk) -> Sink | None:
    if walk.callee is not None and fm.enclosing_function(statement) != walk.callee[1]:
        return None  # returned by a closure inside the callee: where that goes is not followed
    return Sink(SinkKind.RESULT, "returned", statement, Route.RESULT)


def _range_sink(fm: FileModel, clause: Node, node: Node, mode: Mode, walk: _Walk) -> Sink | None:
    """`for _, v := range xs`: v takes the elements of a slice (content) or array (value)."""
    if clause.child_by_field_name("right") != node:
        return None
    u = underlying(fm.type_of(node))
    if not ((mode is Mode.CONTENT and isinstance(u, Slice)) or (mode is Mode.VALUE and isinstance(u, Array))):
        return None
    left = clause.child_by_field_name("left")
    names = operands(left) if left is not None else []
    if len(names) != 2 or names[1].type != "identifier":
        return None
    symbol = fm.resolve(names[1])
    if symbol is None or symbol.kind is not SymbolKind.LOCAL:
        return None
    return _symbol_sink(fm, symbol, Mode.VALUE, walk)


def _store_sink(fm: FileModel, target: Node, mode: Mode, walk: _Walk) -> Sink | None:
    target = _unparen(target)
    if target.type == "identifier" and fm.text(target) == "_":
        return None
    storage = fm.storage(target)
    if storage is None:
        return None
    if storage.kind is StorageKind.DEREF:
        return Sink(SinkKind.HEAP, "stored through a pointer", target, Route.STORE)
    if storage.kind is StorageKind.SLICE_ELEMENT:
        return Sink(SinkKind.HEAP, "stored in a slice element", target, Route.CONTAINER)
    if storage.kind is StorageKind.MAP_ELEMENT:
        return Sink(SinkKind.HEAP, "stored in a map", target, Route.CONTAINER)
    if storage.kind is not StorageKind.VARIABLE or storage.symbol is None:
        return None
    symbol = storage.symbol
    if symbol.kind is SymbolKind.PACKAGE_VAR:
        return Sink(SinkKind.HEAP, f"stored in the package-level variable {symbol.name}", target,
                    Route.STORE)
    if symbol.kind is SymbolKind.RESULT:
        return Sink(SinkKind.RESULT, f"stored in the result {symbol.name}", target, Route.RESULT)
    if symbol.kind in (SymbolKind.LOCAL, SymbolKind.PARAM, SymbolKind.RECEIVER):
        # `x = v` and `x.f = v`, `x[i] = v` on a local struct or array value: v's fate is x's.
        return _symbol_sink(fm, symbol, mode, walk)
    return None


def _element_sink(fm: FileModel, element: Node, mode: Mode, walk: _Walk) -> Sink | None:
    holder = element.parent
    if holder is not None and holder.type == "keyed_element":
        holder = holder.parent
    literal = holder.parent if holder is not None and holder.type == "literal_value" else None
    if literal is None or literal.type != "composite_literal":
        return None  # an element of a nested literal with an elided type: not followed
    u = underlying(fm.type_of(literal))
    if isinstance(u, Map):
        return Sink(SinkKind.HEAP, "stored in a map literal", literal, Route.CONTAINER)
    if isinstance(u, Slice):
        return _literal_sink(fm, literal, Mode.CONTENT, walk)  # the elements live in the backing array
    if isinstance(u, (Array, Struct)):
        return _literal_sink(fm, literal, mode, walk)  # part of the value itself
    return None


def _literal_sink(fm: FileModel, literal: Node, mode: Mode, walk: _Walk) -> Sink | None:
    """`_sink` of a composite literal holding an element, memoized for fresh questions: every
    element of 2,000 nested literals would otherwise walk the whole chain again (quadratic)."""
    fresh = walk.callee is None and walk.depth == 0 and not walk.visiting and not walk.cut
    if not fresh:
        return _sink(fm, literal, mode, walk)
    table = fm.memo("flows.literal_sink")
    key = (literal.id, mode)
    if key in table:
        return table[key]  # type: ignore[no-any-return]
    answer = _sink(fm, literal, mode, walk)
    if not walk.cut:  # an answer cut short by a limit may change with the entry point
        table[key] = answer
    return answer


def _selector_sink(fm: FileModel, selector: Node, node: Node, mode: Mode, walk: _Walk) -> Sink | None:
    if selector.child_by_field_name("operand") != node:
        return None
    call = selector.parent
    if call is not None and call.type == "call_expression" and call.child_by_field_name("function") == selector:
        return _receiver_sink(fm, call, node, mode, walk)
    u = underlying(fm.type_of(node))
    if has_pointers(fm.type_of(selector)) is False:
        return None  # a field without pointers: a copy of it carries nothing the value refers to
    if mode is Mode.CONTENT and isinstance(u, Pointer):
        return _sink(fm, selector, Mode.VALUE, walk)  # p.f read through the pointer
    if mode is Mode.VALUE and isinstance(u, Struct):
        return _sink(fm, selector, Mode.VALUE, walk)  # s.f is part of the struct value
    return None


def _receiver_sink(fm: FileModel, call: Node, receiver: Node, mode: Mode, walk: _Walk) -> Sink | None:
    found = fm.callee(call)
    if found is None or found.kind is not CalleeKind.INTERFACE_METHOD:
        return None
    if unknown_dynamic_type(fm, receiver) is None:
        return None  # the compiler may devirtualize it: the concrete method decides
    if walk.inlinable:
        return None  # inlined into a caller that knows the dynamic type, it may be devirtualized
    return Sink(SinkKind.HEAP, f"the receiver of {found.name}, called through an interface", call,
                Route.INTERFACE)


def _index_sink(fm: FileModel, index: Node, node: Node, mode: Mode, walk: _Walk) -> Sink | None:
    if index.child_by_field_name("operand") != node:
        return None
    if has_pointers(fm.type_of(index)) is False:
        return None  # an element without pointers: a copy of it carries nothing the value refers to
    u = underlying(fm.type_of(node))
    if mode is Mode.CONTENT and isinstance(u, Slice):
        return _sink(fm, index, Mode.VALUE, walk)  # s[i]: an element of the backing array
    if mode is Mode.VALUE and isinstance(u, Array):
        return _sink(fm, index, Mode.VALUE, walk)
    return None


# -- calls ------------------------------------------------------------------------------------


def _argument_sink(fm: FileModel, args: Node, node: Node, spread: bool, mode: Mode,
                   walk: _Walk) -> Sink | None:
    call = args.parent
    if call is None or call.type != "call_expression":
        return None
    items = operands(args)
    index = position(items, node)
    if index is None:
        return None
    found = fm.callee(call)
    if found is None:
        return None
    if call.parent is not None and call.parent.type == "go_statement" and found.kind is not CalleeKind.BUILTIN:
        return Sink(SinkKind.HEAP, "passed to a goroutine", call, Route.GOROUTINE)
    if found.kind is CalleeKind.BUILTIN:
        return _builtin_sink(fm, call, found.name, found.package, index, spread, mode, walk)
    if found.kind is CalleeKind.CONVERSION:
        if copies(fm, call, node):
            return None  # string(b), []byte(s): a new copy, b's array stays behind
        return _sink(fm, call, mode, walk)  # T(x) carries x's data
    argument = fm.argument(call, index)
    if argument is None:
        return None
    name = found.name
    if found.std is not None:
        return _std_sink(fm, call, name, argument.leak, argument.variadic_tail, spread, mode, walk)
    if found.kind is CalleeKind.INTERFACE_METHOD:
        if found.receiver is None or unknown_dynamic_type(fm, found.receiver) is None:
            return None  # the compiler may devirtualize it: the concrete method decides
        if walk.inlinable:
            return None  # inlined into a caller that knows the dynamic type, it may be devirtualized
        return Sink(SinkKind.HEAP, f"passed to {name}, a method called through an interface", call,
                    Route.INTERFACE)
    if found.kind is CalleeKind.FUNC_VALUE:
        binding = fm.func_value_binding(call)
        if binding.kind is BindingKind.DYNAMIC:
            return Sink(SinkKind.HEAP, f"passed to {name}, a func value ({binding.reason})", call,
                        Route.FUNC_VALUE)
        return None
    if found.kind in (CalleeKind.FUNCTION, CalleeKind.METHOD) and found.declaration is not None:
        tail = argument.variadic_tail
        asked = Mode.CONTENT if tail or mode is Mode.CONTENT else Mode.VALUE
        leak = _param_leak(fm, found.declaration, argument.param_index, asked, walk)
        if leak is SinkKind.HEAP:
            return Sink(SinkKind.HEAP, f"passed to {name}, which leaks it", call, Route.CALL)
        if leak is SinkKind.RESULT and not tail:
            return _sink(fm, call, mode, walk)
        return None
    return None


def _builtin_sink(fm: FileModel, call: Node, name: str, package: str, index: int, spread: bool,
                  mode: Mode, walk: _Walk) -> Sink | None:
    if package:
        return None  # unsafe
    if name == "panic":
        return Sink(SinkKind.HEAP, "passed to panic", call, Route.PANIC)
    if name == "append":
        if index == 0:  # with room to spare, the appendee itself is the result
            return _sink(fm, call, mode, walk)
        if spread and mode is Mode.VALUE:
            return None  # the slice itself is not stored, its elements are
        return Sink(SinkKind.HEAP, "appended to a slice", call, Route.CONTAINER)
    return None


def _std_sink(fm: FileModel, call: Node, name: str, leak: ParamLeak | None, tail: bool, spread: bool,
              mode: Mode, walk: _Walk) -> Sink | None:
    if leak is None or leak.kind is LeakKind.NONE:
        return None
    reason = f"passed to {name}, which leaks it"
    if leak.kind is LeakKind.HEAP:
        return Sink(SinkKind.HEAP, reason, call, Route.CALL)
    if leak.kind is LeakKind.CONTENT:
        # The content of the parameter leaks: for a ...T tail that is the argument itself.
        if (tail and not spread) or mode is Mode.CONTENT:
            return Sink(SinkKind.HEAP, reason, call, Route.CALL)
        return None
    # Leaks to a result: the argument lives as long as the result does.
    if leak.content and ((tail and not spread) or mode is Mode.CONTENT):
        return Sink(SinkKind.HEAP, reason, call, Route.CALL)
    if not tail and any(level == 0 for _, level in leak.results):
        return _results_sink(fm, call, [i for i, level in leak.results if level == 0], mode, walk)
    return None


def _results_sink(fm: FileModel, call: Node, indices: list[int], mode: Mode, walk: _Walk) -> Sink | None:
    """Where the results `indices` of a call go: the call's own value, or for `a, b := f(x)`
    the targets at those positions."""
    values = call.parent
    statement = values.parent if values is not None and values.type == "expression_list" else None
    right = statement.child_by_field_name("right") if statement is not None else None
    left = statement.child_by_field_name("left") if statement is not None else None
    if values is None or left is None or right is None or right.id != values.id or len(operands(values)) != 1:
        return _sink(fm, call, mode, walk)
    targets = operands(left)
    for index in indices:
        found = _store_sink(fm, targets[index], mode, walk) if index < len(targets) else None
        if found is not None:
            return found
    return None


# -- variables --------------------------------------------------------------------------------


def _symbol_sink(fm: FileModel, symbol: Symbol, mode: Mode, walk: _Walk) -> Sink | None:
    if symbol.node is None or symbol.function is None:
        return None
    if symbol.kind is SymbolKind.RESULT:
        return Sink(SinkKind.RESULT, f"stored in the result {symbol.name}", symbol.node, Route.RESULT)
    key = (symbol.node.id, mode.value)
    if key in walk.visiting:
        return None  # already being followed: what it adds is found there
    if walk.depth >= _MAX_DEPTH:
        walk.cut.add(_DEPTH_CUT)
        return None
    if fm.is_address_taken(symbol):
        return None  # written or read through its address: not followed
    walk.visiting.add(key)
    walk.depth += 1
    try:
        to_result: Sink | None = None
        for use in uses(fm, symbol):
            if is_dead(fm, use):
                continue
            found = _sink(fm, use, mode, walk)
            if found is None:
                continue
            if found.kind is SinkKind.HEAP or walk.callee is None:
                return found  # (escaping into the results is as good as the heap for a rule)
            to_result = to_result or found  # a parameter: keep looking for the heap
        return to_result
    finally:
        walk.depth -= 1


def uses(fm: FileModel, symbol: Symbol) -> list[Node]:
    """The identifiers in the declaring function (closures included) that denote `symbol`."""
    function = symbol.function
    assert function is not None and symbol.node is not None
    per_file: dict[int, dict[str, list[Node]]] = fm.memo("flows.uses")
    names = per_file.get(function.id)
    if names is None:
        names = {}
        body = function.child_by_field_name("body")
        if body is not None:
            for ident in captured(_IDENTIFIERS, body, "id"):
                names.setdefault(fm.text(ident), []).append(ident)
        per_file[function.id] = names
    declared = symbol.node.id
    return [n for n in names.get(symbol.name, ()) if n.id != declared and fm.resolve(n) is symbol]


# -- parameters of the package's own functions -----------------------------------------------


def _param_leak(fm: FileModel, decl: Node, index: int, mode: Mode, walk: _Walk) -> SinkKind | None:
    dfm = file_of(fm, decl)
    if dfm is None or decl.type not in ("function_declaration", "method_declaration"):
        return None
    if decl.child_by_field_name("type_parameters") is not None or decl.child_by_field_name("body") is None:
        return None  # generic (shape-dependent) or assembly
    cache: dict[tuple[int, int, str], SinkKind | None] = dfm.memo("flows.leaks")
    key = (decl.id, index, mode.value)
    if key in cache:
        return cache[key]
    if key in walk.callees or len(walk.callees) >= _MAX_CALLEES:
        walk.cut.add(key if key in walk.callees else _DEPTH_CUT)
        return None  # recursion (or too deep): assume nothing for now, and do not cache
    symbol = _param_symbol(dfm, decl, index)
    result: SinkKind | None = None
    inner = _Walk(callee=(dfm, decl), callees=walk.callees + (key,))
    if symbol is not None:
        found = _symbol_sink(dfm, symbol, mode, inner)
        result = found.kind if found is not None else None
    inner.cut.discard(key)  # a cycle back to this very question does not change its answer
    if result is not None or not inner.cut:
        cache[key] = result
    walk.cut |= inner.cut
    return result


_DEPTH_CUT = (0, 0, "depth")


def _param_symbol(fm: FileModel, decl: Node, index: int) -> Symbol | None:
    params = parameter_names(decl)
    name = params[index] if index < len(params) else None
    if name is None or fm.text(name) == "_":
        return None
    symbol = fm.resolve(name)
    return symbol if symbol is not None and symbol.kind is SymbolKind.PARAM else None


def copies(fm: FileModel, conversion: Node, operand: Node) -> bool:
    """`string(b)`, `string(r)`, `[]byte(s)`, `[]rune(s)`: the result is a new allocation that
    shares nothing with the operand."""
    to, of = underlying(fm.type_of(conversion)), underlying(fm.type_of(operand))
    if is_string(to):
        return isinstance(of, Slice) or (isinstance(of, Basic) and not is_string(of))
    return isinstance(to, Slice) and is_string(of)


def is_string(t: Type | None) -> bool:
    return isinstance(t, Basic) and t.name in ("string", "untyped string")


def _unparen(node: Node) -> Node:
    while node.type == "parenthesized_expression" and len(node.named_children) == 1:
        node = node.named_children[0]
    return node
