"""How often a line runs, read from the syntax: inside loops, on a cold path, or ordinary.

Loops are the `for` statements around the line inside its function (a range-over-func body is
a `for` body too), plus the loops around the calls of its function elsewhere in the package:
a function called in a loop runs as often as the loop (followed through callers, matched by
name, three levels at most). Cold paths are code that runs when something has gone wrong or
once: the arguments of `panic`, `log.Fatal*`/`log.Panic*` and a test's `Fatal*`/`Error*`/`Skip*`,
building an error (`errors.New`, `fmt.Errorf`, a `return` of a non-nil error, the branch that
ends in one), `init` functions and package-level initializers, `sync.Once` bodies, and test
code outside a benchmark's loop.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tree_sitter import Node, Query

from goescape.linter.model.file import FileModel
from goescape.linter.model.types import Named, Pointer
from goescape.linter.syntax.parsing import GO, ancestors, captured, same_node

MAX_DEPTH = 3  # loop levels that count: past three nested loops the line is hot whatever else
_FUNCTIONS = frozenset({"function_declaration", "method_declaration", "func_literal"})
_TEST_FAILURES = frozenset({"Fatal", "Fatalf", "Error", "Errorf", "Skip", "Skipf", "FailNow", "Log", "Logf"})
_ERROR_BUILDERS = frozenset({("errors", "New"), ("errors", "Join"), ("fmt", "Errorf")})
_CALLS = Query(GO, "(call_expression function: [(identifier) @name (selector_expression field: "
                   "(field_identifier) @name)]) @call")
_LOOP_BODIES = Query(GO, "(for_statement body: (block) @body)")


@dataclass(frozen=True)
class Frequency:
    """Where a line sits: `loop_depth` loops around it (in its function or its callers'), or
    a cold path and why (None: not cold)."""

    loop_depth: int = 0
    cold: str | None = None
    callers: bool = False  # the loops are around the calls of its function, not in it

    @property
    def label(self) -> str:
        if self.cold is not None:
            return "cold"
        return "loop" if self.loop_depth else "ordinary"


def frequency(fm: FileModel, node: Node) -> Frequency:
    """How often `node` runs, from the syntax around it and the calls of its function."""
    top = fm.top_at(node.start_byte)
    if top is None:
        return Frequency()
    if top.type in ("var_declaration", "const_declaration"):
        return Frequency(cold="a package-level initializer, which runs once")
    path = [*ancestors(top, node), node]
    depth, cold, function = _inside(fm, path)
    test = Path(fm.source.path).name.endswith("_test.go")
    if test and not (depth and _is_benchmark(fm, top)):
        return Frequency(depth, cold or "test code")
    if cold is not None:
        return Frequency(depth, cold)
    if function is not None and function.type != "func_literal":
        name = _declared_name(fm, function)
        if name == "init" and function.type == "function_declaration":
            return Frequency(depth, "an init function, which runs once")
        through = _callers_depth(fm).get(name, 0) if name else 0
        if through > depth:
            return Frequency(min(MAX_DEPTH, through), None, callers=True)
    return Frequency(min(MAX_DEPTH, depth))


def _inside(fm: FileModel, path: list[Node]) -> tuple[int, str | None, Node | None]:
    """Loops and the first cold context between the line and its function (innermost first)."""
    depth, cold = 0, None
    for i in range(len(path) - 2, -1, -1):
        outer, inner = path[i], path[i + 1]
        kind = outer.type
        if kind in _FUNCTIONS:
            if kind == "func_literal" and cold is None:
                cold = _once_body(fm, path, i)
            return depth, cold, outer
        if kind == "for_statement" and same_node(outer.child_by_field_name("body"), inner):
            depth += 1
        elif cold is None and kind == "call_expression" and inner.type == "argument_list":
            cold = _cold_call(fm, outer)
        elif cold is None and kind == "return_statement" and _returns_error(fm, outer, path[:i]):
            cold = "a return of a non-nil error"
        elif cold is None and kind == "statement_list" and _ends_in_error(fm, outer, path[:i]):
            cold = "a branch that ends by returning an error"
    return depth, cold, None


def _cold_call(fm: FileModel, call: Node) -> str | None:
    function = call.child_by_field_name("function")
    if function is None:
        return None
    if function.type == "identifier" and fm.text(function) == "panic":
        return "the argument of panic"
    if function.type != "selector_expression":
        return None
    operand, field = function.child_by_field_name("operand"), function.child_by_field_name("field")
    name = fm.text(field)
    package = fm.imports.get(fm.text(operand)) if operand is not None and operand.type == "identifier" else None
    if package == "log" and name.startswith(("Fatal", "Panic")):
        return f"the argument of log.{name}"
    if package is not None and (package, name) in _ERROR_BUILDERS:
        return f"building an error ({package}.{name})"
    if name in _TEST_FAILURES and operand is not None and _is_testing(fm, operand):
        return f"a test's {name} call"
    return None


def _is_testing(fm: FileModel, operand: Node) -> bool:
    t = fm.type_of(operand)
    if isinstance(t, Pointer):
        t = t.elem
    return isinstance(t, Named) and t.pkg == "testing"


def _once_body(fm: FileModel, path: list[Node], literal: int) -> str | None:
    """A func literal passed to sync.Once's Do runs once."""
    if literal < 2 or path[literal - 1].type != "argument_list" or path[literal - 2].type != "call_expression":
        return None
    function = path[literal - 2].child_by_field_name("function")
    if function is None or function.type != "selector_expression" or fm.text(
            function.child_by_field_name("field")) != "Do":
        return None
    operand = function.child_by_field_name("operand")
    t = fm.type_of(operand) if operand is not None else None
    if isinstance(t, Pointer):
        t = t.elem
    return "a sync.Once body, which runs once" if isinstance(t, Named) and (t.pkg, t.name) == (
        "sync", "Once") else None


def _returns_error(fm: FileModel, statement: Node, outer: list[Node]) -> bool:
    """A `return` whose last value is a non-nil error: the function's last result is `error`
    and the value is not the identifier nil (nor a plain name, which may hold nil)."""
    values = statement.named_children[0] if statement.named_children else None
    if values is None:
        return False
    last = values.named_children[-1] if values.type == "expression_list" and values.named_children else values
    if last.type in ("nil", "identifier", "selector_expression", "parenthesized_expression"):
        return False
    function = next((n for n in reversed(outer) if n.type in _FUNCTIONS), None)
    return function is not None and _last_result_is_error(fm, function)


def _ends_in_error(fm: FileModel, statements: Node, outer: list[Node]) -> bool:
    """The statements of an if/else branch or a case clause that end by returning an error
    (`if err != nil { ...; return nil, err }`): the path a failure takes."""
    holder = outer[-1] if outer else None
    if holder is None or holder.type not in ("block", "expression_case", "type_case", "default_case",
                                             "communication_case"):
        return False
    if holder.type == "block":
        owner = outer[-2] if len(outer) > 1 else None
        if owner is None or owner.type != "if_statement":
            return False
    children = statements.named_children
    if not children or children[-1].type != "return_statement":
        return False
    last = children[-1]
    values = last.named_children[0] if last.named_children else None
    if values is None:
        return False
    value = values.named_children[-1] if values.type == "expression_list" and values.named_children else values
    if value.type == "nil":
        return False
    function = next((n for n in reversed(outer) if n.type in _FUNCTIONS), None)
    return function is not None and _last_result_is_error(fm, function)


def _last_result_is_error(fm: FileModel, function: Node) -> bool:
    result = function.child_by_field_name("result")
    if result is None:
        return False
    if result.type == "parameter_list":
        params = [c for c in result.named_children if c.type == "parameter_declaration"]
        result = params[-1].child_by_field_name("type") if params else None
    return result is not None and fm.text(result) == "error"


def _declared_name(fm: FileModel, function: Node) -> str | None:
    name = function.child_by_field_name("name")
    return fm.text(name) if name is not None else None


def _is_benchmark(fm: FileModel, top: Node) -> bool:
    return top.type == "function_declaration" and (_declared_name(fm, top) or "").startswith("Benchmark")


def _callers_depth(fm: FileModel) -> dict[str, int]:
    """For each function or method name of the package, how many loops surround its calls
    elsewhere in the package, through callers (the deepest call site wins; names, not types:
    two methods called `Write` share an answer)."""
    memo: dict[str, dict[str, int]] = fm.package.memo("cost.callers")
    found = memo.get("depths")
    if found is not None:
        return found
    sites: list[tuple[str, str | None, int]] = []  # callee name, caller name, loops around the call
    for other in fm.package.files.values():
        if Path(other.source.path).name.endswith("_test.go"):
            continue
        for top in other.tops:
            if top.type not in ("function_declaration", "method_declaration"):
                continue
            caller = _declared_name(other, top)
            bodies = [(b.start_byte, b.end_byte) for b in captured(_LOOP_BODIES, top, "body")]
            for name in captured(_CALLS, top, "name"):
                inside = sum(1 for start, end in bodies if start <= name.start_byte < end)
                sites.append((other.text(name), caller, inside))
    depths: dict[str, int] = {}
    for _ in range(MAX_DEPTH):  # each round follows the calls one level further up
        changed = False
        for callee, caller, inside in sites:
            total = min(MAX_DEPTH, inside + (depths.get(caller, 0) if caller else 0))
            if total > depths.get(callee, 0):
                depths[callee] = total
                changed = True
        if not changed:
            break
    memo["depths"] = depths
    return depths
