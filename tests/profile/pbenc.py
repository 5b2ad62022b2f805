"""A tiny protobuf encoder for hand-made pprof profiles (tests only).

`ProfileBuilder` writes `profile.proto` messages with explicit control of
how repeated scalars are encoded (packed, unpacked, or Go's rule: packed when
more than two values) and of where the string table goes.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Packing = Literal["go", "packed", "unpacked"]


def varint(v: int) -> bytes:
    v &= (1 << 64) - 1  # negative int64 -> 10-byte two's complement
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def key(fieldno: int, wt: int) -> bytes:
    return varint(fieldno << 3 | wt)


def f_varint(fieldno: int, v: int) -> bytes:
    return key(fieldno, 0) + varint(v)


def f_opt(fieldno: int, v: int) -> bytes:
    return f_varint(fieldno, v) if v else b""


def f_bytes(fieldno: int, payload: bytes) -> bytes:
    return key(fieldno, 2) + varint(len(payload)) + payload


def f_repeated(fieldno: int, values: Sequence[int], packing: Packing) -> bytes:
    if packing == "packed" or (packing == "go" and len(values) > 2):
        return f_bytes(fieldno, b"".join(varint(v) for v in values)) if values else b""
    return b"".join(f_varint(fieldno, v) for v in values)


@dataclass
class ProfileBuilder:
    """Builds a Profile message; strings are interned on use."""

    packing: Packing = "go"
    strings_first: bool = False
    strings: list[str] = field(default_factory=lambda: [""])
    _index: dict[str, int] = field(default_factory=lambda: {"": 0})
    parts: list[bytes] = field(default_factory=list)
    trailer: list[bytes] = field(default_factory=list)

    def s(self, text: str) -> int:
        if text not in self._index:
            self._index[text] = len(self.strings)
            self.strings.append(text)
        return self._index[text]

    def sample_type(self, type_: str, unit: str) -> None:
        self.parts.append(f_bytes(1, f_opt(1, self.s(type_)) + f_opt(2, self.s(unit))))

    def sample(
        self,
        location_ids: Sequence[int],
        values: Sequence[int],
        labels: Sequence[tuple[str, str | int]] = (),
        packing: Packing | None = None,
    ) -> None:
        pk = packing or self.packing
        body = f_repeated(1, location_ids, pk) + f_repeated(2, values, pk)
        for k, v in labels:
            value = f_opt(2, self.s(v)) if isinstance(v, str) else f_opt(3, v)
            body += f_bytes(3, f_opt(1, self.s(k)) + value)
        self.parts.append(f_bytes(2, body))

    def mapping(self, id_: int, start: int, limit: int, offset: int, file: str, build_id: str) -> None:
        body = f_opt(1, id_) + f_opt(2, start) + f_opt(3, limit) + f_opt(4, offset)
        body += f_opt(5, self.s(file)) + f_opt(6, self.s(build_id)) + f_varint(7, 1)
        self.parts.append(f_bytes(3, body))

    def location(
        self,
        id_: int,
        address: int,
        lines: Sequence[tuple[int, int] | tuple[int, int, int]],
        mapping_id: int = 0,
        folded: bool = False,
    ) -> None:
        body = f_opt(1, id_) + f_opt(2, mapping_id) + f_opt(3, address)
        for ln in lines:
            lb = f_opt(1, ln[0]) + f_opt(2, ln[1])
            if len(ln) == 3:
                lb += f_opt(3, ln[2])
            body += f_bytes(4, lb)
        if folded:
            body += f_varint(5, 1)
        self.parts.append(f_bytes(4, body))

    def function(self, id_: int, name: str, filename: str, start_line: int, system_name: str | None = None) -> None:
        body = f_opt(1, id_) + f_opt(2, self.s(name)) + f_opt(3, self.s(system_name or name))
        body += f_opt(4, self.s(filename)) + f_opt(5, start_line)
        self.parts.append(f_bytes(5, body))

    def scalars(
        self,
        *,
        time_nanos: int = 0,
        duration_nanos: int = 0,
        period_type: tuple[str, str] | None = None,
        period: int = 0,
        comments: Sequence[str] = (),
        comment_packing: Packing | None = None,
        default_sample_type: str = "",
        drop_frames: str = "",
        keep_frames: str = "",
        doc_url: str = "",
    ) -> None:
        t = f_opt(7, self.s(drop_frames) if drop_frames else 0) + f_opt(8, self.s(keep_frames) if keep_frames else 0)
        t += f_opt(9, time_nanos) + f_opt(10, duration_nanos)
        if period_type:
            t += f_bytes(11, f_opt(1, self.s(period_type[0])) + f_opt(2, self.s(period_type[1])))
        t += f_opt(12, period)
        t += f_repeated(13, [self.s(c) for c in comments], comment_packing or self.packing)
        if default_sample_type:
            t += f_opt(14, self.s(default_sample_type))
        if doc_url:
            t += f_opt(15, self.s(doc_url))
        self.trailer.append(t)

    def raw(self, data: bytes) -> None:
        """Append arbitrary bytes (e.g. unknown fields)."""
        self.parts.append(data)

    def build(self, gz: bool = True) -> bytes:
        strtab = b"".join(f_bytes(6, s.encode()) for s in self.strings)
        body = b"".join(self.parts)
        tail = b"".join(self.trailer)
        data = strtab + body + tail if self.strings_first else body + strtab + tail
        return gzip.compress(data) if gz else data
