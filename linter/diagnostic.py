"""What the reports print: located, severity-tagged diagnostics and run notices."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from goescape.linter.rule import Severity
from goescape.linter.source import Position


@dataclass(frozen=True)
class Location:
    """A range in a file, with the path shown to users and the repo-relative URI for SARIF."""

    path: str
    uri: str
    start: Position
    end: Position
    snippet: str = ""  # the source line of `start`, for --show-source and fingerprints
    file: str = ""  # the resolved absolute path, for matching with the compiler's output


@dataclass(frozen=True)
class RelatedLocation:
    location: Location
    message: str


@dataclass(frozen=True)
class Diagnostic:
    """A finding after configuration: its rule, severity, place and (when suppressed) why."""

    code: str
    name: str
    severity: Severity
    location: Location
    message: str
    related: tuple[RelatedLocation, ...] = ()
    suppression: str | None = None  # the directive's justification, when suppressed in source
    fingerprint: str = ""
    properties: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def suppressed(self) -> bool:
        return self.suppression is not None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        start = self.location.start
        return (self.location.path, start.line, start.column, self.code, self.message)


@dataclass(frozen=True)
class Notice:
    """Something about the run rather than the code: a file that did not parse, could not be read."""

    kind: str  # "syntax", "encoding", "empty", "io", "rule-error", "plugin", "config"
    message: str
    path: str | None = None
    uri: str | None = None
    line: int | None = None
    column: int | None = None
    level: str = "warning"  # "error" when the run could not do what was asked

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path or "", self.line or 0, self.column or 0, self.message)
