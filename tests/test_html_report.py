"""The HTML report without a browser: one offline file, everything escaped, cost and profile shown,
the findings ordered, unreadable sources survived."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from types import MappingProxyType

import pytest
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st

from goescape.linter.config.file import Config
from goescape.linter.config.policy import Policy
from goescape.linter.findings import Diagnostic, Location, Position, RelatedLocation, RunResult, Severity
from goescape.linter.registry.registry import build_registry
from goescape.linter.report import html
from goescape.linter.report.html import page, sources
from goescape.linter.report.html.markup import markdown
from goescape.linter.report.html.payload import script_json
from goescape.linter.report.options import ReportOptions

sys.path.insert(0, str(REPO))  # bench/ is a folder of scripts, not an installed package

from bench.browser import colours

XSS = '</script><img src=x onerror="window.pwned=1"><!--'


def _data(document: str) -> dict:
    found = re.search(r'<script type="application/json" id="goescape-data">(.*?)</script>', document, re.S)
    assert found is not None
    return json.loads(found.group(1))


def test_check_writes_one_offline_page(cli, gofile, tmp_path):
    gofile("a.go", "type T struct{ name string }\n\nfunc f() *T {\n\tt := T{\"x\"}\n\treturn &t\n}\n")
    result = cli("check", ".", "--format", "html", "--output", "report.html", cwd=tmp_path)
    assert result.status == 1
    document = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert document.startswith("<!DOCTYPE html>") and document.rstrip().endswith("</html>")
    # Nothing is fetched: no stylesheet or script links, no URL in any src or href but page anchors,
    # and a content security policy that forbids loading anything.
    assert not re.search(r"<link\b|@import|url\(", document)
    assert re.findall(r'\b(?:src|href)="(?!#)[^"]*"', document) == []
    assert "default-src 'none'" in document
    assert 't escapes: its address is returned' in document
    data = _data(document)
    assert [(f["r"], f["l"], f["fn"]) for f in data["findings"]] == [("ESC101", 7, "f")]
    # Three lines around the finding (7) and its related declaration (6), to the file's end.
    assert data["files"][0]["h"] == [[3, ["type T struct{ name string }", "", "func f() *T {", "\tt := T{\"x\"}",
                                          "\treturn &t", "}"]]]


def test_the_content_security_policy_allows_only_the_page_s_own_style_and_script(cli, gofile, tmp_path):
    gofile("a.go", "func f() *int { x := 1; return &x }\n")
    document = cli("check", ".", "--format", "html", cwd=tmp_path).stdout
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', document).group(1)
    script = re.search(r"<script>(.*)</script>", document, re.S).group(1)
    style = re.search(r"<style>(.*)</style>", document, re.S).group(1)
    assert page._hash(script) in policy and page._hash(style) in policy
    assert "unsafe-inline" not in policy


def test_source_and_paths_are_escaped(cli, tmp_path):
    folder = tmp_path / "a&<b>"
    folder.mkdir()
    (folder / "x.go").write_text(
        "package p\n\ntype T struct{ s string }\n\nfunc f() *T {\n"
        f"\tt := T{{s: `{XSS}`}}\n\treturn &t\n}}\n", encoding="utf-8")
    document = cli("check", ".", "--format", "html", cwd=tmp_path).stdout
    assert document.count("</script>") == 2  # the data's and the script's own
    assert "<img" not in document and "<!--" not in document
    assert "&lt;/script&gt;&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;&lt;!--" in document
    assert "a&amp;&lt;b&gt;/x.go" in document
    data = _data(document)
    assert any(XSS in line for hunk in data["files"][0]["h"] for line in hunk[1])
    assert data["files"][0]["p"] == "a&<b>/x.go"


@given(st.recursive(st.text() | st.integers() | st.none(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=20))
def test_embedded_json_cannot_leave_its_script_element(document):
    text = script_json(document)
    assert not any(c in text for c in "<>&\u2028\u2029")
    assert json.loads(text) == document


# -- cost, profile and order, from diagnostics made here -------------------------------------------

def _diagnostic(path: Path, line: int, code: str = "ESC101", severity: Severity = Severity.WARNING,
                **properties: object) -> Diagnostic:
    loc = Location(path.name, path.name, Position(line, 2), Position(line, 5), "", str(path))
    related = (RelatedLocation(Location(path.name, path.name, Position(line - 1, 2), Position(line - 1, 3), "",
                                        str(path)), "declared here"),)
    return Diagnostic(code, "address-return", severity, loc, f"finding on line {line}", related,
                      properties=MappingProxyType(dict(properties)))


def _render(root: Path, diagnostics: list[Diagnostic], **options: bool) -> str:
    registry = build_registry(plugins=False)
    result = RunResult(root=root, diagnostics=diagnostics, files_linted=1)
    return html.render(result, Policy.build(Config(root=root), registry), ReportOptions(**options))


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "hot.go"
    path.write_text("package p\n\n" + "".join(f"// line {n}\n" for n in range(3, 41)), encoding="utf-8")
    return path


def test_cost_and_profile_shares_render(source, tmp_path):
    hot = {"allocates": "grows", "bytes": None, "frequency": "loop", "loop_depth": 2,
           "reasons": ["append in a loop grows the slice"], "estimate": 12.5, "rank": 97}
    cold = {"allocates": "fixed", "bytes": 48, "frequency": "cold", "loop_depth": 0, "reasons": [],
            "estimate": 0.25, "rank": 3}
    diagnostics = [  # ranked: the ranking stage's order is kept even against severity
        _diagnostic(source, 30, cost=hot, profile={"line_weight": 6.0, "function_weight": 9.0, "share": 0.4}),
        _diagnostic(source, 30, "ESC102", cost=hot, profile={"line_weight": 6.0, "function_weight": 9.0,
                                                              "share": 0.4}),
        _diagnostic(source, 10, severity=Severity.ERROR, cost=cold,
                    profile={"line_weight": 0.3, "function_weight": 1.0, "share": 0.02}),
    ]
    document = _render(tmp_path, diagnostics, rank=True)
    assert "ranked by cost" in document
    table = document[document.index('id="findings-table"'):]
    assert "<th>Cost</th><th>Profile</th>" in table
    rows = re.findall(r"<tr class=\"sev-\w+\">.*?</tr>", table)
    assert [re.search(r"hot\.go:(\d+)", r).group(1) for r in rows] == ["30", "30", "10"]
    assert '97<br><span class="badge alloc-grows">allocates grows</span>' in rows[0]
    assert '<span class="badge freq-loop">loop ×2</span>' in rows[0]
    assert "40.0%" in rows[0] and "2.0%" in rows[2]
    assert "allocates fixed (48 B)" in rows[2] and "freq-cold" in rows[2]
    # One line's weight counts once, however many findings sit on it: 0.4 + 0.02.
    assert "The flagged lines hold <strong>42.0%</strong> of the profile" in document
    assert "<li>append in a loop grows the slice</li>" in document
    data = _data(document)
    assert data["cost"] and data["profile"]
    assert data["findings"][0]["cost"]["rank"] == 97 and data["findings"][2]["prof"]["share"] == 0.02


def test_without_ranking_the_most_severe_come_first_then_by_path(source, tmp_path):
    other = source.with_name("a.go")
    other.write_text(source.read_text())
    diagnostics = [_diagnostic(source, 30), _diagnostic(other, 20), _diagnostic(source, 10, severity=Severity.ERROR)]
    document = _render(tmp_path, diagnostics)
    assert "most severe first, then by path" in document and "<th>Cost</th>" not in document
    assert [(f["f"], f["l"]) for f in _data(document)["findings"]] == [(1, 10), (0, 20), (1, 30)]
    assert "of the profile" not in document


def test_an_unreadable_or_non_utf8_source_still_shows_its_findings(tmp_path):
    broken = tmp_path / "latin1.go"
    broken.write_bytes(b"package p\n\n// caf\xe9\nfunc f() {}\n")
    gone = tmp_path / "gone.go"
    document = _render(tmp_path, [_diagnostic(broken, 4), _diagnostic(gone, 3)])
    data = _data(document)
    by_path = {f["p"]: f for f in data["files"]}
    assert by_path["latin1.go"]["h"][0][1][2] == "// caf\ufffd"
    assert by_path["gone.go"]["h"] == [] and by_path["gone.go"]["e"].startswith("cannot read gone.go")
    assert "cannot read gone.go" in document and "finding on line 3" in document


def test_large_reports_show_the_first_findings_without_javascript(source, tmp_path):
    diagnostics = [_diagnostic(source, 3 + n % 37) for n in range(page.STATIC_FINDINGS + 5)]
    document = _render(tmp_path, diagnostics)
    rows = re.findall(r'<tr class="sev-', document[document.index('id="findings-table"'):])
    assert len(rows) == page.STATIC_FINDINGS
    assert f"The first {page.STATIC_FINDINGS} of {page.STATIC_FINDINGS + 5} findings" in document
    assert len(_data(document)["findings"]) == page.STATIC_FINDINGS + 5


# -- the parts -----------------------------------------------------------------------------------

def test_windows_merge_and_clip():
    assert sources.windows([10, 12, 30, 1], total=32, context=3) == [(1, 4), (7, 15), (27, 32)]
    assert sources.windows([5, 9], total=20, context=1) == [(4, 6), (8, 10)]
    assert sources.windows([5, 8], total=20, context=1) == [(4, 9)]  # touching ranges join
    assert sources.windows([0, 99], total=20) == []


def test_functions_name_methods_as_pprof_does():
    table = sources.functions(
        b"package p\n\nvar x = 1\n\nfunc plain() {\n\t_ = func() {}\n}\n\n"
        b"func (s *Server[K, V]) Serve() {\n}\n\nfunc (t T) M() {}\n")
    assert [table.at(n) for n in (3, 5, 6, 7, 8, 9, 10, 12, 13)] == [
        "", "plain", "plain", "plain", "", "(*Server).Serve", "(*Server).Serve", "T.M", ""]


def test_long_lines_are_cut_and_hidden_characters_shown():
    hunk = sources.excerpt(["x" * 1000, "a\u202eb\x1bc\r"], [1, 2])[0]
    assert hunk.lines[0] == "x" * sources.MAX_LINE + " …"
    assert hunk.lines[1] == "a\ufffdb\u241bc"


def test_markdown_for_rule_docs():
    text = ("Intro with `code` and <b>.\n\n## What it does\nFlags:\n- one\n  continued\n- two\n\n"
            "```go\nfunc f() *T { return &T{} } // <script>\n```\n")
    assert markdown(text) == (
        "<p>Intro with <code>code</code> and &lt;b&gt;.</p>\n<h4>What it does</h4>\n<p>Flags:</p>\n"
        "<ul><li>one continued</li><li>two</li></ul>\n"
        "<pre><code>func f() *T { return &amp;T{} } // &lt;script&gt;</code></pre>")


def test_every_used_rule_s_documentation_is_in_the_page(cli, gofile, tmp_path):
    gofile("a.go", "func f() *int { x := 1; return &x }\n")
    document = cli("check", ".", "--format", "html", cwd=tmp_path).stdout
    assert document.count('<article class="rule"') == 1
    assert '<article class="rule" id="rule-ESC101"><h3>ESC101 address-return</h3>' in document
    assert "<h4>Why is this bad?</h4>" in document and 'href="#rule-ESC101"' in document


def test_the_readme_screenshot_is_small_and_not_blank():
    shot = REPO / "docs" / "html-report.png"
    assert shot.stat().st_size < 300_000
    assert colours(shot.read_bytes()) > 50
    assert "docs/html-report.png" in (REPO / "README.md").read_text(encoding="utf-8")


def test_suppressed_findings_are_shown_as_such_but_not_counted(cli, gofile, tmp_path):
    gofile("a.go", "type T struct{}\n\nfunc f() *T {\n\tt := T{}\n\treturn &t\n}\n\n"
                   "func g() *T {\n\tv := T{}\n\treturn &v //goescape:ignore ESC101 returned by design\n}\n")
    plain = cli("check", ".", "--format", "html", cwd=tmp_path).stdout
    assert "returned by design" not in plain and len(_data(plain)["findings"]) == 1
    document = cli("check", ".", "--format", "html", "--include-suppressed", cwd=tmp_path).stdout
    assert "<title>goescape: 1 finding</title>" in document
    assert "<strong>1</strong> finding · <strong>1</strong> file with findings" in document
    assert "<strong>1</strong> suppressed" in document
    assert '<div class="sup">suppressed: returned by design</div>' in document
    assert [f.get("sup") for f in _data(document)["findings"]] == [None, "returned by design"]
