"""Real profiles made by `go test`, decoded and compared with `go tool pprof -raw` sample by sample."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from pprof_text import parse_raw, parse_traces, render_raw
from profile_helpers import GoProfiles, go_profiles

from goescape.linter.cost import pprof_read
from goescape.linter.cost.pprof import Profile, ValueType
from goescape.linter.cost.protowire import scan


@pytest.fixture(scope="module")
def goprof(tmp_path_factory: pytest.TempPathFactory) -> GoProfiles:
    return go_profiles(tmp_path_factory)

# Go's small-object size classes up to 1 KiB (runtime/sizeclasses.go).
SIZE_CLASSES = {8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384,
                416, 448, 480, 512, 576, 640, 704, 768, 896, 1024}


def assert_matches_raw(p: Profile, raw_text: str) -> None:
    """Every sample's values, location ids, labels and expanded stack, and every location, match `-raw`."""
    raw = parse_raw(raw_text)
    assert [(t.type, t.unit) for t in p.sample_types] == [(t, u) for t, u, _ in raw.sample_types]
    assert [t.type == p.default_sample_type for t in p.sample_types] == [d for _, _, d in raw.sample_types]
    assert len(p.samples) == len(raw.samples)
    for i, ((s, frames), rs) in enumerate(zip(p.stacks(), raw.samples, strict=True)):
        assert list(s.values) == rs.values, f"sample {i} values"
        assert list(s.location_ids) == rs.location_ids, f"sample {i} locations"
        assert [tuple(f) for f in frames] == raw.frames(rs), f"sample {i} stack"
        assert s.frames() == frames
    assert {loc.id for loc in p.locations} == set(raw.locations)
    for loc in p.locations:
        rl = raw.locations[loc.id]
        assert loc.address == rl.address
        assert (loc.mapping.id if loc.mapping else None) == rl.mapping_id
        assert loc.is_folded == rl.folded
        got = [(ln.function.name, ln.function.filename, ln.line, ln.column, ln.function.start_line) for ln in loc.lines]
        assert got == [(r.function, r.filename, r.line, r.column, r.start_line) for r in rl.lines], f"location {loc.id}"
    assert [(m.id, m.memory_start, m.memory_limit, m.file_offset, m.filename, m.build_id) for m in p.mappings] == [
        (m.id, m.start, m.limit, m.offset, m.filename, m.build_id) for m in raw.mappings
    ]
    # And the whole text, byte for byte (pprof prints Duration with %.4v; that line is left out).
    expected = "".join(ln for ln in raw_text.splitlines(keepends=True) if not ln.startswith("Duration:"))
    assert render_raw(p) == expected


def assert_matches_traces(p: Profile, traces_text: str) -> None:
    """Function names and (inline) markers, leaf first, match `-traces` for every sample with a stack."""
    want = parse_traces(traces_text)
    got = []
    for s in p.samples:
        frames: list[tuple[str, bool]] = []
        for loc in s.locations:
            for k, ln in enumerate(loc.lines):
                frames.append((ln.function.name, k != len(loc.lines) - 1))
        if frames:
            got.append(frames)
    assert got == want


def test_cpu_profile_matches_pprof_raw(goprof: GoProfiles) -> None:
    p = pprof_read.load(goprof.cpu)
    assert [(t.type, t.unit) for t in p.sample_types] == [("samples", "count"), ("cpu", "nanoseconds")]
    assert p.period_type == ValueType("cpu", "nanoseconds")
    assert p.period == 10_000_000
    assert p.samples, "the benchmarks should run long enough for CPU samples"
    assert all(s.values[1] == s.values[0] * p.period for s in p.samples)
    assert p.time_nanos > 0 and p.duration_nanos > 0
    assert_matches_raw(p, goprof.cpu_raw)


def test_cpu_profile_matches_pprof_traces(goprof: GoProfiles) -> None:
    assert_matches_traces(pprof_read.load(goprof.cpu), goprof.cpu_traces)


def test_cpu_profile_content(goprof: GoProfiles) -> None:
    p = pprof_read.load(goprof.cpu)
    names = {f.name for f in p.functions}
    assert {"example.com/work.fib", "example.com/work.BenchmarkFib"} <= names
    # The closure (and the pprof.Do callback) show up as funcN.
    assert any(n.startswith("example.com/work.makeAdder.func") for n in names)
    # Recursion: some stack has fib several times in a row.
    assert any(sum(f.function == "example.com/work.fib" for f in fr) >= 3 for _, fr in p.stacks())
    # Inlining: some location holds several frames; the last is the physical function.
    inlined = [loc for loc in p.locations if len(loc.lines) > 1]
    assert inlined
    phys = {loc.lines[-1].function.name for loc in inlined}
    assert "example.com/work.BenchmarkSumSquares" in phys or "example.com/work.BenchmarkClosure.func1" in phys
    # pprof.Do labels are string labels on CPU samples.
    labelled = [s for s in p.samples if s.string_labels()]
    assert labelled
    assert all(s.string_labels() == {"bench": ["closure"], "kind": ["func literal"]} for s in labelled)
    # Every Go function carries its start line.
    assert all(f.start_line > 0 for f in p.functions if f.filename.endswith(".go"))


def test_mem_profile_matches_pprof_raw(goprof: GoProfiles) -> None:
    p = pprof_read.load(goprof.mem)
    assert [(t.type, t.unit) for t in p.sample_types] == [
        ("alloc_objects", "count"),
        ("alloc_space", "bytes"),
        ("inuse_objects", "count"),
        ("inuse_space", "bytes"),
    ]
    assert p.default_sample_type == "alloc_space"
    assert p.period_type == ValueType("space", "bytes")
    assert p.period == 1  # -memprofilerate=1
    assert_matches_raw(p, goprof.mem_raw)


def test_mem_profile_matches_pprof_traces(goprof: GoProfiles) -> None:
    assert_matches_traces(pprof_read.load(goprof.mem), goprof.mem_traces)


def test_mem_profile_content(goprof: GoProfiles) -> None:
    p = pprof_read.load(goprof.mem)
    # newItem is inlined into allocLoop, itself inlined into BenchmarkAlloc: one location, three frames.
    item_locs = [loc for loc in p.locations if loc.lines and loc.lines[0].function.name == "example.com/work.newItem"]
    assert item_locs
    for loc in item_locs:
        assert [ln.function.name for ln in loc.lines] == [
            "example.com/work.newItem",
            "example.com/work.allocLoop",
            "example.com/work.BenchmarkAlloc",
        ]
    # Allocation sizes are rounded up to the size class: make([]byte, 24..123) -> 24..128.
    item_samples = [s for s in p.samples if s.locations and s.locations[0] in item_locs]
    sizes = set()
    for s in item_samples:
        (size,) = s.numeric_labels()["bytes"]
        sizes.add(size)
        assert s.values[1] == s.values[0] * size  # alloc_space = alloc_objects * rounded size
        assert s.values[3] == s.values[2] * size
    assert sizes <= SIZE_CLASSES
    assert {24, 32, 48, 64, 80, 96, 112, 128} <= sizes
    assert sum(s.values[0] for s in item_samples) >= 200 * 1000  # every allocation sampled (rate 1)
    # Recursion: chain(20) allocates at depth 0 under 21 chain frames.
    depth = max(sum(f.function == "example.com/work.chain" for f in fr) for _, fr in p.stacks())
    assert depth == 21
    # The runtime hides its malloc frames: allocation stacks start at the allocating function.
    assert all(s.frames()[0].function != "runtime.mallocgc" for s in item_samples)


def test_diff_profile_with_negative_values(goprof: GoProfiles) -> None:
    """`pprof -proto -diff_base` writes negated base values: 10-byte varints."""
    p = pprof_read.load(goprof.diff)
    assert any(v < 0 for s in p.samples for v in s.values)
    assert any(s.string_labels().get("pprof::base") == ["true"] for s in p.samples)
    assert_matches_raw(p, goprof.diff_raw)


def test_uncompressed_profile(goprof: GoProfiles, tmp_path: Path) -> None:
    plain = tmp_path / "cpu.pb"
    plain.write_bytes(gzip.decompress(goprof.cpu.read_bytes()))
    assert pprof_read.load(plain) == pprof_read.load(goprof.cpu)
    assert pprof_read.parse(plain.read_bytes()) == pprof_read.load(goprof.cpu)


def test_string_table_comes_last(goprof: GoProfiles) -> None:
    """Go writes the string table after the messages that refer to it."""
    data = gzip.decompress(goprof.mem.read_bytes())
    fields = [tag >> 3 for tag, _, _ in scan(data, 0, len(data))]
    first_string = fields.index(6)
    assert max(i for i, f in enumerate(fields) if f in (1, 2, 3, 4, 5)) < first_string
    assert fields[-1] == 6  # runtime/pprof writes the string table as the very last field
    assert pprof_read.parse(data).sample_types[1].type == "alloc_space"
