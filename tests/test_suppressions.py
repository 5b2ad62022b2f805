"""In-source directives: where they apply, what they need, and what they report."""
from __future__ import annotations

import json

import pytest

HEAD = "type T struct{ n int }\n\n"


def _run(cli, gofile, tmp_path, body, *flags):
    gofile("a.go", HEAD + body)
    result = cli("check", "a.go", "--format", "json", *flags, cwd=tmp_path)
    return result.status, json.loads(result.stdout)["findings"]


def _codes(findings):
    return [(f["code"], f["line"]) for f in findings]


@pytest.mark.parametrize("body", [
    "func f() *T {\n\tt := T{}\n\treturn &t //goescape:ignore ESC101 constructor by design\n}\n",
    "func f() *T {\n\tt := T{}\n\t//goescape:ignore ESC101 constructor by design\n\treturn &t\n}\n",
    "func f() *T {\n\tt := T{}\n\t//goescape:ignore address-return constructor by design\n\treturn &t\n}\n",
    "func f() *T {\n\tt := T{}\n\t//goescape:ignore ESC1 every pattern rule\n\treturn &t\n}\n",
    "func f() *T {\n\tt := T{}\n\t//goescape:ignore ESC101 first\n"
    "\t//goescape:ignore ESC101,ESC003 second\n\treturn &t\n}\n",
    "//goescape:file-ignore ESC101 the whole file builds objects\nfunc f() *T {\n\tt := T{}\n\treturn &t\n}\n",
    "func f() *T {\n\tt := T{}\n\treturn &t //nolint:goescape // constructor by design\n}\n",
    "//nolint:goescape // the whole function\nfunc f() *T {\n\tt := T{}\n\treturn &t\n}\n",
    "func f() *T {\n\tt := T{}\n\treturn &t //nolint // some other linter's blanket directive\n}\n",
])
def test_directive_suppresses(cli, gofile, tmp_path, body):
    status, findings = _run(cli, gofile, tmp_path, body)
    assert (status, findings) == (0, [])


def test_directive_two_lines_above_does_not_apply(cli, gofile, tmp_path):
    body = "func f() *T {\n\t//goescape:ignore ESC101 too far\n\tt := T{}\n\treturn &t\n}\n"
    _status, findings = _run(cli, gofile, tmp_path, body)
    assert _codes(findings) == [("ESC003", 6), ("ESC101", 8)]


def test_directive_for_another_rule_does_not_apply(cli, gofile, tmp_path):
    body = "func f() *T {\n\tt := T{}\n\treturn &t //goescape:ignore ESC003 wrong rule\n}\n"
    _status, findings = _run(cli, gofile, tmp_path, body)
    assert ("ESC101", 7) in _codes(findings)


def test_missing_reason_is_a_finding_and_suppresses_nothing(cli, gofile, tmp_path):
    body = "func f() *T {\n\tt := T{}\n\treturn &t //goescape:ignore ESC101\n}\n"
    status, findings = _run(cli, gofile, tmp_path, body)
    assert status == 1
    assert _codes(findings) == [("ESC101", 7), ("ESC001", 7)]
    assert "gives no reason" in findings[1]["message"]


@pytest.mark.parametrize("directive, message", [
    ("//goescape:ignore", "names no rule"),
    ("//goescape:ignor ESC101 typo", "unknown verb 'ignor' (did you mean //goescape:ignore?)"),
    ("//nolint:goescape", "gives no reason"),
    ("//goescape:ignore ESC101 <reason: why this allocation is acceptable>", "still has the placeholder reason"),
])
def test_malformed_directives(cli, gofile, tmp_path, directive, message):
    body = f"func f() int {{\n\treturn 1 {directive}\n}}\n"
    _status, findings = _run(cli, gofile, tmp_path, body)
    assert [f["code"] for f in findings] == ["ESC001"]
    assert message in findings[0]["message"]


def test_unknown_rule_in_directive(cli, gofile, tmp_path):
    body = "func f() *T {\n\tt := T{}\n\treturn &t //goescape:ignore ESC1O1,ESC101 typo in one\n}\n"
    _status, findings = _run(cli, gofile, tmp_path, body)
    assert _codes(findings) == [("ESC002", 7)]
    assert "unknown rule 'ESC1O1' (did you mean ESC101?)" in findings[0]["message"]


def test_unused_suppression_is_reported(cli, gofile, tmp_path):
    body = "func f() int {\n\tx := 1 //goescape:ignore ESC101 not returned any more\n\treturn x\n}\n"
    status, findings = _run(cli, gofile, tmp_path, body)
    assert status == 1
    assert _codes(findings) == [("ESC003", 6)]
    assert findings[0]["message"] == "unused suppression: ESC101 reported nothing here"


def test_unused_suppression_of_a_disabled_rule_is_not_reported(cli, gofile, tmp_path):
    body = "func f() int {\n\tx := 1 //goescape:ignore ESC101 not returned any more\n\treturn x\n}\n"
    _status, findings = _run(cli, gofile, tmp_path, body, "--ignore", "ESC101")
    assert findings == []


def test_unused_report_can_itself_be_suppressed_for_a_file(cli, gofile, tmp_path):
    body = ("//goescape:file-ignore ESC003 directives kept for the next refactor\n"
            "func f() int {\n\tx := 1 //goescape:ignore ESC101 stale\n\treturn x\n}\n")
    _status, findings = _run(cli, gofile, tmp_path, body)
    assert findings == []


def test_directive_inside_a_string_literal_is_not_a_directive(cli, gofile, tmp_path):
    body = ('func f() (*T, string) {\n\tt := T{}\n'
            '\treturn &t, "//goescape:ignore ESC101 not a comment"\n}\n')
    _status, findings = _run(cli, gofile, tmp_path, body)
    assert _codes(findings) == [("ESC101", 7)]


def test_block_comment_is_not_a_directive(cli, gofile, tmp_path):
    body = "func f() *T {\n\tt := T{}\n\treturn &t /*goescape:ignore ESC101 block*/\n}\n"
    _status, findings = _run(cli, gofile, tmp_path, body)
    assert _codes(findings) == [("ESC101", 7)]


def test_include_suppressed_marks_findings(cli, gofile, tmp_path):
    body = "func f() *T {\n\tt := T{}\n\treturn &t //goescape:ignore ESC101 pooled by the caller\n}\n"
    status, findings = _run(cli, gofile, tmp_path, body, "--include-suppressed")
    assert status == 0
    assert findings[0]["suppressed"] is True
    assert findings[0]["justification"] == "pooled by the caller"


def test_text_report_marks_suppressed_findings(cli, gofile, tmp_path):
    gofile("a.go", HEAD + "func f() *T {\n\tt := T{}\n\treturn &t //goescape:ignore ESC101 by design\n}\n")
    result = cli("check", "a.go", "--include-suppressed", cwd=tmp_path)
    assert result.stdout.rstrip().endswith("(suppressed: by design)")
    assert "1 suppressed" in result.stderr
