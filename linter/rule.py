"""Rule metadata, severities and the findings rules produce."""
from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from tree_sitter import Node

    from goescape.linter.context import Context

CODE_PATTERN = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
# The docstring sections every rule must carry (ruff's rule-doc layout plus what the compiler prints).
DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Compiler")


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


class Precision(enum.Enum):
    """How often a rule's findings are confirmed by the compiler (SARIF `precision` values)."""

    VERY_HIGH = "very-high"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True)
class RuleOption:
    """One configurable option of a rule: its default and what it means."""

    default: Any
    help: str


@dataclass(frozen=True)
class RuleMeta:
    """What the engine, the config and the reports need to know about a rule."""

    code: str
    name: str
    summary: str
    severity: Severity
    precision: Precision
    node_types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    options: Mapping[str, RuleOption] = field(default_factory=lambda: MappingProxyType({}))
    url: str | None = None


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


class RuleModule(Protocol):
    """A rule is a module with a docstring, a META record and a pure `check` generator."""

    __name__: str
    __doc__: str | None
    META: RuleMeta

    def check(self, node: Node, ctx: Context) -> Iterator[Finding]: ...
