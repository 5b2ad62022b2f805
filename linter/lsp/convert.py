"""goescape's diagnostics as LSP diagnostics: ranges in the client's units, severity, rule links."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp

from goescape.linter.findings import Diagnostic, Location, Severity
from goescape.linter.lsp.positions import Lines, to_units
from goescape.linter.registry.docs import help_uri
from goescape.linter.registry.registry import Registry

SOURCE = "goescape"
VERIFIED_SOURCE = "goescape (compiler-verified)"

_SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.NOTE: lsp.DiagnosticSeverity.Information,
}


def severity(diagnostic: Diagnostic) -> lsp.DiagnosticSeverity:
    """The configured severity; a note that allocates nothing (the cost model says so) is a hint."""
    if diagnostic.severity is Severity.NOTE and cost_of(diagnostic).get("allocates") == "nothing":
        return lsp.DiagnosticSeverity.Hint
    return _SEVERITIES.get(diagnostic.severity, lsp.DiagnosticSeverity.Information)


def cost_of(diagnostic: Diagnostic) -> Mapping[str, Any]:
    """The cost model's estimate (`properties["cost"]`), or {} when the finding carries none."""
    cost = diagnostic.properties.get("cost")
    return cost if isinstance(cost, Mapping) else {}


class Converter:
    """Converts one buffer's diagnostics: `uri` names the buffer, `lines` its text, `encoding`
    the position encoding agreed with the client."""

    def __init__(self, uri: str, path: Path | None, lines: Lines, encoding: str, registry: Registry) -> None:
        self.uri = uri
        self.path = path
        self.lines = lines
        self.encoding = encoding
        self.registry = registry

    def diagnostic(self, diagnostic: Diagnostic, *, verified: bool = False) -> lsp.Diagnostic:
        rule = self.registry.rules.get(diagnostic.code)
        url = help_uri(rule) if rule is not None else None
        related = [lsp.DiagnosticRelatedInformation(self.location(r.location), r.message)
                   for r in diagnostic.related]
        return lsp.Diagnostic(
            range=self.range(diagnostic.location),
            message=diagnostic.message,
            severity=severity(diagnostic),
            code=diagnostic.code,
            code_description=lsp.CodeDescription(href=url) if url else None,
            source=VERIFIED_SOURCE if verified else SOURCE,
            related_information=related or None,
            data={"code": diagnostic.code, "fingerprint": diagnostic.fingerprint},
        )

    def range(self, location: Location) -> lsp.Range:
        return lsp.Range(self.position(location.start.line, location.start.column),
                         self.position(location.end.line, location.end.column))

    def position(self, line: int, column: int) -> lsp.Position:
        """From goescape's 1-based line and code-point column."""
        row = max(line - 1, 0)
        return lsp.Position(row, to_units(self.lines.line(row), max(column - 1, 0), self.encoding))

    def location(self, location: Location) -> lsp.Location:
        """A related location: in this buffer, or in another file (columns from its disk text)."""
        if not location.file or self.path is None or Path(location.file) == self.path:
            return lsp.Location(self.uri, self.range(location))
        other = Converter(Path(location.file).as_uri(), Path(location.file), _disk_lines(location.file),
                          self.encoding, self.registry)
        return lsp.Location(other.uri, other.range(location))


def _disk_lines(path: str) -> Lines:
    try:
        return Lines(Path(path).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return Lines("")
