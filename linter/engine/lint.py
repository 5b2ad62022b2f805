"""The per-package engine: read and parse each file once, walk it once, dispatch nodes to rules, apply policy."""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from tree_sitter import Node, Tree

from goescape.linter.config.discover import Target
from goescape.linter.config.policy import Policy
from goescape.linter.cost.estimate import cost_of
from goescape.linter.engine.diagnostics import apply, uri_for
from goescape.linter.engine.notices import parse_notices
from goescape.linter.engine.profiled import with_profile
from goescape.linter.engine.suppressions import read_directives
from goescape.linter.findings import FileResult, Finding, Notice
from goescape.linter.model import FileModel, PackageModel, load_package
from goescape.linter.model.loader import SiblingLoader
from goescape.linter.model.stdlib import Stdlib
from goescape.linter.modules.facts import facts_for, record
from goescape.linter.rule.context import Context
from goescape.linter.rule.definition import Rule
from goescape.linter.syntax.capture import capture
from goescape.linter.syntax.limits import (
    DEEP_NESTING,
    DEFAULT_MAX_FILE_SIZE,
    LintCancelled,
    LintTimeout,
    nesting_depth,
    on_deep_stack,
    read_source,
    running_rule,
)
from goescape.linter.syntax.parsing import package_name, parse
from goescape.linter.syntax.source import SourceFile


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
    # How a sibling on disk is read (model.loader.load_sibling by default); a long-lived caller
    # such as the language server passes one that keeps parsed siblings between edits.
    loader: SiblingLoader | None = None
    # The standard library's data plus summaries of the other packages of the module this one
    # imports (see `prepare`); None: the standard library's alone.
    std: Stdlib | None = None

    def prepare(self) -> None:
        """Summarize the module's packages this one imports, before any file's time budget
        starts (a first run computes them; later runs read them from the cache)."""
        if self.name is not None and self.std is None:
            self.std = facts_for(self.directory)

    def record(self) -> None:
        """Leave this package's summary for its importers, from the model its files were linted
        with (a run lints a module's packages in dependency order: see run/workers.py)."""
        if self._model is not None and self.std is not None:
            record(self.directory, self._model)

    def file_model(self, file: SourceFile) -> FileModel:
        if self._model is None:
            if self.name is None:  # no package clause: model the file on its own
                self._model = PackageModel(self.parsed.values())
            else:
                self._model = load_package(self.directory, self.name, self.parsed, max_bytes=self.max_bytes,
                                           outline_generated=self.outline_generated, loader=self.loader,
                                           std=self.std)
        return self._model.file(file.path)

    @classmethod
    def under(cls, policy: Policy, directory: Path, name: str | None) -> PackageFiles:
        """An empty package whose model reads siblings as `policy` says (size limit, generated)."""
        return cls(directory, name, max_bytes=policy.config.max_file_size,
                   outline_generated=not policy.config.include_generated)

    def forget_model(self) -> None:
        self._model = None




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
    if any(rule.meta.node_types for rule in policy.rules()):  # a rule that may ask the model
        for files in packages.values():
            files.prepare()
    for source, tree in parsed:
        package = packages[package_name(tree)]
        results.append(lint_parsed(source, tree, policy, root, package, stages))
    for files in packages.values():
        files.record()
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
    if any(rule.meta.node_types for rule in policy.rules()):
        package.prepare()
    return lint_parsed(file, tree, policy, root, package, stages)


def lint_parsed(file: SourceFile, tree: Tree, policy: Policy, root: Path,
                package: PackageFiles, stages: Sequence[FindingStage] = (),
                cancel: threading.Event | None = None) -> FileResult:
    """Lint one parsed file, on a stack deep enough for deeply nested code and within the time
    budget of one file (see syntax/limits.py). Setting `cancel` stops the lint: LintCancelled
    is raised here."""
    try:
        return on_deep_stack(_lint_parsed, file, tree, policy, root, package, stages,
                             timeout=policy.config.timeout, cancel=cancel)
    except LintCancelled:
        package.forget_model()  # it may be half built
        raise
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
    result.notices.extend(parse_notices(file, tree, uri))
    rules = [r for r in policy.rules() if r.code not in policy.ignored_in(file.path)]
    built: list[FileModel] = []

    def model() -> FileModel:  # asked for by every rule at every node: looked up once
        if not built:
            built.append(package.file_model(file))
        return built[0]

    context = Context(file, tree, policy.config.rule_options, model)
    nodes, comments = capture(tree, (t for rule in rules for t in rule.meta.node_types))
    findings = _dispatch(nodes, rules, context, result, uri)
    for stage in stages:
        findings = stage.process(file, tree, model, findings)
        notices_for = getattr(stage, "notices_for", None)
        if notices_for is not None:
            result.notices.extend(notices_for(file, uri))
    findings = _with_costs(findings, tree, model, context, result, uri)
    if policy.profile is not None:
        findings = with_profile(findings, file, tree, policy)
    directives = read_directives(file, tree, policy.registry, comments)
    diagnostics = apply(findings, directives, file, uri, policy, tree)
    result.diagnostics = [d for d in diagnostics if d.properties.get("verified") is not False]
    result.refuted = [d for d in diagnostics if d.properties.get("verified") is False]
    return result


def _with_costs(findings: list[Finding], tree: Tree, model: Callable[[], FileModel], ctx: Context,
                result: FileResult, uri: str) -> list[Finding]:
    """Every finding, rules' and stages' alike, gets its cost (`properties["cost"]`)."""
    costed: list[Finding] = []
    for finding in findings:
        node = tree.root_node.named_descendant_for_point_range(finding.span.start, finding.span.end)
        try:
            cost = cost_of(model(), node, finding) if node is not None else None
        except Exception as error:  # a cost-model bug must not lose the finding
            _report_failure("the cost model", finding.span.start, error, ctx, result, uri)
            cost = None
        if cost is not None:
            finding = replace(finding, properties={**finding.properties, "cost": cost.as_dict()})
        costed.append(finding)
    return costed


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
        if isinstance(error, RecursionError) and nesting_depth(node) >= DEEP_NESTING:
            # Code nested deeper than the stack allows (syntax/limits.py): a limit, not a rule bug.
            line, column = node.start_point
            message = (f"rule {rule.code} ({rule.name}) skipped this node: the code here is nested "
                       f"too deeply to follow")
            result.notices.append(Notice("too-deep", message, ctx.file.display, uri, line + 1,
                                         ctx.file.column(line, column)))
            return []
        _report_failure(f"rule {rule.code} ({rule.name})", node.start_point, error, ctx, result, uri)
        return []


def _report_failure(what: str, point: tuple[int, int], error: Exception, ctx: Context, result: FileResult,
                    uri: str) -> None:
    """A bug in goescape (a rule, the cost model) at one place: a notice, and the run is incomplete."""
    line, column = point
    message = f"{what} failed here: {type(error).__name__}: {error}; please report this"
    result.notices.append(Notice("rule-error", message, ctx.file.display, uri, line + 1,
                                 ctx.file.column(line, column), level="error"))
    result.failed = True


# -- policy: severity, suppressions, fingerprints -----------------------------------------------












# -- notices -------------------------------------------------------------------------------------











