'''A call that Go inlines here allocates in the callee's body, and what it allocates escapes.

## What it does
Flags a call of a standard-library function or method that Go 1.27 inlines into the caller
and whose inlined body allocates something that escapes: `errors.New(msg)` allocates an
`*errors.errorString`, `bytes.Clone(b)` a new backing array, `bufio.NewReader(r)` its buffer.
Some of these allocations escape whatever the caller does (`bufio.NewReaderSize`'s buffer has a
size the compiler cannot see; `(*strings.Builder).WriteString` stores into the builder through
its pointer); the others escape only when the call's result does (returned, stored in a
package-level variable, stored through a pointer, passed to a parameter that leaks), and the
rule reports them only then. Which standard-library callees are inlined, what they allocate
and where it flows comes from the toolchain itself (`tools/gen_inlined.py`), not from a list
written by hand. A small function of another package of your module (a few statements calling
nothing but builtins, such as `func NewBuffer() *Buffer { return &Buffer{} }`) is inlined too:
what it returns freshly allocated is read from its source, and reported the same way.

## Why is this bad?
Every call allocates on the heap: an error value per `errors.New`, a copy per `bytes.Clone`, a
4 KiB buffer per `bufio.NewReader`. In a hot path that is garbage for the collector on every
iteration, although nothing in the caller's own code looks like an allocation.

## Example
```go
import "errors"

func check(n int) error {
	if n < 0 {
		return errors.New("negative")
	}
	return nil
}
```

## Use instead
```go
import "errors"

var errNegative = errors.New("negative")

func check(n int) error {
	if n < 0 {
		return errNegative
	}
	return nil
}
```
Allocate once (a package-level error, a reused `bufio.Reader` with `Reset`, a buffer kept by the
caller), or keep the result local: `errors.New(s).Error()` whose error is dropped stays on the
stack.

## Compiler
Go 1.27, `go build -gcflags=-m` on the example prints `inlining call to errors.New` and
`&errors.errorString{...} escapes to heap` at the call (`-m=2`: `flow: ~r0 ← &{storage for
&errors.errorString{...}}`); the `Use instead` version prints `&errors.errorString{...} escapes
to heap` once, at the package-level initializer. A call whose result stays in the function
prints `&errors.errorString{...} does not escape`, and the rule is silent. The compiler does not
inline calls in `go` and `defer` statements, nor callees costing more than 20 into functions
larger than 5,000 nodes (package-level initializers all run in the package's one init function):
the rule stays silent there too.
'''
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from goescape.linter.findings import Finding, Severity
from goescape.linter.model import CalleeKind, FileModel
from goescape.linter.model.stdlib import AllocationFlow, InlinedAllocation, InlinedCallee, inlined
from goescape.linter.model.types import Map, underlying
from goescape.linter.patterns.boxed_values import callee_name
from goescape.linter.patterns.boxing import compiler_anchor
from goescape.linter.patterns.flows import value_sink
from goescape.linter.patterns.reachability import reported_where_written
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta

META = RuleMeta(
    code="ESC206",
    name="inlined-allocation",
    summary="a callee Go inlines here (errors.New, bytes.Clone, a small constructor) allocates, and it escapes",
    severity=Severity.WARNING,
    precision=Precision.HIGH,
    node_types=("call_expression",),
    tags=("escape", "inlining", "allocation"),
)

# cmd/compile's inliner: a function past 5,000 IR nodes inlines only callees costing at most
# 20. tree-sitter makes about two named nodes per IR node; below this many, a caller is surely
# small enough.
_BIG_CALLER_COST = 20
_SMALL_CALLER_NODES = 5_000
_NOT_INLINED = frozenset({"go_statement", "defer_statement"})


def check(node: Node, ctx: Context) -> Iterator[Finding]:
    facts = _inlined_callee(ctx, node)
    if facts is None:
        return
    fm = ctx.model
    if not reported_where_written(fm, node):
        return  # dropped as unreachable, or a generic body nothing instantiates
    if facts.static and fm.enclosing_function(node) is None and _static_initializer(fm, node):
        return  # turned into static data: nothing is allocated at run time
    if facts.cost > _BIG_CALLER_COST and not _small_caller(fm, node):
        return
    ordered = sorted(facts.allocations, key=_rank)
    heap = [a for a in ordered if a.flow is AllocationFlow.HEAP]
    result = [a for a in ordered if a.flow is AllocationFlow.RESULT]
    sink = value_sink(fm, node) if result else None
    if sink is None:
        result = []
    if not heap and not result:
        return
    callee = callee_name(fm, node)
    package = _package_name(fm, node)
    parts = []
    if heap:
        parts.append(f"{_list(heap, package)}, which the compiler always puts on the heap")
    if result and sink is not None:
        verb = "and the result is" if not heap else "which escapes as the result is"
        parts.append(f"{_list(result, package)}, {verb} {sink.reason}")
    # The compiler's own subject comes first ("X escapes: ..."): where it reports the call at
    # another line (the call sits in a func literal it inlines), that is what matches it there.
    primary = (heap or result)[0].subject
    message = f"{primary} escapes: {callee} is inlined here and allocates " + ", and ".join(parts)
    related = [(sink.node, "the result escapes here")] if sink is not None and result and \
        sink.node.start_point[0] != node.start_point[0] else []
    yield ctx.finding(META, compiler_anchor(node), message, related)


def _rank(allocation: InlinedAllocation) -> int:
    """Allocations that cost come first; boxes of constants (a panic message) last."""
    subject = allocation.subject
    if subject.startswith('"'):
        return 3
    described = describe(subject)
    if described.startswith("an interface box"):
        return 2
    return 1 if described.endswith(" literal") else 0


def _inlined_callee(ctx: Context, call: Node) -> InlinedCallee | None:
    """The facts for the callee of `call` (a standard-library function, or one of another
    package of the module that Go surely inlines), if it allocates."""
    function = call.child_by_field_name("function")
    if function is None or function.type != "selector_expression":
        return None  # pkg.F or x.M: a function of this package is not summarized
    parent = call.parent
    if parent is not None and parent.type in _NOT_INLINED:
        return None
    found = ctx.model.callee(call)
    if found is None or found.std is None or found.kind not in (CalleeKind.FUNCTION, CalleeKind.METHOD):
        return None
    return found.std.inlined or inlined().get(found.std.qualified_name)


# What staticinit may place in static data around an inlined call: a package-level variable's
# initializer, or an element or field of an array, slice or struct literal there (not a map's).
_STATIC_HOLDERS = frozenset({"parenthesized_expression", "literal_element", "keyed_element",
                             "literal_value", "expression_list"})
# Arguments that surely have no side effects (cmd/compile's staticinit.isSideEffect): names,
# literals, field selections, conversions, composite literals, arithmetic that cannot panic.
_PURE = frozenset({"identifier", "selector_expression", "interpreted_string_literal",
                   "raw_string_literal", "int_literal", "float_literal", "imaginary_literal",
                   "rune_literal", "true", "false", "nil", "iota", "composite_literal",
                   "literal_value", "literal_element", "keyed_element", "parenthesized_expression",
                   "field_identifier", "package_identifier", "type_identifier", "qualified_type",
                   "escape_sequence", "interpreted_string_literal_content", "raw_string_literal_content"})
_PURE_OPERATORS = frozenset({"+", "-", "|", "^", "*", "<<", ">>", "&", "&^", "==", "!=", "<", "<=",
                             ">", ">=", "&&", "!"})


def _static_initializer(fm: FileModel, call: Node) -> bool:
    """Whether `call` sits where a package-level initializer may be static data, with arguments
    free of side effects: the compiler then allocates nothing for it at run time."""
    node = call
    parent = node.parent
    while parent is not None and parent.type != "var_spec":
        if parent.type == "composite_literal":
            if isinstance(underlying(fm.type_of(parent)), Map):
                return False  # a map is built at run time, with its elements
        elif parent.type == "unary_expression":
            if node.type != "composite_literal":
                return False  # only &T{...} keeps it static
        elif parent.type not in _STATIC_HOLDERS:
            return False
        node, parent = parent, parent.parent
    if parent is None:
        return False
    arguments = call.child_by_field_name("arguments")
    return arguments is None or all(_pure(fm, a) for a in arguments.named_children)


def _pure(fm: FileModel, node: Node) -> bool:
    if node.type == "comment":
        return True
    if node.type in ("binary_expression", "unary_expression"):
        operator = node.child_by_field_name("operator")
        if operator is None or operator.type not in _PURE_OPERATORS:
            return False
    elif node.type in ("call_expression", "type_conversion_expression"):
        found = fm.callee(node) if node.type == "call_expression" else None
        conversion = node.type == "type_conversion_expression" or (
            found is not None and found.kind is CalleeKind.CONVERSION)
        if not conversion and not (found is not None and found.kind is CalleeKind.BUILTIN
                                   and found.name in ("len", "cap", "new") and not found.package):
            return False
        arguments = node.child_by_field_name("arguments")
        operands = arguments.named_children if arguments is not None else \
            node.children_by_field_name("operand")
        return all(_pure(fm, a) for a in operands)
    elif node.type not in _PURE:
        return False
    return all(_pure(fm, child) for child in node.named_children)


def _small_caller(fm: FileModel, call: Node) -> bool:
    """Whether the function around `call` is surely below the inliner's big-function limit. A
    package-level initializer runs in the package's init function, which holds every one of
    them, in every file of the package."""
    top = fm.top_at(call.start_byte)
    if top is None:
        return False
    if top.type == "var_declaration":
        return _small_init(fm)
    table: dict[int, bool] = fm.memo("inlined_allocation.small")
    if top.id not in table:
        table[top.id] = _count(top, _SMALL_CALLER_NODES) <= _SMALL_CALLER_NODES
    return table[top.id]


def _small_init(fm: FileModel) -> bool:
    table: dict[str, bool] = fm.package.memo("inlined_allocation.init")
    if "small" not in table:
        count = 0
        for file in fm.package.files.values():
            for top in file.tops:
                if top.type == "var_declaration" and count <= _SMALL_CALLER_NODES:
                    count += _count(top, _SMALL_CALLER_NODES - count)
        table["small"] = count <= _SMALL_CALLER_NODES
    return table["small"]


def _count(node: Node, limit: int) -> int:
    """Named nodes under `node`, counted up to just past `limit`."""
    count, stack = 0, [node]
    while stack and count <= limit:
        current = stack.pop()
        count += 1
        stack.extend(current.named_children)
    return count


def _package_name(fm: FileModel, call: Node) -> str:
    found = fm.callee(call)
    path = found.std.package if found is not None and found.std is not None else ""
    return path.rpartition("/")[2]


def _list(allocations: list[InlinedAllocation], package: str) -> str:
    described = list(dict.fromkeys(describe(a.subject, package) for a in allocations))
    return described[0] if len(described) == 1 else ", ".join(described[:-1]) + " and " + described[-1]


def describe(subject: str, package: str = "") -> str:
    """What the compiler's subject allocates, in words: `&errors.errorString{...}` is
    "an *errorString" (the callee's own package is left out)."""
    def name(type_text: str) -> str:
        return type_text.removeprefix(package + ".") if package else type_text

    if subject.startswith("&"):
        return f"a *{name(subject[1:].split('{', 1)[0])}"
    if subject.startswith("new(") and subject.endswith(")"):
        return f"a *{name(subject[4:-1])}"
    if subject.startswith("make("):
        made = _first_argument(subject[5:])
        kind = "map" if made.startswith("map[") else "buffer" if made.startswith("[]") else "value"
        return f"a {name(made)} {kind}"
    if subject == "append":
        return "a grown backing array (`append`)"
    if subject == "func literal":
        return "a closure"
    if subject.startswith(("string(", "([]byte)(", "([]rune)(")):
        return "a string copy" if subject.startswith("string(") else "a slice copy"
    if subject.startswith(("[]", "map[")):
        return f"a {name(subject.split('{', 1)[0])} literal"
    if " + " in subject:
        return "a concatenated string"
    if subject.startswith('"'):
        return "an interface box for a constant string"
    return f"an interface box for `{_short(subject)}`"


def _first_argument(text: str) -> str:
    depth = 0
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                return text[:index]
            depth -= 1
        elif char == "," and depth == 0:
            return text[:index]
    return text


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"
