"""The command line end to end: exit codes, flags, formats and usage errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ESCAPING = """type T struct{ n int }

func f() *T {
	t := T{}
	return &t
}
"""
CLEAN = """type T struct{ n int }

func f() T { return T{} }
"""


def test_finding_exits_1_and_prints_path_line_column(cli, gofile, tmp_path):
    gofile("a.go", ESCAPING)
    result = cli("check", ".", cwd=tmp_path)
    assert result.status == 1
    assert result.stdout == ("a.go:7:9: ESC101 [warning] t escapes: its address is returned, "
                             "so it is moved to the heap\n")
    assert result.stderr.strip() == "Found 1 finding (1 warning) in 1 file."


def test_clean_code_exits_0(cli, gofile, tmp_path):
    gofile("a.go", CLEAN)
    result = cli("check", str(tmp_path))
    assert (result.status, result.stdout) == (0, "")
    assert "No findings in 1 file." in result.stderr


def test_default_path_is_the_working_directory(cli, gofile, tmp_path):
    gofile("sub/a.go", ESCAPING)
    assert cli("check", cwd=tmp_path).status == 1


def test_missing_path_exits_2(cli, tmp_path):
    result = cli("check", str(tmp_path / "nope"))
    assert result.status == 2
    assert "nope: no such file or folder" in result.stderr


def test_folder_without_go_files_warns_and_exits_0(cli, tmp_path):
    (tmp_path / "README.md").write_text("hi")
    result = cli("check", str(tmp_path))
    assert result.status == 0
    assert "no Go files found" in result.stderr


@pytest.mark.parametrize("level, status", [("warning", 1), ("error", 0), ("note", 1), ("never", 0)])
def test_fail_on(cli, gofile, tmp_path, level, status):
    gofile("a.go", ESCAPING)
    assert cli("check", str(tmp_path), "--fail-on", level).status == status


def test_severity_flag_raises_a_rule_to_error(cli, gofile, tmp_path):
    gofile("a.go", ESCAPING)
    result = cli("check", str(tmp_path), "--severity", "address-return=error", "--fail-on", "error")
    assert result.status == 1
    assert "[error]" in result.stdout


def test_severity_off_disables_the_rule(cli, gofile, tmp_path):
    gofile("a.go", ESCAPING)
    result = cli("check", str(tmp_path), "--severity", "ESC101=off")
    assert (result.status, result.stdout) == (0, "")


@pytest.mark.parametrize("flags, reported", [
    (["--select", "ESC1"], True),
    (["--select", "address-return"], True),
    (["--select", "ESC0"], False),
    (["--ignore", "ESC101"], False),
    (["--ignore", "ESC1"], False),
    (["--select", "ESC101", "--ignore", "address-return"], False),
])
def test_select_and_ignore(cli, gofile, tmp_path, flags, reported):
    gofile("a.go", ESCAPING)
    result = cli("check", str(tmp_path), *flags)
    assert ("ESC101" in result.stdout) is reported


@pytest.mark.parametrize("flags, message", [
    (["--select", "ESC1O1"], "--select ESC1O1: unknown rule code or name (did you mean 'ESC101'?)"),
    (["--ignore", "adress-return"], "did you mean 'address-return'?"),
    (["--severity", "ESC101=loud"], "expected CODE=note|warning|error|off"),
])
def test_bad_flags_exit_2_with_a_hint(cli, gofile, tmp_path, flags, message):
    gofile("a.go", ESCAPING)
    result = cli("check", str(tmp_path), *flags)
    assert result.status == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_format_is_a_usage_error(cli, tmp_path):
    assert cli("check", str(tmp_path), "--format", "xml").status == 2


def test_output_file_gets_the_report_and_stdout_stays_empty(cli, gofile, tmp_path):
    gofile("a.go", ESCAPING)
    out = tmp_path / "report.json"
    result = cli("check", str(tmp_path), "--format", "json", "--output", str(out))
    assert result.stdout == ""
    document = json.loads(out.read_text())
    assert [f["code"] for f in document["findings"]] == ["ESC101"]


def test_output_into_a_missing_folder_exits_2(cli, gofile, tmp_path):
    gofile("a.go", ESCAPING)
    result = cli("check", str(tmp_path), "--output", str(tmp_path / "no" / "such" / "r.txt"))
    assert result.status == 2
    assert "cannot write" in result.stderr


def test_quiet_prints_no_summary(cli, gofile, tmp_path):
    gofile("a.go", ESCAPING)
    result = cli("check", str(tmp_path), "--quiet")
    assert result.stderr == ""
    assert "ESC101" in result.stdout


def test_show_source_prints_the_line_and_a_caret(cli, gofile, tmp_path):
    gofile("a.go", ESCAPING)
    out = cli("check", "a.go", "--show-source", cwd=tmp_path).stdout.splitlines()
    assert out[1] == "     7 | \treturn &t"
    assert out[2] == "       | \t       ^^"
    assert out[3] == "  a.go:6:2: note: t is declared here; the compiler moves it to the heap"


def test_rules_lists_every_rule(cli):
    result = cli("rules")
    assert result.status == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["CODE", "NAME", "SEVERITY", "SUMMARY"]
    assert any(line.startswith("ESC101  address-return") for line in lines)
    assert any(line.startswith("ESC003  unused-suppression") for line in lines)


def test_rules_json(cli):
    records = json.loads(cli("rules", "--format", "json").stdout)
    assert {"code": "ESC101", "name": "address-return"}.items() <= records[3].items()


@pytest.mark.parametrize("name", ["ESC101", "address-return", "esc101"])
def test_explain_prints_the_rule_docs(cli, name):
    result = cli("explain", name)
    assert result.status == 0
    assert result.stdout.startswith("ESC101 address-return (default severity: warning")
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Compiler"):
        assert section in result.stdout


def test_explain_unknown_rule_exits_2(cli):
    result = cli("explain", "ESC999")
    assert result.status == 2
    assert "unknown rule 'ESC999'" in result.stderr


def test_version(cli):
    result = cli("--version")
    assert result.status == 0
    assert result.stdout.startswith("goescape ")


def test_no_command_prints_help_and_exits_2(cli):
    result = cli()
    assert result.status == 2
    assert "check" in result.stderr


def test_console_script_and_module_entry_point(gofile, tmp_path):
    gofile("a.go", ESCAPING)
    module = subprocess.run([sys.executable, "-m", "goescape.linter", "check", str(tmp_path)],
                            capture_output=True, text=True, check=False)
    assert module.returncode == 1
    assert "ESC101" in module.stdout
    script = Path(sys.executable).with_name("goescape")
    if script.exists():
        assert subprocess.run([str(script), "--version"], capture_output=True, check=False).returncode == 0
