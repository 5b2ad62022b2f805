"""The pre-commit hook, run for real with `pre-commit try-repo` in a throwaway git repository."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

ESCAPING = "package p\n\ntype T struct{ n int }\n\nfunc f() *T {\n\tt := T{}\n\treturn &t\n}\n"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _pre_commit() -> list[str]:
    executable = Path(sys.executable).with_name("pre-commit")
    return [str(executable)] if executable.exists() else [sys.executable, "-m", "pre_commit"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_hook_fails_on_a_finding_and_passes_once_suppressed(tmp_path):
    pytest.importorskip("pre_commit")
    work = tmp_path / "project"
    work.mkdir()
    _git(work, "init", "-q")
    _git(work, "config", "user.email", "test@example.com")
    _git(work, "config", "user.name", "test")
    go_file = work / "a.go"
    go_file.write_text(ESCAPING)
    _git(work, "add", "a.go")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "SKIP": ""}
    # try-repo copies the repository, uncommitted changes included, and installs it in a venv.
    command = [*_pre_commit(), "try-repo", str(REPO), "goescape", "--files", "a.go", "--verbose"]

    failing = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=900)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "a.go:7:9: ESC101 [warning] t escapes" in failing.stdout

    go_file.write_text(ESCAPING.replace("\treturn &t", "\t//goescape:ignore ESC101 returned by design\n\treturn &t"))
    _git(work, "add", "a.go")
    passing = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=900)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
