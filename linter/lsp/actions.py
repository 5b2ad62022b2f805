"""Code actions on a finding: suppress it on its line or in its file (a reason to write), or explain its rule."""
from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types as lsp

from goescape.linter.engine.suppressions import PLACEHOLDER_REASON
from goescape.linter.findings import Diagnostic
from goescape.linter.lsp.positions import Lines, from_units, to_units
from goescape.linter.registry.directive_rules import UNUSED_SUPPRESSION
from goescape.linter.registry.registry import RESERVED_PREFIX, Registry

EXPLAIN = "goescape.explain"  # the command: its argument is a rule code
_PACKAGE = re.compile(r"^\s*package\s+\w")


def code_actions(uri: str, version: int | None, lines: Lines, encoding: str, registry: Registry,
                 findings: Sequence[tuple[Diagnostic, lsp.Diagnostic]], wanted: lsp.Range,
                 versioned: bool) -> list[lsp.CodeAction]:
    """The actions for the findings that touch `wanted`. `versioned`: the client takes
    versioned document edits (they fail safely on a buffer edited meanwhile)."""
    actions: list[lsp.CodeAction] = []
    explained: set[str] = set()
    for finding, shown in findings:
        if not _overlaps(shown.range, wanted):
            continue
        edits: list[tuple[str, list[lsp.TextEdit]]] = []
        if finding.code == UNUSED_SUPPRESSION.code:
            edits.append(("Remove the unused suppression", [_remove_directive(lines, encoding, shown.range)]))
        elif not finding.code.startswith(RESERVED_PREFIX):
            row = shown.range.start.line
            indent = re.match(r"[ \t]*", lines.line(row))
            edits.append((f"Suppress {finding.code} on this line (//goescape:ignore, reason to write)",
                          [_insert_line(row, f"{indent.group(0) if indent else ''}//goescape:ignore "
                                             f"{finding.code} {PLACEHOLDER_REASON}")]))
            edits.append((f"Suppress {finding.code} in this file (//goescape:file-ignore, reason to write)",
                          [_file_ignore(lines, encoding, finding.code)]))
        for title, text_edits in edits:
            actions.append(lsp.CodeAction(title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[shown],
                                          edit=_edit(uri, version, text_edits, versioned)))
        rule = registry.rules.get(finding.code)
        if rule is not None and finding.code not in explained:
            explained.add(finding.code)
            actions.append(lsp.CodeAction(
                f"Explain {finding.code} ({rule.name})", kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[shown], command=lsp.Command(f"Explain {finding.code}", EXPLAIN, arguments=[finding.code])))
    return actions


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    def key(p: lsp.Position) -> tuple[int, int]:
        return (p.line, p.character)
    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _insert_line(row: int, text: str) -> lsp.TextEdit:
    at = lsp.Position(row, 0)
    return lsp.TextEdit(lsp.Range(at, at), text + "\n")


def _file_ignore(lines: Lines, encoding: str, code: str) -> lsp.TextEdit:
    """`//goescape:file-ignore` in a paragraph of its own after the package clause (above it, a
    comment would join the package's documentation)."""
    directive = f"//goescape:file-ignore {code} {PLACEHOLDER_REASON}"
    row = next((r for r in range(len(lines)) if _PACKAGE.match(lines.line(r))), None)
    if row is None:
        return _insert_line(0, directive + "\n")
    if row + 1 < len(lines):
        return _insert_line(row + 1, "\n" + directive)
    end = lsp.Position(row, to_units(lines.line(row), len(lines.line(row)), encoding))
    return lsp.TextEdit(lsp.Range(end, end), "\n\n" + directive + "\n")


def _remove_directive(lines: Lines, encoding: str, directive: lsp.Range) -> lsp.TextEdit:
    """The directive's comment, with its line when nothing else is on it."""
    row = directive.start.line
    text = lines.line(row)
    before = text[: from_units(text, directive.start.character, encoding)]
    if not before.strip():
        return lsp.TextEdit(lsp.Range(lsp.Position(row, 0), lsp.Position(row + 1, 0)), "")
    start = to_units(text, len(before.rstrip()), encoding)  # the code before it stays, not the blanks
    return lsp.TextEdit(lsp.Range(lsp.Position(row, start), directive.end), "")


def _edit(uri: str, version: int | None, edits: list[lsp.TextEdit], versioned: bool) -> lsp.WorkspaceEdit:
    if versioned:
        document = lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        return lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(document, list(edits))])
    return lsp.WorkspaceEdit(changes={uri: list(edits)})
