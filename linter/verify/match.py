"""One file's findings against what the compiler said about it: confirm, refute, add.

A finding is confirmed when the compiler reports an escape on its line or on one of its related
locations' lines (`compiler_escapes.confirmed`, the benchmark's definition too); those escape
lines are then claimed. It is refuted otherwise. Every escape on a line no finding claims is
classified into a rule (`classify`) and added as a finding of that rule, so that a verified run
reports every line the compiler reports.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from tree_sitter import Tree

from goescape.linter.findings import Finding, Related, Span
from goescape.linter.gc import inlined
from goescape.linter.gc.escapes import Key, confirmed, is_escape
from goescape.linter.gc.parse import Diagnostic, Kind
from goescape.linter.model import FileModel
from goescape.linter.syntax.source import SourceFile
from goescape.linter.verify import codes
from goescape.linter.verify.classify import Classifier, Verdict
from goescape.linter.verify.explain import COMPILER, VERIFIED, Describer
from goescape.linter.verify.sites import point

ORIGIN = "origin"  # "compiler" for findings no rule made


def verify_file(file: SourceFile, tree: Tree, model: Callable[[], FileModel],
                findings: Sequence[Finding], diagnostics: Sequence[Diagnostic],
                known: Callable[[str], bool]) -> list[Finding]:
    """The file's findings, confirmed or refuted, plus one for each unclaimed compiler escape."""
    path = os.path.realpath(file.path)
    escapes: dict[Key, list[Diagnostic]] = {}
    said: dict[Key, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        key = (path, diagnostic.location.line)
        (escapes if is_escape(diagnostic) else said).setdefault(key, []).append(diagnostic)
    describe = Describer(file)
    result: list[Finding] = []
    claimed: set[int] = set()
    for finding in findings:
        keys = _keys(path, finding)
        backing = _backing(finding, keys, escapes) if confirmed(keys, escapes) else \
            _inlined_backing(file, tree, finding, escapes, claimed)
        if backing:
            claimed.update(id(d) for d in backing)
            result.append(_with(finding, {VERIFIED: True, COMPILER: describe.records(backing)}))
        else:
            backing = [d for k in keys for d in said.get(k, ())]
            result.append(_with(finding, {VERIFIED: False, COMPILER: describe.records(backing)}))
    unclaimed = [d for found in escapes.values() for d in found if id(d) not in claimed]
    result, unclaimed = _fold_variadic(result, unclaimed, describe)
    all_escapes = [d for found in escapes.values() for d in found]
    added = _added(file, tree, model, unclaimed, all_escapes, describe, known)
    return result + added


def _fold_variadic(findings: list[Finding], unclaimed: list[Diagnostic],
                   describe: Describer) -> tuple[list[Finding], list[Diagnostic]]:
    """`... argument escapes` (the implicit slice of a variadic call) joins a confirmed finding
    on its line: the finding's boxed argument is what the slice carries."""
    by_line = {f.span.start[0] + 1: i for i, f in enumerate(findings)
               if f.properties.get(VERIFIED) is True}
    rest = []
    for diagnostic in unclaimed:
        index = by_line.get(diagnostic.location.line)
        if diagnostic.subject != "... argument" or index is None:
            rest.append(diagnostic)
            continue
        finding = findings[index]
        records = [*finding.properties.get(COMPILER, ()), describe.record(diagnostic)]
        findings[index] = _with(finding, {COMPILER: records})
    return findings, rest


def _keys(path: str, finding: Finding) -> tuple[Key, ...]:
    lines = (finding.span.start[0] + 1, *(r.span.start[0] + 1 for r in finding.related))
    return tuple((path, line) for line in dict.fromkeys(lines))


def _backing(finding: Finding, keys: Sequence[Key],
             escapes: dict[Key, list[Diagnostic]]) -> list[Diagnostic]:
    """The escapes a confirmed finding stands for (and claims): on its own line those inside its
    range, on its related lines the moves to the heap (or all, when none is); all of its own
    line's when that finds nothing."""
    start, end = finding.span.start, finding.span.end
    own = escapes.get(keys[0], [])
    chosen = [d for d in own if start <= (d.location.line - 1, max(d.location.column - 1, 0)) < end]
    for key in keys[1:]:
        found = escapes.get(key, [])
        chosen += [d for d in found if d.kind is Kind.MOVED] or found
    return list(dict.fromkeys(chosen or own))


def _inlined_backing(file: SourceFile, tree: Tree, finding: Finding, escapes: dict[Key, list[Diagnostic]],
                     claimed: set[int]) -> list[Diagnostic]:
    """The escapes that confirm a finding inside a func literal the compiler inlined, reported
    at the call that inlined it (see `inlined`): one per place the finding names, whose subject
    is the expression there, preferring one no other finding claimed."""
    path = os.path.realpath(file.path)
    backing: list[Diagnostic] = []
    for span in (finding.span, *(r.span for r in finding.related)):
        for host in inlined.hosts(file, tree.root_node, *span.start, finding.message):
            found = [d for d in escapes.get((path, host.line), ()) if inlined.confirms(d.subject, host)]
            if found:
                backing.append(next((d for d in found if id(d) not in claimed), found[0]))
                break
    return list(dict.fromkeys(backing))


def _with(finding: Finding, properties: dict[str, Any]) -> Finding:
    return replace(finding, properties=MappingProxyType({**finding.properties, **properties}))


def _added(file: SourceFile, tree: Tree, model: Callable[[], FileModel],
           unclaimed: Sequence[Diagnostic], all_escapes: Sequence[Diagnostic],
           describe: Describer, known: Callable[[str], bool]) -> list[Finding]:
    """A finding per distinct verdict; the implicit `... argument` slice of a call joins the
    finding of an argument on the same line, if there is one."""
    if not unclaimed:
        return []
    classifier = Classifier(file, tree, model, all_escapes)
    grouped: dict[tuple[Span, str, str], tuple[Verdict, list[Diagnostic]]] = {}
    variadic: list[tuple[Verdict, Diagnostic]] = []
    for diagnostic in sorted(unclaimed, key=lambda d: (d.location.line, d.location.column)):
        verdict = classifier.classify(diagnostic)
        if not known(verdict.code):
            if not known(codes.OTHER):
                continue  # a registry without goescape's rules has nowhere to report it
            verdict = replace(verdict, code=codes.OTHER)
        if diagnostic.subject == "... argument":
            variadic.append((verdict, diagnostic))
            continue
        span = _span(file, verdict, diagnostic)
        grouped.setdefault((span, verdict.code, verdict.message), (verdict, []))[1].append(diagnostic)
    for verdict, diagnostic in variadic:
        host = next((found for (span, code, _), (_, found) in grouped.items()
                     if code == verdict.code and span.start[0] + 1 == diagnostic.location.line), None)
        if host is not None:
            host.append(diagnostic)
        else:
            grouped[(_span(file, verdict, diagnostic), verdict.code, verdict.message)] = (
                verdict, [diagnostic])
    return [_finding(span, verdict, found, describe)
            for (span, _, _), (verdict, found) in grouped.items()]


def _span(file: SourceFile, verdict: Verdict, diagnostic: Diagnostic) -> Span:
    """Where an added finding sits: its node, as long as the compiler's line is the node's first
    line or a related location's (`moved to heap: x` at x's declaration); else from the compiler's
    position (a multi-line literal or concatenation reported at an inner line)."""
    row, column = point(file, diagnostic.location)
    node = verdict.node
    if node is not None:
        lines = {node.start_point[0], *(related.start_point[0] for related, _ in verdict.related)}
        if row in lines:
            return Span.of(node)
        end = (node.end_point[0], node.end_point[1])
        if (row, column) < end:
            return Span((row, column), end)
    return Span((row, column), (row, column + 1))


def _finding(span: Span, verdict: Verdict, found: Iterable[Diagnostic], describe: Describer) -> Finding:
    related = tuple(Related(Span.of(node), note) for node, note in verdict.related)
    properties = {VERIFIED: True, ORIGIN: "compiler", COMPILER: describe.records(found)}
    return Finding(verdict.code, span, verdict.message, related, MappingProxyType(properties))
