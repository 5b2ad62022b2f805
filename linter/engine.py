"""The engine: read and parse each file once, walk it once, dispatch nodes to rules, apply policy."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import quote

from tree_sitter import Node, Tree

from goescape.linter.anchors import anchor
from goescape.linter.context import Context
from goescape.linter.diagnostic import Diagnostic, Location, Notice, RelatedLocation
from goescape.linter.discover import Target, discover
from goescape.linter.dispatch import capture
from goescape.linter.limits import (
    DEEP_NESTING,
    DEFAULT_MAX_FILE_SIZE,
    LintTimeout,
    nesting_depth,
    on_deep_stack,
    read_source,
    running_rule,
)
from goescape.linter.model import FileModel, PackageModel, load_package
from goescape.linter.parsing import package_name, parse
from goescape.linter.policy import Policy
from goescape.linter.registry import Rule
from goescape.linter.rule import Finding, Span
from goescape.linter.source import SourceFile
from goescape.linter.suppressions import Directives, read_directives

if TYPE_CHECKING:
    from goescape.linter.cache import ResultCache


@dataclass
class PackageFiles:
    """The parsed files of one package in one folder; its model is built on first use, once."""

    directory: Path
    name: str | None
    parsed: dict[Path, tuple[SourceFile, Tree]] = field(default_factory=dict)
    _model: PackageModel | None = None
    max_bytes: int | None = DEFAULT_MAX_FILE_SIZE  # siblings larger than the linted files' limit are skipped
    # Generated siblings are never linted unless include-generated: the model needs only their
    # declarations. Either way a file's findings do not depend on which of its siblings are linted.
    outline_generated: bool = True

    def file_model(self, file: SourceFile) -> FileModel:
        if self._model is None:
            if self.name is None:  # no package clause: model the file on its own
                self._model = PackageModel(self.parsed.values())
            else:
                self._model = load_package(self.directory, self.name, self.parsed, max_bytes=self.max_bytes,
                                           outline_generated=self.outline_generated)
        return self._model.file(file.path)

    @classmethod
    def under(cls, policy: Policy, directory: Path, name: str | None) -> PackageFiles:
        """An empty package whose model reads siblings as `policy` says (size limit, generated)."""
        return cls(directory, name, max_bytes=policy.config.max_file_size,
                   outline_generated=not policy.config.include_generated)

    def forget_model(self) -> None:
        self._model = None


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


def project_root(start: Path) -> Path:
    """The enclosing git work tree (SARIF URIs are relative to it), else `start` itself."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


class FindingStage(Protocol):
    """A step between the rules and the policy: it may drop, annotate or add findings for a file
    (the compiler-verified mode is one). Findings it returns go through configuration and
    suppressions like the rules' own; a finding it marks `properties["verified"] = False` is
    refuted: it still uses up its suppression, and lands in `RunResult.refuted`. A stage may
    also have `prepare(paths)`, called once with every file to lint before the first `process`
    (to start work on all of them at once), `notices_for(file, uri)`, called after `process`
    for notices that belong with the file's result (a result cache keeps them), and a
    `cache_key` string naming what else its results depend on (without one, nothing is
    cached)."""

    def process(self, file: SourceFile, tree: Tree, model: Callable[[], FileModel],
                findings: list[Finding]) -> list[Finding]: ...


def run(paths: Sequence[str], policy: Policy, root: Path,
        stages: Sequence[FindingStage] = (), *, jobs: int = 1, cache: ResultCache | None = None,
        only: Callable[[Path], bool] | None = None) -> RunResult:
    """Lint `paths`. `jobs` worker processes lint folders in parallel (in-process when there are
    finding stages); `cache` answers for files whose inputs are unchanged; `only` restricts
    linting to the discovered files it accepts (--diff)."""
    found = discover(paths, policy.excluded, default_excludes=policy.config.default_excludes)
    targets = [t for t in found.targets if only is None or only(t.path)]
    result = RunResult(root=root, missing=list(found.missing), files_excluded=found.excluded)
    for path, reason in found.unreadable:
        result.notices.append(Notice("io", f"cannot read {path}: {reason}", path=path, level="error"))
        result.failed = True
    for stage in stages:
        prepare = getattr(stage, "prepare", None)
        if prepare is not None:
            prepare([target.path for target in targets])
    groups = by_directory(targets)
    if jobs == 1 and cache is None:
        file_results = [r for group in groups for r in lint_directory(group, policy, root, stages)]
    else:
        from goescape.linter.batch import lint_all  # it builds on this module

        scope = sorted(os.path.realpath(p) for p in paths)
        file_results = lint_all(groups, policy, root, stages, jobs=jobs, cache=cache, scope=scope)
    for file_result in file_results:
        _merge(result, file_result)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    result.refuted.sort(key=Diagnostic.sort_key)
    result.notices.sort(key=Notice.sort_key)
    return result


def by_directory(targets: Sequence[Target]) -> list[list[Target]]:
    """Targets grouped by folder (in first-seen order): a package is linted, and modelled, at once."""
    groups: dict[Path, list[Target]] = {}
    for target in targets:
        groups.setdefault(target.path.parent, []).append(target)
    return list(groups.values())


def _merge(result: RunResult, file_result: FileResult) -> None:
    result.diagnostics.extend(file_result.diagnostics)
    result.refuted.extend(file_result.refuted)
    result.notices.extend(file_result.notices)
    result.files_linted += file_result.linted
    result.files_generated += file_result.generated
    result.failed = result.failed or file_result.failed
    if file_result.linted and file_result.path is not None:
        result.files.append(file_result.path)


def lint_directory(targets: Sequence[Target], policy: Policy, root: Path,
                   stages: Sequence[FindingStage] = ()) -> list[FileResult]:
    """Lint the files of one folder; files with the same package clause share one package model."""
    results: list[FileResult] = []
    parsed: list[tuple[SourceFile, Tree]] = []
    for target in targets:
        source = _read(target, root, policy.config.max_file_size)
        if isinstance(source, FileResult):
            results.append(source)
        elif source.is_generated and not policy.config.include_generated:
            results.append(FileResult(path=source.path, generated=True))
        else:
            parsed.append((source, parse(source.data)))
    packages: dict[str | None, PackageFiles] = {}
    for source, tree in parsed:
        name = package_name(tree)
        files = packages.setdefault(name, PackageFiles.under(policy, source.path.parent, name))
        files.parsed[source.path] = (source, tree)
    for source, tree in parsed:
        package = packages[package_name(tree)]
        results.append(lint_parsed(source, tree, policy, root, package, stages))
    return results


def _read(target: Target, root: Path, max_bytes: int | None = DEFAULT_MAX_FILE_SIZE) -> SourceFile | FileResult:
    try:
        data = read_source(target.path, max_bytes)
    except OSError as error:
        notice = Notice("io", f"cannot read file: {error.strerror or error}", path=target.display,
                        uri=uri_for(target.path, root), level="error")
        return FileResult(path=target.path, notices=[notice], failed=True)
    if isinstance(data, str):  # too large, or a FIFO or device: skipped, and said so
        notice = Notice("skipped", data, path=target.display, uri=uri_for(target.path, root))
        return FileResult(path=target.path, notices=[notice])
    return SourceFile(target.path, data, target.display)


def lint_source(file: SourceFile, policy: Policy, root: Path,
                stages: Sequence[FindingStage] = ()) -> FileResult:
    """Lint one file's bytes (its package's other files are read from disk for the model)."""
    if file.is_generated and not policy.config.include_generated:
        return FileResult(path=file.path, generated=True)
    tree = parse(file.data)
    package = PackageFiles.under(policy, file.path.parent, package_name(tree))
    package.parsed[file.path] = (file, tree)
    return lint_parsed(file, tree, policy, root, package, stages)


def lint_parsed(file: SourceFile, tree: Tree, policy: Policy, root: Path,
                package: PackageFiles, stages: Sequence[FindingStage] = ()) -> FileResult:
    """Lint one parsed file, on a stack deep enough for deeply nested code and within the time
    budget of one file (see limits.py)."""
    try:
        return on_deep_stack(_lint_parsed, file, tree, policy, root, package, stages,
                             timeout=policy.config.timeout)
    except LintTimeout as stop:
        package.forget_model()  # it may be half built: the next file builds it again
        return _timed_out(file, uri_for(file.path, root), stop, policy.config.timeout)


def _timed_out(file: SourceFile, uri: str, stop: LintTimeout, timeout: float | None) -> FileResult:
    running = running_rule(stop)
    line, column, where = 1, 1, ""
    if running is not None:
        line, column = running[1].start_point[0] + 1, file.column(*running[1].start_point)
        where = f" (rule {running[0]} was running here)"
    message = (f"linting took longer than {timeout:g} s{where}: this file's findings are not "
               "reported; please report this")
    notice = Notice("timeout", message, file.display, uri, line, column, level="error")
    return FileResult(path=file.path, notices=[notice], linted=True, failed=True)


def _lint_parsed(file: SourceFile, tree: Tree, policy: Policy, root: Path,
                 package: PackageFiles, stages: Sequence[FindingStage] = ()) -> FileResult:
    """Lint one parsed file: the core of the engine."""
    uri = uri_for(file.path, root)
    result = FileResult(path=file.path, linted=True)
    if not file.data.strip():
        result.notices.append(Notice("empty", "empty file: nothing to lint", file.display, uri, 1, 1))
        return result
    result.notices.extend(_parse_notices(file, tree, uri))
    rules = [r for r in policy.rules() if r.code not in policy.ignored_in(file.path)]
    def model() -> FileModel:
        return package.file_model(file)

    context = Context(file, tree, policy.config.rule_options, model)
    nodes, comments = capture(tree, (t for rule in rules for t in rule.meta.node_types))
    findings = _dispatch(nodes, rules, context, result, uri)
    for stage in stages:
        findings = stage.process(file, tree, model, findings)
        notices_for = getattr(stage, "notices_for", None)
        if notices_for is not None:
            result.notices.extend(notices_for(file, uri))
    directives = read_directives(file, tree, policy.registry, comments)
    diagnostics = _apply(findings, directives, file, uri, policy, tree)
    result.diagnostics = [d for d in diagnostics if d.properties.get("verified") is not False]
    result.refuted = [d for d in diagnostics if d.properties.get("verified") is False]
    return result


# -- dispatch ------------------------------------------------------------------------------------


def _dispatch(nodes: Sequence[Node], rules: Sequence[Rule], ctx: Context, result: FileResult,
              uri: str) -> list[Finding]:
    """Each captured node (document order) goes to the rules that asked for its type."""
    table: dict[str, list[Rule]] = {}
    for rule in rules:
        for node_type in rule.meta.node_types:
            table.setdefault(node_type, []).append(rule)
    findings: list[Finding] = []
    for node in nodes:
        for rule in table[node.type]:
            findings.extend(_run_rule(rule, node, ctx, result, uri))
    return findings


def _run_rule(rule: Rule, node: Node, ctx: Context, result: FileResult, uri: str) -> Iterable[Finding]:
    assert rule.check is not None
    try:
        return list(rule.check(node, ctx))
    except Exception as error:  # a rule bug must not hide the other rules' findings
        line, column = node.start_point
        if isinstance(error, RecursionError) and nesting_depth(node) >= DEEP_NESTING:
            # Code nested deeper than the stack allows (limits.py): a limit, not a rule bug.
            message = (f"rule {rule.code} ({rule.name}) skipped this node: the code here is nested "
                       f"too deeply to follow")
            result.notices.append(Notice("too-deep", message, ctx.file.display, uri, line + 1,
                                         ctx.file.column(line, column)))
            return []
        message = (f"rule {rule.code} ({rule.name}) failed here: {type(error).__name__}: {error}; "
                   "please report this")
        result.notices.append(Notice("rule-error", message, ctx.file.display, uri, line + 1,
                                     ctx.file.column(line, column), level="error"))
        result.failed = True
        return []


# -- policy: severity, suppressions, fingerprints -----------------------------------------------


def _apply(findings: list[Finding], directives: Directives, file: SourceFile, uri: str,
           policy: Policy, tree: Tree) -> list[Diagnostic]:
    ignored_here = policy.ignored_in(file.path)
    def enabled(code: str) -> bool:
        return policy.enabled(code) and code not in ignored_here

    unique = sorted({f: None for f in findings if enabled(f.code)}, key=_finding_order)
    suppressions = [directives.suppressing(f) for f in unique]
    # goescape's own findings come after the rules' have marked the directives they used.
    own = [f for f in (*directives.problems, *directives.unused(c for c in policy.severities if enabled(c)))
           if enabled(f.code)]
    own_suppressions = [directives.suppressing(f) for f in own]
    diagnostics = [
        _diagnostic(f, d.reason if d is not None else None, file, uri, policy)
        for f, d in zip([*unique, *own], [*suppressions, *own_suppressions])
    ]
    return _with_fingerprints(diagnostics, [anchor(tree, f.span) for f in [*unique, *own]])


def _finding_order(finding: Finding) -> tuple[tuple[int, int], str, str]:
    return (finding.span.start, finding.code, finding.message)


def _diagnostic(finding: Finding, suppression: str | None, file: SourceFile, uri: str,
                policy: Policy) -> Diagnostic:
    rule = policy.registry.rules[finding.code]
    return Diagnostic(
        code=finding.code,
        name=rule.name,
        severity=policy.severity(finding.code),
        location=location(file, uri, finding.span),
        message=finding.message,
        related=tuple(RelatedLocation(location(file, uri, r.span), r.message) for r in finding.related),
        suppression=suppression,
        properties=finding.properties,
    )


def location(file: SourceFile, uri: str, span: Span) -> Location:
    return Location(file.display, uri, file.position(span.start), file.position(span.end),
                    file.line_text(span.start[0]), str(file.path))


def _with_fingerprints(diagnostics: list[Diagnostic], anchors: Sequence[bytes | None]) -> list[Diagnostic]:
    """Stable across edits elsewhere in the file and across moving, re-indenting or reformatting
    the flagged statement: rule, file, the statement's normalized tokens (see anchors.py; the
    flagged line's when there is no statement) and the occurrence index among identical ones,
    never the line number."""
    counts: dict[tuple[str, bytes], int] = {}
    result = []
    for diagnostic, tokens in zip(diagnostics, anchors):
        normalized = tokens if tokens is not None else " ".join(diagnostic.location.snippet.split()).encode()
        key = (diagnostic.code, normalized)
        index = counts.get(key, 0)
        counts[key] = index + 1
        digest = hashlib.sha256(f"{diagnostic.code}\0{diagnostic.location.uri}\0".encode() + normalized
                                + f"\0{index}".encode()).hexdigest()
        result.append(replace(diagnostic, fingerprint=digest[:32]))
    return result


# -- notices -------------------------------------------------------------------------------------


def uri_for(path: Path, root: Path) -> str:
    """Repo-relative '/'-separated URI (percent-encoded) when under the root, else a file: URI."""
    resolved = path.resolve()
    try:
        return quote(os.fsencode(resolved.relative_to(root).as_posix()))  # bytes: any file name
    except ValueError:
        return resolved.as_uri()


def _parse_notices(file: SourceFile, tree: Tree, uri: str) -> list[Notice]:
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

