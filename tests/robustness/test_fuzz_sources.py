"""Property tests: mutated, truncated and spliced Go files never crash, hang or corrupt a report.

The default run tries a few hundred inputs per property with a fixed seed (reproducible in CI);
`GOESCAPE_FUZZ_EXAMPLES=100000 python -m pytest -m fuzz` runs the big campaign. An input that
fails is shrunk by hypothesis and printed; keep it in corpus/ (see test_crash_corpus.py)."""
from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from robust_support import LINTED, NASTY, lint_bytes, mutate, problems, seeds

EXAMPLES = int(os.environ.get("GOESCAPE_FUZZ_EXAMPLES", "300"))
# The default run replays the same inputs every time (reproducible CI); a campaign explores anew.
FIXED = "GOESCAPE_FUZZ_EXAMPLES" not in os.environ
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=FIXED,
                suppress_health_check=list(HealthCheck), print_blob=True)

pytestmark = pytest.mark.fuzz

operation = st.tuples(st.integers(0, 8), st.integers(0, 1 << 20), st.integers(0, 64), st.integers(0, 1 << 16))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    started, before = time.monotonic(), LINTED[0]
    yield tmp_path_factory.mktemp("fuzz")
    # Shown with `pytest -s`: how many inputs this campaign linted, in how long.
    print(f"\nfuzz: {LINTED[0] - before} generated inputs linted in {time.monotonic() - started:.0f} s")


def _assert_sound(data: bytes, folder: Path) -> None:
    found = problems(lint_bytes(data, folder))
    assert not found, f"input {data[:2000]!r}: {found}"


@FUZZ
@given(which=st.integers(0, 1 << 16), other=st.integers(0, 1 << 16),
       operations=st.lists(operation, min_size=1, max_size=6))
def test_mutated_go_files(folder: Path, which: int, other: int,
                          operations: list[tuple[int, int, int, int]]) -> None:
    corpus = seeds()
    data = mutate(corpus[which % len(corpus)], operations, corpus[other % len(corpus)])
    _assert_sound(data, folder)


@FUZZ
@given(data=st.binary(max_size=2048))
def test_random_bytes(folder: Path, data: bytes) -> None:
    _assert_sound(data, folder)


@FUZZ
@given(body=st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=40).map(str.encode)), max_size=40))
def test_fragments_after_a_package_clause(folder: Path, body: list[bytes]) -> None:
    _assert_sound(b"package p\n\n" + b"".join(body), folder)


@seed(6)
@settings(max_examples=max(20, EXAMPLES // 20), deadline=None, database=None, derandomize=FIXED,
          suppress_health_check=list(HealthCheck))
@given(prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\x00", b"\r\n", "\u202e".encode()]),
       newline=st.sampled_from([b"\n", b"\r\n", b"\r"]), which=st.integers(0, 1 << 16))
def test_bom_nul_rtl_and_line_endings_on_whole_files(folder: Path, prefix: bytes, newline: bytes,
                                                     which: int) -> None:
    corpus = seeds()
    data = prefix + corpus[which % len(corpus)].replace(b"\n", newline)
    _assert_sound(data, folder)
