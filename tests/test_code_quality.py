"""The repository's own code passes ruff (settings in pyproject.toml) and mypy --strict."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "--no-cache", "--output-format", "concise", ".", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_finds_nothing(tmp_path: Path) -> None:
    # The folders install as goescape.linter and goescape.rules (package-dir in pyproject.toml);
    # mypy checks them under those names through a namespace folder of symlinks.
    (tmp_path / "goescape").mkdir()
    for name in ("linter", "rules"):
        (tmp_path / "goescape" / name).symlink_to(REPO / name, target_is_directory=True)
    result = _run("mypy", "--strict", "--namespace-packages", "--explicit-package-bases", "--cache-dir",
                  str(tmp_path / ".mypy_cache"), "-p", "goescape.linter", "-p", "goescape.rules", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
