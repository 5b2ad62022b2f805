"""Rule metadata: what the engine, the configuration and the reports know about a rule."""
from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from goescape.linter.findings import Severity

CODE_PATTERN = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
# The docstring sections every rule must carry (ruff's rule-doc layout plus what the compiler prints).
DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Compiler")


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
