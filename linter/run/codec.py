"""A file's lint result as plain JSON data without its paths: what the cache stores and workers send."""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from goescape.linter.findings import Diagnostic, FileResult, Location, Notice, Position, RelatedLocation, Severity

T = TypeVar("T")

# The paths (display path, URI, absolute path) are left out: they depend on the working folder
# and the project root, not on the file's contents, and are put back by `decode`. A location's
# source line is stored once per line in "lines" (a warm run decodes every finding: fewer and
# smaller strings), unless it differs from that line's text.
Encoded = dict[str, Any]
_SEVERITIES = {int(level): level for level in Severity}  # Severity(n) is slow
_NO_PROPERTIES: Mapping[str, Any] = MappingProxyType({})
_FIELDS: dict[type, tuple[str, ...]] = {
    Position: ("line", "column"),
    Location: ("path", "uri", "start", "end", "snippet", "file"),
    Diagnostic: ("code", "name", "severity", "location", "message", "related", "suppression",
                 "fingerprint", "properties"),
}


def _fillable(cls: type) -> bool:
    """A warm run decodes every finding: for these frozen dataclasses, filling `__dict__` is a
    third faster than `__init__`'s one `object.__setattr__` per field. Only while that is all
    `__init__` does: no slots, no `__post_init__`, and exactly the fields listed above."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    return (sorted(names) == sorted(_FIELDS[cls]) and "__slots__" not in vars(cls)
            and not hasattr(cls, "__post_init__"))


_FILL = all(_fillable(cls) for cls in _FIELDS)


def _make(cls: type[T], *values: Any) -> T:
    if not _FILL:
        return cls(**dict(zip(_FIELDS[cls], values)))
    made = object.__new__(cls)
    made.__dict__.update(zip(_FIELDS[cls], values))
    return made


class CodecError(ValueError):
    """Data that is not an encoded result (a corrupt or foreign cache entry)."""


def encode(result: FileResult) -> Encoded:
    lines: dict[int, str] = {}
    return {
        "linted": result.linted,
        "generated": result.generated,
        "failed": result.failed,
        "diagnostics": [_diagnostic(d, lines) for d in result.diagnostics],
        "notices": [_notice(n) for n in result.notices],
        "refuted": [_diagnostic(d, lines) for d in result.refuted],
        "lines": [[line, text] for line, text in lines.items()],
    }


def decode(data: Mapping[str, Any], path: Path, display: str, uri: str) -> FileResult:
    """The result of the file at `path`, shown as `display`, with repo-relative `uri`."""
    try:
        where = _Where(display, uri, str(path), {int(line): str(text) for line, text in data["lines"]})
        return FileResult(
            path=path,
            diagnostics=[where.diagnostic(d) for d in data["diagnostics"]],
            notices=[where.notice(n) for n in data["notices"]],
            linted=bool(data["linted"]),
            generated=bool(data["generated"]),
            failed=bool(data["failed"]),
            refuted=[where.diagnostic(d) for d in data["refuted"]],
        )
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        raise CodecError(f"not an encoded result: {error}") from None


def encode_notices(notices: Sequence[Notice]) -> list[list[Any]]:
    return [_notice(n) for n in notices]


def decode_notices(data: Any, display: str, uri: str) -> list[Notice]:
    """Notices encoded by `encode_notices`, put back for the file shown as `display`."""
    try:
        where = _Where(display, uri, "", {})
        return [where.notice(n) for n in data]
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        raise CodecError(f"not encoded notices: {error}") from None


def _location(location: Location, lines: dict[int, str]) -> list[Any]:
    start, end = location.start, location.end
    known = lines.setdefault(start.line, location.snippet)
    snippet = None if known == location.snippet else location.snippet
    return [start.line, start.column, end.line, end.column, snippet]


def _diagnostic(d: Diagnostic, lines: dict[int, str]) -> list[Any]:
    related = [[_location(r.location, lines), r.message] for r in d.related]
    return [d.code, d.name, int(d.severity), _location(d.location, lines), d.message,
            related, d.suppression, d.fingerprint, dict(d.properties)]


def _notice(n: Notice) -> list[Any]:
    return [n.kind, n.message, n.path is not None, n.uri is not None, n.line, n.column, n.level]


class _Where:
    """Puts the file's paths and source lines back into decoded locations and notices."""

    def __init__(self, display: str, uri: str, file: str, lines: dict[int, str]) -> None:
        self.display, self.uri, self.file, self.lines = display, uri, file, lines

    def location(self, item: list[Any]) -> Location:
        line, column, end_line, end_column, snippet = item
        if not all(type(v) is int for v in (line, column, end_line, end_column)):
            raise ValueError(f"bad range {item!r}")
        text = self.lines[line] if snippet is None else str(snippet)
        return _make(Location, self.display, self.uri, _make(Position, line, column),
                     _make(Position, end_line, end_column), text, self.file)

    def diagnostic(self, item: list[Any]) -> Diagnostic:
        code, name, severity, where, message, related, suppression, fingerprint, props = item
        if not isinstance(props, dict):
            raise ValueError(f"bad properties {props!r}")
        return _make(
            Diagnostic, str(code), str(name), _SEVERITIES[severity], self.location(where), str(message),
            tuple(RelatedLocation(self.location(w), str(m)) for w, m in related),
            None if suppression is None else str(suppression), str(fingerprint),
            MappingProxyType(props) if props else _NO_PROPERTIES,
        )

    def notice(self, item: list[Any]) -> Notice:
        kind, message, has_path, has_uri, line, column, level = item
        return Notice(str(kind), str(message), self.display if has_path else None,
                      self.uri if has_uri else None, line, column, str(level))
