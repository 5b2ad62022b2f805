"""A pprof profile as Go writes it (google/pprof `profile.proto`): the decoded messages, and their errors.

`pprof_read.py` decodes a file into these types. A `Location` is one program counter; its
`lines` are the frames at that address, innermost inlined callee first, the function the code
physically sits in last, so a sample's stack expanded leaf first lists an inlined callee before
its caller, as `go tool pprof -traces` prints it. Names are plain strings (the string table is
resolved while decoding).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple


class ProfileError(Exception):
    """A profile that cannot be read or decoded; `str(error)` is one line naming the file."""


class EmptyProfileError(ProfileError):
    """The file, once decompressed, is empty (the Go compiler takes that as an empty PGO profile)."""


@dataclass(frozen=True, slots=True)
class ValueType:
    """What a sample value counts and in what unit, e.g. `cpu`/`nanoseconds`, `alloc_space`/`bytes`."""

    type: str
    unit: str


@dataclass(frozen=True, slots=True)
class Label:
    """A sample label: a string label when `str_value` is not None, else a numeric one (a memory
    profile's `bytes` label is the size of the objects the sample counts)."""

    key: str
    str_value: str | None
    num: int
    num_unit: str


@dataclass(frozen=True, slots=True)
class Mapping:
    """A mapped binary or library."""

    id: int
    memory_start: int
    memory_limit: int
    file_offset: int
    filename: str
    build_id: str
    has_functions: bool
    has_filenames: bool
    has_line_numbers: bool
    has_inline_frames: bool


@dataclass(frozen=True, slots=True)
class Function:
    """A function; `filename` is the build machine's path (or a -trimpath module path) and
    `start_line` the line of its `func` keyword (0 before Go 1.20)."""

    id: int
    name: str
    system_name: str
    filename: str
    start_line: int


@dataclass(frozen=True, slots=True)
class Line:
    """One frame of a location: a function and the line in it."""

    function: Function
    line: int
    column: int


class Frame(NamedTuple):
    """A stack frame as `go tool pprof -traces` lists it."""

    function: str
    filename: str
    line: int
    start_line: int


@dataclass(frozen=True, slots=True)
class Location:
    """A program counter; `lines` are its frames, innermost inlined callee first."""

    id: int
    mapping_id: int
    mapping: Mapping | None
    address: int
    lines: tuple[Line, ...]
    is_folded: bool

    def frames(self) -> tuple[Frame, ...]:
        """The frames innermost first; one `0x<address>` frame when there is no line information."""
        if not self.lines:
            return (Frame(f"{self.address:#x}", "", 0, 0),)
        return tuple(Frame(ln.function.name, ln.function.filename, ln.line, ln.function.start_line)
                     for ln in self.lines)


@dataclass(frozen=True, slots=True)
class Sample:
    """One sample: its stack (leaf first) and one value per `Profile.sample_types` entry."""

    location_ids: tuple[int, ...]
    locations: tuple[Location, ...]
    values: tuple[int, ...]
    labels: tuple[Label, ...]

    def frames(self) -> list[Frame]:
        """The stack leaf first, every location's inlined frames expanded innermost first."""
        out: list[Frame] = []
        for location in self.locations:
            out.extend(location.frames())
        return out

    def string_labels(self) -> dict[str, list[str]]:
        """String labels by key (pprof's `Sample.Label`)."""
        out: dict[str, list[str]] = {}
        for label in self.labels:
            if label.str_value is not None:
                out.setdefault(label.key, []).append(label.str_value)
        return out

    def numeric_labels(self) -> dict[str, list[int]]:
        """Numeric labels by key (pprof's `Sample.NumLabel`); as in pprof, a label with neither a
        string nor a number or unit is left out."""
        out: dict[str, list[int]] = {}
        for label in self.labels:
            if label.str_value is None and (label.num or label.num_unit):
                out.setdefault(label.key, []).append(label.num)
        return out

    def numeric_units(self) -> dict[str, list[str]]:
        """The units of `numeric_labels`, by key ("" where none was given)."""
        out: dict[str, list[str]] = {}
        for label in self.labels:
            if label.str_value is None and (label.num or label.num_unit):
                out.setdefault(label.key, []).append(label.num_unit)
        return out


@dataclass(frozen=True, slots=True)
class Profile:
    """A decoded profile."""

    sample_types: tuple[ValueType, ...]
    samples: tuple[Sample, ...]
    mappings: tuple[Mapping, ...]
    locations: tuple[Location, ...]
    functions: tuple[Function, ...]
    drop_frames: str
    keep_frames: str
    time_nanos: int
    duration_nanos: int
    period_type: ValueType | None
    period: int
    comments: tuple[str, ...]
    default_sample_type: str
    doc_url: str

    def find_index(self, name: str) -> int | None:
        """The index into `Sample.values` of the sample type `name` (e.g. "alloc_space"), if any."""
        for index, value_type in enumerate(self.sample_types):
            if value_type.type == name:
                return index
        return None

    def sample_index(self, name: str) -> int:
        """Like `find_index`, but a missing sample type is a `ProfileError`."""
        index = self.find_index(name)
        if index is None:
            known = ", ".join(t.type for t in self.sample_types) or "none"
            raise ProfileError(f"no sample type {name!r} in profile (have: {known})")
        return index

    def default_index(self) -> int:
        """The index of `default_sample_type`, else of the last sample type (pprof's rule)."""
        if self.default_sample_type:
            found = self.find_index(self.default_sample_type)
            if found is not None:
                return found
        return len(self.sample_types) - 1

    def total(self, index: int) -> int:
        return sum(s.values[index] for s in self.samples)

    def stacks(self) -> Iterator[tuple[Sample, list[Frame]]]:
        """(sample, frames) per sample, frames leaf first with inlined frames expanded."""
        cache: dict[int, tuple[Frame, ...]] = {}
        for sample in self.samples:
            frames: list[Frame] = []
            for location in sample.locations:
                found = cache.get(location.id)
                if found is None:
                    found = cache[location.id] = location.frames()
                frames.extend(found)
            yield sample, frames

    def location(self, location_id: int) -> Location:
        """The location with this id (a linear scan; `ProfileError` when there is none)."""
        for location in self.locations:
            if location.id == location_id:
                return location
        raise ProfileError(f"no location with id {location_id}")
