"""`--diff REV` and `--diff staged` against a real, temporary git repository."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from goescape.linter.run.gitdiff import parse_diff

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

FUNCS = "".join(f"\nfunc F{i}() *T {{\n\tt := T{{n: {i}}}\n\treturn &t\n}}\n" for i in range(3))
SOURCE = "package p\n\ntype T struct{ n int }\n" + FUNCS  # findings on lines 7, 12 and 17


def _edit(text: str, i: int) -> str:
    """Change the line of function i's finding (its return statement)."""
    return text.replace(f"n: {i}}}\n\treturn &t\n", f"n: {i}}}\n\treturn &t // edited\n")


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    work = tmp_path / "repo"
    (work / "p").mkdir(parents=True)
    _git(work, "init", "-q", "-b", "main")
    _git(work, "config", "user.email", "test@example.com")
    _git(work, "config", "user.name", "test")
    (work / "p" / "a.go").write_text(SOURCE)
    (work / "p" / "b.go").write_text(SOURCE.replace("func F", "func G"))
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "initial")
    return work


def _findings(cli, repo: Path, *args: str) -> tuple[int, list[str], dict]:  # type: ignore[no-untyped-def, type-arg]
    result = cli("check", ".", "--select", "ESC101", "--format", "json", *args, cwd=repo)
    report = json.loads(result.stdout) if result.stdout else {}
    found = [f"{f['path']}:{f['line']}" for f in report.get("findings", [])]
    return result.status, found, report.get("summary", {})


def test_only_changed_lines_are_reported(cli, repo):
    (repo / "p" / "a.go").write_text(_edit(SOURCE, 1).replace("n: 0}", "n: 10}"))  # 12 and 6
    status, found, summary = _findings(cli, repo, "--diff", "HEAD")
    assert (status, found) == (1, ["p/a.go:12"])
    assert summary["diff"] == {"hidden": 2} and summary["files"] == 1  # b.go is not even linted


def test_nothing_changed_nothing_reported(cli, repo):
    assert _findings(cli, repo, "--diff", "HEAD")[:2] == (0, [])
    result = cli("check", ".", "--diff", "staged", cwd=repo)
    assert "no Go file in . is touched by the staged changes" in result.stderr


def test_committed_changes_since_a_revision(cli, repo):
    (repo / "p" / "b.go").write_text(_edit((repo / "p" / "b.go").read_text(), 0))
    _git(repo, "commit", "-q", "-am", "change b")
    assert _findings(cli, repo, "--diff", "HEAD~1")[:2] == (1, ["p/b.go:7"])
    assert _findings(cli, repo, "--diff", "HEAD")[:2] == (0, [])


def test_a_branch_is_compared_from_where_it_forked(cli, repo):
    _git(repo, "checkout", "-q", "-b", "feature")
    (repo / "p" / "a.go").write_text(_edit(SOURCE, 2))
    _git(repo, "commit", "-q", "-am", "feature work")
    _git(repo, "checkout", "-q", "main")
    (repo / "p" / "b.go").write_text(_edit(SOURCE.replace("func F", "func G"), 0))
    _git(repo, "commit", "-q", "-am", "main moves on")
    _git(repo, "checkout", "-q", "feature")
    # main's change to b.go is not the branch's: only a.go:17 is new here
    assert _findings(cli, repo, "--diff", "main")[:2] == (1, ["p/a.go:17"])


def test_untracked_files_are_new(cli, repo):
    (repo / "p" / "c.go").write_text(SOURCE.replace("func F", "func H"))
    assert _findings(cli, repo, "--diff", "HEAD")[1] == ["p/c.go:7", "p/c.go:12", "p/c.go:17"]


def test_staged_changes_only(cli, repo):
    (repo / "p" / "a.go").write_text(_edit(SOURCE, 0))
    _git(repo, "add", "p/a.go")
    (repo / "p" / "b.go").write_text(_edit(SOURCE.replace("func F", "func G"), 1))  # not staged
    (repo / "p" / "c.go").write_text(SOURCE.replace("func F", "func H"))  # untracked
    assert _findings(cli, repo, "--diff", "staged")[:2] == (1, ["p/a.go:7"])


def test_a_subfolder_and_renamed_file(cli, repo):
    _git(repo, "mv", "p/a.go", "p/renamed.go")
    (repo / "p" / "renamed.go").write_text(_edit(SOURCE, 2))
    _git(repo, "add", ".")
    status, found, _ = _findings(cli, repo / "p", "--diff", "HEAD")
    assert (status, found) == (1, ["renamed.go:17"])


@pytest.mark.parametrize("rev,message", [
    ("no-such-rev", "unknown revision 'no-such-rev'"),
    ("--output=/tmp/x", "unknown revision"),
])
def test_a_bad_revision_is_a_usage_error(cli, repo, rev, message):
    result = cli("check", ".", f"--diff={rev}", cwd=repo)
    assert result.status == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_outside_a_repository_is_a_usage_error(cli, tmp_path):
    (tmp_path / "a.go").write_text(SOURCE)
    result = cli("check", ".", "--diff", "HEAD", cwd=tmp_path)
    assert result.status == 2 and result.stderr.startswith("goescape: error: --diff HEAD:")


def test_parse_diff_handles_hunks_deletions_and_quoted_names():
    patch = "\n".join([
        "diff --git a/x.go b/x.go", "--- a/x.go", "+++ b/x.go",
        "@@ -3,0 +4,2 @@", "+a", "+b",
        "@@ -10 +12 @@", "-old", "+new",
        "@@ -20,3 +21,0 @@", "-gone",
        "diff --git a/old.go b/old.go", "--- a/old.go", "+++ /dev/null", "@@ -1 +0,0 @@", "-x",
        'diff --git "a/t\\tab.go" "b/t\\tab.go"', '--- "a/t\\tab.go"', '+++ "b/t\\tab.go"', "@@ -1 +1 @@",
        '+++ "b/caf\\303\\251.go"', "@@ -0,0 +1 @@",
    ])
    assert parse_diff(patch) == {"x.go": frozenset({4, 5, 12}), "t\tab.go": frozenset({1}),
                                 "café.go": frozenset({1})}
