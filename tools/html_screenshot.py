"""Make docs/html-report.png, the README's picture of `--format html`, from the seed's examples.

    python tools/html_screenshot.py [--output docs/html-report.png]

Runs `goescape check --verify --format html` on a copy of ../shared/seed/examples, opens the page
in Debian's headless Chromium, searches for `golang`, opens the finding's source and takes a
screenshot of the findings and the annotated source. Needs the test extra and Chromium.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import browser  # noqa: E402

SEED = REPO.parent / "shared" / "seed" / "examples"
MAX_BYTES = 300_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "html-report.png")
    args = parser.parse_args()
    reason = browser.missing()
    if reason:
        print(f"html_screenshot: {reason}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "examples"
        shutil.copytree(SEED, folder)
        goescape = Path(sys.executable).with_name("goescape")
        subprocess.run([str(goescape), "check", ".", "--verify", "--format", "html", "-o", "report.html"],
                       cwd=folder, check=False, capture_output=True)
        with browser.browser() as chromium:
            context = chromium.new_context(viewport={"width": 1100, "height": 760})
            page = context.new_page()
            page.goto((folder / "report.html").as_uri())
            browser.wait_ready(page)
            page.fill("#f-search", "golang")
            page.wait_for_function("() => document.querySelectorAll('#findings-table tbody tr').length === 1")
            page.click("#findings-table td.loc a")
            page.locator(".ln.target").wait_for()
            page.evaluate("document.getElementById('findings').scrollIntoView()")
            shot = page.screenshot()
            context.close()
    if browser.colours(shot) < 50 or len(shot) > MAX_BYTES:
        print(f"html_screenshot: the screenshot is blank or too large ({len(shot)} bytes)", file=sys.stderr)
        return 1
    args.output.write_bytes(shot)
    print(f"{args.output}: {len(shot)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
