"""Baselines: record the findings, hide them, keep them hidden when code moves, count the fixed ones."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

SOURCE = """package p

type T struct{ n int }

func A() *T {
	a := T{n: 1}
	return &a
}

func B() *T {
	b := T{n: 2}
	return &b
}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    (work / ".git").mkdir()  # the project root: baseline paths are relative to it
    (work / "p").mkdir()
    (work / "p" / "a.go").write_text(SOURCE)
    return work


def _check(cli, project: Path, *args: str):  # type: ignore[no-untyped-def]
    return cli("check", "p", "--select", "ESC101,ESC0", "--format", "json", *args, cwd=project)


def _lines(result) -> list[int]:  # type: ignore[no-untyped-def]
    return [f["line"] for f in json.loads(result.stdout)["findings"]]


def test_write_then_hide(cli, project):
    written = _check(cli, project, "--write-baseline", "baseline.json")
    assert written.status == 0 and "wrote 2 findings to the baseline baseline.json" in written.stderr
    document = json.loads((project / "baseline.json").read_text())
    assert document["format"] == "goescape-baseline" and document["version"] == 1
    assert [(e["path"], e["code"]) for e in document["findings"]] == [("p/a.go", "ESC101")] * 2
    assert document["findings"] == sorted(document["findings"], key=lambda e: (e["path"], e["code"], e["fingerprint"]))
    hidden = _check(cli, project, "--baseline", "baseline.json")
    assert hidden.status == 0 and _lines(hidden) == []
    assert json.loads(hidden.stdout)["summary"]["baseline"] == {"hidden": 2, "fixed": 0}
    assert "2 hidden by the baseline" in hidden.stderr


def test_moved_and_reindented_code_stays_hidden(cli, project):
    _check(cli, project, "--write-baseline", "baseline.json")
    moved = SOURCE.replace("type T struct{ n int }\n", "type T struct{ n int }\n\n// a comment\n// pushes code down\n")
    moved = moved.replace("\treturn &a\n", "\t\treturn   &a // re-indented, re-spaced, commented\n")
    moved = moved.replace("func A() *T {", "func Unrelated() {}\n\nfunc A() *T {")
    (project / "p" / "a.go").write_text(moved)
    result = _check(cli, project, "--baseline", "baseline.json")
    assert result.status == 0 and _lines(result) == []


def test_a_reformatted_multi_line_statement_stays_hidden(cli, project):
    (project / "p" / "a.go").write_text(SOURCE.replace("\treturn &a\n", "\treturn &T{n: 1, m: 2}\n")
                                        .replace("struct{ n int }", "struct{ n, m int }"))
    _check(cli, project, "--write-baseline", "baseline.json")
    (project / "p" / "a.go").write_text(SOURCE.replace("\treturn &a\n", "\treturn &T{\n\t\tn: 1,\n\t\tm: 2,\n\t}\n")
                                        .replace("struct{ n int }", "struct{ n, m int }"))
    assert _lines(_check(cli, project, "--baseline", "baseline.json")) == []


def test_new_findings_are_shown_and_fixed_entries_counted(cli, project):
    _check(cli, project, "--write-baseline", "baseline.json")
    changed = SOURCE.replace("\tb := T{n: 2}\n\treturn &b\n", "\treturn nil\n")
    changed += "\nfunc C() *T {\n\tc := T{n: 3}\n\treturn &c\n}\n"
    (project / "p" / "a.go").write_text(changed)
    result = _check(cli, project, "--baseline", "baseline.json")
    assert result.status == 1
    assert [f["message"].split()[0] for f in json.loads(result.stdout)["findings"]] == ["c"]
    assert json.loads(result.stdout)["summary"]["baseline"] == {"hidden": 1, "fixed": 1}
    assert "1 baseline entry fixed" in result.stderr


def test_an_identical_new_statement_is_a_new_finding(cli, project):
    """Entries carry an occurrence index: a copy of a baselined statement is not hidden."""
    (project / "p" / "a.go").write_text(SOURCE.replace("b := T{n: 2}\n\treturn &b", "a := T{n: 1}\n\treturn &a"))
    _check(cli, project, "--write-baseline", "baseline.json")
    extra = "\nfunc C() *T {\n\ta := T{n: 1}\n\treturn &a\n}\n"
    (project / "p" / "a.go").write_text((project / "p" / "a.go").read_text() + extra)
    assert _lines(_check(cli, project, "--baseline", "baseline.json")) == [17]


def test_a_deleted_file_counts_as_fixed_and_other_files_do_not(cli, project):
    (project / "q").mkdir()
    (project / "q" / "b.go").write_text(SOURCE.replace("package p", "package q"))
    cli("check", "p", "q", "--select", "ESC101", "--write-baseline", "baseline.json", cwd=project)
    only_p = _check(cli, project, "--baseline", "baseline.json")
    assert json.loads(only_p.stdout)["summary"]["baseline"] == {"hidden": 2, "fixed": 0}
    (project / "q" / "b.go").unlink()
    after = _check(cli, project, "--baseline", "baseline.json")
    assert json.loads(after.stdout)["summary"]["baseline"] == {"hidden": 2, "fixed": 2}


def test_suppressed_findings_are_not_recorded(cli, project):
    (project / "p" / "a.go").write_text(SOURCE.replace("return &a", "return &a //goescape:ignore ESC101 by design"))
    _check(cli, project, "--write-baseline", "baseline.json")
    assert len(json.loads((project / "baseline.json").read_text())["findings"]) == 1


def test_baseline_from_the_configuration(cli, project):
    _check(cli, project, "--write-baseline", "baseline.json")
    (project / ".goescape.toml").write_text('baseline = "baseline.json"\n')
    (project / "sub").mkdir()
    result = cli("check", "../p", "--select", "ESC101", cwd=project / "sub")
    assert result.status == 0 and "2 hidden by the baseline" in result.stderr


@pytest.mark.parametrize("content,message", [
    (None, "no such baseline file"),
    ("{", "invalid JSON"),
    ('{"format": "other"}', "not a goescape baseline"),
    ('{"format": "goescape-baseline", "version": 9, "findings": []}', "version 9 is not supported"),
    ('{"format": "goescape-baseline", "version": 1, "findings": [{"path": "x"}]}', "findings[0] needs"),
])
def test_a_bad_baseline_is_a_usage_error(cli, project, content, message):
    if content is not None:
        (project / "baseline.json").write_text(content)
    result = _check(cli, project, "--baseline", "baseline.json")
    assert result.status == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_write_baseline_cannot_be_combined_with_diff(cli, project):
    result = _check(cli, project, "--write-baseline", "b.json", "--diff", "HEAD")
    assert result.status == 2 and "cannot be combined with --diff" in result.stderr
