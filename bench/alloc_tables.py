"""Render the allocation-coverage benchmark as text, Markdown (for docs/cost.md) or JSON."""
from __future__ import annotations

import json
import os
from dataclasses import asdict
from typing import Any

from bench.alloc_score import TOP, Coverage, Means, PackageResult, Report, Share, means
from bench.allocs import BenchOptions

MODE_TITLES = {
    "heuristic": "default run (`goescape check`, order of `--rank`)",
    "verify": "`--verify` (order of `--rank`)",
    "profile": "`--profile` with a CPU profile of the benchmarks",
    "verify+profile": "`--verify --profile` with a CPU profile of the benchmarks",
}


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _mb(value: int) -> str:
    if value >= 1e9:
        return f"{value / 1e9:.1f} GB"
    return f"{value / 1e6:.1f} MB" if value >= 100_000 else f"{value / 1e3:.1f} kB"


def summary_rows(report: Report) -> list[list[str]]:
    rows = [["list", "mode", "packages", "bytes covered", "objects", "sites", *(f"top {n} (bytes)" for n in TOP),
             "findings on allocating lines", "warnings on allocating lines",
             "warnings on allocating lines, of those in code the benchmarks ran", "free findings on allocating lines"]]
    for group in report.groups():
        packages = [p for p in report.packages if p.group == group and p.scored]
        for mode in report.modes:
            m = means([p.coverage[mode] for p in packages if mode in p.coverage])
            rows.append([group, mode, str(m.packages), *_shares(m.covered), *(_pct(m.top[n].bytes) for n in TOP),
                         *(_rate(m, part) for part in ("findings", "warnings", "reached_warnings")),
                         str(m.free_on_allocating)])
    return rows


def _shares(share: Share) -> list[str]:
    return [_pct(share.bytes), _pct(share.objects), _pct(share.sites)]


def _rate(m: Means, part: str) -> str:
    """The per-package mean, and in brackets the share over all findings at once."""
    return f"{_pct(m.rates.get(part))} ({_pct(m.pooled.get(part))})"


def package_rows(report: Report, mode: str) -> list[list[str]]:
    rows = [["package", "list", "benchmarks", "allocated in own code", "sites", "findings (warnings)",
             "bytes covered", "objects", "sites covered", *(f"top {n}" for n in TOP), "findings on allocating lines",
             "warnings on allocating lines"]]
    for p in report.packages:
        c = p.coverage.get(mode)
        if c is None:
            continue
        rows.append([p.name, p.group, str(p.benchmarks), f"{_mb(p.charged_bytes)} ({_pct(_part(p))} of profile)",
                     str(p.sites), f"{c.findings} ({c.warnings})", *_shares(c.covered),
                     *(_pct(c.top[n].bytes) for n in TOP), _pct(c.rate("findings")), _pct(c.rate("warnings"))])
    return rows


def _part(p: PackageResult) -> float | None:
    return p.charged_bytes / p.profile_bytes if p.profile_bytes else None


def skipped(report: Report) -> list[str]:
    return [f"{p.name} ({p.group}): {p.problem}" for p in report.packages if not p.scored]


def _examples(report: Report, p: PackageResult) -> list[str]:
    out: list[str] = []
    for mode, c in p.coverage.items():
        if c.uncovered:
            out.append(f"  {mode}: costliest lines no finding covers:")
            out += [f"    {_display(key[0])}:{key[1]}: {_mb(size)}  {_source(key)}"
                    for key, size in c.uncovered[:report.examples]]
        if c.free_on_allocating:
            out.append(f"  {mode}: findings said to allocate nothing, on a line that allocated:")
            out += [f"    {line}" for line in c.free_on_allocating[:report.examples]]
    return out


def _display(path: str) -> str:
    marker = f"{os.sep}src{os.sep}"
    return path.rsplit(marker, 1)[-1] if marker in path else path


def _source(key: tuple[str, int]) -> str:
    try:
        with open(key[0], encoding="utf-8", errors="replace") as file:
            lines = file.read().splitlines()
    except OSError:
        return ""
    return lines[key[1] - 1].strip() if 0 < key[1] <= len(lines) else ""


def _title(report: Report) -> str:
    o = report.options
    return (f"{report.go_version}; the memory profile from `go test -run='^$' -bench={o.bench} "
            f"-benchtime={o.mem_benchtime} -memprofilerate=1`, the CPU profile (for --profile) from a separate "
            f"run with -benchtime={o.cpu_benchtime}")


# -- text and Markdown ----------------------------------------------------------------------------


def _aligned(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]


def _table(rows: list[list[str]]) -> list[str]:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    align = ["---"] * 2 + ["--:"] * (len(rows[0]) - 2)
    return [line(rows[0]), "| " + " | ".join(align) + " |", *(line(r) for r in rows[1:])]


def text(report: Report) -> str:
    out = [f"Allocation coverage: {_title(report)}", "", "Per-package means (pooled over all findings in brackets):",
           "", *_aligned(summary_rows(report))]
    for mode in report.modes:
        out += ["", f"{MODE_TITLES.get(mode, mode)}:", "", *_aligned(package_rows(report, mode))]
    gone = skipped(report)
    if gone:
        out += ["", "Not scored:", *(f"  {line}" for line in gone)]
    if report.examples:
        for p in report.packages:
            lines = _examples(report, p)
            if lines:
                out += ["", f"{p.name}:", *lines]
    return "\n".join(out) + "\n"


def markdown(report: Report) -> str:
    out = [f"Measured by `bench/alloc_coverage.py`: {_title(report)}.", "",
           "Per-package means; in brackets, the same share over all the packages' findings at once:", "",
           *_table(summary_rows(report))]
    for mode in report.modes:
        out += ["", f"Per package, {MODE_TITLES.get(mode, mode)}:", "", *_table(package_rows(report, mode))]
    gone = skipped(report)
    if gone:
        out += ["", "Not scored:", "", *(f"- {line}" for line in gone)]
    if report.examples:
        for p in report.packages:
            lines = _examples(report, p)
            if lines:
                out += ["", f"#### {p.name}", "", "```text", *lines, "```"]
    return "\n".join(out) + "\n"


# -- JSON -----------------------------------------------------------------------------------------


def _coverage_json(c: Coverage) -> dict[str, Any]:
    data = asdict(c)
    data["top"] = {str(n): asdict(s) for n, s in c.top.items()}
    data["uncovered"] = [{"path": k[0], "line": k[1], "bytes": b} for k, b in c.uncovered]
    return data


def _means_json(m: Means) -> dict[str, Any]:
    return {"packages": m.packages, "covered": asdict(m.covered), "top": {str(n): asdict(s) for n, s in m.top.items()},
            "rates": dict(m.rates), "pooled": dict(m.pooled), "free_on_allocating": m.free_on_allocating}


def as_json(report: Report) -> str:
    groups: dict[str, Any] = {}
    for group in report.groups():
        packages = [p for p in report.packages if p.group == group and p.scored]
        groups[group] = {mode: _means_json(means([p.coverage[mode] for p in packages if mode in p.coverage]))
                         for mode in report.modes}
    document = {
        "go": report.go_version, "modes": list(report.modes),
        "options": asdict(report.options) | {"env": None, "keep": None},
        "means": groups,
        "packages": [{**{k: v for k, v in asdict(p).items() if k != "coverage"},
                      "coverage": {mode: _coverage_json(c) for mode, c in p.coverage.items()}}
                     for p in report.packages],
    }
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def render(fmt: str, report: Report) -> str:
    if fmt == "markdown":
        return markdown(report)
    if fmt == "json":
        return as_json(report)
    return text(report)



def from_json(text: str) -> Report:
    """A report written with --format json, read back (to render it in another format)."""
    document = json.loads(text)
    options = document["options"]
    packages = []
    for record in document["packages"]:
        coverage = {mode: _coverage(data) for mode, data in record.pop("coverage").items()}
        packages.append(PackageResult(**record, coverage=coverage))
    settings = BenchOptions(options["mem_benchtime"], options["cpu_benchtime"], options["timeout"], options["bench"])
    return Report(document["go"], tuple(document["modes"]), settings, tuple(packages), 0)


def _coverage(data: dict[str, Any]) -> Coverage:
    return Coverage(**{**data, "covered": Share(**data["covered"]),
                       "top": {int(n): Share(**s) for n, s in data["top"].items()},
                       "free_on_allocating": tuple(data["free_on_allocating"]),
                       "uncovered": tuple(((u["path"], u["line"]), u["bytes"]) for u in data["uncovered"])})
