"""Classify a compiler escape no rule found into the rule whose pattern the code there matches.

Two facts decide: *what* the compiler put on the heap (the site: a variable, `&T{...}`, a boxed
value, a func literal, `append`, a concatenation, ...), read from the message and the syntax at
its position, and *where* it went (the sink), read from the last step of the `-m=2` explanation
(`(return)`, `(send)`, `(assign)` to a map element or through a pointer, `(call parameter)` of a
func value or an interface method, `(captured by a closure)`, `(too large for stack)`), with the
package model answering what the syntax there denotes. A value stored into another allocation
that escapes (`{storage for &T{...}}`) is classified as that allocation is. Whatever fits no
pattern goes to a catch-all rule (ESC2xx), never nowhere.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tree_sitter import Node, Tree

from goescape.linter.gc.parse import Diagnostic, Explanation, FlowStep, Kind, Location
from goescape.linter.model import CalleeKind, FileModel, SelectionKind, StorageKind, SymbolKind
from goescape.linter.model.types import Interface, Slice, underlying
from goescape.linter.syntax.source import SourceFile
from goescape.linter.verify import codes
from goescape.linter.verify.sites import (
    FUNCTIONS,
    Site,
    enclosing,
    node_at,
    point,
    site_kind,
    site_node,
    text,
)
from goescape.linter.verify.verdicts import (
    Sink,
    Where,
    code_for,
    message,
    short,
    subject_of,
    variable_message,
)

_ASSIGNMENTS = frozenset({"assignment_statement", "short_var_declaration", "var_spec"})
_MAX_DEPTH = 3  # how many enclosing allocations a value may be chased through


@dataclass(frozen=True)
class Verdict:
    """A compiler escape, classified and placed."""

    code: str
    node: Node | None  # where the finding sits; None: at the compiler's position
    message: str
    related: tuple[tuple[Node, str], ...] = ()


@dataclass(frozen=True)
class _Unit:
    """A file of the package: its source, tree and model (for steps in sibling files)."""

    file: SourceFile
    tree: Tree
    model: FileModel | None


class Classifier:
    """Classifies the escapes of one file; `escapes` are all of them (enclosing allocations are
    looked up there)."""

    def __init__(self, file: SourceFile, tree: Tree, model: Callable[[], FileModel],
                 escapes: Sequence[Diagnostic]) -> None:
        self._file = file
        self._path = os.path.realpath(file.path)
        self._tree = tree
        self._model_factory = model
        self._model: FileModel | None = None
        self._escapes: dict[str, list[Diagnostic]] = {}
        for diagnostic in escapes:
            self._escapes.setdefault(diagnostic.subject, []).append(diagnostic)

    # -- entry point -------------------------------------------------------------------------

    def classify(self, diagnostic: Diagnostic) -> Verdict:
        site, node, found = self._site(diagnostic)
        where = self._where(diagnostic, site, node, 0)
        code = code_for(site, where)
        if site is Site.VARIABLE:
            return self._variable(diagnostic, node if found else None, node, where, code)
        if not found:
            return self._inlined(diagnostic, site, node, where, code)
        return Verdict(code, node, message(site, subject_of(diagnostic, node, site), where))

    def _site(self, diagnostic: Diagnostic) -> tuple[Site, Node | None, bool]:
        site = site_kind(diagnostic)
        node, found = site_node(self._tree, self._file, diagnostic, site)
        if site is Site.BOXED and node is not None and self._is_method_value(node):
            site = Site.METHOD_VALUE
        return site, node, found

    def _inlined(self, diagnostic: Diagnostic, site: Site, node: Node | None, where: Where,
                 code: str) -> Verdict:
        """What the compiler allocates in a callee it inlined is reported at the call."""
        call = enclosing(node, {"call_expression", *FUNCTIONS})
        if call is None or call.type != "call_expression":
            return Verdict(code, None, message(site, short(diagnostic.subject), where))
        callee = callee_text(call)
        subject = f"{short(diagnostic.subject)} (allocated in {callee}, inlined here)"
        function = call.child_by_field_name("function")
        if function is not None and function.type != "func_literal" and site is not Site.VARIABLE:
            code = codes.INLINED  # a named callee's allocation: the inlined-allocation rule's
        return Verdict(code, call, message(site, subject, where))

    def _variable(self, diagnostic: Diagnostic, declared: Node | None, at: Node | None,
                  where: Where, code: str) -> Verdict:
        """`moved to heap: x` sits on x's declaration; the finding goes where x's address is
        taken (or where a closure captures it), with the declaration as a related location.
        Without a declaration there (a variable of a func literal inlined at a call), it stays
        at the compiler's position."""
        name = diagnostic.subject
        use = self._use(diagnostic.explanation)
        note = f"{name} is declared here; the compiler moves it to the heap"
        if declared is None:
            return Verdict(code, at, variable_message(name, where, use is not None and
                                                      use.type == "unary_expression"))
        if use is None or use.start_point == declared.start_point:
            return Verdict(code, declared, variable_message(name, where, False))
        address = use.type == "unary_expression"
        return Verdict(code, use, variable_message(name, where, address), ((declared, note),))

    def _use(self, explanation: Explanation | None) -> Node | None:
        if explanation is None or not explanation.flows:
            return None
        for step in explanation.flows[0].steps:
            if step.why in ("address-of", "captured by a closure") and step.location is not None \
                    and step.location.path == self._path:
                node = node_at(self._tree, point(self._file, step.location))
                if node is None:
                    return None
                parent = node.parent
                if step.why == "address-of" and parent is not None and \
                        parent.type == "unary_expression" and text(parent).startswith("&"):
                    return parent
                return node
        return None

    # -- where the value goes ------------------------------------------------------------------

    def _where(self, diagnostic: Diagnostic, site: Site, node: Node | None, depth: int) -> Where:
        explanation = diagnostic.explanation
        steps = [s for f in explanation.flows for s in f.steps] if explanation else []
        whys = {s.why for s in steps}
        for reason in ("too large for stack", "too aligned for stack"):
            if reason in whys:
                return Where(Sink.LARGE, reason.replace("stack", "the stack"))
        if explanation is None or not explanation.flows:
            return self._from_syntax(node)
        if "captured by a closure" in whys:
            return Where(Sink.CLOSURE, "captured by a closure that escapes")
        root = explanation.flows[-1].dst
        last = explanation.flows[-1].steps[-1] if explanation.flows[-1].steps else None
        if root.startswith("~r") or (last is not None and last.why == "return"):
            return Where(Sink.RETURN, "returned")
        if last is None:
            return self._from_syntax(node)
        return self._by_step(root, last, node, depth)

    def _by_step(self, root: str, last: FlowStep, node: Node | None, depth: int) -> Where:
        why = last.why
        if why == "send":
            return Where(Sink.SEND, "sent on a channel")
        if why == "key of map put":
            return Where(Sink.MAP, "stored in a map")
        if why == "call parameter":
            return self._call(last, node, variadic=False)
        if root == "{storage for ... argument}":
            return self._call(last, node, variadic=True)
        if root == "{storage for func literal}":
            return Where(Sink.CLOSURE, "captured by a closure that escapes")
        if root.startswith("{storage for ") and root.endswith("}"):
            return self._contained(root[len("{storage for ") : -1], last.location, depth)
        if why.startswith("assign"):
            return self._assignment(last)
        if root == "{heap}":
            return self._from_syntax(node)
        return self._contained(root, last.location, depth)

    def _from_syntax(self, node: Node | None) -> Where:
        statement = enclosing(node, {"go_statement", *FUNCTIONS})
        if statement is not None and statement.type == "go_statement":
            return Where(Sink.GOROUTINE, "used by a goroutine that outlives the function")
        return Where(Sink.UNKNOWN, "kept beyond the function, as the compiler's analysis found")

    def _assignment(self, step: FlowStep) -> Where:
        unit, statement = self._statement(step.location, _ASSIGNMENTS)
        written = assigned_text(step.what)
        if unit is None or statement is None or unit.model is None or (
                written and written not in {" ".join(text(t).split()) for t in targets(statement)}):
            # not written there: an assignment in a callee inlined at this call
            return self._assigned_by_text(written)
        for target in targets(statement):
            storage = unit.model.storage(target)
            if storage is None:
                continue
            if storage.kind is StorageKind.MAP_ELEMENT:
                return Where(Sink.MAP, "stored in a map")
            if storage.kind is StorageKind.SLICE_ELEMENT:
                return Where(Sink.SLICE, "stored in a slice element")
            if storage.kind is StorageKind.DEREF:
                return Where(Sink.POINTER, f"stored through a pointer ({short(text(target))})")
            if storage.is_package_level:
                return Where(Sink.GLOBAL, f"stored in the package-level variable {short(text(target))}")
        return Where(Sink.UNKNOWN, "assigned where it outlives the function")

    def _assigned_by_text(self, written: str) -> Where:
        """The destination of an assignment known only by the compiler's text of it."""
        if not written:
            return Where(Sink.UNKNOWN, "assigned where it outlives the function")
        shown = short(written)
        root = written.lstrip("*(").split(".", 1)[0].split("[", 1)[0]
        package = self.model.package if self.model is not None else None
        symbol = package.symbol(root) if package is not None and root else None
        if symbol is not None and symbol.kind is SymbolKind.PACKAGE_VAR:
            return Where(Sink.GLOBAL, f"stored in the package-level variable {shown}")
        if written.startswith("*"):
            return Where(Sink.POINTER, f"stored through a pointer ({shown})")
        if written.endswith("]"):
            return Where(Sink.SLICE, f"stored in an element of {shown}")
        if "." in written:
            return Where(Sink.POINTER, f"stored through a pointer ({shown})")
        return Where(Sink.UNKNOWN, f"assigned to {shown}, which outlives the function")

    def _call(self, step: FlowStep, node: Node | None, *, variadic: bool) -> Where:
        unit, call = self._statement(step.location, {"call_expression"})
        if unit is None or call is None or unit.model is None:
            return Where(Sink.CALL, "passed to a call whose parameter leaks")
        call = call_named(call, step.what)
        name = callee_text(call)
        callee = unit.model.callee(call)
        kind = callee.kind if callee is not None else None
        if kind is CalleeKind.FUNC_VALUE and callee is not None and callee.symbol is not None and \
                callee.symbol.kind is SymbolKind.EXTERNAL:
            kind = CalleeKind.FUNCTION  # `pkg.F` of a package the model has no data for
        if kind is CalleeKind.BUILTIN and callee is not None and callee.name == "append":
            return Where(Sink.SLICE, "appended to a slice whose backing array escapes")
        if variadic or self._in_variadic_tail(unit.model, call, node):
            element = variadic_element(unit.model, call)
            if isinstance(underlying(element), Interface):
                return Where(Sink.CALL, f"passed in {name}'s ...{element} argument", codes.VARIADIC)
            if kind not in (CalleeKind.FUNC_VALUE, CalleeKind.INTERFACE_METHOD):
                return Where(Sink.CALL, f"passed in {name}'s variadic argument, which leaks")
        if kind is CalleeKind.FUNC_VALUE:
            return Where(Sink.CALL, f"passed to a call through the func value {name}", codes.FUNC_VALUE)
        if kind is CalleeKind.INTERFACE_METHOD:
            return Where(Sink.CALL, f"passed to the interface method {name}", codes.INTERFACE_METHOD)
        if kind is CalleeKind.BUILTIN:
            return Where(Sink.CALL, f"passed to {name}")
        return Where(Sink.CALL, f"passed to {name}, whose parameter leaks")

    def _in_variadic_tail(self, model: FileModel, call: Node, node: Node | None) -> bool:
        args = call.child_by_field_name("arguments")
        if args is None or node is None or not within(node, args):
            return False
        for index, arg in enumerate(a for a in args.named_children if a.type != "comment"):
            if within(node, arg):
                argument = model.argument(call, index)
                return argument is not None and argument.variadic_tail and not argument.spread
        return False

    def _contained(self, container: str, location: Location | None, depth: int) -> Where:
        """Stored into another location that escapes: classified as that one is."""
        if container == "func literal":
            return Where(Sink.CLOSURE, "captured by a closure that escapes")
        outer = self._escape_named(container, location)
        if outer is None or depth >= _MAX_DEPTH:
            return Where(Sink.CONTAINED, f"stored in {short(container)}, which escapes")
        site, node, _ = self._site(outer)
        where = self._where(outer, site, node, depth + 1)
        verb = "is moved to the heap" if outer.kind is Kind.MOVED else f"is {where.phrase}"
        return Where(Sink.CONTAINED, f"stored in {short(container)}, which {verb}",
                     code_for(site, where))

    def _escape_named(self, subject: str, location: Location | None) -> Diagnostic | None:
        """The escape of `subject` in this file, the closest to `location` when several."""
        found = self._escapes.get(subject)
        if not found:
            return None
        line = location.line if location is not None else 0
        return min(found, key=lambda d: abs(d.location.line - line))

    # -- syntax and model at a position -------------------------------------------------------

    def _statement(self, location: Location | None,
                   types: frozenset[str] | set[str]) -> tuple[_Unit | None, Node | None]:
        unit = self._unit(location)
        if unit is None or location is None:
            return None, None
        node = node_at(unit.tree, point(unit.file, location))
        return unit, enclosing(node, types)

    def _unit(self, location: Location | None) -> _Unit | None:
        if location is None or not location.path:
            return None
        if location.path == self._path:
            return _Unit(self._file, self._tree, self.model)
        sibling = self.model.package.files.get(Path(location.path)) if self.model else None
        if sibling is None:
            return None
        return _Unit(sibling.source, sibling.tree, sibling)

    @property
    def model(self) -> FileModel | None:
        if self._model is None:
            try:
                self._model = self._model_factory()
            except Exception:
                return None
        return self._model

    def _is_method_value(self, node: Node) -> bool:
        if node.type != "selector_expression" or self.model is None:
            return False
        parent = node.parent
        if parent is not None and parent.type == "call_expression" and \
                parent.child_by_field_name("function") == node:
            return False
        selection = self.model.select(node)
        return selection is not None and selection.kind in (
            SelectionKind.METHOD, SelectionKind.INTERFACE_METHOD)


# -- syntax ---------------------------------------------------------------------------------------


def targets(statement: Node) -> list[Node]:
    """The assigned expressions of an assignment (left side), for a var spec its names."""
    left = statement.child_by_field_name("left") or statement.child_by_field_name("name")
    if left is None:
        return []
    return [n for n in left.named_children if n.type != "comment"] if \
        left.type == "expression_list" else [left]


def callee_text(call: Node) -> str:
    function = call.child_by_field_name("function")
    if function is not None and function.type == "func_literal":
        return "a func literal called in place"
    return short(text(function))


def call_named(call: Node, what: str) -> Node:
    """The call an explanation step names (`visit(&n)`): the one at its position, unless that
    is a func literal called in place (inlined: its calls are reported at its own call)."""
    name = what.split("(", 1)[0]
    function = call.child_by_field_name("function")
    if not name or function is None or text(function) == name or function.type != "func_literal":
        return call
    stack = [function]
    while stack:
        node = stack.pop()
        if node.type == "call_expression":
            inner = node.child_by_field_name("function")
            if inner is not None and text(inner) == name:
                return node
        stack.extend(node.named_children)
    return call


def assigned_text(what: str) -> str:
    """The left side of the compiler's text of an assignment: `l.lines = append(...)` -> `l.lines`."""
    for operator in (" := ", " = "):
        if operator in what:
            left = what.split(operator, 1)[0]
            return "" if "," in left else " ".join(left.split())
    return ""


def within(node: Node, outer: Node) -> bool:
    return outer.start_byte <= node.start_byte and node.end_byte <= outer.end_byte


def variadic_element(model: FileModel, call: Node):  # type: ignore[no-untyped-def]
    signature = model.call_signature(call)
    if signature is None or not getattr(signature, "variadic", False) or not signature.params:
        return None
    last = signature.params[-1]
    return last.elem if isinstance(last, Slice) else None
