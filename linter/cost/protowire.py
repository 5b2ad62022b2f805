"""The protobuf wire format, as much of it as a pprof profile needs: varints, fields, packed runs, gzip.

No protobuf library is used (none is maintained for pprof on PyPI, and the wire format is
small). Go's writer (`runtime/pprof`) shapes what the fast paths expect: one-byte tags, mostly
one-byte varints, and a repeated scalar packed only when it holds more than two values. Every
failure raises `Corrupt` with the reason, without the file name (the caller adds it).
"""
from __future__ import annotations

import re
import zlib

MASK64 = (1 << 64) - 1
SIGN64 = 1 << 63
GZIP_MAGIC = b"\x1f\x8b"
WIRE_TYPES = {0: "varint", 1: "fixed64", 2: "length-delimited", 5: "fixed32"}

# A varint is up to nine bytes with the high bit set and one without: the regex splits a packed
# run into varints in C, much faster than a Python loop per byte.
VARINT_RE = re.compile(rb"[\x80-\xff]{0,9}[\x00-\x7f]", re.DOTALL)


class Corrupt(Exception):
    """The data is not a well-formed message; the argument is the reason."""


def varint(buf: bytes, pos: int, end: int) -> tuple[int, int]:
    """The varint at `pos` (unsigned, 64 bits) and the position after it."""
    result = 0
    shift = 0
    start = pos
    while True:
        if pos >= end:
            raise Corrupt(f"varint runs past the end of its message at byte {start}")
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result & MASK64, pos
        shift += 7
        if shift >= 70:
            raise Corrupt(f"varint longer than 10 bytes at byte {start}")


def signed(value: int) -> int:
    """An int64 field's value: Go writes a negative one as a 10-byte two's-complement varint."""
    return value - (1 << 64) if value >= SIGN64 else value


def signed_all(values: list[int]) -> list[int]:
    if values and max(values) >= SIGN64:
        return [signed(v) for v in values]
    return values


def scan(buf: bytes, pos: int, end: int) -> list[tuple[int, int, int]]:
    """One message's fields as (tag, a, b): tag is `field << 3 | wire type`; for a varint, fixed64
    or fixed32 field `a` is the value, for a length-delimited one `buf[a:b]` is the payload."""
    out: list[tuple[int, int, int]] = []
    append = out.append
    while pos < end:
        tag = buf[pos]
        if tag < 0x80:
            pos += 1
        else:
            tag, pos = varint(buf, pos, end)
        wire = tag & 7
        if wire == 0:
            if pos < end and buf[pos] < 0x80:
                append((tag, buf[pos], 0))
                pos += 1
            else:
                value, pos = varint(buf, pos, end)
                append((tag, value, 0))
        elif wire == 2:
            if pos < end and buf[pos] < 0x80:
                size = buf[pos]
                pos += 1
            else:
                size, pos = varint(buf, pos, end)
            stop = pos + size
            if stop > end:
                raise Corrupt(f"length prefix {size} of field {tag >> 3} at byte {pos} exceeds the "
                              f"{end - pos} bytes remaining")
            append((tag, pos, stop))
            pos = stop
        elif wire == 1:
            if pos + 8 > end:
                raise Corrupt(f"truncated fixed64 field {tag >> 3} at byte {pos}")
            append((tag, int.from_bytes(buf[pos:pos + 8], "little"), 0))
            pos += 8
        elif wire == 5:
            if pos + 4 > end:
                raise Corrupt(f"truncated fixed32 field {tag >> 3} at byte {pos}")
            append((tag, int.from_bytes(buf[pos:pos + 4], "little"), 0))
            pos += 4
        else:
            raise Corrupt(f"unknown wire type {wire} (field {tag >> 3}) at byte {pos}")
    return out


class VarintCache(dict[bytes, int]):
    """The encoding of a multi-byte varint -> its value, decoded on a miss (a profile repeats a
    few thousand location ids many times)."""

    def __missing__(self, key: bytes) -> int:
        value = varint(key, 0, len(key))[0]
        if len(self) < 1_000_000:
            self[key] = value
        return value


def packed(buf: bytes, a: int, b: int, cache: VarintCache) -> list[int]:
    """A packed run of unsigned varints."""
    chunk = buf[a:b]
    if chunk.isascii():  # every byte < 0x80: one byte per value, converted in one step
        return list(chunk)
    tokens = VARINT_RE.findall(chunk)
    if sum(map(len, tokens)) != len(chunk):
        raise Corrupt(f"bad varint in packed field at byte {a}")
    return list(map(cache.__getitem__, tokens))


def mismatch(message: str, tag: int) -> Corrupt:
    """A known field with the wrong wire type."""
    return Corrupt(f"{message} field {tag >> 3} has unexpected wire type {WIRE_TYPES.get(tag & 7, tag & 7)}")


def gunzip(raw: bytes, max_size: int) -> bytes:
    """Decompress gzip data of one or more members (as Go's reader allows), at most `max_size`
    bytes (a guard against gzip bombs)."""
    out: list[bytes] = []
    total = 0
    rest = raw
    while True:
        stream = zlib.decompressobj(wbits=31)
        try:
            chunk = stream.decompress(rest, max_size - total + 1)
        except zlib.error:
            raise Corrupt("bad gzip data") from None
        total += len(chunk)
        if total > max_size:
            raise Corrupt(f"decompresses to more than the {max_size}-byte limit")
        out.append(chunk)
        if not stream.eof:
            raise Corrupt("truncated gzip data")
        rest = stream.unused_data
        if not rest or not rest.strip(b"\0"):
            break  # trailing zero padding is tolerated, as by Python's gzip module
        if rest[:2] != GZIP_MAGIC:
            raise Corrupt("bad gzip data (trailing garbage after the compressed stream)")
    return b"".join(out)
