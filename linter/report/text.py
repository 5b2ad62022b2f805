"""The human-readable report: `path:line:col: CODE [severity] message`, optionally with source."""
from __future__ import annotations

from collections.abc import Sequence

from goescape.linter.config.policy import Policy
from goescape.linter.findings import Diagnostic, Location, Notice, RunResult
from goescape.linter.report import explanations
from goescape.linter.report.options import ReportOptions
from goescape.linter.report.totals import Totals
from goescape.linter.report.visible import visible


def render(result: RunResult, policy: Policy, options: ReportOptions) -> str:
    return document(result, Totals.of(result), body(result.diagnostics, options), options)


def body(diagnostics: Sequence[Diagnostic], options: ReportOptions) -> str:
    """The lines of these findings. A report is its findings' lines, then `document`'s: the
    bodies of consecutive runs of findings, concatenated, are the body of all of them."""
    lines: list[str] = []
    for diagnostic in diagnostics:
        if diagnostic.suppressed and not options.include_suppressed:
            continue
        lines.append(_headline(diagnostic))
        if options.show_source:
            lines.extend(_source(diagnostic.location))
            for related in diagnostic.related:
                loc = related.location
                lines.append(f"  {loc.path}:{loc.start.line}:{loc.start.column}: note: {related.message}")
                lines.extend(_source(loc))
        if options.verified:
            lines.extend(explanations.text_lines(diagnostic))
    return visible("".join(line + "\n" for line in lines))


def document(result: RunResult, totals: Totals, findings: str, options: ReportOptions) -> str:
    """The report around the findings' `body`: the refuted findings and the notices."""
    lines: list[str] = []
    if options.show_refuted:
        for diagnostic in result.refuted:
            lines.append(_headline(diagnostic, "refuted"))
            lines.extend(explanations.text_lines(diagnostic) or ["    compiler: nothing on these lines"])
    lines.extend(notice_line(notice) for notice in result.notices)
    return findings + visible("".join(line + "\n" for line in lines))


def _headline(diagnostic: Diagnostic, label: str = "") -> str:
    loc = diagnostic.location
    line = (f"{loc.path}:{loc.start.line}:{loc.start.column}: {diagnostic.code} "
            f"[{label or diagnostic.severity.label}] {diagnostic.message}")
    if diagnostic.suppressed:
        line += f" (suppressed: {diagnostic.suppression})"
    return line


def notice_line(notice: Notice) -> str:
    where = notice.path or "goescape"
    if notice.line is not None:
        where += f":{notice.line}:{notice.column or 1}"
    return f"{where}: notice: {notice.message}"


def _source(loc: Location) -> list[str]:
    """The flagged line and a caret under the flagged range (code-point columns)."""
    text = loc.snippet
    gutter = f"{loc.start.line:>6} | "
    width = (loc.end.column - loc.start.column) if loc.end.line == loc.start.line else (
        len(text) - loc.start.column + 1)
    # Keep the line's tabs under the caret so it lines up however the terminal expands them.
    indent = "".join(c if c == "\t" else " " for c in text[: loc.start.column - 1])
    caret = indent + "^" * max(width, 1)
    return [f"{gutter}{text}", f"{' ' * (len(gutter) - 2)}| {caret}"]


def summary(result: RunResult, options: ReportOptions, totals: Totals | None = None) -> str:
    """The one-line summary printed on stderr."""
    totals = totals if totals is not None else Totals.of(result)
    parts: list[str] = []
    if totals.findings:
        by_level = {level.label: n for level, n in totals.shown.items() if n}
        levels = ", ".join(f"{n} {label}{'s' if n > 1 else ''}"
                           for label, n in sorted(by_level.items(), key=lambda kv: kv[0]))
        noun = "finding" if totals.findings == 1 else "findings"
        parts.append(f"Found {totals.findings} {noun} ({levels}) in {_files(result.files_linted)}")
    else:
        parts.append(f"No findings in {_files(result.files_linted)}")
    if totals.suppressed:
        parts.append(f"{totals.suppressed} suppressed")
    if totals.refuted:
        parts.append(f"{totals.refuted} refuted by the compiler")
    parts.extend(_filtered(result))
    if result.files_generated:
        parts.append(f"{_files(result.files_generated)} skipped as generated")
    if result.notices:
        n = len(result.notices)
        parts.append(f"{n} notice{'s' if n > 1 else ''}")
    return "; ".join(parts) + "."


def _filtered(result: RunResult) -> list[str]:
    """What --baseline, --diff and --min-weight hid (and which baseline entries no longer match anything)."""
    parts = []
    baseline = result.filters.get("baseline")
    if baseline is not None:
        fixed = baseline["fixed"]
        parts.append(f"{baseline['hidden']} hidden by the baseline"
                     + (f" ({fixed} baseline entr{'ies' if fixed != 1 else 'y'} fixed: "
                        "write it again to drop them)" if fixed else ""))
    diff = result.filters.get("diff")
    if diff is not None and diff["hidden"]:
        parts.append(f"{diff['hidden']} outside the diff")
    weight = result.filters.get("min-weight")
    if weight is not None and weight["hidden"]:
        parts.append(f"{weight['hidden']} below --min-weight")
    return parts


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"
