"""bench/speed.py's measuring and reporting (the benchmark itself takes minutes: it is not run here)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO))  # bench/ is a folder of scripts, not an installed package

from bench import speed


def test_measure_counts_the_whole_process_tree():
    """CPU and memory of a child's own children count: goescape's workers, go's compilers."""
    burn = "import hashlib\nx = b'a' * 50_000_000\nfor _ in range(3): hashlib.sha256(x).digest()\n"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {burn!r}], check=True)"
    result = speed.measure("tree", [sys.executable, "-c", parent], {})
    assert result.status == 0
    assert result.cpu >= 0.05 and result.wall >= result.cpu / 4
    assert result.rss_largest >= 50_000_000  # the grandchild's 50 MB buffer
    if Path("/proc/self/stat").exists():
        assert result.rss_total >= 50_000_000


def test_a_failing_command_is_reported_with_its_status():
    result = speed.measure("fails", [sys.executable, "-c", "raise SystemExit(3)"], {})
    assert result.status == 3
    table = speed.render([result], _facts(), "text")
    assert "fails (exit 3)" in table


def _facts() -> dict[str, object]:
    return {"goescape": "0", "go": "go1.27.3", "python": "3.11", "cores": 2, "files": 10,
            "findings": 5, "identical": True, "one file: a/b.go": (0.25, 0.125, 3, 0.5, 0.0625),
            "compared": {"cold and unchanged": True, "edited and --no-cache": False}}


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_ratios_are_against_the_compiler(fmt):
    runs = [speed.Measurement("goescape, cold cache", 4.0, 6.0, 2**20 * 100, 2**20 * 300, 1),
            speed.Measurement("go build -gcflags=-m std, empty GOCACHE", 40.0, 60.0, 2**20, 2**20, 0)]
    table = speed.render(runs, _facts(), fmt)
    assert "0.100" in table and "300 MB" in table and "2 cores" in table
    assert "0.25" in table and "0.12" in table and "0.50" in table  # the one-file latency table, CPU too
    assert "edited and --no-cache: DIFFERENT" in table
    if fmt == "markdown":
        assert "| goescape, cold cache | 4.00 | 6.00 | 100 MB | 300 MB | 0.100 | 0.100 |" in table


def test_the_profile_names_goescape_s_own_functions(tmp_path):
    """--profile: a cold run profiled in this process, each file linted on the profiled thread."""
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "a.go").write_text("package p\n\ntype T struct{ n int }\n\n"
                                         "func New() *T {\n\tt := T{}\n\treturn &t\n}\n")
    report = speed.profile(tmp_path, 5000)
    assert "| function | calls | own CPU s |" in report and "| where | own CPU s | own % |" in report
    assert " _dispatch |" in report and " _lint_parsed |" in report  # linted where it was profiled
    assert "| linter/engine |" in report and "| rules |" in report
