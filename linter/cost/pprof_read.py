"""Reading a pprof profile file (gzipped or plain protobuf) into `pprof.Profile`, or a one-line error.

What Go's writer does, and this reader therefore handles:
- a repeated scalar (`Sample.location_id`, `Sample.value`, `Profile.comment`) is packed only
  when it holds more than two values: a CPU profile's two values are unpacked, a memory
  profile's four packed. Both forms are read for every repeated scalar;
- int64 fields are plain varints, a negative value ten bytes of two's complement (a
  `-diff_base` profile's values); they are read as signed, ids and addresses as unsigned;
- every name is an index into the string table, which Go writes last: the top-level message is
  split into fields first, the string table read, then the messages decoded; indices are
  range-checked;
- `time_nanos` twice means two concatenated profiles (rejected, as by pprof); unknown fields
  are skipped; a known field with the wrong wire type, a zero or duplicate id, a dangling
  reference or a sample without one value per sample type is an error (pprof's CheckValid).
Decoding pauses the cyclic garbage collector: a large profile is hundreds of thousands of small
acyclic objects, and letting the collector scan them again and again doubles the time.
"""
from __future__ import annotations

import gc
import os
from collections.abc import Callable, Container

from goescape.linter.cost.pprof import (
    EmptyProfileError,
    Function,
    Label,
    Line,
    Location,
    Mapping,
    Profile,
    ProfileError,
    Sample,
    ValueType,
)
from goescape.linter.cost.protowire import (
    GZIP_MAGIC,
    SIGN64,
    VARINT_RE,
    Corrupt,
    VarintCache,
    gunzip,
    mismatch,
    packed,
    scan,
    signed,
    signed_all,
    varint,
)

DEFAULT_MAX_SIZE = 1 << 30  # decompressed bytes (a guard against gzip bombs)
PREPROFILE_HEADER = b"GO PREPROFILE V1"

# Tags (field << 3 | wire type) of the Profile message.
_SAMPLE_TYPE, _SAMPLE, _MAPPING, _LOCATION, _FUNCTION, _STRING = (f << 3 | 2 for f in range(1, 7))
_DROP, _KEEP, _TIME, _DURATION = (f << 3 for f in range(7, 11))
_PERIOD_TYPE = 11 << 3 | 2
_PERIOD = 12 << 3
_COMMENT, _COMMENT_PACKED = 13 << 3, 13 << 3 | 2
_DEFAULT_TYPE, _DOC_URL = 14 << 3, 15 << 3
_SCALARS = frozenset({_DROP, _KEEP, _TIME, _DURATION, _PERIOD, _DEFAULT_TYPE, _DOC_URL})

_Strings = Callable[[int, str], str]


def load(path: str | os.PathLike[str], *, max_size: int = DEFAULT_MAX_SIZE) -> Profile:
    """Read and decode the profile at `path`."""
    name = os.fspath(path)
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        raise ProfileError(f"{name}: cannot read file ({error.strerror or error})") from None
    return parse(data, name, max_size=max_size)


def parse(data: bytes, name: str = "<data>", *, max_size: int = DEFAULT_MAX_SIZE) -> Profile:
    """Decode a gzipped or plain protobuf profile; `name` starts every error message."""
    raw = bytes(data)
    if not raw:
        raise EmptyProfileError(f"{name}: not a pprof profile (empty file)")
    try:
        if raw[:2] == GZIP_MAGIC:
            raw = gunzip(raw, max_size)
            if not raw:
                raise EmptyProfileError(f"{name}: not a pprof profile (gzip data decompresses to nothing)")
        elif len(raw) > max_size:
            raise Corrupt(f"larger than the {max_size}-byte limit")
        if raw.startswith(PREPROFILE_HEADER):
            raise Corrupt("this is a Go PGO preprocessed text profile, not a pprof profile")
        try:
            return _decode_without_gc(raw)
        except Corrupt as error:
            if _looks_like_text(raw):
                raise Corrupt(f"looks like a text file; {error}") from None
            raise
    except Corrupt as error:
        raise ProfileError(f"{name}: not a pprof profile ({error})") from None
    except ProfileError:
        raise
    except MemoryError:
        raise ProfileError(f"{name}: not a pprof profile (out of memory while decoding)") from None
    except Exception as error:  # corrupt input must never surface as a traceback
        raise ProfileError(f"{name}: not a pprof profile (decoder error: {type(error).__name__}: {error})") from None


def _decode_without_gc(raw: bytes) -> Profile:
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _decode(raw)
    finally:
        if enabled:
            gc.enable()


def _looks_like_text(raw: bytes) -> bool:
    head = raw[:512]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        # Only a multi-byte character cut at the 512-byte boundary is forgiven.
        if len(raw) <= len(head) or error.start < len(head) - 3:
            return False
        text = head[:error.start].decode("utf-8")
    return bool(text) and all(c.isprintable() or c in "\t\n\r\f" for c in text)


def _string_getter(table: list[str]) -> _Strings:
    def get(index: int, what: str) -> str:
        index = signed(index)
        if 0 <= index < len(table):
            return table[index]
        raise Corrupt(f"{what} string index {index} out of range (string table has {len(table)} entries)")

    return get


def _decode(buf: bytes) -> Profile:
    spans: dict[int, list[tuple[int, int]]] = {tag: [] for tag in (_SAMPLE_TYPE, _SAMPLE, _MAPPING, _LOCATION,
                                                                  _FUNCTION)}
    table: list[str] = []
    comments: list[int] = []
    scalars: dict[int, int] = {}
    period_type: tuple[int, int] | None = None
    cache = VarintCache()
    has_strings = False
    for tag, a, b in scan(buf, 0, len(buf)):
        found = spans.get(tag)
        if found is not None:
            found.append((a, b))
        elif tag == _STRING:
            has_strings = True
            table.append(buf[a:b].decode("utf-8", errors="replace"))
        elif tag in _SCALARS:
            if tag == _TIME and scalars.get(_TIME):
                raise Corrupt("concatenated profiles detected (time_nanos appears twice)")
            scalars[tag] = a
        elif tag == _PERIOD_TYPE:
            period_type = (a, b)
        elif tag == _COMMENT:
            comments.append(a)
        elif tag == _COMMENT_PACKED:
            comments.extend(packed(buf, a, b, cache))
        elif 1 <= tag >> 3 <= 15:
            raise mismatch("Profile", tag)
    if not has_strings:
        raise Corrupt("no string table")
    if table[0] != "":
        raise Corrupt("string_table[0] is not the empty string")
    strings = _string_getter(table)
    sample_types = tuple(_value_type(buf, a, b, strings, "sample_type") for a, b in spans[_SAMPLE_TYPE])
    functions = _functions(buf, spans[_FUNCTION], strings)
    mappings = _mappings(buf, spans[_MAPPING], strings)
    locations = _locations(buf, spans[_LOCATION], {f.id: f for f in functions}, {m.id: m for m in mappings})
    samples = _samples(buf, spans[_SAMPLE], len(sample_types), {loc.id: loc for loc in locations}, strings, cache)
    return Profile(
        sample_types=sample_types, samples=samples, mappings=mappings, locations=locations, functions=functions,
        drop_frames=strings(scalars.get(_DROP, 0), "drop_frames"),
        keep_frames=strings(scalars.get(_KEEP, 0), "keep_frames"),
        time_nanos=signed(scalars.get(_TIME, 0)),
        duration_nanos=signed(scalars.get(_DURATION, 0)),
        period_type=_value_type(buf, *period_type, strings, "period_type") if period_type else None,
        period=signed(scalars.get(_PERIOD, 0)),
        comments=tuple(strings(i, "comment") for i in comments),
        default_sample_type=strings(scalars.get(_DEFAULT_TYPE, 0), "default_sample_type"),
        doc_url=strings(scalars.get(_DOC_URL, 0), "doc_url"),
    )


def _value_type(buf: bytes, a: int, b: int, strings: _Strings, what: str) -> ValueType:
    kind = unit = 0
    for tag, value, _ in scan(buf, a, b):
        if tag == 8:
            kind = value
        elif tag == 16:
            unit = value
        elif tag >> 3 in (1, 2):
            raise mismatch("ValueType", tag)
    return ValueType(strings(kind, what), strings(unit, what))


def _varints(buf: bytes, a: int, b: int, count: int, message: str) -> list[int]:
    """Fields 1..count of a message whose fields are all varints (index 0 unused); a field of
    those numbers written with another wire type is a mismatch, other fields are skipped."""
    fields = [0] * (count + 1)
    for tag, value, _ in scan(buf, a, b):
        number = tag >> 3
        if 1 <= number <= count:
            if tag & 7:
                raise mismatch(message, tag)
            fields[number] = value
    return fields


def _new_id(ident: int, seen: Container[int], what: str) -> int:
    """`ident`, checked to be neither 0 (reserved) nor the id of an earlier `what`."""
    if ident == 0:
        raise Corrupt(f"{what} with reserved id 0")
    if ident in seen:
        raise Corrupt(f"multiple {what}s with id {ident}")
    return ident


def _functions(buf: bytes, spans: list[tuple[int, int]], strings: _Strings) -> tuple[Function, ...]:
    functions: dict[int, Function] = {}
    for a, b in spans:
        fields = _varints(buf, a, b, 5, "Function")
        ident = _new_id(fields[1], functions, "function")
        functions[ident] = Function(ident, strings(fields[2], "function name"),
                                    strings(fields[3], "function system_name"),
                                    strings(fields[4], "function filename"), signed(fields[5]))
    return tuple(functions.values())


def _mappings(buf: bytes, spans: list[tuple[int, int]], strings: _Strings) -> tuple[Mapping, ...]:
    mappings: dict[int, Mapping] = {}
    for a, b in spans:
        fields = _varints(buf, a, b, 10, "Mapping")
        ident = _new_id(fields[1], mappings, "mapping")
        mappings[ident] = Mapping(ident, fields[2], fields[3], fields[4], strings(fields[5], "mapping filename"),
                                  strings(fields[6], "mapping build_id"), fields[7] != 0, fields[8] != 0,
                                  fields[9] != 0, fields[10] != 0)
    return tuple(mappings.values())


def _locations(buf: bytes, spans: list[tuple[int, int]], functions: dict[int, Function],
               mappings: dict[int, Mapping]) -> tuple[Location, ...]:
    locations: dict[int, Location] = {}
    line_cache: dict[tuple[int, int, int], Line] = {}  # inlined frames repeat across locations
    for a, b in spans:
        ident = mapping = address = folded = 0
        lines: list[Line] = []
        for tag, value, end in scan(buf, a, b):
            if tag == 34:
                lines.append(_line(buf, value, end, ident, functions, line_cache))
            elif tag == 8:
                ident = value
            elif tag == 16:
                mapping = value
            elif tag == 24:
                address = value
            elif tag == 40:
                folded = value
            elif tag >> 3 in (1, 2, 3, 4, 5):
                raise mismatch("Location", tag)
        _new_id(ident, locations, "location")
        locations[ident] = Location(ident, mapping, mappings.get(mapping), address, tuple(lines), folded != 0)
    return tuple(locations.values())


def _line(buf: bytes, a: int, b: int, location: int, functions: dict[int, Function],
          cache: dict[tuple[int, int, int], Line]) -> Line:
    function = number = column = 0
    for tag, value, _ in scan(buf, a, b):
        if tag == 8:
            function = value
        elif tag == 16:
            number = value
        elif tag == 24:
            column = value
        elif tag >> 3 in (1, 2, 3):
            raise mismatch("Line", tag)
    key = (function, number, column)
    found = cache.get(key)
    if found is None:
        owner = functions.get(function)
        if owner is None:
            if function == 0:
                raise Corrupt(f"location {location or '?'} has a line with no function")
            raise Corrupt(f"location {location or '?'} refers to unknown function id {function}")
        found = cache[key] = Line(owner, signed(number), signed(column))
    return found


def _samples(buf: bytes, spans: list[tuple[int, int]], count: int, locations: dict[int, Location],
             strings: _Strings, cache: VarintCache) -> tuple[Sample, ...]:
    """The bulk of a large profile: Go's usual encoding (one-byte tags for fields 1-3, short
    lengths) is parsed inline; anything else goes through the generic `scan`."""
    samples: list[Sample] = []
    no_labels: tuple[Label, ...] = ()
    label_cache: dict[bytes, Label] = {}
    location = locations.__getitem__
    for a, b in spans:
        ids: list[int] = []
        values: list[int] = []
        labels: list[Label] = []
        pos = a
        while pos < b:
            tag = buf[pos]
            if tag == 10 or tag == 18 or tag == 26:
                if pos + 1 < b and buf[pos + 1] < 0x80:
                    start = pos + 2
                    stop = start + buf[pos + 1]
                else:
                    size, start = varint(buf, pos + 1, b)
                    stop = start + size
                if stop > b:
                    raise Corrupt(f"length prefix {stop - start} of field {tag >> 3} at byte {start} exceeds the "
                                  f"{b - start} bytes remaining")
                if tag == 26:
                    raw = buf[start:stop]
                    label = label_cache.get(raw)
                    if label is None:
                        label = _label(buf, start, stop, strings)
                        if len(label_cache) < 100_000:
                            label_cache[raw] = label
                    labels.append(label)
                else:
                    chunk = buf[start:stop]
                    if chunk.isascii():
                        run = list(chunk)
                    else:
                        tokens = VARINT_RE.findall(chunk)
                        if sum(map(len, tokens)) != len(chunk):
                            raise Corrupt(f"bad varint in packed field at byte {start}")
                        run = list(map(cache.__getitem__, tokens))
                    if tag == 10:
                        ids += run
                    else:
                        values += run
                pos = stop
            elif (tag == 8 or tag == 16) and pos + 1 < b and buf[pos + 1] < 0x80:
                (ids if tag == 8 else values).append(buf[pos + 1])
                pos += 2
            else:  # rare: multi-byte values or tags, other wire types, unknown fields
                _sample_rest(buf, pos, b, ids, values, labels, strings, cache)
                break
        if len(values) != count:
            raise Corrupt(f"sample has {len(values)} values but the profile has {count} sample types")
        try:
            stack = tuple(map(location, ids))
        except KeyError as error:
            raise Corrupt(f"sample refers to unknown location id {error.args[0]}") from None
        if values and max(values) >= SIGN64:
            values = signed_all(values)
        samples.append(Sample(tuple(ids), stack, tuple(values), tuple(labels) if labels else no_labels))
    return tuple(samples)


def _sample_rest(buf: bytes, pos: int, end: int, ids: list[int], values: list[int], labels: list[Label],
                 strings: _Strings, cache: VarintCache) -> None:
    for tag, value, stop in scan(buf, pos, end):
        if tag == 8:
            ids.append(value)
        elif tag == 16:
            values.append(value)
        elif tag == 10:
            ids += packed(buf, value, stop, cache)
        elif tag == 18:
            values += packed(buf, value, stop, cache)
        elif tag == 26:
            labels.append(_label(buf, value, stop, strings))
        elif tag >> 3 in (1, 2, 3):
            raise mismatch("Sample", tag)


def _label(buf: bytes, a: int, b: int, strings: _Strings) -> Label:
    key = text = number = unit = 0
    for tag, value, _ in scan(buf, a, b):
        if tag == 8:
            key = value
        elif tag == 16:
            text = value
        elif tag == 24:
            number = value
        elif tag == 32:
            unit = value
        elif tag >> 3 in (1, 2, 3, 4):
            raise mismatch("Label", tag)
    # As in pprof, a non-zero `str` makes a string label; otherwise it is numeric.
    return Label(strings(key, "label key"), strings(text, "label str") if text else None, signed(number),
                 strings(unit, "label num_unit"))
