"""Parsers for `go tool pprof -raw` / `-traces` output and a renderer of pprof's `-raw` text.

`-raw` prints google/pprof's `Profile.String()`: header lines, `Samples:`
(the sample types, then one line per sample `values: location ids` followed
by optional label lines), `Locations` (`id: 0xaddr M=mapping [F] function
file:line:column s=start_line` plus one indented line per further inlined
frame, innermost first) and `Mappings`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from goescape.linter.cost.pprof import Location, Mapping, Profile, Sample

_SAMPLE_RE = re.compile(r"^((?: +-?\d+)*): ((?:\d+ )*)$")
_LOC_RE = re.compile(r"^ *(\d+): (0x[0-9a-f]+) (?:M=(\d+) )?(\[F\] )?(.*)$")
_LINE_RE = re.compile(r"^(.*) (\S*):(-?\d+):(-?\d+) s=(-?\d+)(?:\((.*)\))?$")
_MAP_RE = re.compile(r"^(\d+): (0x[0-9a-f]+)/(0x[0-9a-f]+)/(0x[0-9a-f]+) (.*)$")
_LABEL_INDENT = " " * 16
_LINE_INDENT = " " * 13


@dataclass
class RawLine:
    function: str
    filename: str
    line: int
    column: int
    start_line: int
    system_name: str | None  # only printed when it differs from the name


@dataclass
class RawLocation:
    id: int
    address: int
    mapping_id: int | None
    folded: bool
    lines: list[RawLine]


@dataclass
class RawSample:
    values: list[int]
    location_ids: list[int]
    label_lines: list[str] = field(default_factory=list)


@dataclass
class RawMapping:
    id: int
    start: int
    limit: int
    offset: int
    filename: str
    build_id: str
    bits: str


@dataclass
class RawProfile:
    header: list[str]
    sample_types: list[tuple[str, str, bool]]
    samples: list[RawSample]
    locations: dict[int, RawLocation]
    mappings: list[RawMapping]

    def frames(self, sample: RawSample) -> list[tuple[str, str, int, int]]:
        out: list[tuple[str, str, int, int]] = []
        for lid in sample.location_ids:
            loc = self.locations[lid]
            if not loc.lines:
                out.append((f"{loc.address:#x}", "", 0, 0))
            for ln in loc.lines:
                out.append((ln.function, ln.filename, ln.line, ln.start_line))
        return out


def parse_raw(text: str) -> RawProfile:
    """Parse `go tool pprof -raw` output."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    i = lines.index("Samples:")
    header = lines[:i]
    types: list[tuple[str, str, bool]] = []
    for tok in lines[i + 1].split():
        dflt = tok.endswith("[dflt]")
        tok = tok.removesuffix("[dflt]")
        t, _, u = tok.partition("/")
        types.append((t, u, dflt))
    samples: list[RawSample] = []
    j = i + 2
    while lines[j] != "Locations":
        ln = lines[j]
        m = _SAMPLE_RE.match(ln)
        if m and not ln.startswith(_LABEL_INDENT + " "):
            samples.append(RawSample([int(v) for v in m.group(1).split()], [int(v) for v in m.group(2).split()]))
        elif ln.startswith(_LABEL_INDENT):
            samples[-1].label_lines.append(ln[len(_LABEL_INDENT) :])
        else:
            raise ValueError(f"unexpected sample line {ln!r}")
        j += 1
    j += 1
    locations: dict[int, RawLocation] = {}
    cur: RawLocation | None = None
    while lines[j] != "Mappings":
        ln = lines[j]
        if ln.startswith(_LINE_INDENT) and cur is not None:
            cur.lines.append(_parse_line(ln[len(_LINE_INDENT) :]))
        else:
            m = _LOC_RE.match(ln)
            if not m:
                raise ValueError(f"unexpected location line {ln!r}")
            cur = RawLocation(int(m.group(1)), int(m.group(2), 16), int(m.group(3)) if m.group(3) else None,
                              bool(m.group(4)), [])
            if m.group(5):
                cur.lines.append(_parse_line(m.group(5)))
            locations[cur.id] = cur
        j += 1
    mappings: list[RawMapping] = []
    for ln in lines[j + 1 :]:
        m = _MAP_RE.match(ln)
        if not m:
            raise ValueError(f"unexpected mapping line {ln!r}")
        file, build_id, bits = m.group(5).rsplit(" ", 2)
        mappings.append(RawMapping(int(m.group(1)), int(m.group(2), 16), int(m.group(3), 16), int(m.group(4), 16),
                                   file, build_id, bits))
    return RawProfile(header, types, samples, locations, mappings)


def _parse_line(s: str) -> RawLine:
    if s == "??":
        return RawLine("??", "", 0, 0, 0, None)
    m = _LINE_RE.match(s)
    if not m:
        raise ValueError(f"unexpected frame {s!r}")
    return RawLine(m.group(1), m.group(2), int(m.group(3)), int(m.group(4)), int(m.group(5)), m.group(6))


def parse_traces(text: str) -> list[list[tuple[str, bool]]]:
    """Parse `go tool pprof -traces`: per sample, its frames as (function, is_inlined)."""
    sep = "-----------+-------------------------------------------------------"
    chunks = text.split(sep + "\n")[1:]
    out: list[list[tuple[str, bool]]] = []
    for chunk in chunks:
        frames: list[tuple[str, bool]] = []
        for ln in chunk.split("\n"):
            if len(ln) < 14 or ln[10:13] != "   ":
                continue  # label lines ("      key:  value") and blanks
            name = ln[13:]
            inline = name.endswith(" (inline)")
            frames.append((name.removesuffix(" (inline)"), inline))
        if frames:
            out.append(frames)
    return out


# ---------------------------------------------------------------------------
# Rendering a decoded Profile exactly as pprof's Profile.String() does.


def go_time(ns: int) -> str:
    """Format Unix nanoseconds like Go's `time.Time.String()` in UTC."""
    dt = datetime.datetime.fromtimestamp(ns // 1_000_000_000, tz=datetime.timezone.utc)
    frac = ns % 1_000_000_000
    s = dt.strftime("%Y-%m-%d %H:%M:%S")
    if frac:
        s += "." + f"{frac:09d}".rstrip("0")
    return s + " +0000 UTC"


def render_raw(p: Profile) -> str:
    """pprof's `Profile.String()` for `p`, minus the `Duration:` line."""
    ss = [f"Comment: {c}" for c in p.comments]
    if p.doc_url:
        ss.append(f"Doc: {p.doc_url}")
    pt = p.period_type
    ss.append(f"PeriodType: {pt.type if pt else ''} {pt.unit if pt else ''}")
    ss.append(f"Period: {p.period}")
    if p.time_nanos:
        ss.append(f"Time: {go_time(p.time_nanos)}")
    ss.append("Samples:")
    ss.append(" ".join(f"{t.type}/{t.unit}{'[dflt]' if t.type == p.default_sample_type else ''}"
                       for t in p.sample_types))
    ss.extend(_render_sample(s) for s in p.samples)
    ss.append("Locations")
    ss.extend(_render_location(loc) for loc in p.locations)
    ss.append("Mappings")
    ss.extend(_render_mapping(m) for m in p.mappings)
    return "\n".join(ss) + "\n"


def _render_sample(s: Sample) -> str:
    sv = "".join(f" {v:10d}" for v in s.values) + ": " + "".join(f"{i} " for i in s.location_ids)
    out = [sv]
    strs = s.string_labels()
    if strs:
        out.append(_LABEL_INDENT + " ".join(sorted(f"{k}:[{' '.join(v)}]" for k, v in strs.items())))
    nums = s.numeric_labels()
    if nums:
        units = s.numeric_units()
        parts = []
        for k, vals in nums.items():
            us = units.get(k, [])
            if any(us):
                parts.append(f"{k}:[{' '.join(f'{v} {u}' for v, u in zip(vals, us, strict=True))}]")
            else:
                parts.append(f"{k}:[{' '.join(str(v) for v in vals)}]")
        out.append(_LABEL_INDENT + " ".join(sorted(parts)))
    return "\n".join(out)


def _render_location(loc: Location) -> str:
    head = f"{loc.id:6d}: {loc.address:#x} "
    if loc.mapping is not None:
        head += f"M={loc.mapping.id} "
    if loc.is_folded:
        head += "[F] "
    if not loc.lines:
        return head
    out = []
    for ln in loc.lines:
        fn = ln.function
        s = f"{fn.name} {fn.filename}:{ln.line}:{ln.column} s={fn.start_line}"
        if fn.name != fn.system_name:
            s += f"({fn.system_name})"
        out.append(head + s)
        head = _LINE_INDENT
    return "\n".join(out)


def _render_mapping(m: Mapping) -> str:
    bits = ""
    if m.has_functions:
        bits += "[FN]"
    if m.has_filenames:
        bits += "[FL]"
    if m.has_line_numbers:
        bits += "[LN]"
    if m.has_inline_frames:
        bits += "[IN]"
    return f"{m.id}: {m.memory_start:#x}/{m.memory_limit:#x}/{m.file_offset:#x} {m.filename} {m.build_id} {bits}"
