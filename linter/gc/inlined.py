"""Where Go 1.27 reports an escape inside a func literal it inlined: at the call, not the line.

When the compiler inlines a func literal (called in place, through a local variable, by an
inlined function it is passed to, or as the body of a `for ... range` over an inlined
iterator such as `slices.Backward` or `strings.SplitSeq`), every diagnostic from the literal's
body carries the position of the call that inlined it (the range statement for a loop body).
The escape is real, but `-m` prints it on another line; `--verify`, the accuracy benchmark and
the fixture cross-check accept such a line only when the compiler's subject there is the
expression the finding sits on (`val escapes to heap` for a finding on `val`).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tree_sitter import Node, Tree

from goescape.linter.syntax.parsing import parse, same_node
from goescape.linter.syntax.source import SourceFile

_FUNCTIONS = ("function_declaration", "method_declaration")
_ASSIGNMENTS = ("short_var_declaration", "assignment_statement", "var_spec")
_LOOKAHEAD = 240  # bytes of source compared with a subject (subjects longer than that are rare)
# `int64(0)`: the compiler prints an untyped constant with the type it was given.
_TYPED_CONSTANT = re.compile(r"\b(?:u?int(?:8|16|32|64)?|uintptr|float(?:32|64)|byte|rune)\((-?[0-9][\w.]*)\)")
_IDENTIFIER = re.compile(r"\w")
_RESULT = re.compile(r"~[rR]\d+")
# The compiler parenthesizes a conversion's type that is not a name: `([]byte)(s)` for `[]byte(s)`.
_PARENTHESIZED_TYPE = re.compile(r"\((\[\][\w.*\[\]]+|map\[[^()]*\][\w.*]+)\)\(")
_MAX_NESTING = 4  # literals inlined into literals inlined into ...: deeper is not worth a walk
_SPACES = re.compile(r"\s+")
_SPACE_AROUND_SYMBOL = re.compile(r"(?<=\W) | (?=\W)")


@dataclass(frozen=True)
class Host:
    """A 1-based line where the compiler may report what sits at a position inside an inlined
    func literal, and the source text from that position on (to compare with its subject)."""

    line: int
    text: str
    said: str = ""  # the finding's own subject, from its message (`x` in "x escapes: ...")


def hosts(file: SourceFile, root: Node, row: int, byte_column: int, message: str = "") -> tuple[Host, ...]:
    """The lines that may carry the compiler's report of the code at 0-based (row, byte_column):
    for each func literal or range-loop body around it, the call that may inline it. `message`
    is the finding's: what it says escapes is compared with the compiler's subject too (a
    callee inlined at the finding allocates something that is not written there)."""
    node = root.descendant_for_point_range((row, byte_column), (row, byte_column))
    rows = list(dict.fromkeys(_host_rows(node))) if node is not None else []
    if not rows:
        return ()
    start = file.line_start(row) + byte_column
    text = _normal(file.data[start:start + _LOOKAHEAD].decode("utf-8", errors="replace"))
    said = _normal(message.split(" escapes", 1)[0]) if " escapes" in message else ""
    return tuple(Host(r + 1, text, said) for r in rows)


def confirms(subject: str, host: Host) -> bool:
    """Whether a compiler escape with `subject` on `host.line` is the finding's."""
    if matches(subject, host.text):
        return True
    said = host.said
    if not said:
        return False
    want = _normal(_TYPED_CONSTANT.sub(r"\1", subject))
    if said.endswith("...") and not said.endswith("{...}"):
        return want.startswith(said[:-3])  # the message shortens a long expression
    return want == said or _through_embedded(want, said) or _same_inlined_call(want, said)


def _same_inlined_call(want: str, said: str) -> bool:
    """`constant.int64Val(0)` for `constant.int64Val(constant.x)`: a callee inlined at the call
    allocates a value computed from its parameters, which the compiler prints substituted with
    the caller's arguments; the qualified function is the same."""
    head, paren, _ = said.partition("(")
    return bool(paren) and "." in head and said.endswith(")") and want.startswith(head + "(") \
        and want.endswith(")")


def _through_embedded(want: str, said: str) -> bool:
    """`a.Package.PackagePublic.ImportPath` (the compiler spells out embedded fields) for
    `a.Package.ImportPath` (as written): the same selectors, with more in between."""
    wanted, written = want.split("."), said.split(".")
    if len(wanted) <= len(written) or len(written) < 2 or wanted[0] != written[0] or wanted[-1] != written[-1]:
        return False
    rest = iter(wanted)
    return all(any(part == candidate for candidate in rest) for part in written)


class HostFinder:
    """`hosts` for positions as reports give them (a path, 1-based line and code-point column),
    each file read and parsed once: for the benchmark and the fixture cross-check."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[SourceFile, Tree] | None] = {}

    def at(self, path: str, line: int, column: int, message: str = "") -> tuple[Host, ...]:
        parsed = self._parsed(path)
        if parsed is None or not 1 <= line <= parsed[0].line_count:
            return ()
        file, tree = parsed
        row = line - 1
        return hosts(file, tree.root_node, row, len(file.line_text(row)[:column - 1].encode("utf-8")), message)

    def _parsed(self, path: str) -> tuple[SourceFile, Tree] | None:
        if path not in self._files:
            try:
                data = Path(path).read_bytes()
            except OSError:
                self._files[path] = None
            else:
                self._files[path] = (SourceFile(Path(path), data), parse(data))
        return self._files[path]


def matches(subject: str, text: str) -> bool:
    """Whether the compiler's subject (`x`, `&T{...}`, `a + b`, `func literal`) is the
    expression that starts `text`; spacing is ignored and typed constants unwrapped."""
    if subject == "func literal":
        return text.startswith("func")
    if subject in ("append", "... argument"):
        return text.startswith("append(") if subject == "append" else False
    want = _normal(_PARENTHESIZED_TYPE.sub(r"\1(", _TYPED_CONSTANT.sub(r"\1", subject)))
    if want.endswith("{...}"):
        return text.startswith(want[:-4])  # the compiler elides a literal's elements
    if _RESULT.search(want):  # `a.Objdir + ~r0`: the result of a call it inlined there
        pattern = _RESULT.sub(".+?", re.escape(want).replace(r"\~", "~"))
        return re.match(pattern + r"(?!\w)", text) is not None
    if not text.startswith(want):
        return False
    rest = text[len(want):]
    return not rest or _IDENTIFIER.match(rest[0]) is None


def _normal(text: str) -> str:
    """Spacing removed except between two word characters: `a.Objdir + name` and
    `a.Objdir+name` compare equal, and `x` still ends before `x sink`."""
    return _SPACE_AROUND_SYMBOL.sub("", _SPACES.sub(" ", text).strip())


def _host_rows(node: Node, depth: int = 0) -> Iterator[int]:
    current: Node | None = node
    while current is not None and current.type not in _FUNCTIONS:
        parent = current.parent
        if current.type == "func_literal":
            for call in _literal_calls(current):
                yield call.start_point[0]
                if depth < _MAX_NESTING:  # that call may sit in a literal inlined in turn
                    yield from _host_rows(call, depth + 1)
        elif current.type == "block" and parent is not None and parent.type == "for_statement" and any(
                child.type == "range_clause" for child in parent.named_children):
            yield parent.start_point[0]
        current = parent


def _literal_calls(literal: Node) -> Iterator[Node]:
    """The argument lists of the calls that may inline a func literal: the call that calls it in
    place, the call it is passed to, or each call of the local variable it is assigned to."""
    parent = literal.parent
    if parent is None:
        return
    if parent.type == "call_expression":
        arguments = parent.child_by_field_name("arguments")
        deferred = parent.parent is not None and parent.parent.type in ("defer_statement", "go_statement")
        if arguments is not None and not deferred and same_node(parent.child_by_field_name("function"), literal):
            yield arguments  # called in place (a deferred or go call is never inlined)
    elif parent.type == "argument_list":
        yield parent
    elif parent.type == "expression_list" and parent.parent is not None and parent.parent.type in _ASSIGNMENTS:
        name = _assigned_name(parent.parent, parent, literal)
        if name is not None:
            yield from _calls_of(parent.parent, name)


def _assigned_name(statement: Node, values: Node, literal: Node) -> bytes | None:
    index = next((i for i, v in enumerate(values.named_children) if same_node(v, literal)), None)
    left = statement.child_by_field_name("left") or statement.child_by_field_name("name")
    if index is None or left is None:
        return None
    names = left.named_children if left.type == "expression_list" else [
        c for c in statement.children_by_field_name("name")]
    target = names[index] if index < len(names) else None
    return target.text if target is not None and target.type == "identifier" else None


def _calls_of(statement: Node, name: bytes) -> Iterator[Node]:
    """Calls of `name` in the function that declares it, after the declaration."""
    scope: Node | None = statement
    while scope is not None and scope.type not in (*_FUNCTIONS, "func_literal"):
        scope = scope.parent
    body = scope.child_by_field_name("body") if scope is not None else None
    if body is None:
        return
    calls = []
    stack = [body]
    while stack:
        node = stack.pop()
        if node.type == "call_expression" and node.start_byte > statement.start_byte:
            function, arguments = node.child_by_field_name("function"), node.child_by_field_name("arguments")
            if function is not None and arguments is not None and function.type == "identifier" \
                    and function.text == name:
                calls.append(arguments)
        stack.extend(node.named_children)
    yield from sorted(calls, key=lambda call: call.start_byte)
