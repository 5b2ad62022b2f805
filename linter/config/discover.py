"""Finding the Go files to lint: walk folders, skip vendor/testdata/hidden, apply excludes."""
from __future__ import annotations

import errno
import os
import re
import stat
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
    here = os.getcwd()  # what Path.absolute() puts before a relative path
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
        for candidate, link in _expand(given, result, default_excludes):
            resolved = _resolve(candidate, link, here, result, real_dirs)
            if resolved is not None and resolved in shown:
                _show_first(result.targets, shown[resolved], _display(_absolute(candidate, here), cwd), cwd)
            if resolved is None or resolved in seen:
                continue
            seen.add(resolved)
            absolute = _absolute(candidate, here)
            skipped = default_excludes and explicit and _in_skipped_dir(absolute, cwd)
            if skipped or excluded(absolute):
                result.excluded += 1
                continue
            shown[resolved] = len(result.targets)
            result.targets.append(Target(resolved, _display(absolute, cwd)))
    return result


# Discovery runs for every file of a tree on every run (a warm or edited run too): paths are
# strings here, each normalized as pathlib would (os.walk joins normalized folders and names).


def _absolute(candidate: str, here: str) -> Path:
    """`Path(candidate).absolute()`."""
    if os.sep != "/" or here.startswith("//"):
        return Path(candidate).absolute()
    return Path(candidate if candidate.startswith("/") else f"{here.rstrip('/')}/{candidate}")


def _display(absolute: Path, cwd: Path) -> str:
    """`display_path(absolute, cwd)`, without pathlib's `relative_to`."""
    if os.sep != "/":
        return display_path(absolute, cwd)
    text, base = str(absolute), str(cwd)
    prefix = base if base.endswith("/") else base + "/"
    if text == base:
        return "."
    return printable(text[len(prefix):] if text.startswith(prefix) else text)


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


def _resolve(path: str, link: bool | None, here: str, result: Discovery,
             real_dirs: dict[str, str]) -> Path | None:
    """The real path; `link` says whether the file is a symlink, when the walk knew (None: ask)."""
    try:
        # one lstat at most, and one realpath per folder rather than per file
        if not (_is_symlink(path) if link is None else link):
            folder = os.path.dirname(os.path.join(here, path))  # no lexical `..` folding
            if folder not in real_dirs:
                real_dirs[folder] = os.path.realpath(folder, strict=True)
            return Path(real_dirs[folder], os.path.basename(path))
        return Path(path).resolve(strict=True)
    except (OSError, RuntimeError) as error:  # broken symlink, symlink loop
        reason = getattr(error, "strerror", None) or str(error)
        result.unreadable.append((printable(path), printable(reason)))
        return None


def _is_symlink(path: str) -> bool:
    """`Path.is_symlink()`: False when missing, an error when it cannot be looked at."""
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError as error:
        if error.errno not in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            raise
        return False
    except ValueError:
        return False


def _expand(given: Path, result: Discovery, default_excludes: bool = True) -> Iterator[tuple[str, bool | None]]:
    """The Go files under `given`, each with whether it is a symlink (None: not known): as
    `os.walk` walks (files before subfolders, not into symlinked folders), in sorted order."""
    if not given.is_dir():
        yield str(given), None  # an explicitly named file is linted whatever its extension or folder
        return
    top = str(given)  # normalized by pathlib: only "." itself has a "." part
    yield from _walk(top, top, result, default_excludes)


def _walk(top: str, folder: str, result: Discovery, default_excludes: bool) -> Iterator[tuple[str, bool | None]]:
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError as error:
        result.unreadable.append((printable(str(error.filename or folder)), error.strerror or str(error)))
        return
    files: list[os.DirEntry[str]] = []
    dirs: list[os.DirEntry[str]] = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        (dirs if is_dir else files).append(entry)
    shown = folder if top != "." else folder[2:]  # "./a" is "a", as `Path(root) / name` has it
    for entry in sorted(files, key=lambda e: e.name):
        if entry.name.endswith(".go") and not (default_excludes and entry.name.startswith((".", "_"))):
            yield os.path.join(shown, entry.name), _entry_is_symlink(entry)
    for entry in sorted(dirs, key=lambda e: e.name):
        if not (default_excludes and skipped_dir(entry.name)) and not _entry_is_symlink(entry):
            yield from _walk(top, os.path.join(folder, entry.name), result, default_excludes)


def _entry_is_symlink(entry: os.DirEntry[str]) -> bool | None:
    try:
        return entry.is_symlink()
    except OSError:
        return None
