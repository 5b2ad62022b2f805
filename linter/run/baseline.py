"""Baselines: record today's findings, then hide them so that only new ones are reported."""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from goescape.linter.findings import Diagnostic

FORMAT = "goescape-baseline"
VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message names it."""


@dataclass(frozen=True)
class Entry:
    """One recorded finding. Its fingerprint hashes the rule, the file, the flagged statement's
    normalized tokens and the occurrence index among identical statements (see engine/diagnostics.py), so
    moving or re-indenting the code keeps it matched; the message is there for reviewers."""

    path: str  # relative to the project root (the git work tree), '/'-separated
    code: str
    fingerprint: str
    message: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.code, self.fingerprint)


@dataclass(frozen=True)
class Outcome:
    hidden: int  # findings the baseline hid
    fixed: int  # entries for files linted (or deleted) in this run that matched nothing


def entry_of(diagnostic: Diagnostic) -> Entry:
    return Entry(unquote(diagnostic.location.uri), diagnostic.code, diagnostic.fingerprint,
                 diagnostic.message)


def write(path: Path, diagnostics: Iterable[Diagnostic]) -> int:
    """Record the findings (not those suppressed in the source), sorted, atomically."""
    entries = sorted({entry_of(d).key: entry_of(d) for d in diagnostics if not d.suppressed}.values(),
                     key=lambda e: e.key)
    document = {"format": FORMAT, "version": VERSION,
                "findings": [{"path": e.path, "code": e.code, "fingerprint": e.fingerprint,
                              "message": e.message} for e in entries]}
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    try:
        fd, temp = tempfile.mkstemp(prefix=".goescape-", dir=path.parent if str(path.parent) else ".")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, path)
    except OSError as error:
        raise BaselineError(f"cannot write baseline {path}: {error.strerror or error}") from None
    return len(entries)


def load(path: Path) -> list[Entry]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: cannot read baseline: {error}") from None
    except ValueError as error:
        raise BaselineError(f"{path}: not a goescape baseline: invalid JSON ({error})") from None
    return _entries(path, document)


def _entries(path: Path, document: Any) -> list[Entry]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BaselineError(f"{path}: not a goescape baseline (no \"format\": \"{FORMAT}\")")
    if document.get("version") != VERSION:
        raise BaselineError(f"{path}: baseline version {document.get('version')!r} is not supported "
                            f"(expected {VERSION}); write it again with --write-baseline")
    findings = document.get("findings")
    if not isinstance(findings, list):
        raise BaselineError(f"{path}: \"findings\" must be a list")
    entries = []
    for index, item in enumerate(findings):
        fields = [item.get(k) if isinstance(item, dict) else None for k in ("path", "code", "fingerprint")]
        where, code, fingerprint = (f if isinstance(f, str) else "" for f in fields)
        if not (where and code and fingerprint):
            raise BaselineError(f"{path}: findings[{index}] needs string \"path\", \"code\" and "
                                "\"fingerprint\"")
        entries.append(Entry(where, code, fingerprint, str(item.get("message", ""))))
    return entries


def hide(diagnostics: Sequence[Diagnostic], entries: Sequence[Entry], linted_uris: Iterable[str],
         root: Path) -> tuple[list[Diagnostic], Outcome]:
    """The diagnostics the baseline does not hide, and what it did. An entry counts as fixed
    when its file was linted without matching it, or no longer exists."""
    recorded = {e.key for e in entries}
    matched: set[tuple[str, str, str]] = set()
    kept = []
    for diagnostic in diagnostics:
        key = entry_of(diagnostic).key
        if not diagnostic.suppressed and key in recorded:
            matched.add(key)
        else:
            kept.append(diagnostic)
    linted = {unquote(uri) for uri in linted_uris}
    fixed = sum(1 for e in entries if e.key not in matched and (e.path in linted or _gone(root, e.path)))
    return kept, Outcome(hidden=len(diagnostics) - len(kept), fixed=fixed)


def _gone(root: Path, path: str) -> bool:
    """The file no longer exists (a file outside the project is recorded by its file: URI)."""
    local = Path(unquote(urlparse(path).path)) if path.startswith("file:") else root / path
    return not local.exists()
