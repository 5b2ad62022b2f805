"""File-system edge cases: loops, permissions, odd names, files vanishing, unwritable output."""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from robust_support import report_problems

import goescape.linter.engine.lint as engine

ESCAPING = "package p\n\ntype T struct{ n int }\n\nfunc f() *T {\n\tt := T{}\n\treturn &t\n}\n"
FORMATS = ("text", "json", "sarif", "github", "html")


def _one_line_errors(result) -> None:
    """No traceback, and every message on standard error is one line of its own."""
    assert "Traceback" not in result.stderr + result.stdout
    for line in result.stderr.splitlines():
        assert line.startswith(("goescape: ", "Found ", "No findings", "usage:", "  ", "goescape check")), line


def _write(path: Path, text: str = ESCAPING) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_symlink_loops_are_reported_not_followed(cli, tmp_path):
    _write(tmp_path / "ok.go")
    os.symlink("b.go", tmp_path / "a.go")
    os.symlink("a.go", tmp_path / "b.go")
    os.symlink(".", tmp_path / "here")  # a folder loop: walking must not follow it
    os.symlink("self", tmp_path / "self")
    result = cli("check", ".", "self", "--format", "json", cwd=tmp_path)
    _one_line_errors(result)
    assert result.status == 2  # files that cannot be read: the run is incomplete
    document = json.loads(result.stdout)
    assert [f["path"] for f in document["findings"]] == ["ok.go"]  # linted once, not via here/
    unreadable = sorted(n["path"] for n in document["notices"] if n["kind"] == "io")
    assert unreadable == ["a.go", "b.go", "self"]
    assert all("symbolic links" in n["message"] or "loop" in n["message"].lower()
               for n in document["notices"] if n["kind"] == "io")


@pytest.mark.parametrize("fmt", FORMATS)
def test_spaces_non_ascii_and_non_utf8_file_names(cli, tmp_path, fmt):
    _write(tmp_path / "dir with spaces" / "ünï cødé.go")
    raw = os.fsencode(tmp_path) + b"/caf\xe9.go"  # not UTF-8: Linux allows any bytes
    with open(raw, "wb") as handle:
        handle.write(ESCAPING.encode())
    (tmp_path / ".git").mkdir()
    result = cli("check", ".", "--format", fmt, cwd=tmp_path)
    _one_line_errors(result)
    assert result.status == 1
    assert not report_problems({fmt: result.stdout})
    assert "\ufffd" in result.stdout or "%E9" in result.stdout  # the bad byte, shown safely
    if fmt == "sarif":
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in json.loads(result.stdout)["runs"][0]["results"]}
        assert uris == {"caf%E9.go", "dir%20with%20spaces/%C3%BCn%C3%AF%20c%C3%B8d%C3%A9.go"}


def test_file_removed_after_discovery(cli, tmp_path, monkeypatch):
    _write(tmp_path / "a.go")
    _write(tmp_path / "b.go")
    real = engine.read_source

    def vanish(path: Path, max_bytes):
        if path.name == "a.go":
            path.unlink()  # deleted between discovery and reading
        return real(path, max_bytes)

    monkeypatch.setattr(engine, "read_source", vanish)
    result = cli("check", ".", cwd=tmp_path)
    _one_line_errors(result)
    assert result.status == 2
    assert "a.go: notice: cannot read file: No such file or directory" in result.stdout
    assert "b.go:7:9: ESC101" in result.stdout  # the rest is linted


def test_folder_that_cannot_be_listed(cli, tmp_path, monkeypatch):
    _write(tmp_path / "ok" / "a.go")
    _write(tmp_path / "locked" / "b.go")
    real = os.scandir

    def deny(path=".", *args):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args)

    monkeypatch.setattr(os, "scandir", deny)
    result = cli("check", ".", cwd=tmp_path)
    _one_line_errors(result)
    assert result.status == 2
    assert "locked: notice: cannot read" in result.stdout.replace("./locked", "locked")
    assert "ok/a.go:7:9: ESC101" in result.stdout


# -- real permissions ----------------------------------------------------------------------------


def _without_privileges(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run goescape where permissions apply: as root (CI), without the capabilities that let root
    ignore them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)."""
    command = [sys.executable, "-m", "goescape.linter", *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root, and no setpriv (util-linux) to drop CAP_DAC_OVERRIDE")
        caps = "-dac_override,-dac_read_search"
        command = [setpriv, "--bounding-set", caps, "--inh-caps", caps, *command]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "HOME": str(cwd)}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_unreadable_file_and_folder_for_real(tmp_path):
    _write(tmp_path / "ok.go")
    _write(tmp_path / "secret.go").chmod(0)
    _write(tmp_path / "closed" / "c.go")
    (tmp_path / "closed").chmod(0)
    done = _without_privileges(["check", ".", "--no-cache"], tmp_path)
    (tmp_path / "closed").chmod(0o755)
    assert "Traceback" not in done.stderr
    assert done.returncode == 2, done.stderr
    assert "secret.go: notice: cannot read file: Permission denied" in done.stdout
    assert "closed: notice: cannot read" in done.stdout.replace("./closed", "closed")
    assert "ok.go:7:9: ESC101" in done.stdout


def test_output_into_a_folder_that_cannot_be_written_for_real(tmp_path):
    _write(tmp_path / "a.go")
    (tmp_path / "out").mkdir()
    (tmp_path / "out").chmod(0o555)
    done = _without_privileges(["check", "a.go", "--no-cache", "-o", "out/report.txt"], tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == "goescape: error: cannot write out/report.txt: Permission denied"
    assert list((tmp_path / "out").iterdir()) == []


# -- --output ------------------------------------------------------------------------------------


@pytest.mark.parametrize("output, reason", [
    ("missing/report.json", "No such file or directory"),
    ("folder", "Is a directory"),
    ("plain.txt/report.json", "Not a directory"),
])
def test_output_that_cannot_be_written(cli, tmp_path, output, reason):
    _write(tmp_path / "a.go")
    (tmp_path / "folder").mkdir()
    (tmp_path / "plain.txt").write_text("x")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = cli("check", "a.go", "--format", "json", "-o", output, cwd=tmp_path)
    _one_line_errors(result)
    assert result.status == 2
    assert f"goescape: error: cannot write {output}: {reason}" in result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # no temporary file left


def test_output_to_a_full_device(cli, tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    _write(tmp_path / "a.go")
    result = cli("check", "a.go", "-o", "/dev/full", cwd=tmp_path)
    assert result.status == 2
    assert "goescape: error: cannot write /dev/full: No space left on device" in result.stderr


def test_output_to_a_device_writes_in_place(cli, tmp_path):
    _write(tmp_path / "a.go")
    result = cli("check", "a.go", "-o", os.devnull, cwd=tmp_path)
    assert result.status == 1
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # still the device, never replaced
    assert not list(Path(os.path.dirname(os.devnull)).glob(".goescape-*"))


def test_output_through_a_symlink_keeps_the_link(cli, tmp_path):
    _write(tmp_path / "a.go")
    (tmp_path / "reports").mkdir()
    os.symlink("reports/real.json", tmp_path / "link.json")
    result = cli("check", "a.go", "--format", "json", "-o", "link.json", cwd=tmp_path)
    assert result.status == 1
    assert (tmp_path / "link.json").is_symlink()
    assert json.loads((tmp_path / "reports" / "real.json").read_text())["findings"]


def test_output_never_overwrites_a_linted_file(cli, tmp_path):
    source = _write(tmp_path / "a.go")
    before = source.read_bytes()
    result = cli("check", "a.go", "-o", "a.go", cwd=tmp_path)
    assert result.status == 2
    assert "goescape: error: cannot write a.go: it is one of the files being linted" in result.stderr
    assert source.read_bytes() == before


def test_output_never_overwrites_a_linted_file_through_a_symlink(cli, tmp_path):
    source = _write(tmp_path / "a.go")
    before = source.read_bytes()
    os.symlink("a.go", tmp_path / "report.txt")
    result = cli("check", "a.go", "-o", "report.txt", cwd=tmp_path)
    assert result.status == 2
    assert "cannot write report.txt: it is one of the files being linted" in result.stderr
    assert source.read_bytes() == before


def test_output_to_a_closed_pipe_is_quiet(tmp_path):
    _write(tmp_path / "a.go", ESCAPING + "".join(f"func g{i}() *T {{ t := T{{}}; return &t }}\n"
                                                 for i in range(3000)))
    command = f"{sys.executable} -m goescape.linter check a.go --no-cache | head -1"
    done = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True,
                          timeout=300)
    assert done.stdout.startswith("a.go:7:9: ESC101")
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


# -- the same file twice -------------------------------------------------------------------------


def test_a_file_named_twice_and_through_two_symlinks_is_linted_once(cli, tmp_path):
    _write(tmp_path / "pkg" / "a.go")
    os.symlink("pkg", tmp_path / "one")
    os.symlink("pkg", tmp_path / "two")
    os.symlink("pkg/a.go", tmp_path / "link.go")
    orders = [("pkg/a.go", "one", "two/a.go", "link.go", "pkg"), ("two", "link.go", "one/a.go", "pkg", "pkg/a.go")]
    outputs = set()
    for order in orders:
        result = cli("check", *order, "--format", "json", cwd=tmp_path)
        document = json.loads(result.stdout)
        assert document["summary"]["files"] == 1
        assert [f["path"] for f in document["findings"]] == ["pkg/a.go"]  # its real path
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_a_newline_in_a_file_name_does_not_split_a_report_line(cli, tmp_path):
    _write(tmp_path / "two\nlines.go")
    for fmt in FORMATS:
        result = cli("check", ".", "--format", fmt, cwd=tmp_path)
        assert result.status == 1
        assert not report_problems({fmt: result.stdout})
        if fmt == "text":
            assert result.stdout.splitlines() == [
                "two\ufffdlines.go:7:9: ESC101 [warning] t escapes: its address is returned, so it is "
                "moved to the heap"]
