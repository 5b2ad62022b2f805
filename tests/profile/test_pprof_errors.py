"""Corrupt, truncated, empty and non-profile inputs: always ProfileError with a one-line message."""

from __future__ import annotations

import gzip
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from pbenc import ProfileBuilder, f_bytes, f_varint, varint
from profile_helpers import GoProfiles, go_profiles

from goescape.linter.cost import pprof_read
from goescape.linter.cost.pprof import EmptyProfileError, ProfileError
from goescape.linter.cost.protowire import scan


@pytest.fixture(scope="module")
def goprof(tmp_path_factory: pytest.TempPathFactory) -> GoProfiles:
    return go_profiles(tmp_path_factory)


def minimal() -> ProfileBuilder:
    b = ProfileBuilder()
    b.sample_type("samples", "count")
    b.function(1, "main.f", "f.go", 3)
    b.location(1, 0x1000, [(1, 4)])
    b.sample([1], [1])
    return b


def check_error(data: bytes, match: str, name: str = "profile.pb.gz") -> str:
    with pytest.raises(ProfileError) as info:
        pprof_read.parse(data, name)
    msg = str(info.value)
    assert "\n" not in msg
    assert msg.startswith(f"{name}: ")
    assert match in msg, msg
    return msg


def test_minimal_is_valid() -> None:
    p = pprof_read.parse(minimal().build())
    assert p.samples[0].frames() == [("main.f", "f.go", 4, 3)]


def test_empty() -> None:
    with pytest.raises(EmptyProfileError):
        pprof_read.parse(b"", "x")
    check_error(b"", "empty file")
    check_error(gzip.compress(b""), "decompresses to nothing")


@pytest.mark.parametrize(
    "text",
    [
        b"hello world\n",
        b"package main\n\nfunc main() {}\n",
        b"heap profile: 1: 2 [3: 4] @ heap/1048576\n1: 2 [3: 4] @ 0x1 0x2\n",
        b"--- contention:\ncycles/second=2000000000\n",
        "r\u00e9sum\u00e9 \u2603 text\n".encode(),
    ],
)
def test_text_files(text: bytes) -> None:
    check_error(text, "not a pprof profile")
    check_error(gzip.compress(text), "not a pprof profile")


def test_text_file_message() -> None:
    msg = check_error(b"This is a plain text file, not a profile.\n" * 3, "looks like a text file")
    assert msg.startswith("profile.pb.gz: not a pprof profile (looks like a text file;")
    check_error(gzip.compress(b"hello world\n" * 50), "looks like a text file")


def test_preprofile_text_is_pointed_to_pgo() -> None:
    check_error(b"GO PREPROFILE V1\na\nb\n1 2\n", "PGO preprocessed text profile")


def test_random_binary() -> None:
    rng = random.Random(1234)
    for _ in range(200):
        data = rng.randbytes(rng.randrange(1, 4096))
        with pytest.raises(ProfileError) as info:
            pprof_read.parse(data, "rand.bin")
        assert "\n" not in str(info.value)


def test_bad_gzip() -> None:
    check_error(b"\x1f\x8b" + b"\x00" * 40, "bad gzip data")
    check_error(b"\x1f\x8b\x08\x00garbage-garbage-garbage", "gzip")
    good = minimal().build()
    check_error(good[: len(good) // 2], "truncated gzip data")
    check_error(good[:-4], "truncated gzip data")  # missing the length trailer
    check_error(good + b"trailing junk", "trailing garbage")
    assert pprof_read.parse(good + b"\0\0\0\0") == pprof_read.parse(good)  # zero padding is tolerated
    with pytest.raises(ProfileError, match="more than the 100-byte limit"):
        pprof_read.parse(gzip.compress(b"\0" * 10_000), "bomb.gz", max_size=100)


def test_truncated_real_profile(goprof: GoProfiles) -> None:
    gz = goprof.mem.read_bytes()
    for cut in (2, 10, 100, len(gz) // 2, len(gz) - 1):
        check_error(gz[:cut], "gzip")
    data = gzip.decompress(gz)
    fields = scan(data, 0, len(data))
    end_of_strings = max(b for tag, _, b in fields if tag == (6 << 3 | 2))
    rng = random.Random(7)
    cuts = sorted(set(rng.sample(range(1, len(data)), 400)) | {1, len(data) - 1})
    for cut in cuts:
        try:
            pprof_read.parse(data[:cut], "mem.pb")
        except ProfileError as e:
            assert "\n" not in str(e)
        else:
            # Only a cut at a field boundary after the string table leaves a valid (shorter) profile.
            assert cut >= end_of_strings, cut


def test_mutated_real_profile(goprof: GoProfiles) -> None:
    data = bytearray(gzip.decompress(goprof.cpu.read_bytes()))
    rng = random.Random(99)
    for _ in range(500):
        mutated = bytearray(data)
        for _ in range(rng.randrange(1, 8)):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        try:
            pprof_read.parse(bytes(mutated), "cpu.pb")
        except ProfileError as e:
            assert "\n" not in str(e)


WIRE_CASES: list[tuple[bytes, str]] = [
    (b"\x08\xff\xff", "varint runs past the end"),
    (b"\x08" + b"\xff" * 11 + b"\x01", "varint longer than 10 bytes"),
    (b"\x12\x64abc", "length prefix 100 of field 2"),
    (b"\x12" + varint(1 << 62) + b"abc", "exceeds the 3 bytes remaining"),
    (b"\x0b\x00", "unknown wire type 3"),
    (b"\x0e", "unknown wire type 6"),
    (b"\x0f", "unknown wire type 7"),
    (b"\x09\x01\x02", "truncated fixed64"),
    (b"\x0d\x01", "truncated fixed32"),
    (b"\x08\x01", "Profile field 1 has unexpected wire type varint"),
    (b"\x48\x01", "no string table"),
    (f_bytes(6, b"x"), "string_table[0] is not the empty string"),
    (f_bytes(2, f_bytes(1, b"\x80")) + f_bytes(6, b""), "bad varint in packed field"),
]


@pytest.mark.parametrize(("data", "match"), WIRE_CASES)
def test_wire_format_errors(data: bytes, match: str) -> None:
    check_error(data, match)
    check_error(gzip.compress(data), match)


def with_raw(extra: bytes) -> bytes:
    b = minimal()
    b.raw(extra)
    return b.build()


def bad_builder(edit: Callable[[ProfileBuilder], None]) -> bytes:
    b = minimal()
    edit(b)
    return b.build()


SEMANTIC_CASES: list[tuple[bytes, str]] = [
    (with_raw(f_bytes(5, f_varint(1, 9) + f_varint(2, 99))), "function name string index 99 out of range"),
    (with_raw(f_bytes(5, f_varint(1, 9) + f_varint(2, -1))), "string index -1 out of range"),
    (with_raw(f_bytes(1, f_varint(1, 1234))), "sample_type string index 1234"),
    (with_raw(f_varint(13, 77)), "comment string index 77"),
    (with_raw(f_bytes(2, f_varint(1, 42) + f_varint(2, 1))), "unknown location id 42"),
    (with_raw(f_bytes(2, f_varint(1, 1))), "sample has 0 values but the profile has 1 sample types"),
    (with_raw(f_bytes(4, f_varint(1, 5) + f_bytes(4, f_varint(1, 77)))), "unknown function id 77"),
    (with_raw(f_bytes(4, f_varint(1, 5) + f_bytes(4, f_varint(2, 7)))), "line with no function"),
    (with_raw(f_bytes(4, f_varint(1, 1))), "multiple locations with id 1"),
    (with_raw(f_bytes(4, f_varint(3, 1))), "location with reserved id 0"),
    (with_raw(f_bytes(5, f_varint(1, 1))), "multiple functions with id 1"),
    (with_raw(f_bytes(5, f_varint(2, 0))), "function with reserved id 0"),
    (with_raw(f_bytes(3, f_varint(2, 1))), "mapping with reserved id 0"),
    (with_raw(f_bytes(3, f_varint(1, 1)) + f_bytes(3, f_varint(1, 1))), "multiple mappings with id 1"),
    (with_raw(f_bytes(2, f_bytes(3, f_varint(1, 50)) + f_varint(2, 1))), "label key string index 50"),
    (with_raw(f_bytes(4, f_varint(1, 6) + f_varint(4, 1))), "Location field 4 has unexpected wire type varint"),
    (with_raw(f_bytes(2, f_bytes(2, b"\x01") + f_bytes(3, b"\x08"))), "varint runs past the end"),
    (with_raw(f_varint(9, 5) + f_varint(9, 6)), "concatenated profiles"),
    (bad_builder(lambda b: b.scalars(period_type=("cpu", "nanoseconds"), time_nanos=1)), ""),
]


@pytest.mark.parametrize(("data", "match"), SEMANTIC_CASES)
def test_semantic_errors(data: bytes, match: str) -> None:
    if match == "":
        pprof_read.parse(data)  # the control case is valid
        return
    check_error(data, match)


def test_concatenated_real_profiles(goprof: GoProfiles) -> None:
    plain = gzip.decompress(goprof.cpu.read_bytes())
    check_error(plain + plain, "concatenated profiles detected")


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="cannot read file"):
        pprof_read.load(tmp_path / "missing.pprof")
    with pytest.raises(ProfileError, match="cannot read file"):
        pprof_read.load(tmp_path)
