"""Render measured suites as text, Markdown (for docs/accuracy.md) or JSON."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import zip_longest
from typing import Any

from bench.matching import SHAPES, EscapeLine, Flag, Tally, merge
from bench.measure import SuiteResult, misses_by_shape
from bench.suites import Suite


@dataclass(frozen=True)
class Header:
    """What every report states first: the oracle and the rules measured."""

    go_version: str
    goos: str
    goarch: str
    rules: tuple[str, ...]  # "ESC101 address-return"
    verify: bool = False  # measured `goescape check --verify`


def combine(name: str, results: Sequence[SuiteResult]) -> SuiteResult:
    """One column over several suites (e.g. both standard-library lists)."""
    first = results[0]
    merged = SuiteResult(
        Suite(name, tuple(p for r in results for p in r.suite.patterns), first.suite.module,
              description=" + ".join(r.suite.name for r in results)),
        first.root, tuple(p for r in results for p in r.packages), merge(r.score for r in results),
        sum(r.files for r in results), tuple(g for r in results for g in r.generated),
        tuple(e for r in results for e in r.syntax_errors), tuple(e for r in results for e in r.rule_errors),
        refuted=sum(r.refuted for r in results), added=sum(r.added for r in results),
        verify_notices=tuple(n for r in results for n in r.verify_notices),
        excluded=tuple(e for r in results for e in r.excluded))
    for part in results:
        for code, tally in part.rule_recall.items():
            merged.rule_recall[code] = merged.rule_recall.get(code, Tally()) + tally
    for part in results:
        merged.source.update(part.source)
        merged.said.update(part.said)
        merged.names.update(part.names)
    return merged


def ratio(tally: Tally, counts: bool = True) -> str:
    if tally.ratio is None:
        return "—"
    return f"{tally.ratio:.3f} ({tally.hits}/{tally.total})" if counts else f"{tally.ratio:.3f}"


def rule_codes(results: Sequence[SuiteResult]) -> list[str]:
    return sorted({code for r in results for code in r.score.rules})


def _rule_cell(result: SuiteResult, code: str) -> str:
    rule = result.score.rules.get(code)
    if rule is None:
        return "no findings"
    return f"{ratio(rule.precision)} · {rule.covered} line{'' if rule.covered == 1 else 's'}"


def _shape_names(results: Sequence[SuiteResult]) -> list[str]:
    present = {s for r in results for s in r.score.shapes}
    return [s for s in SHAPES if s in present]


# -- tables shared by text and Markdown -----------------------------------------------------------


def overall_rows(results: Sequence[SuiteResult]) -> list[list[str]]:
    rows = [["suite", "packages", "files", "escape lines", "findings", "precision", "recall"]]
    for r in results:
        rows.append([r.suite.name, str(len(r.packages)), str(r.files), str(len(r.score.lines)),
                     str(len(r.score.flags)), ratio(r.score.precision), ratio(r.score.recall)])
    return rows


def rule_rows(results: Sequence[SuiteResult]) -> list[list[str]]:
    names = {code: name for r in results for code, name in r.names.items()}
    rows = [["rule", *(r.suite.name for r in results)]]
    for code in rule_codes(results):
        rows.append([f"{code} {names.get(code, '')}".strip(), *(_rule_cell(r, code) for r in results)])
    return rows


def rule_recall_rows(results: Sequence[SuiteResult]) -> list[list[str]]:
    names = {code: name for r in results for code, name in r.names.items()}
    codes = sorted({code for r in results for code in r.rule_recall})
    rows = [["rule", *(r.suite.name for r in results)]]
    for code in codes:
        rows.append([f"{code} {names.get(code, '')}".strip(),
                     *(ratio(r.rule_recall.get(code, Tally())) for r in results)])
    return rows


def shape_rows(results: Sequence[SuiteResult]) -> list[list[str]]:
    rows = [["compiler message shape", *(r.suite.name for r in results)]]
    for name in _shape_names(results):
        rows.append([name, *(ratio(r.score.shapes.get(name, Tally())) for r in results)])
    return rows


# -- top false positives and misses ---------------------------------------------------------------


def _round_robin(groups: Sequence[Sequence[Any]], limit: int) -> list[Any]:
    """Take from each group in turn, so every rule (or shape) shows up in a short list."""
    picked = [item for layer in zip_longest(*groups) for item in layer if item is not None]
    return picked[:limit]


def top_false_positives(result: SuiteResult, limit: int) -> list[Flag]:
    codes = sorted({f.code for f in result.score.false_positives})
    groups = [[f for f in result.score.false_positives if f.code == c] for c in codes]
    return _round_robin(groups, limit)


def top_misses(result: SuiteResult, limit: int) -> list[EscapeLine]:
    grouped = misses_by_shape(result)
    # the shapes with the most misses first: they are where recall is lost
    order = sorted(grouped, key=lambda s: (-len(grouped[s]), SHAPES.index(s)))
    return _round_robin([grouped[s] for s in order], limit)


def _fp_lines(result: SuiteResult, flag: Flag) -> list[str]:
    said = result.said.get((flag.path, flag.line)) or ("nothing on this line",)
    return [f"{result.display(flag.path)}:{flag.line}:{flag.column}: {flag.code} {flag.message}",
            f"    | {result.source.get((flag.path, flag.line), '')}",
            f"    compiler: {'; '.join(said)}"]


def _miss_lines(result: SuiteResult, line: EscapeLine) -> list[str]:
    return [f"{result.display(line.path)}:{line.line}: {'; '.join(line.messages)}  [{line.shapes[0]}]",
            f"    | {result.source.get(line.key, '')}"]


# -- text -----------------------------------------------------------------------------------------


def _aligned(rows: list[list[str]], indent: str = "") -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))]
        out.append(indent + "  ".join(cells).rstrip())
    return out


def _title(header: Header) -> str:
    rules = ", ".join(header.rules) or "none"
    mode = "goescape check --verify" if header.verify else "goescape"
    return (f"{mode} accuracy against {header.go_version} `go build -gcflags=-m` "
            f"({header.goos}/{header.goarch}); rules: {rules}")


def text(header: Header, results: Sequence[SuiteResult], summary: Sequence[SuiteResult], top: int) -> str:
    out = [_title(header), ""]
    for r in results:
        out.extend(_text_suite(r, top))
    out += ["== summary ==", *_aligned(overall_rows(summary)), "", "precision per rule (· escape lines covered):",
            *_aligned(rule_rows(summary), "  "), "", "recall per compiler message shape:",
            *_aligned(shape_rows(summary), "  ")]
    if any(r.rule_recall for r in summary):
        out += ["", _RULE_RECALL + ":", *_aligned(rule_recall_rows(summary), "  ")]
    return "\n".join(out) + "\n"


def _text_suite(r: SuiteResult, top: int) -> list[str]:
    s = r.score
    out = [f"== {r.suite.name}: {r.suite.description} ==",
           f"{len(r.packages)} packages, {r.files} files ({len(r.generated)} generated not linted, "
           f"{len(r.syntax_errors)} with syntax notices), {len(s.lines)} escape lines, {len(s.flags)} findings",
           f"precision {ratio(s.precision)}   recall {ratio(s.recall)}"]
    out += [f"not compiled by this toolchain, left out: {e}" for e in r.excluded]
    out += [f"warning: {e}" for e in r.rule_errors]
    if r.added or r.refuted or r.verify_notices:
        out.append(f"--verify: {r.added} findings added from the compiler's escapes, "
                   f"{r.refuted} rule findings refuted")
        out += [f"notice: {n}" for n in r.verify_notices]
    if s.rules:
        rows = [["rule", "findings", "on escape line", "precision", "lines covered"]]
        rows += [[f"{c} {r.names.get(c, '')}", str(v.precision.total), str(v.precision.hits),
                  ratio(v.precision, counts=False), str(v.covered)] for c, v in s.rules.items()]
        out += ["", *_aligned(rows, "  ")]
    if s.shapes:
        rows = [["compiler message shape", "lines", "covered", "recall"]]
        rows += [[n, str(t.total), str(t.hits), ratio(t, counts=False)] for n, t in s.shapes.items()]
        out += ["", *_aligned(rows, "  ")]
    if top:
        fps, misses = top_false_positives(r, top), top_misses(r, top)
        out += ["", f"top false positives ({len(fps)} of {len(s.false_positives)}):"]
        out += ["  " + line for f in fps for line in _fp_lines(r, f)]
        out += ["", f"top misses ({len(misses)} of {len(s.misses)}):"]
        out += ["  " + line for m in misses for line in _miss_lines(r, m)]
    return out + [""]


_RULE_RECALL = ("Recall per rule (of the escape lines `--verify` attributes to the rule, those its findings "
                "cover without the compiler)")


# -- Markdown -------------------------------------------------------------------------------------


def _table(rows: list[list[str]]) -> list[str]:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
    align = ["---"] + ["--:"] * (len(rows[0]) - 1)
    return [line(rows[0]), "| " + " | ".join(align) + " |", *(line(r) for r in rows[1:])]


def markdown(header: Header, results: Sequence[SuiteResult], summary: Sequence[SuiteResult], top: int) -> str:
    out = [f"Measured with `python bench/accuracy.py --format markdown`: {_title(header)}.", "",
           "Precision: findings whose line, or one of whose related locations, carries an `escapes to heap` "
           "or `moved to heap` diagnostic. Recall: such lines that a finding covers.", "",
           *_table(overall_rows(summary)), "", "Precision per rule (· escape lines it covers):", "",
           *_table(rule_rows(summary)), "", "Recall per compiler message shape:", "",
           *_table(shape_rows(summary))]
    left_out = [f"- {r.suite.name}: `{e}`" for r in summary for e in r.excluded]
    if left_out:
        out += ["", "Not compiled by this toolchain, so left out:", "", *left_out]
    if any(r.rule_recall for r in summary):
        out += ["", _RULE_RECALL + ":", "", *_table(rule_recall_rows(summary))]
    if top:
        for r in results:
            out += ["", f"#### {r.suite.name}: top false positives and misses", "", "```text"]
            out += [line for f in top_false_positives(r, top) for line in _fp_lines(r, f)] or ["no false positive"]
            out += [""] + ([line for m in top_misses(r, top) for line in _miss_lines(r, m)] or ["no miss"])
            out += ["```"]
    return "\n".join(out) + "\n"


# -- JSON -----------------------------------------------------------------------------------------


def _tally(t: Tally) -> dict[str, Any]:
    return {"hits": t.hits, "total": t.total, "ratio": t.ratio}


def _suite_json(r: SuiteResult) -> dict[str, Any]:
    s = r.score
    return {
        "description": r.suite.description,
        "packages": [p.import_path for p in r.packages],
        "files": r.files,
        "generated_not_linted": [r.display(str(g)) for g in r.generated],
        "syntax_notices": [r.display(p) for p in r.syntax_errors],
        "rule_errors": list(r.rule_errors),
        "refuted": r.refuted,
        "added": r.added,
        "verify_notices": list(r.verify_notices),
        "excluded": list(r.excluded),
        "escape_lines": len(s.lines),
        "findings": len(s.flags),
        "precision": _tally(s.precision),
        "recall": _tally(s.recall),
        "rules": {c: {"name": r.names.get(c, ""), "precision": _tally(v.precision), "lines_covered": v.covered}
                  for c, v in s.rules.items()},
        "shapes": {n: _tally(t) for n, t in s.shapes.items()},
        "rule_recall": {c: _tally(t) for c, t in r.rule_recall.items()},
        "false_positives": [
            {"path": r.display(f.path), "line": f.line, "column": f.column, "code": f.code,
             "message": f.message, "source": r.source.get((f.path, f.line), ""),
             "compiler": list(r.said.get((f.path, f.line), ()))} for f in s.false_positives],
        "misses": [{"path": r.display(m.path), "line": m.line, "messages": list(m.messages),
                    "shapes": list(m.shapes), "source": r.source.get(m.key, "")} for m in s.misses],
    }


def as_json(header: Header, summary: Sequence[SuiteResult]) -> str:
    document = {"go": header.go_version, "goos": header.goos, "goarch": header.goarch,
                "rules": list(header.rules), "suites": {r.suite.name: _suite_json(r) for r in summary}}
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def render(fmt: str, header: Header, results: Sequence[SuiteResult], top: int) -> str:
    summary = list(results)
    std = [r for r in results if r.suite.name in ("std-tuned", "std-holdout")]
    if len(std) == 2:
        summary.append(combine("std (both)", std))
    if fmt == "markdown":
        return markdown(header, results, summary, top)
    if fmt == "json":
        return as_json(header, summary)
    return text(header, results, summary, top)
