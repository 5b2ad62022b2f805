"""bench/rule_cost.py: configurations timed in fresh processes, repeated runs reduced to a median."""
from __future__ import annotations

import json
import sys

import pytest
from conftest import FIXTURES, REPO

sys.path.insert(0, str(REPO))  # bench/ is a folder of scripts, not an installed package

from bench import rule_cost


def _timing(config: str, cpu: float) -> rule_cost.Timing:
    return rule_cost.Timing(config, cpu, files=1, findings=0, rule_errors=0)


@pytest.mark.parametrize(("cpus", "median"), [
    ([3.0], 3.0),
    ([5.0, 1.0, 9.0], 5.0),
    ([4.0, 2.0, 8.0, 6.0], 4.0),  # an even count keeps a measured run: the lower middle one
])
def test_median_timing(cpus: list[float], median: float) -> None:
    assert rule_cost.median_timing([_timing("x", c) for c in cpus]).cpu == median


def test_repeat_times_every_configuration_and_reports_medians(capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(FIXTURES / "ESC101")
    status = rule_cost.main(["--paths", folder, "--rules", "ESC101", "--repeat", "2", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert status == 0
    assert report["repeat"] == 2
    runs = {run["config"]: run for run in report["runs"]}
    assert list(runs) == [rule_cost.ENGINE, rule_cost.WALK, "ESC101"]
    assert runs[rule_cost.ENGINE]["findings"] == 0
    assert runs["ESC101"]["findings"] > 0 and runs["ESC101"]["rule_errors"] == 0


@pytest.mark.parametrize(("every", "without", "alone", "expected"), [
    (110.0, 100.0, 400.0, "ok"),  # +10% on a full run: within budget, however dear alone
    (130.0, 100.0, 110.0, "over 25%"),  # +30% on a full run
    (None, None, 120.0, "ok (alone)"),  # no leave-one-out: judged alone against the engine
    (None, None, 130.0, "over 25% (alone)"),
])
def test_verdict_judges_the_full_run_when_it_was_measured(
        every: float | None, without: float | None, alone: float, expected: str) -> None:
    full = _timing(rule_cost.ALL, every) if every is not None else None
    rest = _timing("-X", without) if without is not None else None
    assert rule_cost.verdict(_timing("X", alone), _timing(rule_cost.ENGINE, 100.0), full, rest) == expected


def test_a_group_is_left_out_together_and_judged_against_the_full_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert rule_cost.ignored("-ESC201,ESC202") == ("ESC201", "ESC202")
    timings = [_timing(rule_cost.ALL, 120.0), _timing("-ESC201,ESC202", 100.0), _timing("-ESC203", 90.0)]
    rows = rule_cost.group_rows(timings, ["ESC201,ESC202", "ESC203"])
    assert rows[1:] == [["ESC201 ESC202", "+20.0%", "ok"], ["ESC203", "+33.3%", "over 25%"]]
    folder = str(FIXTURES / "ESC203")
    status = rule_cost.main(["--paths", folder, "--rules", "ESC203", "--without", "ESC202,ESC203",
                             "--format", "json"])
    runs = {run["config"]: run for run in json.loads(capsys.readouterr().out)["runs"]}
    assert status == 0
    assert runs[rule_cost.ALL]["findings"] > runs["-ESC202,ESC203"]["findings"]
