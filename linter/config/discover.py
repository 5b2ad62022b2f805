"""Finding the Go files to lint: walk folders, skip vendor/testdata/hidden, apply excludes."""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Folders the go command itself ignores (plus vendor, which holds other people's code).
SKIPPED_DIRS = frozenset({"vendor", "testdata"})


@dataclass(frozen=True)
class Target:
    """A file to lint: its resolved path and the path as the user should see it."""

    path: Path
    display: str


@dataclass
class Discovery:
    targets: list[Target] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # paths given that do not exist
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    excluded: int = 0


def display_path(path: Path, cwd: Path) -> str:
    """Relative to the working directory when below it, '/'-separated; absolute otherwise."""
    try:
        shown = path.relative_to(cwd).as_posix()
    except ValueError:
        shown = path.as_posix()
    return printable(shown)


def printable(name: str) -> str:
    """A file name as reports can print it: bytes that are not UTF-8 (which Python keeps as lone
    surrogates) become U+FFFD, so every report stays valid UTF-8 and JSON; so do control
    characters (a newline in a name would split a line of the text report)."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _CONTROL.sub("\ufffd", text) if _CONTROL.search(text) else text


_CONTROL = re.compile("[\x00-\x1f\x7f]")


def skipped_dir(name: str) -> bool:
    return name in SKIPPED_DIRS or name.startswith((".", "_"))


def discover(paths: Sequence[str], excluded: Callable[[Path], bool], cwd: Path | None = None, *,
             default_excludes: bool = True) -> Discovery:
    """Expand `paths` into Go files, each once (a path named twice or via a symlink is linted once,
    shown by its real path, or else by the first of its paths in sorted order: the order of
    `paths` does not matter).
    Without `default_excludes`, vendor/, testdata/ and `.`/`_` folders and files are linted too."""
    cwd = (cwd or Path.cwd()).resolve()
    result = Discovery()
    seen: set[Path] = set()
    shown: dict[Path, int] = {}  # resolved path -> its index in result.targets
    real_dirs: dict[str, str] = {}
    for raw in paths:
        given = Path(raw)
        if not given.exists() and not given.is_symlink():
            result.missing.append(raw)
            continue
        explicit = not given.is_dir()
        for candidate in _expand(given, result, default_excludes):
            resolved = _resolve(candidate, result, real_dirs)
            if resolved is not None and resolved in shown:
                _show_first(result.targets, shown[resolved], display_path(candidate.absolute(), cwd), cwd)
            if resolved is None or resolved in seen:
                continue
            seen.add(resolved)
            absolute = candidate.absolute()
            skipped = default_excludes and explicit and _in_skipped_dir(absolute, cwd)
            if skipped or excluded(absolute):
                result.excluded += 1
                continue
            shown[resolved] = len(result.targets)
            result.targets.append(Target(resolved, display_path(absolute, cwd)))
    return result


def _show_first(targets: list[Target], index: int, display: str, cwd: Path) -> None:
    """Of a file's names, show its real path (no symlink on the way), else the first in order."""
    current = targets[index]
    def rank(shown: str) -> tuple[bool, str]:
        return (cwd / shown != current.path, shown)
    if rank(display) < rank(current.display):
        targets[index] = Target(current.path, display)


def _in_skipped_dir(path: Path, cwd: Path) -> bool:
    """A file named on the command line under vendor/, testdata/ or a hidden folder is skipped too:
    pre-commit passes every changed file. Only the part below the working directory counts, and a
    folder named explicitly is walked whatever its name (`goescape check testdata`)."""
    try:
        parts = path.relative_to(cwd).parts[:-1]
    except ValueError:
        return False
    return any(skipped_dir(part) for part in parts)


def _resolve(path: Path, result: Discovery, real_dirs: dict[str, str]) -> Path | None:
    try:
        if not path.is_symlink():  # one lstat, and one realpath per folder rather than per file
            folder = os.path.dirname(os.path.join(os.getcwd(), path))  # no lexical `..` folding
            if folder not in real_dirs:
                real_dirs[folder] = os.path.realpath(folder, strict=True)
            return Path(real_dirs[folder], path.name)
        return path.resolve(strict=True)
    except (OSError, RuntimeError) as error:  # broken symlink, symlink loop
        reason = getattr(error, "strerror", None) or str(error)
        result.unreadable.append((printable(str(path)), printable(reason)))
        return None


def _expand(given: Path, result: Discovery, default_excludes: bool = True) -> Iterator[Path]:
    if not given.is_dir():
        yield given  # an explicitly named file is linted whatever its extension or folder
        return
    def on_error(error: OSError) -> None:
        result.unreadable.append((printable(str(error.filename or given)), error.strerror or str(error)))
    for root, dirs, files in os.walk(given, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not (default_excludes and skipped_dir(d)))
        for name in sorted(files):
            if name.endswith(".go") and not (default_excludes and name.startswith((".", "_"))):
                yield Path(root) / name
