"""The plain data every stage shares: what rules find, what reports print, what a run produced.

Nothing here imports the rest of goescape, so every stage can import it and none reaches up."""
from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tree_sitter import Node



class Severity(enum.IntEnum):
    """How loudly a finding is reported; OFF disables a rule."""

    OFF = 0
    NOTE = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}") from None


@dataclass(frozen=True)
class Span:
    """A source range as tree-sitter gives it: 0-based (row, byte column) points."""

    start: tuple[int, int]
    end: tuple[int, int]

    @classmethod
    def of(cls, node: Node) -> Span:
        return cls(tuple(node.start_point), tuple(node.end_point))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Related:
    """A secondary location that explains a finding (a declaration, a return statement)."""

    span: Span
    message: str


@dataclass(frozen=True)
class Finding:
    """What a rule reports: a code, where, why, and the locations that explain it."""

    code: str
    span: Span
    message: str
    related: tuple[Related, ...] = ()
    # Extra facts for the reports (e.g. the compiler's verdict in --verify mode); JSON-serializable.
    properties: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}), hash=False,
                                          compare=False)


@dataclass(frozen=True)
class Cost:
    """What a finding costs: what its allocation takes (`allocates`: "nothing", "fixed", "grows"
    or "unknown"; `bytes` when known, rounded as the allocator rounds them), how often it runs
    (`frequency`: "loop", "ordinary" or "cold"; `loop_depth`), why, and `estimate`, the relative
    bytes used to rank findings (bytes each time times how often). Reports carry it as
    `properties["cost"]`."""

    allocates: str
    bytes: float | None
    frequency: str
    loop_depth: int = 0
    reasons: tuple[str, ...] = ()
    estimate: float = 0.0

    @property
    def free(self) -> bool:
        return self.allocates == "nothing"

    @property
    def cold(self) -> bool:
        return self.frequency == "cold"

    def as_dict(self) -> dict[str, Any]:
        return {"allocates": self.allocates, "bytes": self.bytes, "frequency": self.frequency,
                "loop_depth": self.loop_depth, "reasons": list(self.reasons), "estimate": self.estimate}

    @classmethod
    def from_properties(cls, properties: Mapping[str, Any]) -> Cost | None:
        found = properties.get("cost")
        if not isinstance(found, Mapping):
            return None
        return cls(str(found.get("allocates", "unknown")), found.get("bytes"), str(found.get("frequency", "ordinary")),
                   int(found.get("loop_depth", 0)), tuple(found.get("reasons", ())), float(found.get("estimate", 0.0)))


@dataclass(frozen=True)
class Position:
    """A 1-based line and a 1-based column counted in Unicode code points."""

    line: int
    column: int


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


@dataclass
class FileResult:
    path: Path | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    linted: bool = False
    generated: bool = False
    failed: bool = False  # could not be read, or a rule crashed: the run is incomplete
    refuted: list[Diagnostic] = field(default_factory=list)


@dataclass
class RunResult:
    """Everything a report needs: diagnostics (sorted), notices and counts."""

    root: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    files_linted: int = 0
    files_generated: int = 0
    files_excluded: int = 0
    missing: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # the files linted, resolved
    failed: bool = False
    # findings a stage marked `properties["verified"] = False` (the compiler contradicts them):
    # never reported nor counted as findings, listed on request (--show-refuted)
    refuted: list[Diagnostic] = field(default_factory=list)
    # what the baseline and --diff filters did: {"baseline": {"hidden": n, "fixed": m}, "diff": {...}}
    filters: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def reported(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.suppressed]

    @property
    def suppressed(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.suppressed]


