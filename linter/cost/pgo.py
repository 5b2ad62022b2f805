"""Go's PGO profiles (`default.pgo`, `go build -pgo=FILE`): call-edge weights from either file form.

The compiler tells the two forms apart by content (cmd/compile/internal/pgoir), and so does
`load_profile`: a file starting with exactly `GO PREPROFILE V1\n` is the text form `go tool
preprofile` writes (cmd/internal/pgo/serialize.go): after the header, three lines per call
edge: the caller's symbol name, the callee's, and `<offset> <weight>` (the call's line minus the
caller's `func` line, so it survives edits above the function; the weight sums the
`samples/count` of the samples whose two innermost locations hold the call), heaviest first.
Anything else is a pprof CPU profile, reduced as `cmd/internal/pgo.FromPProf` reduces it
(`from_pprof`, byte for byte the same edges as `go tool preprofile`); an empty file, or a gzip
of nothing, is an empty profile.

Reading the text form follows cmd/internal/pgo/deserialize.go: lines split on `\n` with one
trailing `\r` dropped, a weight line splits on single spaces into exactly two base-10 integers,
a duplicate edge is an error, and so is a line of 64 KiB or more (bufio.Scanner's limit),
except where a caller name is expected: there Go's loop just stops and the compiler silently
uses the edges read so far (said in `PgoProfile.warnings`). A CRLF header is not the text form
for the compiler, so it is not here either.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from goescape.linter.cost.pprof import EmptyProfileError, Profile, ProfileError
from goescape.linter.cost.pprof_read import parse as parse_pprof

HEADER = "GO PREPROFILE V1\n"

_INT_RE = re.compile(r"[+-]?[0-9]+")
_INT64_MIN = -(1 << 63)
_INT64_MAX = (1 << 63) - 1
_MAX_LINE = 64 * 1024  # bufio.MaxScanTokenSize


@dataclass(frozen=True, slots=True)
class CallEdge:
    """A weighted call edge, identified like Go's `pgo.NamedCallEdge`."""

    caller: str
    callee: str
    call_site_offset: int  # call line minus the caller's start line
    weight: int


@dataclass(frozen=True, slots=True)
class FunctionWeight:
    """Per-function sums of edge weights."""

    name: str
    as_caller: int  # weight of the calls this function makes (its outgoing edges)
    as_callee: int  # weight of the calls made to this function (its incoming edges)


@dataclass(frozen=True, slots=True)
class PgoProfile:
    """Call-edge weights of a PGO profile, from either file form."""

    edges: tuple[CallEdge, ...]  # highest weight first, like Go's NamedEdgeMap.ByWeight
    source: Literal["pprof", "preprofile", "empty"]
    pprof: Profile | None = field(default=None, compare=False, repr=False)  # the decoded pprof profile, if any
    warnings: tuple[str, ...] = ()  # one-line notes about input the compiler would silently skip

    @property
    def total_weight(self) -> int:
        return sum(e.weight for e in self.edges)

    def edge_weights(self) -> dict[tuple[str, str, int], int]:
        """Weights keyed by (caller, callee, call_site_offset)."""
        return {(e.caller, e.callee, e.call_site_offset): e.weight for e in self.edges}

    def function_weights(self) -> dict[str, FunctionWeight]:
        """Weight per function name as caller and as callee, sorted by total weight (highest first)."""
        out_w: dict[str, int] = {}
        in_w: dict[str, int] = {}
        for e in self.edges:
            out_w[e.caller] = out_w.get(e.caller, 0) + e.weight
            in_w[e.callee] = in_w.get(e.callee, 0) + e.weight
        names = sorted(set(out_w) | set(in_w), key=lambda n: (-(out_w.get(n, 0) + in_w.get(n, 0)), n))
        return {n: FunctionWeight(n, out_w.get(n, 0), in_w.get(n, 0)) for n in names}

    def hottest(self, n: int = 10) -> list[CallEdge]:
        """The `n` heaviest edges."""
        return list(self.edges[:n])


def _sort_key(e: CallEdge) -> tuple[int, bytes, bytes, int]:
    # Go compares strings bytewise.
    caller = e.caller.encode("utf-8")
    callee = e.callee.encode("utf-8")
    return (-e.weight, caller, callee, e.call_site_offset)


def _sorted_edges(edges: Iterable[CallEdge]) -> tuple[CallEdge, ...]:
    return tuple(sorted(edges, key=_sort_key))


def serialize(profile: PgoProfile) -> str:
    """The `GO PREPROFILE V1` text of `profile` (what `go tool preprofile` writes)."""
    parts = [HEADER]
    for e in profile.edges:
        parts.append(f"{e.caller}\n{e.callee}\n{e.call_site_offset} {e.weight}\n")
    return "".join(parts)


def parse_preprofile(data: bytes | str, name: str = "<data>") -> PgoProfile:
    """Parse the `GO PREPROFILE V1` text form; errors are `ProfileError` with a one-line message."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)

    def fail(reason: str) -> ProfileError:
        return ProfileError(f"{name}: bad PGO preprocessed profile ({reason})")

    lines = raw.split(b"\n")
    if lines[-1] == b"":
        lines.pop()  # the final newline ends the last line, it does not start an empty one
    if not lines:
        raise fail("missing header")

    def line(i: int) -> str:
        ln = lines[i]
        if len(ln) >= _MAX_LINE:
            raise fail(f"line {i + 1} is {len(ln)} bytes long; Go's reader fails on lines of 64 KiB or more")
        return (ln[:-1] if ln.endswith(b"\r") else ln).decode("utf-8", "replace")

    header = line(0)
    if header + "\n" != HEADER:
        raise fail(f"malformed header {_show(header)}, want {HEADER.strip()!r}")
    edges: list[CallEdge] = []
    warnings: list[str] = []
    seen: set[tuple[str, str, int]] = set()
    i = 1
    while i < len(lines):
        if len(lines[i]) >= _MAX_LINE:
            # deserialize.go ends its `for scanner.Scan()` loop without checking scanner.Err(), so an
            # over-long caller line silently ends the profile for the compiler.  Do the same, but say so.
            warnings.append(
                f"{name}: line {i + 1} is {len(lines[i])} bytes long; the Go compiler stops reading there "
                f"and ignores it and the {len(lines) - i - 1} lines after it"
            )
            break
        caller = line(i)
        if i + 1 >= len(lines):
            raise fail(f"entry at line {i + 1} is missing its callee")
        callee = line(i + 1)
        if i + 2 >= len(lines):
            raise fail(f"entry at line {i + 1} is missing its weight line")
        weight_line = line(i + 2)
        fields = weight_line.split(" ")
        lineno = i + 3
        if len(fields) != 2:
            raise fail(f"line {lineno}: want 2 space-separated fields, got {len(fields)}: {_show(weight_line)}")
        offset = _go_int(fields[0])
        if offset is None:
            raise fail(f"line {lineno}: bad call site offset {_show(fields[0])}")
        weight = _go_int(fields[1])
        if weight is None:
            raise fail(f"line {lineno}: bad call edge weight {_show(fields[1])}")
        k = (caller, callee, offset)
        if k in seen:
            raise fail(f"line {lineno}: duplicate edge {_show(caller)} -> {_show(callee)} at offset {offset}")
        seen.add(k)
        edges.append(CallEdge(caller, callee, offset, weight))
        i += 3
    return PgoProfile(tuple(edges), "preprofile", warnings=tuple(warnings))


def _show(s: str, limit: int = 60) -> str:
    return repr(s if len(s) <= limit else s[:limit] + "...")


def _go_int(s: str) -> int | None:
    """Parse like Go's strconv.ParseInt(s, 10, 64): optional sign, ASCII digits, int64 range."""
    if not _INT_RE.fullmatch(s):
        return None
    v = int(s)
    return v if _INT64_MIN <= v <= _INT64_MAX else None


_Node = tuple[int, str, int, int]  # (address, function name, line, start line): Go's graph NodeInfo


def from_pprof(profile: Profile, name: str = "<profile>") -> PgoProfile:
    """Call-edge weights of a pprof CPU profile, computed as `cmd/internal/pgo.FromPProf` does."""
    if not profile.samples:
        return PgoProfile((), "pprof", profile)
    index = -1
    for i, st in enumerate(profile.sample_types):
        if (st.type, st.unit) in (("samples", "count"), ("cpu", "nanoseconds")):
            index = i
            break
    if index < 0:
        have = ", ".join(f"{st.type}/{st.unit}" for st in profile.sample_types) or "none"
        raise ProfileError(f"{name}: not usable for PGO (no samples/count or cpu/nanoseconds sample type; have {have})")

    # One graph node per (location, line); nodes are shared by equal NodeInfo.
    loc_nodes: dict[int, list[_Node]] = {}
    for loc in profile.locations:
        if loc.lines:
            loc_nodes[loc.id] = [(loc.address, ln.function.name, ln.line, ln.function.start_line) for ln in loc.lines]
        else:
            loc_nodes[loc.id] = [(loc.address, "", 0, 0)]

    cum: dict[_Node, int] = {}
    flat: dict[_Node, int] = {}
    edge_w: dict[tuple[_Node, _Node], int] = {}
    for s in profile.samples:
        w = s.values[index]
        if w == 0:
            continue
        seen_node: set[_Node] = set()
        seen_edge: set[tuple[_Node, _Node]] = set()
        parent: _Node | None = None
        # Only the leaf location and its caller count as a call edge (see graph.go NewGraph).
        i = min(1, len(s.locations) - 1)
        while i >= 0:
            nodes = loc_nodes[s.locations[i].id]
            for n in reversed(nodes):  # outermost (physical) frame first
                saw = n in seen_node
                if not saw:
                    seen_node.add(n)
                    cum[n] = cum.get(n, 0) + w
                if parent is not None and n != parent and (not saw or (n, parent) not in seen_edge):
                    seen_edge.add((n, parent))
                    ek = (parent, n)
                    edge_w[ek] = edge_w.get(ek, 0) + w
                parent = n
            i -= 1
        if parent is not None:
            flat[parent] = flat.get(parent, 0) + w

    graph_nodes = {n for n in cum.keys() | flat.keys() if cum.get(n, 0) != 0 or flat.get(n, 0) != 0}
    if not graph_nodes:
        return PgoProfile((), "pprof", profile)
    if not any(n[3] != 0 for n in graph_nodes):
        raise ProfileError(f"{name}: not usable for PGO (profile missing Function.start_line data; Go 1.20+ adds it)")
    weights: dict[tuple[str, int, str], int] = {}
    total = 0
    for (src, dst), w in edge_w.items():
        if src not in graph_nodes:
            continue
        k = (src[1], src[2] - src[3], dst[1])
        weights[k] = weights.get(k, 0) + w
        total += w
    if total == 0:
        return PgoProfile((), "pprof", profile)
    edges = (CallEdge(caller, callee, off, w) for (caller, off, callee), w in weights.items())
    return PgoProfile(_sorted_edges(edges), "pprof", profile)


def load_profile(path: str | os.PathLike[str]) -> PgoProfile:
    """Load a PGO profile, detecting the form by content as the Go compiler does.

    A file starting with `GO PREPROFILE V1\\n` is the preprocessed text form;
    anything else is decoded as a pprof profile (gzipped or not) and reduced
    with `from_pprof`, keeping the decoded profile in `.pprof`.  An
    empty file is an empty profile (`source == "empty"`), as for the compiler.
    """
    name = os.fspath(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise ProfileError(f"{name}: cannot read file ({e.strerror or e})") from None
    return parse_profile(data, name)


def parse_profile(data: bytes, name: str = "<data>") -> PgoProfile:
    """Like `load_profile` for bytes already in memory."""
    if not data:
        return PgoProfile((), "empty")
    if data.startswith(HEADER.encode()):
        return parse_preprofile(data, name)
    if data.startswith(b"GO PREPROFILE"):
        raise ProfileError(f"{name}: bad PGO preprocessed profile (header is not exactly {HEADER.strip()!r})")
    try:
        prof = parse_pprof(data, name)
    except EmptyProfileError:
        return PgoProfile((), "empty")  # e.g. a gzip of nothing: the compiler treats it as empty too
    return from_pprof(prof, name)
