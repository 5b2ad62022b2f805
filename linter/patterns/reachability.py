"""Code the Go 1.27 compiler drops before escape analysis, so it never reports escapes in it.

The noder (cmd/compile/internal/noder, `stmts`, `ifStmt`, `terminates`, `staticBool`) omits:
- the branch of an `if` whose condition is a constant (`if debug {` with `const debug =
  false`; also `!c`, `a && b`, `a || b` folded as far as constants allow);
- the statements of a block after one that terminates it (`return`, `goto`, a `panic(...)`
  call statement, an `if` whose taken branches all terminate, a block ending in one), unless a
  label follows (a `goto` may reach it);
- with them, the func literals they contain, and the bodies of functions named `_`.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tree_sitter import Node, Query

from goescape.linter.model.base import FileView, SymbolKind
from goescape.linter.syntax.buildtags import host_platform
from goescape.linter.syntax.parsing import GO, ancestors, captured, same_node

if TYPE_CHECKING:
    from goescape.linter.model.file import FileModel

_DECLARATIONS = frozenset({"function_declaration", "method_declaration"})
_STATEMENT_LISTS = frozenset({"block", "statement_list"})
_MAX_DEPTH = 16


def is_dead(fm: FileModel, node: Node) -> bool:
    """Whether the compiler drops the statement containing `node` as unreachable, or may drop
    it: a branch of an `if` on a constant whose value the model cannot see (a constant of
    another package, such as `syscall.ImplementsGetwd`) counts as dead, so that rules stay
    silent in code that a build may not compile."""
    top = fm.top_at(node.start_byte)
    if top is None:
        return False
    if _blank_function(fm, top):
        return True
    path = [*ancestors(top, node), node]
    # Whether each node of the path lies in dropped code, from the top down, remembered per node:
    # the rules ask about many nodes of the same statements.
    known: dict[int, bool] = fm.memo("reachability.dead")
    start = len(path) - 1
    while start > 0 and path[start].id not in known:
        start -= 1
    dead = known.get(path[start].id, False)
    for index in range(start + 1, len(path)):
        dead = dead or _dropped_step(fm, path[index], path[index - 1])
        known[path[index].id] = dead
    return dead


def _dropped_step(fm: FileModel, child: Node, parent: Node) -> bool:
    """Whether the compiler drops `child` for what `parent` says (a constant condition, a
    terminating statement before it in a list, a switch case it does not take)."""
    # A func literal in dead code is dropped with it: its body counts as a child like any.
    if parent.type == "if_statement":
        cond = parent.child_by_field_name("condition")
        value = static_bool(fm, cond) if cond is not None else None
        if value is not None:
            consequence = parent.child_by_field_name("consequence")
            alternative = parent.child_by_field_name("alternative")
            if value is not True and same_node(child, consequence):
                return True  # false, or unknown
            if value is not False and same_node(child, alternative):
                return True
    elif parent.type in _STATEMENT_LISTS and _after_terminating(fm, child, parent):
        return True
    elif parent.type in ("expression_case", "default_case") and _dead_case(fm, parent):
        return True
    return False


def _blank_function(fm: FileModel, top: Node) -> bool:
    """`func _()` (or a method named _): type-checked, never compiled, so never analysed; Go
    code uses it to assert things to vet and the type checker."""
    if top.type not in _DECLARATIONS:
        return False
    name = top.child_by_field_name("name")
    return name is not None and fm.text(name) == "_"


def _dead_case(fm: FileModel, clause: Node) -> bool:
    """The noder's `switchStmt`: with a constant tag (no tag means `true`) and constant case
    values up to the match, only the matching clause (or the default) is compiled."""
    switch = clause.parent
    if switch is None or switch.type != "expression_switch_statement":
        return False
    tag_node = switch.child_by_field_name("value")
    tag = _value(fm, tag_node, 0) if tag_node is not None else True
    if tag is None:
        return False
    target: Node | None = None
    for other in switch.named_children:
        if other.type == "default_case":
            target = other
        elif other.type == "expression_case":
            values = other.child_by_field_name("value")
            for case in (values.named_children if values is not None else []):
                value = _value(fm, case, 0)
                if value is None:
                    return False  # a non-constant case: the compiler keeps every clause
                if value is MAYBE or tag is MAYBE:
                    return True  # some clause is compiled alone, but not known which
                if value == tag and type(value) is type(tag):
                    target = other
                    break
            else:
                continue
            break
    if target is not None and any(c.type == "fallthrough_statement" for c in _statements(target)):
        return False
    return target is None or target.id != clause.id


def _statements(clause: Node) -> list[Node]:
    found: list[Node] = []
    for child in clause.named_children:
        found.extend(child.named_children if child.type == "statement_list" else [child])
    return found


def reported_where_written(fm: FileModel, node: Node) -> bool:
    """Whether Go 1.27 reports escapes of `node` in its own function: not dead code (or code
    that may be dead), not the body of a generic function that the package never instantiates
    (an instantiation in the package reports its escapes at the generic body's lines)."""
    return not (generic_top(fm, node) is not None and not instantiated(fm, node)) and not is_dead(fm, node)


def instantiated(fm: FileModel, node: Node) -> bool:
    """The generic function (or generic type, for a method) around `node` is used by code the
    package compiles: a non-generic declaration, or a generic one that is itself used so."""
    top = fm.top_at(node.start_byte)
    if top is None:
        return True
    # A use in a _test.go file instantiates it only in the test binary: `go build` of the
    # package prints nothing for the generic body (cmd/internal/par's Work[T]).
    tests = Path(fm.source.path).name.endswith("_test.go")
    return _top_instantiated(fm, top, set(), tests)


def _top_instantiated(fm: FileModel, top: Node, visiting: set[int], tests: bool) -> bool:
    if top.id in visiting or len(visiting) > _MAX_DEPTH:
        return False
    visiting.add(top.id)
    found = _generic_name(fm, top)
    if found is None:
        return True  # not generic: compiled as written
    name, own = found
    users = _names_used(fm, tests).get(name, {})
    return any(user_id not in own and _top_instantiated(fm, user, visiting, tests) for user_id, user in users.items())


def _generic_name(fm: FileModel, top: Node) -> tuple[str, set[int]] | None:
    """The name a generic top-level declaration is used by, and the declarations that are part
    of it (for a generic type: its declaration and its methods); None if not generic."""
    if top.type == "function_declaration":
        if top.child_by_field_name("type_parameters") is None:
            return None
        return fm.text(top.child_by_field_name("name")), {top.id}
    if top.type == "method_declaration":
        receiver = top.child_by_field_name("receiver")
        if receiver is None or b"[" not in (receiver.text or b""):
            return None
        base = _receiver_base(receiver)
        if base is None:
            return None
        name = fm.text(base)
    elif top.type == "type_declaration":
        specs = [c for c in top.named_children if c.type == "type_spec"]
        if len(specs) != 1 or specs[0].child_by_field_name("type_parameters") is None:
            return None
        name = fm.text(specs[0].child_by_field_name("name"))
    else:
        return None
    own = {d.spec.id for d in fm.package.method_decls(name).values()}
    declared = fm.package.decls.get(name)
    if declared is not None:
        spec = declared.spec
        while spec.parent is not None and spec.parent.type != "source_file":
            spec = spec.parent
        own.add(spec.id)
    return name, own


def _receiver_base(receiver: Node) -> Node | None:
    for node in _walk(receiver):
        if node.type == "type_identifier":
            return node
    return None


def _walk(node: Node) -> list[Node]:
    found, stack = [], [node]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(reversed(current.named_children))
    return found


_NAME_QUERY = Query(GO, "[(identifier) (type_identifier)] @name")


def _names_used(fm: FileModel, tests: bool) -> dict[str, dict[int, Node]]:
    """Every name of the package, with the top-level declarations using it (by node id); those
    of _test.go files only with `tests`."""
    found: dict[str, dict[int, Node]] = fm.package.memo("reachability.names+tests" if tests else "reachability.names")
    if not found:
        for path, other in fm.package.files.items():
            if not tests and Path(path).name.endswith("_test.go"):
                continue
            for top in other.tops:
                for ident in captured(_NAME_QUERY, top, "name"):
                    found.setdefault(other.text(ident), {})[top.id] = top
    return found


def generic_top(fm: FileModel, node: Node) -> Node | None:
    """The generic function, or method of a generic type, whose body holds `node` (found by
    bisection: `in_generic` walks up through the node's ancestors, which costs their depth at
    each step in tree-sitter)."""
    top = fm.top_at(node.start_byte)
    if top is None:
        return None
    body = top.child_by_field_name("body")
    if body is None or not body.start_byte <= node.start_byte < body.end_byte:
        return None
    if top.type == "function_declaration":
        return top if top.child_by_field_name("type_parameters") is not None else None
    if top.type == "method_declaration":
        receiver = top.child_by_field_name("receiver")
        return top if receiver is not None and b"[" in (receiver.text or b"") else None
    return None


def in_generic(node: Node) -> bool:
    """Inside a generic function or a method of a generic type: Go 1.27 reports the escapes of
    its instantiations (at their callers, or not at all when nothing instantiates it), not of
    the generic body, so rules stay silent there."""
    parent = node.parent
    while parent is not None:
        if parent.type == "function_declaration":
            return parent.child_by_field_name("type_parameters") is not None
        if parent.type == "method_declaration":
            receiver = parent.child_by_field_name("receiver")
            text = receiver.text or b"" if receiver is not None else b""
            return b"[" in text
        parent = parent.parent
    return False




def _after_terminating(fm: FileModel, statement: Node, parent: Node) -> bool:
    """A statement preceded in its list by a terminating one, with no label from there on."""
    if statement.type == "labeled_statement":
        return False
    siblings = parent.named_children
    index = next((i for i, s in enumerate(siblings) if s.id == statement.id), None)
    if index is None:
        return False
    found = False
    for sibling in reversed(siblings[:index]):
        if sibling.type == "labeled_statement":
            return False  # a goto may jump to it: what follows is reachable again
        found = terminates(fm, sibling)
        if found:
            break
    if not found:
        return False
    # The compiler keeps everything before the last label.
    return not any(s.type == "labeled_statement" for s in siblings[index + 1:])


def terminates(fm: FileModel, statement: Node, depth: int = 0) -> bool:
    """The noder's `terminates`: return, goto, panic(...), or an if/block that always does."""
    if depth > _MAX_DEPTH:
        return False
    kind = statement.type
    if kind == "return_statement":
        return True
    if kind == "goto_statement":
        return True
    if kind == "expression_statement":
        call = statement.named_children[0] if statement.named_children else None
        while call is not None and call.type == "parenthesized_expression" and call.named_children:
            call = call.named_children[0]
        if call is None or call.type != "call_expression":
            return False
        fn = call.child_by_field_name("function")
        if fn is None or fn.type != "identifier" or fm.text(fn) != "panic":
            return False
        symbol = fm.resolve(fn)
        return symbol is not None and symbol.kind is SymbolKind.BUILTIN
    if kind == "if_statement":
        cond = statement.child_by_field_name("condition")
        value = static_bool(fm, cond) if cond is not None else None
        then = statement.child_by_field_name("consequence")
        other = statement.child_by_field_name("alternative")
        then_ok = then is not None and terminates(fm, then, depth + 1)
        else_ok = other is not None and terminates(fm, other, depth + 1)
        if value is MAYBE:
            return then_ok or else_ok  # either branch may be the one compiled
        return (value is False or then_ok) and (value is True or else_ok)
    if kind in _STATEMENT_LISTS:
        last = _last_statement(statement)
        return last is not None and terminates(fm, last, depth + 1)
    return False


def _last_statement(block: Node) -> Node | None:
    children = [c for c in block.named_children if c.type not in ("comment", "empty_statement")]
    if not children:
        return None
    last = children[-1]
    if last.type == "statement_list":
        return _last_statement(last)
    return last


class _Maybe:
    """A constant condition whose value the model cannot see."""

    def __repr__(self) -> str:
        return "MAYBE"


MAYBE = _Maybe()


def static_bool(fm: FileModel, expr: Node) -> bool | _Maybe | None:
    """The value of a condition the compiler folds: True, False, MAYBE (a constant whose value
    the model cannot see, e.g. `syscall.ImplementsGetwd`), None when it is not constant."""
    value = _value(fm, expr, 0)
    if value is None:
        return None
    return value if isinstance(value, bool) else MAYBE


def _value(fm: FileView, expr: Node, depth: int) -> object:
    """A constant's value (bool, str or int), MAYBE if constant but unknown, None if not constant."""
    if depth > _MAX_DEPTH:
        return MAYBE if fm.is_constant(expr) else None
    kind = expr.type
    if kind == "true":
        return True
    if kind == "false":
        return False
    if kind == "int_literal":
        try:
            return int(fm.text(expr).replace("_", ""), 0)
        except ValueError:
            return MAYBE
    if kind == "interpreted_string_literal":
        text = fm.text(expr)
        return text[1:-1] if "\\" not in text else MAYBE
    if kind == "raw_string_literal":
        return fm.text(expr)[1:-1]
    if kind == "parenthesized_expression" and expr.named_children:
        return _value(fm, expr.named_children[0], depth + 1)
    if kind == "unary_expression":
        return _unary(fm, expr, depth)
    if kind == "binary_expression":
        return _binary(fm, expr, depth)
    if kind == "identifier":
        symbol = fm.resolve(expr)
        if symbol is None or symbol.kind is not SymbolKind.CONST:
            return None
        if symbol.origin is None:
            return MAYBE  # a predeclared or other package's constant
        value = _const_value(symbol.decl, symbol.index)
        if value is None or value.start_byte == expr.start_byte:
            return MAYBE  # implicit repetition (iota), or a cycle
        inner = _value(symbol.origin, value, depth + 1)
        # A declared constant is constant whatever its operands (`R0 = obj.RBase + iota`, with
        # obj a package the model has no data for).
        return MAYBE if inner is None else inner
    if kind == "selector_expression":
        platform = _platform_constant(fm, expr)
        if platform is not None:
            return platform
    return MAYBE if fm.is_constant(expr) else None


def _unary(fm: FileView, expr: Node, depth: int) -> object:
    operator = expr.child_by_field_name("operator")
    operand = expr.child_by_field_name("operand")
    if operator is None or operand is None:
        return None
    inner = _value(fm, operand, depth + 1)
    if inner is None or inner is MAYBE:
        return inner
    if operator.type == "!" and isinstance(inner, bool):
        return not inner
    if operator.type == "-" and isinstance(inner, int) and not isinstance(inner, bool):
        return -inner
    return MAYBE


def _binary(fm: FileView, expr: Node, depth: int) -> object:
    operator = expr.child_by_field_name("operator")
    left, right = expr.child_by_field_name("left"), expr.child_by_field_name("right")
    if operator is None or left is None or right is None:
        return None
    op = operator.type
    a, b = _value(fm, left, depth + 1), _value(fm, right, depth + 1)
    if op == "&&":  # the noder's staticBool: `debug && x` is false when debug is
        if a is False or b is False:
            return False
        return b if a is True else (MAYBE if a is MAYBE else None)
    if op == "||":
        if a is True or b is True:
            return True
        return b if a is False else (MAYBE if a is MAYBE else None)
    if a is None or b is None:
        return None
    if a is MAYBE or b is MAYBE:
        return MAYBE
    if op in ("==", "!=") and type(a) is type(b):
        return (a == b) if op == "==" else (a != b)
    return MAYBE


def _platform_constant(fm: FileView, expr: Node) -> str | None:
    """`runtime.GOOS` and `runtime.GOARCH`: the platform the model builds for."""
    operand, field = expr.child_by_field_name("operand"), expr.child_by_field_name("field")
    if operand is None or field is None or fm.imports.get(fm.text(operand)) != "runtime":
        return None
    goos, goarch = host_platform()
    if goos not in fm.package.tags:
        return None
    return {"GOOS": goos, "GOARCH": goarch}.get(fm.text(field))


def _const_value(spec: Node | None, index: int) -> Node | None:
    if spec is None or spec.type != "const_spec":
        return None
    values = spec.child_by_field_name("value")
    if values is None:
        return None
    items = values.named_children if values.type == "expression_list" else [values]
    return items[index] if 0 <= index < len(items) else None
