"""The `// want` fixture checker (Go analysistest style), usable by third-party rule packs.

A fixture is a real Go file. A comment `// want "re" ...` (or with backquoted regexps) on a line
expects one finding per regexp on that line, matched against `CODE message`; any other finding on
any line fails. `// todo-want "re"` records a known miss: it passes while nothing matches and fails
once a finding does (promote it to `want`). `// todo-fp "re"` records a known false positive: the
finding is tolerated, and the fixture fails once it disappears.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from goescape.linter.config.file import Config
from goescape.linter.config.policy import Policy
from goescape.linter.engine.lint import lint_source
from goescape.linter.engine.suppressions import comment_nodes
from goescape.linter.findings import Diagnostic, FileResult
from goescape.linter.registry.registry import Registry, build_registry
from goescape.linter.syntax.parsing import node_text, parse
from goescape.linter.syntax.source import SourceFile

_EXPECTATION = re.compile(r"^//\s*(?P<kind>want|todo-want|todo-fp)\s+(?P<patterns>.+)$")
_PATTERN = re.compile(r'"((?:[^"\\]|\\.)*)"|`([^`]*)`')
KINDS = ("want", "todo-want", "todo-fp")


@dataclass(frozen=True)
class Expectation:
    line: int  # 1-based
    kind: str
    patterns: tuple[str, ...]


@dataclass
class FixtureReport:
    path: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    expectations: list[Expectation] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_expectations(source: SourceFile) -> list[Expectation]:
    """Expectations from the fixture's comments (never from string literals)."""
    tree = parse(source.data)
    found: list[Expectation] = []
    for comment in comment_nodes(tree):
        match = _EXPECTATION.match(node_text(comment).strip())
        if match is None:
            continue
        patterns = tuple(
            _unquote(double) if double else back
            for double, back in _PATTERN.findall(match.group("patterns"))
        )
        if not patterns:
            raise ValueError(f"{source.display}:{comment.start_point[0] + 1}: "
                             f"`// {match.group('kind')}` needs at least one quoted regexp")
        found.append(Expectation(comment.start_point[0] + 1, match.group("kind"), patterns))
    return found


def _unquote(text: str) -> str:
    """Go string-literal escapes that matter in a regexp: `\\` and `\"` (use backquotes for the rest)."""
    return re.sub(r'\\([\\"])', r"\1", text)


def lint_fixture(path: Path, registry: Registry | None = None,
                 config: Config | None = None) -> FileResult:
    registry = registry or build_registry()
    policy = Policy.build(config or Config(root=path.parent.resolve()), registry)
    source = SourceFile(path.resolve(), path.read_bytes(), str(path))
    return lint_source(source, policy, path.parent.resolve())


def check_fixture(path: Path, registry: Registry | None = None,
                  config: Config | None = None) -> FixtureReport:
    """Lint `path` and compare its findings with its expectations."""
    source = SourceFile(path.resolve(), path.read_bytes(), str(path))
    report = FixtureReport(path, expectations=parse_expectations(source))
    result = lint_fixture(path, registry, config)
    # A fixture is real Go: if tree-sitter cannot parse it, its expectations prove nothing.
    report.problems += [f"{path}:{n.line}: {n.message}" for n in result.notices]
    report.diagnostics = [d for d in result.diagnostics if not d.suppressed]
    by_line: dict[int, list[Diagnostic]] = {}
    for diagnostic in report.diagnostics:
        by_line.setdefault(diagnostic.location.start.line, []).append(diagnostic)
    for expectation in report.expectations:
        _match(expectation, by_line.get(expectation.line, []), report)
    for line, left in sorted(by_line.items()):
        for diagnostic in left:
            report.problems.append(f"{path}:{line}: unexpected finding: {_subject(diagnostic)}")
    return report


def _subject(diagnostic: Diagnostic) -> str:
    return f"{diagnostic.code} {diagnostic.message}"


def _match(expectation: Expectation, findings: list[Diagnostic], report: FixtureReport) -> None:
    where = f"{report.path}:{expectation.line}"
    for pattern in expectation.patterns:
        regex = re.compile(pattern)
        hit = next((d for d in findings if regex.search(_subject(d))), None)
        if hit is not None:
            findings.remove(hit)  # each regexp consumes one finding
        if expectation.kind == "want" and hit is None:
            report.problems.append(f"{where}: no finding matched want {pattern!r}")
        elif expectation.kind == "todo-want" and hit is not None:
            report.problems.append(f"{where}: known miss {pattern!r} is now found: make it a want")
        elif expectation.kind == "todo-fp" and hit is None:
            report.problems.append(f"{where}: known false positive {pattern!r} is gone: remove todo-fp")


def assert_fixtures(paths: Sequence[Path], registry: Registry | None = None) -> None:
    """Raise AssertionError listing every problem in `paths` (for a rule pack's own tests)."""
    problems = [p for path in paths for p in check_fixture(path, registry).problems]
    if problems:
        raise AssertionError("\n".join(problems))
