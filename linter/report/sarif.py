"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers; keys sorted."""
from __future__ import annotations

import inspect
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from goescape.linter import PROJECT_URL, __version__
from goescape.linter.config.policy import Policy
from goescape.linter.engine.diagnostics import uri_for
from goescape.linter.findings import Diagnostic, Location, Notice, RunResult, Severity
from goescape.linter.registry.docs import help_uri
from goescape.linter.report import explanations
from goescape.linter.report.options import ReportOptions
from goescape.linter.report.totals import Totals
from goescape.linter.rule.definition import Rule, doc_sections

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "goescape/v1"
_LEVELS = {Severity.NOTE: "note", Severity.WARNING: "warning", Severity.ERROR: "error",
           Severity.OFF: "none"}


def render(result: RunResult, policy: Policy, options: ReportOptions) -> str:
    return document(result, Totals.of(result), body(result.diagnostics, policy, options, result.root), policy,
                    options)


# A result's depth in the document ($schema/runs/[0]/results/[i]), and the results key as
# `json.dumps` writes it empty: `document` renders the list empty and puts the body in its place.
_INDENT = " " * 8
_EMPTY = '\n      "results": [],\n'
SEPARATOR = ",\n"  # between the bodies of consecutive runs of findings


def body(diagnostics: Sequence[Diagnostic], policy: Policy, options: ReportOptions, root: Path) -> str:
    """The members of the results list for these findings, indented as in the document."""
    index = {rule.code: i for i, rule in enumerate(policy.registry.sorted())}
    return SEPARATOR.join(_member(_result(d, index, options, root)) for d in diagnostics
                          if options.include_suppressed or not d.suppressed)


def _member(record: dict[str, Any]) -> str:
    # A newline in a JSON document is always layout (strings escape theirs).
    return _INDENT + json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False).replace("\n", "\n" + _INDENT)


def document(result: RunResult, totals: Totals, findings: str, policy: Policy, options: ReportOptions) -> str:
    rules = policy.registry.sorted()
    if options.show_refuted:
        index = {rule.code: i for i, rule in enumerate(rules)}
        refuted = SEPARATOR.join(_member(_refuted(_result(d, index, options, result.root))) for d in result.refuted)
        findings = SEPARATOR.join(part for part in (findings, refuted) if part)
    run = {
        "tool": {"driver": _driver(rules, options.verified)},
        "originalUriBaseIds": {SRCROOT: {"uri": result.root.as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{
            "executionSuccessful": not result.failed and not result.missing,
            "toolExecutionNotifications": [_notification(n) for n in result.notices],
        }],
        "results": [],
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if not findings:
        return text
    head, empty, tail = text.partition(_EMPTY)
    assert empty and _EMPTY not in tail
    return head + '\n      "results": [\n' + findings + "\n      ],\n" + tail


def _driver(rules: list[Rule], verified: bool = False) -> dict[str, Any]:
    return {
        "name": "goescape",
        "version": __version__,
        "semanticVersion": __version__ if re.fullmatch(r"\d+\.\d+\.\d+", __version__) else "0.0.0",
        "informationUri": PROJECT_URL,
        "rules": [_rule(rule, verified) for rule in rules],
    }


def _rule(rule: Rule, verified: bool = False) -> dict[str, Any]:
    sections = doc_sections(rule.doc)
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": pascal_case(rule.name),
        "shortDescription": {"text": _sentence(rule.meta.summary)},
        "fullDescription": {"text": _sentence(_plain(sections.get("What it does", rule.meta.summary)))},
        "help": {"text": _plain(rule.doc), "markdown": _markdown(rule)},
        "defaultConfiguration": {"level": _LEVELS[rule.meta.severity]},
        "properties": {
            # --verify: every finding is the compiler's own verdict
            "precision": "very-high" if verified else rule.meta.precision.value,
            "tags": sorted({*rule.meta.tags, "performance"}),
            "kebabName": rule.name,
        },
    }
    url = help_uri(rule)
    if url:
        descriptor["helpUri"] = url
    return descriptor


def pascal_case(kebab: str) -> str:
    """SARIF viewers expect rule names in PascalCase (SARIF2012); our names are kebab-case."""
    return "".join(part.capitalize() for part in kebab.split("-"))


def _markdown(rule: Rule) -> str:
    return f"**{rule.code} {rule.name}**\n\n" + inspect.cleandoc(rule.doc)


def _plain(markdown: str) -> str:
    """Markdown without code fences and emphasis, for plain-text viewers."""
    text = inspect.cleandoc(markdown)
    text = re.sub(r"^```\w*\n?", "", text, flags=re.MULTILINE)
    return re.sub(r"^## ", "", text, flags=re.MULTILINE).strip()


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def _physical(loc: Location) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": loc.uri}
    if not loc.uri.startswith("file:"):
        artifact["uriBaseId"] = SRCROOT
    region: dict[str, Any] = {
        "startLine": loc.start.line,
        "startColumn": loc.start.column,
        "endLine": loc.end.line,
        "endColumn": loc.end.column,
    }
    if loc.snippet:
        region["snippet"] = {"text": loc.snippet}
    return {"artifactLocation": artifact, "region": region}


def _result(d: Diagnostic, index: dict[str, int], options: ReportOptions,
            root: Path | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index[d.code],
        "level": _LEVELS[d.severity],
        "message": {"text": _sentence(d.message)},
        "locations": [{"physicalLocation": _physical(d.location)}],
        "partialFingerprints": {FINGERPRINT_KEY: d.fingerprint},
    }
    if d.related:
        record["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(r.location), "message": {"text": _sentence(r.message)}}
            for i, r in enumerate(d.related, start=1)
        ]
    if options.include_suppressed:
        record["suppressions"] = (
            [{"kind": "inSource", "justification": d.suppression}] if d.suppressed else []
        )
    # --rank, or a profile: GitHub ignores it, GitLab reads >= 90 as critical; measured beats estimated
    for source in ("profile", "cost"):
        ranked = d.properties.get(source)
        if isinstance(ranked, dict) and "rank" in ranked:
            record["rank"] = float(ranked["rank"])
            break
    if d.properties:
        properties = dict(d.properties)
        flows = explanations.code_flows(d, lambda path, line, column: _step(path, line, column, root))
        if flows:
            record["codeFlows"] = flows
            properties.pop("compiler", None)  # the code flows say it all
        record["properties"] = properties
    return record


def _step(path: str, line: int, column: int, root: Path | None) -> dict[str, Any]:
    """The physical location of one explanation step, by the path the reports show."""
    resolved = explanations.resolve(path)
    uri = uri_for(resolved, root) if root is not None else resolved.as_uri()
    artifact: dict[str, Any] = {"uri": uri}
    if not uri.startswith("file:"):
        artifact["uriBaseId"] = SRCROOT
    return {"artifactLocation": artifact, "region": {"startLine": line, "startColumn": max(column, 1)}}


def _refuted(record: dict[str, Any]) -> dict[str, Any]:
    """A finding the compiler refuted: SARIF's "the rule was evaluated and found no problem"."""
    return {**record, "kind": "pass", "level": "none"}


def _notification(notice: Notice) -> dict[str, Any]:
    record: dict[str, Any] = {
        "level": "error" if notice.level == "error" else "warning",
        "message": {"text": _sentence(notice.message)},
        "descriptor": {"id": notice.kind},
    }
    if notice.uri:
        artifact: dict[str, Any] = {"uri": notice.uri}
        if not notice.uri.startswith("file:"):
            artifact["uriBaseId"] = SRCROOT
        physical: dict[str, Any] = {"artifactLocation": artifact}
        if notice.line:
            physical["region"] = {"startLine": notice.line, "startColumn": notice.column or 1}
        record["locations"] = [{"physicalLocation": physical}]
    return record
