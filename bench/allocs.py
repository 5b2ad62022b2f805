"""Run a package's benchmarks with every allocation profiled; charge each byte to a line of its own code."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from goescape.linter.cost.pprof import Frame, Profile
from goescape.linter.gc import build as gc

Key = tuple[str, int]  # (resolved file, 1-based line)


@dataclass
class Site:
    """What one line allocated while the benchmarks ran."""

    bytes: int = 0
    objects: int = 0


@dataclass(frozen=True)
class Charged:
    """A memory profile's allocations charged to the package's own lines: each sample goes to
    the first frame of its stack (leaf first, inlined frames innermost first) that sits in one
    of the package's non-test files; samples whose stack never passes through them (the test
    harness, the benchmarks' own code, other packages' setup) are not the package's."""

    sites: dict[Key, Site]
    profile_bytes: int  # every byte the profile counts, charged or not
    profile_objects: int
    functions: frozenset[tuple[str, int]] = frozenset()  # (file, start line) of own functions on any stack

    @property
    def bytes(self) -> int:
        return sum(s.bytes for s in self.sites.values())

    @property
    def objects(self) -> int:
        return sum(s.objects for s in self.sites.values())


def charge(profile: Profile, files: Iterable[str]) -> Charged:
    """Charge `profile` (a memory profile: alloc_space and alloc_objects) to `files`' lines."""
    own = {os.path.realpath(f) for f in files}
    space, count = profile.sample_index("alloc_space"), profile.sample_index("alloc_objects")
    resolved: dict[str, str | None] = {}
    sites: dict[Key, Site] = {}
    functions: set[tuple[str, int]] = set()
    total_bytes = total_objects = 0
    for sample, frames in profile.stacks():
        total_bytes += sample.values[space]
        total_objects += sample.values[count]
        charged = False
        for frame in frames:
            path = _own(frame, own, resolved)
            if path is None:
                continue
            functions.add((path, frame.start_line))
            if not charged:
                site = sites.setdefault((path, frame.line), Site())
                site.bytes += sample.values[space]
                site.objects += sample.values[count]
                charged = True
    return Charged({k: s for k, s in sites.items() if s.bytes or s.objects}, total_bytes, total_objects,
                   frozenset(functions))


def functions_on_stacks(profile: Profile, files: Iterable[str]) -> frozenset[tuple[str, int]]:
    """(file, start line) of the functions of `files` on any of the profile's stacks: the code
    the benchmarks ran (a CPU profile's, sampled every 10 ms, misses the quickest)."""
    own = {os.path.realpath(f) for f in files}
    resolved: dict[str, str | None] = {}
    found: set[tuple[str, int]] = set()
    for _, frames in profile.stacks():
        for frame in frames:
            path = _own(frame, own, resolved)
            if path is not None:
                found.add((path, frame.start_line))
    return frozenset(found)


def _own(frame: Frame, own: set[str], resolved: dict[str, str | None]) -> str | None:
    if frame.filename not in resolved:
        real = os.path.realpath(frame.filename) if frame.filename else ""
        resolved[frame.filename] = real if real in own else None
    return resolved[frame.filename]


# -- running the benchmarks ------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchRun:
    """One `go test -bench` run of one package: the profile it wrote, or why there is none."""

    profile: Path | None
    benchmarks: int  # result lines printed (sub-benchmarks count)
    seconds: float
    problem: str = ""  # why the run gave no usable profile: failed, timed out, no benchmarks

    @property
    def ok(self) -> bool:
        return self.profile is not None and not self.problem


@dataclass(frozen=True)
class BenchOptions:
    """How the benchmarks are run: `-benchtime` for the memory-profiled run (every allocation is
    recorded, which is slow) and for the CPU-profiled one (it needs time for samples), and a
    wall-clock limit per run."""

    mem_benchtime: str = "10x"
    cpu_benchtime: str = "500ms"
    timeout: float = 300.0
    bench: str = "."  # the -bench pattern
    keep: Path | None = None  # where to keep the profiles (None: they go with the temporary folder)
    env: dict[str, str] = field(default_factory=gc.safe_env)


def run_benchmarks(go: str, package: str, cwd: Path, out: Path, kind: str, options: BenchOptions,
                   benchmarks: int = 0) -> BenchRun:
    """`go test -run='^$' -bench=. PACKAGE` with a memory (`kind` "mem", -memprofilerate=1) or
    CPU ("cpu") profile. The test binary and the profile go to `out`; `cwd` is where `go test`
    runs (a temporary folder for the standard library, the module's folder for a module); the
    package's own folder is never written. A CPU-profiled run of `benchmarks` benchmarks gets
    their -benchtime on top of the time limit."""
    profile = out / f"{kind}.pprof"
    limit = options.timeout + (benchmarks * 2 * seconds_of(options.cpu_benchtime) if kind == "cpu" else 0)
    command = [go, "test", "-run=^$", f"-bench={options.bench}", "-count=1", f"-timeout={int(limit)}s",
               "-o", str(out / f"{kind}.test"), "-outputdir", str(out)]
    if kind == "mem":
        command += [f"-benchtime={options.mem_benchtime}", "-memprofile", profile.name, "-memprofilerate=1"]
    else:
        command += [f"-benchtime={options.cpu_benchtime}", "-cpuprofile", profile.name]
    started = time.perf_counter()
    status, output = _run(command + [package], cwd, options.env, limit + 60)
    seconds = time.perf_counter() - started
    benchmarks = sum(1 for line in output.splitlines() if line.startswith("Benchmark") and "\t" in line)
    if status is None:
        return BenchRun(None, benchmarks, seconds, f"timed out after {limit + 60:g} s")
    if status != 0:
        return BenchRun(None, benchmarks, seconds, f"go test failed: {_first_failure(output)}")
    if benchmarks == 0:
        return BenchRun(None, 0, seconds, "no benchmarks")
    if not profile.is_file():
        return BenchRun(None, benchmarks, seconds, "go test wrote no profile")
    return BenchRun(profile, benchmarks, seconds)


def seconds_of(benchtime: str) -> float:
    """A -benchtime as seconds: a Go duration (`500ms`, `1s`, `1m`); 0 for a count (`10x`)."""
    units = (("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1.0), ("m", 60.0), ("h", 3600.0))
    for suffix, scale in units:
        number = benchtime.removesuffix(suffix)
        if number != benchtime:
            try:
                return float(number) * scale
            except ValueError:
                break
    return 0.0


def _run(command: Sequence[str], cwd: Path, env: dict[str, str], timeout: float) -> tuple[int | None, str]:
    """Run in a process group of its own, so that a timeout also stops the test binary."""
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, encoding="utf-8", errors="replace", start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return None, ""
    return process.returncode, output


def _first_failure(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    for line in lines:
        if line.startswith(("--- FAIL", "panic:", "FAIL")) or "cannot" in line or "error" in line:
            return line[:200]
    return (lines[-1] if lines else "no output")[:200]
