"""The same inputs give byte-identical reports across processes, job counts, caches and file orders."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
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


# Every format, and a ranked report (whose order is not the files'): the last two are put together
# from the findings, not from cached parts.
REPORTS = {"text": ("--format", "text", "--show-source", "--include-suppressed"),
           "json": ("--format", "json", "--include-suppressed"),
           "sarif": ("--format", "sarif", "--include-suppressed"), "github": ("--format", "github"),
           "json --rank": ("--format", "json", "--rank"), "html": ("--format", "html")}


def _check(project: Path, *args: str) -> tuple[int, bytes, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": "0", "HOME": str(project.parent),
           "XDG_CACHE_HOME": str(project.parent / "xdg")}
    done = subprocess.run([sys.executable, "-m", "goescape.linter", "check", *args], cwd=project, env=env,
                          capture_output=True, timeout=600)
    assert b"Traceback" not in done.stderr
    return done.returncode, done.stdout, done.stderr


def _settle() -> None:
    """Wait until every file written is more than two seconds old: a run may then store its report
    for replay (a file changed in the two seconds before a run is not trusted to be what it read)."""
    time.sleep(2.1)


@pytest.mark.parametrize("report", list(REPORTS))
def test_cold_warm_and_edited_runs_match_a_run_without_cache(project: Path, tmp_path: Path, report: str) -> None:
    """Cold, warm (replayed, and put together from the cached fragments of each package) and after
    a file gained a line: the same bytes, exit status and summary as `--no-cache`, with 1 or 2 jobs."""
    tree = tmp_path / "tree"
    shutil.copytree(project, tree)
    (tree / "go.mod").write_text("module example.com/tree\n")  # the folders a replay checks end here
    _settle()
    common = (".", *REPORTS[report])
    edited = tree / "examples" / "returns.go"
    assert edited.exists()
    for jobs in ("1", "2"):
        cache = str(tmp_path / f"cache-{jobs}")
        reference = _check(tree, *common, "--no-cache", "--jobs", "1")
        assert reference[0] == 1 and reference[1].count(b"ESC1") >= 10
        for run in ("cold", "replayed", "from fragments"):
            env = {"GOESCAPE_REPLAY": "0"} if run == "from fragments" else {}
            with pytest.MonkeyPatch.context() as patch:
                for name, value in env.items():
                    patch.setenv(name, value)
                assert _check(tree, *common, "--jobs", jobs, "--cache-dir", cache) == reference, (run, jobs)
        stored = {f.name for f in (Path(cache) / "v1").iterdir() if f.is_dir() and any(f.iterdir())}
        in_parts = "--rank" not in common and "html" not in common  # see report/fragments.py
        assert {"replays", "results"} <= stored and ("fragments" in stored) == in_parts
        lines = edited.read_text().splitlines(keepends=True)
        edited.write_text("".join([lines[0], "// a line more: every finding below moves down\n", *lines[1:]]))
        reference = _check(tree, *common, "--no-cache", "--jobs", "1")
        for run in ("edited", "edited, again"):
            assert _check(tree, *common, "--jobs", jobs, "--cache-dir", cache) == reference, (run, jobs)
        edited.write_text("".join(lines))
        _settle()
