"""What the engine says about a file itself rather than its code: invalid UTF-8, no package clause, syntax errors."""
from __future__ import annotations

from tree_sitter import Node, Tree

from goescape.linter.findings import Notice
from goescape.linter.syntax.parsing import package_name
from goescape.linter.syntax.source import SourceFile


def parse_notices(file: SourceFile, tree: Tree, uri: str) -> list[Notice]:
    notices: list[Notice] = []
    if not file.is_valid_utf8:
        offset = _first_invalid_byte(file.data)
        line = file.line_of(offset)
        notices.append(Notice("encoding", "source is not valid UTF-8 (Go requires UTF-8); invalid "
                              "bytes were read as U+FFFD", file.display, uri, line + 1,
                              file.column(line, offset - file.line_start(line))))
    if package_name(tree) is None and not tree.root_node.has_error:
        notices.append(Notice("syntax", "no package clause: this is not a Go source file",
                              file.display, uri, 1, 1))
    errors = _error_nodes(tree.root_node) if tree.root_node.has_error else []
    if errors:
        notices.append(_syntax_notice(file, errors[0], uri, len(errors)))
    return notices


def _syntax_notice(file: SourceFile, error: Node, uri: str, count: int) -> Notice:
    row, column = error.start_point
    if error.is_missing:
        what = f"missing {error.type!r}"
    else:
        text = (error.text or b"")[:40].decode("utf-8", "replace").split("\n")[0]
        what = f"unexpected {text!r}" if text else "unexpected input"
    more = f" ({count} error regions)" if count > 1 else ""
    message = (f"syntax error: {what}{more}; the rest of the file was linted. If this is valid Go, "
               "it may use syntax newer than tree-sitter-go 0.25 understands")
    return Notice("syntax", message, file.display, uri, row + 1, file.column(row, column))


def _error_nodes(root: Node) -> list[Node]:
    """ERROR and MISSING nodes in document order (iterative: trees can nest thousands deep)."""
    found: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            found.append(node)
            continue
        stack.extend(reversed([c for c in node.children if c.has_error or c.is_missing or c.is_error]))
    return found


def _first_invalid_byte(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start
    return 0
