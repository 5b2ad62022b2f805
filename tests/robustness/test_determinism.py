"""The same inputs give byte-identical reports across processes, job counts, caches and file orders."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

EXTRA = {
    "odd/broken.go": "package odd\n\nfunc broken( {\n",
    "odd/ünïcode.go": "package odd\n\ntype T struct{ s string }\n\nfunc f() *T { t := T{\"é\"}; return &t }\n",
    "odd/crlf.go": "package odd\r\n\r\nfunc g() *int {\r\n\tx := 1\r\n\treturn &x\r\n}\r\n",
    "odd/suppressed.go": "package odd\n\nfunc h() *int {\n\tx := 2\n"
                         "\treturn &x //goescape:ignore ESC101 by design\n}\n",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("determinism")
    shutil.copytree(FIXTURES, root / "fixtures")
    shutil.copytree(REPO / "examples", root / "examples")
    for name, text in EXTRA.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(text.encode())
    (root / ".git").mkdir()
    return root


def _has_jobs() -> bool:
    return "--jobs" in _check_help()


def _check_help() -> str:
    from goescape.linter.cli.main import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    return commands.choices["check"].format_help()  # type: ignore[union-attr]


def _goescape(project: Path, *args: str, hash_seed: str = "0", cache: Path | None = None) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "HOME": str(project.parent),
           "XDG_CACHE_HOME": str(project.parent / "xdg")}
    flags = ["--cache-dir", str(cache)] if cache else (["--no-cache"] if "--no-cache" in _check_help() else [])
    done = subprocess.run([sys.executable, "-m", "goescape.linter", "check", *args, *flags], cwd=project,
                          env=env, capture_output=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr.decode()
    assert b"Traceback" not in done.stderr
    return done.stdout


def _files(project: Path) -> list[str]:
    return sorted(p.relative_to(project).as_posix() for p in project.rglob("*.go"))


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "html"])
def test_processes_file_orders_and_job_counts_agree(project: Path, fmt: str) -> None:
    files = _files(project)
    jobs = ["--jobs", "2"] if _has_jobs() else []
    one = ["--jobs", "1"] if _has_jobs() else []
    reference = _goescape(project, *files, "--format", fmt, *one, hash_seed="1")
    assert reference.count(b"ESC1") >= 10  # a report with something in it
    variants = {
        "another process": _goescape(project, *files, "--format", fmt, *one, hash_seed="2"),
        "reversed files, 2 jobs": _goescape(project, *reversed(files), "--format", fmt, *jobs, hash_seed="3"),
        "folders instead of files": _goescape(project, "odd", "fixtures", "examples", "--format", fmt, *jobs,
                                              hash_seed="4"),
    }
    for name, output in variants.items():
        assert output == reference, name


def test_the_job_flag_exists_and_changes_nothing(project: Path) -> None:
    """Issue 5 adds --jobs; this checks the flag is there (the test above then uses it)."""
    assert _has_jobs()


def test_cold_and_warm_cache_agree(project: Path, tmp_path: Path) -> None:
    if "--cache-dir" not in _check_help():
        pytest.skip("no result cache in this version")
    cache = tmp_path / "cache"
    cold = _goescape(project, ".", "--format", "sarif", cache=cache, hash_seed="5")
    warm = _goescape(project, ".", "--format", "sarif", cache=cache, hash_seed="6")
    assert any(cache.rglob("*")) and warm == cold
