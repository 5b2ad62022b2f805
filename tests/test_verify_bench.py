"""The accuracy benchmark with --verify: what it measures of `goescape check --verify`."""
from __future__ import annotations

import json
import sys

import pytest
from conftest import REPO
from verify_helpers import module, require_go

sys.path.insert(0, str(REPO))  # bench/ is a folder of scripts, not an installed package

from test_bench import PACKAGE, _test_registry

from bench import accuracy, verify_speed
from bench.measure import measure
from bench.suites import module_suite

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOESCAPE_CACHE_DIR", str(tmp_path_factory.mktemp("goescape-cache")))


def test_verified_findings_cover_every_escape_line_and_nothing_else(tmp_path):
    go = require_go()
    root = module(tmp_path / "m", {"p/p.go": PACKAGE}, name="benchtest")
    plain = measure(module_suite(root), go, _test_registry())
    verified = measure(module_suite(root), go, _test_registry(), verify=True)
    assert plain.score.false_positives  # the test rules flag lines the compiler does not report
    # refuted, and no rule of goescape's own to add the misses to: precision 1, recall as found
    assert verified.refuted == len(plain.score.false_positives)
    assert verified.score.precision.ratio == 1.0
    assert verified.score.recall == plain.score.recall


def test_accuracy_cli_with_verify(tmp_path, capsys):
    require_go()
    root = module(tmp_path / "m", {"p/p.go": PACKAGE}, name="benchtest")
    assert accuracy.main(["--module", str(root), "--verify", "--format", "json", "--top", "0"]) == 0
    suite = json.loads(capsys.readouterr().out)["suites"]["module"]
    assert suite["escape_lines"] == 4
    assert suite["precision"]["ratio"] == suite["recall"]["ratio"] == 1.0
    assert suite["misses"] == [] and suite["false_positives"] == []


def test_speed_bench_times_every_column(tmp_path, capsys):
    require_go()
    root = module(tmp_path / "m", {"p/p.go": "package p\n\nfunc F() *int {\n\tn := 1\n\treturn &n\n}\n"})
    times = verify_speed.measure(module_suite(root), require_go())
    assert list(times) == list(verify_speed.COLUMNS) and all(t > 0 for t in times.values())
    text = verify_speed.render("markdown", {"module": times}, 2)
    assert text.splitlines()[2].startswith("| suite | go build -m (cold) |")
