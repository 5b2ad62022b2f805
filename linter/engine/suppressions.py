"""In-source suppression directives, read from comment nodes, and the findings they produce."""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from tree_sitter import Node, Query, QueryCursor, Tree

from goescape.linter.findings import Finding, Span
from goescape.linter.registry.directive_rules import MISSING_REASON, UNKNOWN_RULE, UNUSED_SUPPRESSION
from goescape.linter.registry.registry import Registry
from goescape.linter.syntax.parsing import GO, node_text
from goescape.linter.syntax.source import SourceFile

_OURS = re.compile(r"^//goescape:(?P<verb>\S*)(?:[ \t]+(?P<rules>\S+))?(?:[ \t]+(?P<reason>.*))?$")
# golangci-lint's form: `//nolint`, `//nolint:a,b`, optionally followed by `// reason`.
_NOLINT = re.compile(r"^//nolint(?::(?P<linters>[\w,.-]+))?(?P<rest>.*)$")
_VERBS = ("ignore", "file-ignore")
# What the editor's quick fix writes for the reason: a reason the user has yet to write, so it
# suppresses nothing (ESC001 says so) until it is replaced.
PLACEHOLDER_REASON = "<reason: why this allocation is acceptable>"


@dataclass(eq=False)
class Directive:
    """One directive: what it names, why, and which lines it covers (None: the whole file)."""

    kind: str  # "ignore", "file-ignore" or "nolint"
    span: Span
    selectors: tuple[str, ...]
    codes: frozenset[str] | None  # None: every goescape rule
    reason: str
    lines: range | None
    unknown: tuple[str, ...] = ()
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if self.codes is not None and finding.code not in self.codes:
            return False
        return self.lines is None or finding.span.start[0] in self.lines


@dataclass
class Directives:
    """A file's directives and the problems found while reading them."""

    active: list[Directive] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)

    def suppressing(self, finding: Finding) -> Directive | None:
        """The directive that suppresses `finding` (marking every covering directive used)."""
        found: Directive | None = None
        for directive in self.active:
            if directive.covers(finding):
                directive.used = True
                found = found or directive
        return found

    def unused(self, enabled: Iterable[str]) -> Iterator[Finding]:
        """ESC003 for directives that suppressed nothing although a rule they name was enabled."""
        enabled_codes = set(enabled)
        for directive in self.active:
            if directive.used:
                continue
            names_enabled = directive.codes is None or bool(directive.codes & enabled_codes)
            if names_enabled:
                named = ",".join(directive.selectors) or "goescape"
                yield Finding(UNUSED_SUPPRESSION.code, directive.span,
                              f"unused suppression: {named} reported nothing here")


@lru_cache(maxsize=1)
def _comment_query() -> Query:
    return Query(GO, "(comment) @comment")


def comment_nodes(tree: Tree) -> list[Node]:
    captures = QueryCursor(_comment_query()).captures(tree.root_node)
    return sorted(captures.get("comment", []), key=lambda n: n.start_byte)


def read_directives(file: SourceFile, tree: Tree, registry: Registry,
                    comments: Iterable[Node] | None = None) -> Directives:
    """The file's directives; `comments` (document order) when the caller already captured them."""
    result = Directives()
    for comment in comment_nodes(tree) if comments is None else comments:
        text = node_text(comment).rstrip()
        if text.startswith("//goescape:"):
            _read_ours(text, comment, file, tree, registry, result)
        elif text.startswith("//nolint"):
            _read_nolint(text, comment, file, tree, result)
    return result


def _read_ours(text: str, comment: Node, file: SourceFile, tree: Tree, registry: Registry,
               result: Directives) -> None:
    match = _OURS.match(text)
    span = Span.of(comment)
    verb = match.group("verb") if match else ""
    if match is None or verb not in _VERBS:
        close = difflib.get_close_matches(verb, _VERBS, n=1)
        hint = f" (did you mean //goescape:{close[0]}?)" if close else ""
        result.problems.append(Finding(MISSING_REASON.code, span,
                                       f"malformed directive: unknown verb {verb!r}{hint}"))
        return
    selectors = tuple(s for s in (match.group("rules") or "").split(",") if s)
    reason = (match.group("reason") or "").strip()
    if not selectors:
        result.problems.append(Finding(MISSING_REASON.code, span,
                                       f"//goescape:{verb} names no rule; it suppresses nothing"))
        return
    if not reason:
        result.problems.append(Finding(MISSING_REASON.code, span,
                                       f"//goescape:{verb} {','.join(selectors)} gives no reason; "
                                       "it suppresses nothing"))
        return
    if reason == PLACEHOLDER_REASON:
        result.problems.append(Finding(MISSING_REASON.code, span,
                                       f"//goescape:{verb} {','.join(selectors)} still has the placeholder "
                                       "reason: write why; it suppresses nothing until then"))
        return
    codes, unknown = _resolve(selectors, registry)
    for name in unknown:
        close = difflib.get_close_matches(name, registry.spellings(), n=1)
        suggestion = f" (did you mean {close[0]}?)" if close else ""
        result.problems.append(Finding(UNKNOWN_RULE.code, span,
                                       f"directive names unknown rule {name!r}{suggestion}"))
    if not codes:
        return
    lines = None if verb == "file-ignore" else _target_lines(comment, file, tree, whole_node=False)
    result.active.append(Directive(verb, span, selectors, frozenset(codes), reason, lines, unknown))


def _read_nolint(text: str, comment: Node, file: SourceFile, tree: Tree, result: Directives) -> None:
    match = _NOLINT.match(text)
    if match is None:
        return
    linters = [name.strip().lower() for name in (match.group("linters") or "").split(",") if name]
    rest = match.group("rest").strip()
    if rest and not rest.startswith("//"):
        return  # `//nolintfoo` is not a nolint directive
    reason = rest.removeprefix("//").strip()
    span = Span.of(comment)
    lines = _target_lines(comment, file, tree, whole_node=True)
    if "goescape" not in linters:
        if not linters or "all" in linters:
            # A blanket //nolint is another linter's business: honour it, never report it.
            result.active.append(Directive("nolint", span, (), None, reason, lines, used=True))
        return
    if not reason:
        result.problems.append(Finding(MISSING_REASON.code, span,
                                       "//nolint:goescape gives no reason (write `//nolint:goescape "
                                       "// why`); it suppresses nothing"))
        return
    result.active.append(Directive("nolint", span, ("goescape",), None, reason, lines))


def _resolve(selectors: tuple[str, ...], registry: Registry) -> tuple[set[str], tuple[str, ...]]:
    codes: set[str] = set()
    unknown: list[str] = []
    for selector in selectors:
        rules = registry.expand(selector)
        if not rules:
            unknown.append(selector)
        codes.update(rule.code for rule in rules)
    return codes, tuple(unknown)


def _target_lines(comment: Node, file: SourceFile, tree: Tree, *, whole_node: bool) -> range:
    """A trailing directive covers its own line; one on a line of its own covers the next code line
    (and, in golangci-lint's nolint semantics, the whole statement or declaration starting there)."""
    row, column = comment.start_point
    if file.line_bytes(row)[:column].strip():
        return range(row, row + 1)
    target = _next_code_line(row, file)
    if target is None:
        return range(row, row + 1)
    if whole_node:
        node = _node_starting_at(tree, target, file)
        if node is not None:
            return range(target, node.end_point[0] + 1)
    return range(target, target + 1)


def _next_code_line(row: int, file: SourceFile) -> int | None:
    for line in range(row + 1, file.line_count):
        text = file.line_bytes(line).strip()
        if text and not text.startswith(b"//"):
            return line
    return None


def _node_starting_at(tree: Tree, row: int, file: SourceFile) -> Node | None:
    line = file.line_bytes(row)
    column = len(line) - len(line.lstrip())
    node = tree.root_node.named_descendant_for_point_range((row, column), (row, column))
    while node is not None and node.parent is not None and node.parent.start_point == node.start_point \
            and node.parent.type != "source_file":
        node = node.parent
    return node
