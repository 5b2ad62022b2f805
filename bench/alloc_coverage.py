"""Allocation-weighted coverage: how much of what a package's benchmarks allocate goescape's findings point at."""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/alloc_coverage.py`: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.alloc_score import PackageResult, Report, enclosing_functions, score
from bench.alloc_tables import from_json, render
from bench.allocs import BenchOptions, Charged, charge, functions_on_stacks, run_benchmarks
from bench.measure import BenchError, GoPackage, go_command, goroot_src, list_packages
from bench.suites import ALLOC_HOLDOUT, ALLOC_TUNED
from goescape.linter.config.file import Config
from goescape.linter.config.policy import Policy
from goescape.linter.cost.pprof import ProfileError
from goescape.linter.cost.pprof_read import load
from goescape.linter.cost.rank import ranked
from goescape.linter.findings import RunResult
from goescape.linter.gc import build as gc
from goescape.linter.registry.registry import Registry, build_registry
from goescape.linter.run.runner import run
from goescape.linter.verify import create_stage

MODES = ("heuristic", "verify", "profile", "verify+profile")
EPILOG = """\
Lists live in bench/suites.py: std-tuned (ALLOC_TUNED) and std-holdout (ALLOC_HOLDOUT), the accuracy
benchmark's lists less the packages without benchmarks. Every package's benchmarks run twice at most:
with -memprofilerate=1 (the allocations scored against) and, for --profile modes, separately with a
CPU profile (what goescape is given); a package whose benchmarks fail or time out is skipped, and said so.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bench/alloc_coverage.py", description=__doc__, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suite", choices=("std-tuned", "std-holdout", "all"), default=None,
                        help="which package list to measure (default: all, unless --packages or --module)")
    parser.add_argument("--packages", nargs="+", metavar="PKG", help="measure these standard-library packages")
    parser.add_argument("--module", type=Path, metavar="DIR", help="measure the packages of the Go module in DIR")
    parser.add_argument("--pattern", nargs="+", default=["./..."], metavar="PATTERN",
                        help="with --module: which of its packages (go list patterns; default ./...)")
    parser.add_argument("--modes", default=",".join(MODES), metavar="LIST",
                        help=f"comma-separated, from {', '.join(MODES)} (default: all of them)")
    parser.add_argument("--benchtime", default="10x", metavar="T",
                        help="-benchtime of the memory-profiled run (default 10x: every allocation is recorded)")
    parser.add_argument("--cpu-benchtime", default="500ms", metavar="T",
                        help="-benchtime of the CPU-profiled run (default 500ms)")
    parser.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS",
                        help="give up on a package's benchmark run after this long (default 300)")
    parser.add_argument("--gocache", type=Path, metavar="DIR",
                        help="the Go build cache to use (default: a private one for this GOROOT, in the temp folder)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="keep each package's profiles in DIR/<import path>/ (mem.pprof, cpu.pprof)")
    parser.add_argument("--examples", type=int, default=5, metavar="N",
                        help="how many allocation-free findings on allocating lines to list per package")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    parser.add_argument("--render", type=Path, nargs="+", metavar="JSON",
                        help="measure nothing: render these earlier --format json reports as one, in --format "
                             "(a package in several: the last one's)")
    return parser


def selected(args: argparse.Namespace, go: str) -> list[tuple[str, Path, list[GoPackage]]]:
    """(group, where `go test` runs, packages) for each list asked for."""
    chosen: list[tuple[str, Path, tuple[str, ...]]] = []
    src = goroot_src(go)
    if args.packages:  # a package of one of the lists is reported in its list's group
        for name, listed in (("std-tuned", ALLOC_TUNED), ("std-holdout", ALLOC_HOLDOUT), ("packages", None)):
            picked = tuple(p for p in args.packages if (listed is None and p not in (*ALLOC_TUNED, *ALLOC_HOLDOUT))
                           or (listed is not None and p in listed))
            if picked:
                chosen.append((name, src, picked))
    if args.suite in ("std-tuned", "all") or (args.suite is None and not args.packages and not args.module):
        chosen.append(("std-tuned", src, ALLOC_TUNED))
    if args.suite in ("std-holdout", "all") or (args.suite is None and not args.packages and not args.module):
        chosen.append(("std-holdout", src, ALLOC_HOLDOUT))
    groups = [(name, cwd, list(list_packages(go, patterns, cwd))) for name, cwd, patterns in chosen]
    if args.module:
        folder = args.module.resolve()
        if not (folder / "go.mod").is_file():
            raise BenchError(f"{folder} is not a Go module (no go.mod)")
        groups.append(("module", folder, list(list_packages(go, tuple(args.pattern), folder))))
    return groups


def measure_package(go: str, package: GoPackage, group: str, cwd: Path, modes: Sequence[str],
                    options: BenchOptions, registry: Registry) -> PackageResult:
    result = PackageResult(package.import_path, group, files=len(package.go_files))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="goescape-alloc-") as temp:
        out = Path(temp)
        # A std package is tested from the temporary folder (nothing is written next to GOROOT);
        # a module's from its folder, which `go test` needs to find the module.
        where = out if group != "module" else cwd
        run = run_benchmarks(go, package.import_path, where, out, "mem", options)
        result.benchmarks = run.benchmarks
        if not run.ok or run.profile is None:
            result.problem = run.problem
            return result
        try:
            charged = charge(load(run.profile), [str(f) for f in package.go_files])
        except ProfileError as error:
            result.problem = str(error)
            return result
        _record(result, charged)
        if not result.charged_bytes:
            result.problem = "its benchmarks allocate nothing in its own code"
            return result
        reached = set(charged.functions)
        cpu: Path | None = None
        if any("profile" in mode for mode in modes):
            # What goescape is given: a CPU profile of a separate run, never the memory
            # profile the findings are scored against.
            cpu_run = run_benchmarks(go, package.import_path, where, out, "cpu", options, run.benchmarks)
            if not cpu_run.ok or cpu_run.profile is None:
                result.problem = f"the CPU-profiled run: {cpu_run.problem}"
                return result
            cpu = cpu_run.profile
            reached |= functions_on_stacks(load(cpu), [str(f) for f in package.go_files])
        if options.keep is not None:
            kept = options.keep / package.import_path
            kept.mkdir(parents=True, exist_ok=True)
            for profile in (run.profile, cpu):
                if profile is not None:
                    shutil.copy(profile, kept / profile.name)
        enclosing = enclosing_functions(package.go_files)
        for mode in modes:
            verify = go if mode.startswith("verify") else None
            linted = _lint_in(package, registry, verify, cpu if "profile" in mode else None)
            result.coverage[mode] = score(ranked(linted.diagnostics), charged, frozenset(reached), enclosing)
    result.seconds = time.perf_counter() - started
    return result


def _render_saved(paths: Sequence[Path], fmt: str, output: str | None) -> int:
    try:
        reports = [from_json(path.read_text(encoding="utf-8")) for path in paths]
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"bench/alloc_coverage.py: error: cannot read a saved report: {error}", file=sys.stderr)
        return 2
    first = reports[0]
    modes = tuple(dict.fromkeys(m for r in reports for m in r.modes))
    latest = {p.name: p for r in reports for p in r.packages}  # a package measured again replaces its entry
    merged = Report(first.go_version, modes, first.options, tuple(latest.values()), 0)
    text = render(fmt, merged)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def private_gocache(go: str) -> Path:
    """A build cache of this GOROOT's own: the compiler's output replayed from a shared cache
    names the GOROOT that first compiled a standard-library package, which may be another
    installation of the same Go version (so --verify would find nothing for this one's files)."""
    goroot = gc.go_env(go)["GOROOT"]
    digest = hashlib.sha256(os.path.realpath(goroot).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"goescape-alloc-gocache-{digest}"


def _lint_in(package: GoPackage, registry: Registry, go: str | None, profile: Path | None) -> RunResult:
    """goescape's engine on the package's files, default configuration; with `go`, verified
    (`--verify`, compiler results not cached: a cached result would carry the build cache's
    paths); with `profile`, weighed by it (`--profile`). Run from the package's own folder, as a
    user there would: from elsewhere, a file under a hidden folder below the working folder (a
    virtual environment's GOROOT) is skipped like any file a pre-commit hook passes from such a
    folder."""
    config = Config(root=package.dir, verify="on" if go else "off", profile=(profile,) if profile else ())
    policy = Policy.build(config, registry)
    stages = [create_stage(go, cgo=False, known=lambda code: code in registry.rules, cache_root=None)] if go else []
    here = os.getcwd()
    os.chdir(package.dir)
    try:
        return run([str(f) for f in package.go_files], policy, package.dir, stages)
    finally:
        os.chdir(here)
        for stage in stages:
            stage.close()


def _record(result: PackageResult, charged: Charged) -> None:
    result.charged_bytes, result.charged_objects = charged.bytes, charged.objects
    result.sites, result.profile_bytes = len(charged.sites), charged.profile_bytes


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown or not modes:
        parser.error(f"--modes: unknown mode {', '.join(unknown) or '(none)'}; choose from {', '.join(MODES)}")
    if args.render:
        return _render_saved(args.render, args.format, args.output)
    registry = build_registry(plugins=False)
    previous = os.environ.get("GOCACHE")
    try:
        go = go_command()
        # Every go command of the run, --verify's included, uses this cache (os.environ is what
        # they start from); it is put back afterwards.
        os.environ["GOCACHE"] = str(args.gocache or private_gocache(go))
        options = BenchOptions(args.benchtime, args.cpu_benchtime, args.timeout, keep=args.keep)
        results: list[PackageResult] = []
        for group, cwd, packages in selected(args, go):
            for package in packages:
                print(f"{group}: {package.import_path} ...", file=sys.stderr, flush=True)
                results.append(measure_package(go, package, group, cwd, modes, options, registry))
                if results[-1].problem:
                    print(f"  skipped: {results[-1].problem}", file=sys.stderr)
        report = Report(gc.go_version(go), tuple(modes), options, tuple(results), args.examples)
        text = render(args.format, report)
    except (BenchError, gc.GoError, OSError) as error:
        print(f"bench/alloc_coverage.py: error: {error}", file=sys.stderr)
        return 2
    finally:
        if previous is None:
            os.environ.pop("GOCACHE", None)
        else:
            os.environ["GOCACHE"] = previous
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
