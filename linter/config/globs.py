"""Gitignore-style path globs (`*`, `?`, `[...]`, `**`) compiled to regular expressions."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


class GlobError(ValueError):
    """A glob that cannot be compiled; the message says why."""


@dataclass(frozen=True)
class Glob:
    pattern: str
    regex: re.Pattern[str]

    def matches(self, relative_posix_path: str) -> bool:
        return self.regex.fullmatch(relative_posix_path) is not None


@lru_cache(maxsize=512)
def compile_glob(pattern: str) -> Glob:
    """Compile a glob matched against '/'-separated paths relative to the configuration's folder.

    A pattern without '/' matches a file or folder name at any depth (like .gitignore), so
    `*_gen.go` and `vendor` work as users expect; `**` matches any number of folders.
    """
    if not isinstance(pattern, str) or not pattern.strip():
        raise GlobError("a glob must be a non-empty string")
    text = pattern.strip().removeprefix("./")
    anchored = "/" in text.rstrip("/")
    body = _translate(text.rstrip("/"))
    prefix = "" if anchored else "(?:.*/)?"
    # A match on a folder covers everything below it.
    try:
        return Glob(pattern, re.compile(prefix + body + "(?:/.*)?"))
    except re.error as error:  # e.g. a reversed range, `[z-a]`
        raise GlobError(f"{error.msg} in glob {pattern!r}") from None


def _translate(pattern: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif char == "*":
            out.append("[^/]*")
            i += 1
        elif char == "?":
            out.append("[^/]")
            i += 1
        elif char == "[":
            end = pattern.find("]", i + 2 if pattern[i + 1 : i + 2] in ("!", "]") else i + 1)
            if end < 0:
                raise GlobError(f"unclosed '[' in glob {pattern!r}")
            inner = pattern[i + 1 : end].replace("\\", "\\\\")
            if inner.startswith("!"):
                inner = "^" + inner[1:]
            out.append(f"[{inner}]")
            i = end + 1
        else:
            out.append(re.escape(char))
            i += 1
    return "".join(out)
