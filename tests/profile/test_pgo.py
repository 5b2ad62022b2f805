"""PGO profiles: `go tool preprofile` output, pprof CPU profiles, and the compiler as an oracle."""

from __future__ import annotations

import gzip
import subprocess
from pathlib import Path

import pytest
from pbenc import ProfileBuilder
from profile_helpers import GOMOD, Go, GoProfiles, go_command, go_profiles

from goescape.linter.cost import pgo, pprof_read
from goescape.linter.cost.pprof import ProfileError


@pytest.fixture(scope="module")
def go(tmp_path_factory: pytest.TempPathFactory) -> Go:
    return go_command(tmp_path_factory)


@pytest.fixture(scope="module")
def goprof(tmp_path_factory: pytest.TempPathFactory) -> GoProfiles:
    return go_profiles(tmp_path_factory)


def test_from_pprof_matches_go_tool_preprofile(goprof: GoProfiles) -> None:
    """Our edge computation serialises byte for byte like `go tool preprofile`."""
    want = goprof.pgo.read_text()
    assert want.startswith("GO PREPROFILE V1\n")
    got = pgo.from_pprof(pprof_read.load(goprof.cpu))
    assert got.edges
    assert pgo.serialize(got) == want


def test_parse_preprofile_output(goprof: GoProfiles) -> None:
    text = pgo.load_profile(goprof.pgo)
    assert text.source == "preprofile" and text.pprof is None
    from_cpu = pgo.load_profile(goprof.cpu)
    assert from_cpu.source == "pprof" and from_cpu.pprof is not None
    assert text.edges == from_cpu.edges
    assert text.total_weight == sum(e.weight for e in text.edges) == from_cpu.total_weight
    weights = [e.weight for e in text.edges]
    assert weights == sorted(weights, reverse=True)
    # fib calls itself on line 21; fib starts on line 17: offset 4.
    src = (GOMOD / "work.go").read_text().splitlines()
    start = src.index("func fib(n int) int {") + 1
    call = src.index("\treturn fib(n-1) + fib(n-2)") + 1
    assert ("example.com/work.fib", "example.com/work.fib", call - start) in text.edge_weights()


def test_load_profile_detects_forms(goprof: GoProfiles, tmp_path: Path) -> None:
    plain = tmp_path / "cpu.pb"
    plain.write_bytes(gzip.decompress(goprof.cpu.read_bytes()))
    a = pgo.load_profile(goprof.cpu)
    b = pgo.load_profile(plain)
    c = pgo.load_profile(goprof.pgo)
    assert a.edges == b.edges == c.edges
    assert (a.source, b.source, c.source) == ("pprof", "pprof", "preprofile")
    empty = tmp_path / "empty.pgo"
    empty.write_bytes(b"")
    assert pgo.load_profile(empty).edges == ()
    (tmp_path / "empty.gz").write_bytes(gzip.compress(b""))
    assert pgo.load_profile(tmp_path / "empty.gz").source == "empty"


def test_function_weights(goprof: GoProfiles) -> None:
    p = pgo.load_profile(goprof.pgo)
    fw = p.function_weights()
    assert sum(w.as_caller for w in fw.values()) == p.total_weight
    assert sum(w.as_callee for w in fw.values()) == p.total_weight
    fib = fw["example.com/work.fib"]
    assert fib.as_caller > 0 and fib.as_callee > 0
    totals = [w.as_caller + w.as_callee for w in fw.values()]
    assert totals == sorted(totals, reverse=True)
    assert p.hottest(3) == list(p.edges[:3])


def test_memory_profile_is_not_a_pgo_profile(go: Go, goprof: GoProfiles) -> None:
    with pytest.raises(ProfileError, match="no samples/count or cpu/nanoseconds"):
        pgo.load_profile(goprof.mem)
    proc = subprocess.run([go.exe, "tool", "preprofile", "-i", str(goprof.mem)], env=go.env, capture_output=True,
                          text=True, check=False)
    assert proc.returncode != 0 and "samples/count" in proc.stderr


def test_profile_without_start_lines(go: Go, tmp_path: Path) -> None:
    b = ProfileBuilder()
    b.sample_type("samples", "count")
    b.sample_type("cpu", "nanoseconds")
    b.mapping(1, 0, 0x1000, 0, "prog", "")
    b.function(1, "main.a", "a.go", 0)
    b.function(2, "main.b", "a.go", 0)
    b.location(1, 0x10, [(1, 5)], mapping_id=1)
    b.location(2, 0x20, [(2, 9)], mapping_id=1)
    b.sample([1, 2], [3, 30])
    path = tmp_path / "old.pprof"
    path.write_bytes(b.build())
    with pytest.raises(ProfileError, match="start_line"):
        pgo.load_profile(path)
    assert compile_accepts(go, tmp_path, path) is False


def test_synthetic_edges_match_preprofile(go: Go, tmp_path: Path) -> None:
    """Inlined frames, recursion at one address, zero-weight samples and ties, checked against Go."""
    b = ProfileBuilder()
    b.sample_type("samples", "count")
    b.sample_type("cpu", "nanoseconds")
    b.mapping(1, 0, 0x10000, 0, "prog", "")
    for i, name in enumerate(["main.main", "main.a", "main.b", "main.c", "main.rec"], start=1):
        b.function(i, name, "m.go", i * 10)
    b.location(1, 0x100, [(1, 12)], mapping_id=1)
    b.location(2, 0x200, [(3, 33), (2, 24)], mapping_id=1)  # b inlined into a
    b.location(3, 0x300, [(4, 41)], mapping_id=1)
    b.location(4, 0x400, [(5, 52)], mapping_id=1)
    b.location(5, 0x500, [], mapping_id=1)  # no symbol
    b.sample([3, 2, 1], [5, 50])
    b.sample([2, 1], [2, 20])
    b.sample([4, 4, 4, 1], [7, 70])
    b.sample([3, 3], [1, 10])
    b.sample([5, 3, 1], [4, 40])
    b.sample([1], [9, 90])
    b.sample([3, 1], [0, 0])
    b.sample([4, 1], [2, 20])
    b.sample([3, 2], [2, 20])  # ties with the edge above
    path = tmp_path / "syn.pprof"
    path.write_bytes(b.build())
    go.run(["tool", "preprofile", "-i", str(path), "-o", str(tmp_path / "syn.pgo")], tmp_path)
    want = (tmp_path / "syn.pgo").read_text()
    assert pgo.serialize(pgo.load_profile(path)) == want
    assert pgo.load_profile(tmp_path / "syn.pgo").edges == pgo.load_profile(path).edges


def compile_accepts(go: Go, tmp_path: Path, profile: Path) -> bool:
    """Whether `go tool compile -pgoprofile` accepts the profile (it reads both forms)."""
    src = tmp_path / "p.go"
    src.write_text("package p\n\nfunc F(x int) int { return x + 1 }\n")
    proc = subprocess.run(
        [go.exe, "tool", "compile", "-p", "p", "-pgoprofile", str(profile), "-o", str(tmp_path / "p.o"), str(src)],
        env=go.env, capture_output=True, text=True, check=False, cwd=tmp_path,
    )
    return proc.returncode == 0


TEXT_CASES: list[tuple[bytes, list[tuple[str, str, int, int]] | str]] = [
    (b"GO PREPROFILE V1\n", []),
    (b"GO PREPROFILE V1", "header is not exactly"),  # the compiler peeks for the header *with* its newline
    (b"GO PREPROFILE V1\na\nb\n1 2\n", [("a", "b", 1, 2)]),
    (b"GO PREPROFILE V1\na\nb\n1 2", [("a", "b", 1, 2)]),
    (b"GO PREPROFILE V1\na\r\nb\r\n+1 -2\r\n", [("a", "b", 1, -2)]),
    (b"GO PREPROFILE V1\nx.f\ny.g\n-3 9\nx.f\ny.g\n4 9\n", [("x.f", "y.g", -3, 9), ("x.f", "y.g", 4, 9)]),
    (b"GO PREPROFILE V1\n\n\n0 0\n", [("", "", 0, 0)]),
    (b"GO PREPROFILE V1\na b\nc\xc3\xa9\n0 1\n", [("a b", "c\u00e9", 0, 1)]),
    (b"GO PREPROFILE V1\na\nb\n1 2\n\n", "missing its callee"),
    (b"GO PREPROFILE V1\na\nb\n", "missing its weight"),
    (b"GO PREPROFILE V1\na\n", "missing its callee"),
    (b"GO PREPROFILE V1\na\nb\n1  2\n", "want 2 space-separated fields, got 3"),
    (b"GO PREPROFILE V1\na\nb\n1\t2\n", "want 2 space-separated fields, got 1"),
    (b"GO PREPROFILE V1\na\nb\n1 2 3\n", "got 3"),
    (b"GO PREPROFILE V1\na\nb\nx 2\n", "bad call site offset 'x'"),
    (b"GO PREPROFILE V1\na\nb\n1 2.5\n", "bad call edge weight '2.5'"),
    (b"GO PREPROFILE V1\na\nb\n1_0 2\n", "bad call site offset"),
    (b"GO PREPROFILE V1\na\nb\n1 99999999999999999999\n", "bad call edge weight"),
    (b"GO PREPROFILE V1\na\nb\n1 2\na\nb\n1 3\n", "duplicate edge 'a' -> 'b' at offset 1"),
    (b"GO PREPROFILE V1\na\n" + b"g" * 65535 + b"\n1 2\n", [("a", "g" * 65535, 1, 2)]),
    (b"GO PREPROFILE V1\na\n" + b"g" * 65536 + b"\n1 2\n", "Go's reader fails on lines of 64 KiB or more"),
    (b"GO PREPROFILE V1\na\nb\n" + b"1" * 65536 + b"\n", "Go's reader fails on lines of 64 KiB or more"),
    # An over-long *caller* line silently ends the profile for the compiler (deserialize.go ignores the error).
    (b"GO PREPROFILE V1\na\nb\n1 2\n" + b"f" * 65535 + b"\r\ng\n1 2\n", [("a", "b", 1, 2)]),
    (b"GO PREPROFILE V1\na\nb\n1 2\n" + b"f" * 65534 + b"\r\ng\n1 2\n", [("a", "b", 1, 2), ("f" * 65534, "g", 1, 2)]),
    (b"GO PREPROFILE V1\n" + b"f" * 70000, []),
    (b"GO PREPROFILE V2\na\nb\n1 2\n", "header is not exactly"),
    (b"GO PREPROFILE V1\r\na\nb\n1 2\n", "header is not exactly"),
]


@pytest.mark.parametrize(("data", "want"), TEXT_CASES)
def test_text_form_agrees_with_compiler(go: Go, tmp_path: Path, data: bytes, want: object) -> None:
    path = tmp_path / "x.pgo"
    path.write_bytes(data)
    if isinstance(want, str):
        with pytest.raises(ProfileError) as info:
            pgo.load_profile(path)
        assert want in str(info.value)
        assert "\n" not in str(info.value)
        assert str(info.value).startswith(f"{path}: ")
        assert compile_accepts(go, tmp_path, path) is False
    else:
        got = pgo.load_profile(path)
        assert [(e.caller, e.callee, e.call_site_offset, e.weight) for e in got.edges] == want
        assert compile_accepts(go, tmp_path, path) is True


def test_long_caller_line_warning() -> None:
    p = pgo.parse_preprofile(b"GO PREPROFILE V1\na\nb\n1 2\n" + b"f" * 70000 + b"\ng\n1 2\n", "x.pgo")
    assert len(p.edges) == 1
    (w,) = p.warnings
    assert w == (
        "x.pgo: line 5 is 70000 bytes long; the Go compiler stops reading there and ignores it and the 2 lines after it"
    )


def test_parse_preprofile_direct() -> None:
    p = pgo.parse_preprofile("GO PREPROFILE V1\nmain.main\nmain.f\n3 10\n")
    assert p.edges == (pgo.CallEdge("main.main", "main.f", 3, 10),)
    assert pgo.serialize(p) == "GO PREPROFILE V1\nmain.main\nmain.f\n3 10\n"
    with pytest.raises(ProfileError, match="missing header"):
        pgo.parse_preprofile(b"", "e.pgo")
    with pytest.raises(ProfileError, match="cannot read file"):
        pgo.load_profile("/nonexistent/default.pgo")
    with pytest.raises(ProfileError, match="not a pprof profile"):
        pgo.parse_profile(b"\x00garbage", "bad.pgo")
