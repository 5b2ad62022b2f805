"""`--diff REV` / `--diff staged`: the lines git says were added or changed, per file."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from goescape.linter.findings import Diagnostic

STAGED = "staged"
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
# Options that make `git diff` output parseable whatever the user's git configuration says.
_PLAIN = ("-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
          "--no-relative", "--unified=0", "-M", "--src-prefix=a/", "--dst-prefix=b/")


class DiffError(Exception):
    """git is missing, this is not a work tree, or the revision is unknown."""


@dataclass(frozen=True)
class Changes:
    """Changed lines (1-based) per file (resolved path); None: the whole file is new."""

    description: str
    lines: dict[str, frozenset[int] | None] = field(default_factory=dict)

    def touches(self, path: Path) -> bool:
        return str(path) in self.lines

    def covers(self, diagnostic: Diagnostic) -> bool:
        changed = self.lines.get(diagnostic.location.file, frozenset())
        return changed is None or diagnostic.location.start.line in changed


def changes(rev: str, cwd: Path) -> Changes:
    """Lines added or changed since `rev` in the work tree — measured from where the current
    branch forked from `rev` (`git merge-base`), as a pull request shows them — plus untracked
    files; or, for `staged`, the lines added or changed in the index."""
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    if rev == STAGED:
        diff = _git([*_PLAIN, "--cached"], cwd)
        return Changes("the staged changes", _resolve(top, parse_diff(diff)))
    base = _merge_base(rev, cwd)
    found = parse_diff(_git([*_PLAIN, base, "--"], cwd))
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name", ":/"], cwd)
    for name in untracked.split("\0"):
        if name:
            found[name] = None
    return Changes(f"the changes since {rev}", _resolve(top, found))


def keep(diagnostics: Sequence[Diagnostic], changed: Changes) -> tuple[list[Diagnostic], int]:
    """The diagnostics on changed lines, and how many findings were hidden (suppressed ones are
    kept or dropped alike but not counted)."""
    kept = [d for d in diagnostics if changed.covers(d)]
    hidden = sum(1 for d in diagnostics if not d.suppressed and not changed.covers(d))
    return kept, hidden


def parse_diff(text: str) -> dict[str, frozenset[int] | None]:
    """Added line numbers per new path in a `git diff --unified=0` patch."""
    found: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            name = _unquote(line[4:])
            current = None if name == "/dev/null" else found.setdefault(name.removeprefix("b/"), set())
        elif line.startswith("@@") and current is not None:
            match = _HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or "1")
                current.update(range(start, start + count))
    return {name: frozenset(lines) for name, lines in found.items()}


def _merge_base(rev: str, cwd: Path) -> str:
    _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], cwd,
         f"unknown revision {rev!r}")
    return _git(["merge-base", "--end-of-options", rev, "HEAD"], cwd,
                f"{rev!r} and HEAD have no common ancestor").strip()


def _resolve(top: Path, found: dict[str, frozenset[int] | None]) -> dict[str, frozenset[int] | None]:
    return {os.path.realpath(top / name): lines for name, lines in found.items()}


def _git(args: Iterable[str], cwd: Path, problem: str | None = None) -> str:
    git = shutil.which("git")
    if git is None:
        raise DiffError("--diff needs git, which was not found on PATH")
    try:
        done = subprocess.run([git, *args], cwd=cwd, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DiffError(f"cannot run git: {error}") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiffError(problem or (detail[-1] if detail else f"git {' '.join(args)} failed"))
    return done.stdout.decode("utf-8", "surrogateescape")


def _unquote(name: str) -> str:
    """git's C-style quoting of unusual file names ("a\\tb.go", octal escapes for bytes)."""
    if not (len(name) >= 2 and name.startswith('"') and name.endswith('"')):
        return name
    out = bytearray()
    body = name[1:-1]
    i = 0
    escapes = {"n": 10, "t": 9, '"': 34, "\\": 92, "a": 7, "b": 8, "f": 12, "r": 13, "v": 11}
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in "01234567" and i + 4 <= len(body):
                out.append(int(body[i + 1:i + 4], 8) & 0xFF)
                i += 4
                continue
            out.append(escapes.get(nxt, ord(nxt)))
            i += 2
            continue
        out.extend(char.encode("utf-8", "surrogateescape"))
        i += 1
    return out.decode("utf-8", "surrogateescape")
