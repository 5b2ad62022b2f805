"""Replaying a whole report: only when nothing the run read or was asked changed."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from goescape.linter.cli import main as cli_module
from goescape.linter.run import replay

RETURNS = "package p\n\ntype T struct{ n int }\n\nfunc New() *T {\n\tt := T{}\n\treturn &t\n}\n"
OTHER = "package p\n\nfunc Other() *T {\n\tt := T{n: 1}\n\treturn &t\n}\n"


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the runs that linted (a replayed run does not call the engine). The files these
    tests write are seconds old at most, which the racy-file rule would refuse to trust: the
    tests change every file's size, so that rule is not what they exercise."""
    monkeypatch.setattr(replay, "RACY_NS", 0)
    calls: list[int] = []
    real, packaged = cli_module.run, cli_module.run_packaged

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    def counting_packaged(*args: object, **kwargs: object) -> object:
        done = packaged(*args, **kwargs)  # type: ignore[arg-type]
        if done is not None:  # put together from fragments: a run too (None: `run` is called)
            calls.append(1)
        return done

    monkeypatch.setattr(cli_module, "run", counting)
    monkeypatch.setattr(cli_module, "run_packaged", counting_packaged)
    return calls


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "go.mod").write_text("module example.com/p\n\ngo 1.27\n")
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "returns.go").write_text(RETURNS)
    return tmp_path


def test_an_unchanged_tree_is_replayed_byte_for_byte(cli, project, runs):
    first = cli("check", ".", cwd=project)
    second = cli("check", ".", cwd=project)
    assert first.status == second.status == 1
    assert "ESC101" in first.stdout
    assert (second.stdout, second.stderr) == (first.stdout, first.stderr)
    assert len(runs) == 1


@pytest.mark.parametrize("change", ["edit", "add", "remove", "gomod"])
def test_a_changed_tree_is_linted_again(cli, project, runs, change):
    first = cli("check", ".", cwd=project)
    source = project / "p" / "returns.go"
    if change == "edit":
        source.write_text(RETURNS.replace("return &t", "return &T{}"))
    elif change == "add":
        (project / "p" / "other.go").write_text(OTHER)
    elif change == "remove":
        source.unlink()
        (project / "p" / "other.go").write_text(OTHER)
    else:  # the package's import path changes: the folder listing between it and go.mod
        (project / "p" / "go.mod").write_text("module example.com/q\n\ngo 1.27\n")
    second = cli("check", ".", cwd=project)
    assert len(runs) == 2
    assert second.stdout != first.stdout or change == "gomod"


def test_a_new_package_folder_is_seen(cli, project, runs):
    cli("check", ".", cwd=project)
    (project / "q").mkdir()
    (project / "q" / "other.go").write_text(OTHER)
    second = cli("check", ".", cwd=project)
    assert len(runs) == 2 and "q/other.go" in second.stdout


def test_other_options_or_paths_are_other_runs(cli, project, runs):
    cli("check", ".", cwd=project)
    cli("check", ".", "--format", "json", cwd=project)
    cli("check", "p", cwd=project)
    cli("check", ".", "--select", "ESC102", cwd=project)
    cli("check", ".", "--rank", cwd=project)  # the same findings in another order
    assert len(runs) == 5
    cli("check", "p", cwd=project)
    assert len(runs) == 5


@pytest.mark.parametrize("flags", [["--fail-on", "never"], ["--rank"]])
def test_options_that_change_the_status_or_the_order_are_other_runs(cli, project, runs, flags):
    (project / "p" / "other.go").write_text(OTHER.replace("\tt := T{n: 1}", "\tfor {\n\tt := T{n: 1}") + "}\n")
    first = cli("check", ".", "--format", "json", cwd=project)
    again = cli("check", ".", "--format", "json", *flags, cwd=project)
    reference = cli("check", ".", "--format", "json", "--no-cache", *flags, cwd=project)
    assert len(runs) == 3 and (again.status, again.stdout) == (reference.status, reference.stdout)
    assert (again.status, again.stdout) != (first.status, first.stdout)


@pytest.mark.parametrize("flags", [["--no-cache"], ["--baseline", "base.json"]])
def test_runs_that_depend_on_more_than_their_files_are_never_replayed(cli, project, runs, flags):
    if "--baseline" in flags:
        assert cli("check", ".", "--write-baseline", "base.json", cwd=project).status == 0
        runs.clear()
    cli("check", ".", *flags, cwd=project)
    cli("check", ".", *flags, cwd=project)
    assert len(runs) == 2


def test_replays_can_be_turned_off(cli, project, runs, monkeypatch):
    monkeypatch.setenv("GOESCAPE_REPLAY", "0")
    cli("check", ".", cwd=project)
    cli("check", ".", cwd=project)
    assert len(runs) == 2


def test_racy_files_are_not_trusted(cli, project, monkeypatch):
    monkeypatch.setattr(replay, "RACY_NS", 3_600 * 10**9)  # every file is "just modified"
    cli("check", ".", cwd=project)
    cache = Path(os.environ["GOESCAPE_CACHE_DIR"])
    assert not list(cache.rglob("replays/*"))


def test_a_corrupt_replay_is_ignored_and_rewritten(cli, project, runs):
    first = cli("check", ".", cwd=project)
    [entry] = Path(os.environ["GOESCAPE_CACHE_DIR"]).rglob("replays/*")
    entry.write_bytes(entry.read_bytes()[:-10])
    second = cli("check", ".", cwd=project)
    third = cli("check", ".", cwd=project)
    assert len(runs) == 2
    assert first.stdout == second.stdout == third.stdout


def test_a_replay_still_refuses_to_overwrite_a_linted_file(cli, project, runs):
    cli("check", ".", "-o", "report.txt", cwd=project)
    result = cli("check", ".", "-o", "p/returns.go", cwd=project)
    assert result.status == 2 and "one of the files being linted" in result.stderr
    assert (project / "p" / "returns.go").read_text() == RETURNS
    assert len(runs) == 1


def test_an_output_file_in_the_tree_does_not_defeat_the_replay(cli, project, runs):
    first = cli("check", ".", "-o", "report.txt", cwd=project)
    report = (project / "report.txt").read_text()
    (project / "report.txt").unlink()
    second = cli("check", ".", "-o", "report.txt", cwd=project)
    assert len(runs) == 1 and first.status == second.status == 1
    assert (project / "report.txt").read_text() == report


def test_a_file_added_while_the_run_is_under_way_is_not_missed(cli, project, runs, monkeypatch):
    linting, packaged = cli_module.run, cli_module.run_packaged

    def then_add(real):  # type: ignore[no-untyped-def]
        def wrapped(*args: object, **kwargs: object) -> object:
            result = real(*args, **kwargs)
            (project / "p" / "other.go").write_text(OTHER)  # after discovery: this run did not see it
            return result
        return wrapped

    monkeypatch.setattr(cli_module, "run", then_add(linting))
    monkeypatch.setattr(cli_module, "run_packaged", then_add(packaged))
    first = cli("check", ".", cwd=project)
    monkeypatch.setattr(cli_module, "run", linting)
    monkeypatch.setattr(cli_module, "run_packaged", packaged)
    second = cli("check", ".", cwd=project)
    assert "other.go" not in first.stdout and "other.go" in second.stdout
    assert len(runs) == 2


def test_a_tree_holding_a_default_pgo_is_replayed(cli, project, runs):
    # default.pgo is among what a folder's listing records (a main package's profile): the walk
    # that lists the tree's folders must record it as the check of a replay lists them.
    (project / "p" / "default.pgo").write_bytes(b"")
    first = cli("check", ".", cwd=project)
    second = cli("check", ".", cwd=project)
    assert (second.stdout, second.stderr) == (first.stdout, first.stderr)
    assert len(runs) == 1
    (project / "p" / "default.pgo").unlink()  # the listing changed: linted again
    cli("check", ".", cwd=project)
    assert len(runs) == 2
