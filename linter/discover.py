"""Finding the Go files to lint: walk folders, skip vendor/testdata/hidden, apply excludes."""
from __future__ import annotations

import os
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
        return path.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def skipped_dir(name: str) -> bool:
    return name in SKIPPED_DIRS or name.startswith((".", "_"))


def discover(paths: Sequence[str], excluded: Callable[[Path], bool], cwd: Path | None = None) -> Discovery:
    """Expand `paths` into Go files, each once (a path named twice or via a symlink is linted once)."""
    cwd = (cwd or Path.cwd()).resolve()
    result = Discovery()
    seen: set[Path] = set()
    real_dirs: dict[str, str] = {}
    for raw in paths:
        given = Path(raw)
        if not given.exists() and not given.is_symlink():
            result.missing.append(raw)
            continue
        explicit = not given.is_dir()
        for candidate in _expand(given, result):
            resolved = _resolve(candidate, result, real_dirs)
            if resolved is None or resolved in seen:
                continue
            seen.add(resolved)
            absolute = candidate.absolute()
            skipped = explicit and _in_skipped_dir(absolute, cwd)
            if skipped or excluded(absolute):
                result.excluded += 1
                continue
            result.targets.append(Target(resolved, display_path(absolute, cwd)))
    return result


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
        result.unreadable.append((str(path), getattr(error, "strerror", None) or str(error)))
        return None


def _expand(given: Path, result: Discovery) -> Iterator[Path]:
    if not given.is_dir():
        yield given  # an explicitly named file is linted whatever its extension or folder
        return
    def on_error(error: OSError) -> None:
        result.unreadable.append((error.filename or str(given), error.strerror or str(error)))
    for root, dirs, files in os.walk(given, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not skipped_dir(d))
        for name in sorted(files):
            if name.endswith(".go") and not name.startswith((".", "_")):
                yield Path(root) / name
