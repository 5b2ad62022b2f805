"""Hand-made profiles: packed vs unpacked fields, negative values, field order, unknown fields.

Each profile is also handed to `go tool pprof -raw`, which must print what the decoder read.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from pbenc import Packing, ProfileBuilder, f_bytes, f_varint, key
from pprof_text import render_raw
from profile_helpers import Go, go_command

from goescape.linter.cost import pprof_read
from goescape.linter.cost.pprof import Profile, ProfileError, ValueType


@pytest.fixture(scope="module")
def go(tmp_path_factory: pytest.TempPathFactory) -> Go:
    return go_command(tmp_path_factory)


def build(n_values: int, packing: Packing, strings_first: bool = False) -> ProfileBuilder:
    """A small profile with `n_values` sample types and stacks of 1, 2, 3 and 5 locations."""
    b = ProfileBuilder(packing=packing, strings_first=strings_first)
    for i in range(n_values):
        b.sample_type(f"type{i}", "count" if i % 2 == 0 else "bytes")
    b.sample([1], [7 * (i + 1) for i in range(n_values)])
    b.sample([2, 1], [i - 2 for i in range(n_values)], labels=[("k", "v")])
    b.sample([3, 2, 1], [300 + i for i in range(n_values)], labels=[("k", "v"), ("n", 42), ("n", -7)])
    b.sample([200, 3, 200, 2, 1], [1 << 40 for _ in range(n_values)])
    b.mapping(1, 0x400000, 0x500000, 0, "/bin/prog", "abc123")
    b.function(1, "main.main", "/src/main.go", 10)
    b.function(2, "main.work", "/src/main.go", 20)
    b.function(3, "main.helper", "/src/helper.go", 5, system_name="main.helper.abi0")
    b.location(1, 0x401000, [(1, 12)], mapping_id=1)
    b.location(2, 0x402000, [(3, 6, 9), (2, 22)], mapping_id=1)  # helper inlined into work
    b.location(3, 0x403000, [(3, 7), (2, 25, 3), (2, 21)], mapping_id=1, folded=True)
    b.location(200, 0x404000, [], mapping_id=1)  # no line info
    b.scalars(
        time_nanos=1_700_000_000_123_456_789,
        duration_nanos=2_500_000_000,
        period_type=("cpu", "nanoseconds"),
        period=10_000_000,
        comments=["first", "second", "third"][: max(1, n_values)],
        default_sample_type="type0",
    )
    return b


def go_raw(go: Go, tmp_path: Path, data: bytes, name: str = "p.pb.gz") -> str:
    (tmp_path / name).write_bytes(data)
    return go.run(["tool", "pprof", "-raw", name], tmp_path)


def same_as_go(go: Go, tmp_path: Path, data: bytes) -> Profile:
    p = pprof_read.parse(data)
    raw = go_raw(go, tmp_path, data)
    assert render_raw(p) == "".join(ln for ln in raw.splitlines(keepends=True) if not ln.startswith("Duration:"))
    return p


@pytest.mark.parametrize("n_values", [1, 2, 3])
@pytest.mark.parametrize("packing", ["go", "packed", "unpacked"])
def test_repeated_fields_packed_or_not(go: Go, tmp_path: Path, n_values: int, packing: Packing) -> None:
    data = build(n_values, packing).build()
    p = same_as_go(go, tmp_path, data)
    assert [s.location_ids for s in p.samples] == [(1,), (2, 1), (3, 2, 1), (200, 3, 200, 2, 1)]
    assert [s.values for s in p.samples] == [
        tuple(7 * (i + 1) for i in range(n_values)),
        tuple(i - 2 for i in range(n_values)),
        tuple(300 + i for i in range(n_values)),
        tuple(1 << 40 for _ in range(n_values)),
    ]
    assert p.comments == ("first", "second", "third")[: max(1, n_values)]
    # The same profile is decoded identically whatever the encoding of its repeated fields.
    assert p == pprof_read.parse(build(n_values, "unpacked").build())
    assert p == pprof_read.parse(build(n_values, "packed").build(gz=False))


def test_model_and_stacks() -> None:
    p = pprof_read.parse(build(2, "go").build())
    assert p.sample_types == (ValueType("type0", "count"), ValueType("type1", "bytes"))
    assert p.period_type == ValueType("cpu", "nanoseconds")
    assert (p.period, p.time_nanos, p.duration_nanos) == (10_000_000, 1_700_000_000_123_456_789, 2_500_000_000)
    assert p.default_sample_type == "type0" and p.default_index() == 0
    assert p.sample_index("type1") == 1
    with pytest.raises(ProfileError, match="no sample type 'nope'"):
        p.sample_index("nope")
    (m,) = p.mappings
    assert (m.id, m.memory_start, m.memory_limit, m.filename, m.build_id, m.has_functions) == (
        1, 0x400000, 0x500000, "/bin/prog", "abc123", True,
    )
    loc3 = p.location(3)
    assert loc3.is_folded and loc3.mapping is m
    assert [(ln.function.name, ln.line, ln.column) for ln in loc3.lines] == [
        ("main.helper", 7, 0),
        ("main.work", 25, 3),
        ("main.work", 21, 0),
    ]
    assert loc3.lines[0].function.system_name == "main.helper.abi0"
    stacks = dict((s.location_ids, fr) for s, fr in p.stacks())
    assert stacks[(2, 1)] == [
        ("main.helper", "/src/helper.go", 6, 5),
        ("main.work", "/src/main.go", 22, 20),
        ("main.main", "/src/main.go", 12, 10),
    ]
    assert stacks[(200, 3, 200, 2, 1)][0] == ("0x404000", "", 0, 0)
    assert len(stacks[(200, 3, 200, 2, 1)]) == 1 + 3 + 1 + 2 + 1
    s3 = p.samples[2]
    assert s3.string_labels() == {"k": ["v"]}
    assert s3.numeric_labels() == {"n": [42, -7]}
    assert p.total(0) == 7 + (-2) + 300 + (1 << 40)


def test_negative_values_are_ten_byte_varints(go: Go, tmp_path: Path) -> None:
    b = ProfileBuilder()
    b.sample_type("delta", "count")
    b.sample_type("space", "bytes")
    b.sample_type("x", "count")
    extremes = [(-1, -(1 << 63), (1 << 63) - 1), (-123456789012, 0, 1)]
    b.function(1, "f", "f.go", 1)
    b.location(1, 0x10, [(1, 3)])
    for vals in extremes:
        b.sample([1], vals, labels=[("n", -5)])
    b.sample([1], [-2, -3], packing="unpacked")  # 2 values for 3 sample types: rejected below
    data_ok = ProfileBuilder()
    data_ok.sample_type("delta", "count")
    data_ok.sample_type("space", "bytes")
    data_ok.mapping(1, 0, 0x1000, 0, "prog", "")  # pprof adds a fake mapping to profiles without one
    data_ok.function(1, "f", "f.go", 1)
    data_ok.location(1, 0x10, [(1, 3)], mapping_id=1)
    data_ok.sample([1], [-1, -(1 << 63)], labels=[("n", -5)])
    data_ok.sample([1], [(1 << 63) - 1, -123456789012])
    data_ok.sample([1], [-2, -3], packing="packed")
    assert b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01" in data_ok.build(gz=False)  # -1 as a 10-byte varint
    p = same_as_go(go, tmp_path, data_ok.build())
    assert [s.values for s in p.samples] == [(-1, -(1 << 63)), ((1 << 63) - 1, -123456789012), (-2, -3)]
    assert p.samples[0].numeric_labels() == {"n": [-5]}
    with pytest.raises(ProfileError, match="2 values but the profile has 3 sample types"):
        pprof_read.parse(b.build())
    three = ProfileBuilder()
    for t in ("a", "b", "c"):
        three.sample_type(t, "count")
    three.function(1, "f", "f.go", 1)
    three.location(1, 0x10, [(1, 3)])
    for vals in extremes:
        three.sample([1], vals)
    assert [s.values for s in pprof_read.parse(three.build()).samples] == extremes


def test_string_table_first_or_last() -> None:
    assert pprof_read.parse(build(3, "go", strings_first=True).build()) == pprof_read.parse(build(3, "go").build())


def test_unknown_fields_are_skipped(go: Go, tmp_path: Path) -> None:
    junk = f_varint(99, 5) + key(98, 1) + b"12345678" + key(97, 5) + b"1234" + f_bytes(96, b"whatever")
    b = ProfileBuilder()
    b.sample_type("samples", "count")
    b.function(1, "f", "f.go", 1)
    b.raw(f_bytes(5, f_varint(1, 2) + junk + f_varint(2, b.s("g")) + f_varint(4, b.s("g.go"))))
    b.mapping(1, 0, 0x1000, 0, "prog", "")
    b.raw(f_bytes(4, f_varint(1, 1) + f_varint(2, 1) + junk + f_bytes(4, f_varint(1, 1) + junk + f_varint(2, 3))))
    b.raw(f_bytes(4, f_varint(1, 2) + f_varint(2, 1) + f_bytes(4, f_varint(1, 2) + f_varint(2, 9))))
    b.raw(f_bytes(2, f_varint(1, 1) + junk + f_varint(2, 4) + f_varint(1, 2)))
    b.raw(junk)
    p = same_as_go(go, tmp_path, b.build())
    assert p.samples[0].location_ids == (1, 2)
    assert p.samples[0].values == (4,)
    assert [f.function for f in p.samples[0].frames()] == ["f", "g"]


def test_doc_url_folded_columns_drop_keep() -> None:
    b = build(1, "go")
    b.scalars(doc_url="https://example.invalid/doc", drop_frames="runtime\\..*", keep_frames="main\\..*")
    p = pprof_read.parse(b.build())
    assert p.doc_url == "https://example.invalid/doc"
    assert (p.drop_frames, p.keep_frames) == ("runtime\\..*", "main\\..*")
    assert p.location(2).lines[0].column == 9


def test_multi_member_gzip(go: Go, tmp_path: Path) -> None:
    plain = build(2, "go").build(gz=False)
    cut = len(plain) // 3
    data = gzip.compress(plain[:cut]) + gzip.compress(plain[cut:])
    p = same_as_go(go, tmp_path, data)
    assert p == pprof_read.parse(plain)


def test_many_samples_with_two_byte_location_ids() -> None:
    """40k samples of 25 locations among 2,000 (ids past 127 take two bytes): the packed-varint path."""
    b = ProfileBuilder()
    for t in ("alloc_objects", "alloc_space", "inuse_objects", "inuse_space"):
        b.sample_type(t, "count")
    for f in range(1, 301):
        b.function(f, f"pkg.fn{f}", f"/src/file{f % 17}.go", f * 3)
    for loc in range(1, 2001):
        b.location(loc, 0x400000 + loc * 16, [(1 + loc % 300, 10 + loc % 50), (1 + (loc * 7) % 300, 20)])
    for i in range(40_000):
        stack = [1 + (i * 31 + k * 97) % 2000 for k in range(25)]
        b.sample(stack, [i % 50, (i % 50) * 48, i % 3, (i % 3) * 48], labels=[("bytes", 48)])
    p = pprof_read.parse(b.build())
    assert len(p.samples) == 40_000
    for i in (0, 123, 39_999):
        assert p.samples[i].location_ids == tuple(1 + (i * 31 + k * 97) % 2000 for k in range(25))
        assert p.samples[i].values == (i % 50, (i % 50) * 48, i % 3, (i % 3) * 48)
    assert {s.numeric_labels()["bytes"][0] for s in p.samples} == {48}
    assert p.location(1999).lines[1].function.name == f"pkg.fn{1 + (1999 * 7) % 300}"
