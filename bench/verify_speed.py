"""Wall time of `goescape check --verify` against `go build -gcflags=-m` on the same packages.

For each suite, in one run: `go build -o /dev/null -gcflags=-m PACKAGES` with an empty build
cache (cold); `goescape check --verify` on exactly the files that build compiles, with an empty
build cache, an empty compiler-result cache and an empty result cache (cold); the same command
again (warm: every cache filled by the cold run); and, for reference, `goescape check` without
--verify. Every command runs in a fresh process with the same safe environment (`CGO_ENABLED=0`,
`GOTOOLCHAIN=local`, `GOPROXY=off`). Ratios are against the cold `go build`; with `--repeat N`
the four commands run N times in turn and each column reports its median, so that a burst of
load from other processes does not land on one column only.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/verify_speed.py`: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import BenchError, _workdir, go_command, list_packages
from bench.suites import Suite, builtin_suites, std_suite
from goescape.linter.gc import build as gc

COLUMNS = ("go build -m (cold)", "--verify (cold)", "--verify (warm)", "no --verify")


def _timed(command: Sequence[str], cwd: Path, env: Mapping[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(list(command), cwd=cwd, env=dict(env), stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: goescape found something
        raise BenchError(f"{' '.join(command[:4])} ... failed: {done.stderr.strip()[-300:]}")
    return elapsed


def measure_median(suite: Suite, go: str, repeat: int) -> dict[str, float]:
    runs = [measure(suite, go) for _ in range(repeat)]
    return {column: statistics.median(run[column] for run in runs) for column in COLUMNS}


def measure(suite: Suite, go: str) -> dict[str, float]:
    with _workdir(suite, go) as cwd, tempfile.TemporaryDirectory(prefix="goescape-speed-") as temp:
        files = [str(f) for p in list_packages(go, suite.patterns, cwd) for f in p.go_files]
        folders = {name: Path(temp) / name for name in ("gocache1", "gocache2", "results")}
        base = gc.safe_env()
        goescape = [sys.executable, "-m", "goescape.linter", "check", "-q", "-o", "/dev/null"]
        times = {COLUMNS[0]: _timed([go, "build", "-o", "/dev/null", "-gcflags=-m", *suite.patterns],
                                    cwd, {**base, "GOCACHE": str(folders["gocache1"])})}
        verified = [*goescape, "--verify", "--go", go, "--cache-dir", str(folders["results"]), *files]
        env = {**base, "GOCACHE": str(folders["gocache2"])}  # --cache-dir: results and compiler output
        times[COLUMNS[1]] = _timed(verified, cwd, env)
        times[COLUMNS[2]] = _timed(verified, cwd, env)
        times[COLUMNS[3]] = _timed([*goescape, "--no-cache", *files], cwd, env)
        return times


def render(fmt: str, results: Mapping[str, Mapping[str, float]], cores: int) -> str:
    if fmt == "json":
        return json.dumps({"cores": cores, "suites": results}, indent=2, sort_keys=True) + "\n"
    rows = [["suite", *COLUMNS, "cold ratio", "warm ratio"]]
    for name, times in results.items():
        build = times[COLUMNS[0]]
        rows.append([name, *(f"{times[c]:.1f} s" for c in COLUMNS),
                     f"{times[COLUMNS[1]] / build:.2f}×", f"{times[COLUMNS[2]] / build:.2f}×"])
    if fmt == "markdown":
        lines = ["| " + " | ".join(rows[0]) + " |", "|---" + "|--:" * (len(rows[0]) - 1) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return (f"Measured on {cores} cores with `python bench/verify_speed.py` (medians when "
                f"repeated).\n\n" + "\n".join(lines) + "\n")
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/verify_speed.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suite", action="append", choices=list(builtin_suites()),
                        help="suites to time (repeatable; default: seed and std-tuned)")
    parser.add_argument("--packages", nargs="+", metavar="PKG", help="time these std packages")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run every command N times in turn and report medians (default 1)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    suites = [builtin_suites()[name] for name in (args.suite or ([] if args.packages else
                                                                 ["seed", "std-tuned"]))]
    if args.packages:
        suites.append(std_suite(tuple(args.packages)))
    try:
        go = go_command()
        results = {}
        for suite in suites:
            print(f"timing {suite.name} ...", file=sys.stderr)
            results[suite.name] = measure_median(suite, go, args.repeat)
    except (BenchError, gc.GoError, OSError) as error:
        print(f"bench/verify_speed.py: error: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(render(args.format, results, os.cpu_count() or 1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
