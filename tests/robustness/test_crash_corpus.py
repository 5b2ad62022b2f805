"""Inputs that once crashed, hung or corrupted a report: each must now lint cleanly.

Add a file to corpus/ whenever a fuzzer or a user finds one (name it for what went wrong). A
failure inside a rule is not fixed here: its reproducer goes in as `escNNN_*.go` with an entry in
RULE_BUGS, an expected failure that turns into an error (strict) the day the rule is fixed."""
from __future__ import annotations

from pathlib import Path

import pytest
from robust_support import CORPUS, lint_bytes, policy, problems

# Inputs that still fail, by file name, with what is wrong (none at the moment: the last three,
# quadratic rule walks over 2,000-10,000 nesting levels, were fixed).
RULE_BUGS: dict[str, str] = {}


def _cases() -> list:
    missing = set(RULE_BUGS) - {p.name for p in CORPUS.glob("*.go")}
    assert not missing, f"RULE_BUGS names inputs that are not in the corpus: {sorted(missing)}"
    cases = []
    for path in sorted(CORPUS.glob("*.go")):
        bug = RULE_BUGS.get(path.name)
        marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=bug)] if bug is not None else []
        cases.append(pytest.param(path, id=path.name, marks=marks))
    return cases


@pytest.mark.parametrize("path", _cases())
def test_corpus_input_lints_cleanly(tmp_path: Path, path: Path) -> None:
    # A short engine timeout: a hang shows as a "timeout" notice within seconds.
    checked = lint_bytes(path.read_bytes(), tmp_path, path.name, the_policy=policy(timeout=10.0))
    assert problems(checked) == []
