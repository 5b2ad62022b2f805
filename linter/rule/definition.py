"""A rule as the registry holds it (metadata, documentation, check) and the module protocol rules implement."""
from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from tree_sitter import Node

from goescape.linter.findings import Finding
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import RuleMeta

_HEADING = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)

CheckFn = Callable[["Node", "Context"], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: metadata, docs, its check (None for internal checks) and where it came from."""

    meta: RuleMeta
    doc: str
    check: CheckFn | None
    origin: str
    # A rule whose findings come only from the compiler in `--verify` mode: escapes the compiler
    # reports and no pattern rule claims are classified into it. It has no check of its own.
    verify_only: bool = False
    # A rule whose findings come only from a profile (`--profile`, default.pgo): allocation
    # sites the profile measured that no escape finding covers. It has no check either.
    profile_only: bool = False

    @property
    def code(self) -> str:
        return self.meta.code

    @property
    def name(self) -> str:
        return self.meta.name

    def section(self, title: str) -> str:
        return doc_sections(self.doc).get(title, "")


def doc_sections(doc: str) -> dict[str, str]:
    """Split a rule docstring into its `## Heading` sections (the title line is section "")."""
    text = inspect.cleandoc(doc)
    sections: dict[str, str] = {}
    matches = list(_HEADING.finditer(text))
    sections[""] = text[: matches[0].start()].strip() if matches else text.strip()
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        sections[match.group(1)] = text[match.end() : end].strip()
    return sections


class RuleModule(Protocol):
    """A rule is a module with a docstring, a META record and a pure `check` generator."""

    __name__: str
    __doc__: str | None
    META: RuleMeta

    def check(self, node: Node, ctx: Context) -> Iterator[Finding]: ...
