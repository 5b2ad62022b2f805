"""Debian's Chromium, headless, driven by Playwright: for the HTML report's tests, benchmark and screenshot."""
from __future__ import annotations

import contextlib
import shutil
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Debian's package (`apt-get install chromium`); Playwright must never fetch a browser of its own.
CHROMIUM = Path("/usr/bin/chromium")
# Headless, and quiet on the network: no update checks, sync, QUIC probes or first-run pages,
# so that the only request a test sees is the page's own.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")


def chromium() -> Path | None:
    """The Chromium binary, or None when it is not installed."""
    if CHROMIUM.exists():
        return CHROMIUM
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return Path(found) if found else None


def missing() -> str | None:
    """Why a browser test cannot run here, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if chromium() is None:
        return "Chromium is not installed (apt-get install chromium)"
    return None


@contextlib.contextmanager
def browser() -> Iterator[Any]:
    """A headless Chromium (a Playwright Browser; each context gets a new, empty profile),
    closed on exit."""
    from playwright.sync_api import sync_playwright

    binary = chromium()
    if binary is None:
        raise RuntimeError("Chromium is not installed (apt-get install chromium)")
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(binary), headless=True, args=list(FLAGS))
        try:
            yield launched
        finally:
            launched.close()


def wait_ready(page: Any, timeout_ms: float = 60_000) -> None:
    """Wait until the report's script has rendered its controls (it marks <body data-ready>)."""
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=timeout_ms)


def pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) pixel bytes of an 8-bit truecolour PNG (what Chromium's
    screenshots are), unfiltered: enough to tell a blank screenshot from a page."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    chunks: dict[bytes, list[bytes]] = {}
    offset = 8
    while offset < len(png):
        (length,), kind = struct.unpack(">I", png[offset:offset + 4]), png[offset + 4:offset + 8]
        chunks.setdefault(kind, []).append(png[offset + 8:offset + 8 + length])
        offset += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][0][:10])
    if depth != 8 or colour not in (2, 6):
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}")
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride = width * size
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up = previous[x]
            corner = previous[x - size] if x >= size else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                line[x] = (line[x] + _paeth(left, up, corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def colours(png: bytes, size: int = 3) -> int:
    """How many distinct colours a screenshot has (1 for a blank page)."""
    width, _, rows = pixels(png)
    step = 4 if len(rows[0]) == width * 4 else 3
    return len({row[i:i + size] for row in rows for i in range(0, len(row), step)})
