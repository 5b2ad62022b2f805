"""Writing the report: to standard output, or atomically to `--output` without harming anything."""
from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """The report cannot be written where asked; the message says why, in one line."""


def write_report(data: bytes, output: str | None, linted: Iterable[Path] = ()) -> None:
    """Write `data` to standard output (`output` None or "-") or to the file `output`.

    A regular file is replaced atomically (a reader never sees half a report); a symlink is
    followed, so the link stays a link; a device or FIFO (`/dev/stdout`, `/dev/null`) is
    written in place, never replaced. A file being linted is never overwritten."""
    if output is None or output == "-":
        _to_stdout(data)
        return
    target = Path(os.path.realpath(output))
    if _is_linted(target, linted):
        raise OutputError(f"cannot write {output}: it is one of the files being linted")
    try:
        if _is_special(target):
            with open(target, "wb") as handle:
                handle.write(data)
        else:
            _replace(target, data)
    except OSError as error:
        raise OutputError(f"cannot write {output}: {error.strerror or error}") from None


def _is_linted(target: Path, linted: Iterable[Path]) -> bool:
    # Resolving only the files named like the target: a warm run over a big tree would
    # otherwise spend a fifth of its time in realpath.
    if not target.exists():
        return False
    return any(os.path.realpath(p) == str(target) for p in linted if os.path.basename(p) == target.name)


def _is_special(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # not there yet: a regular file will be created
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    return not stat.S_ISREG(mode)


def _replace(target: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(prefix=".goescape-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _mode_for(target: Path) -> int:
    """The existing file's permissions, else what a plain open() would give (mkstemp's 0600 would
    hide the report from the rest of a CI job)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _to_stdout(data: bytes) -> None:
    # Bytes, so a non-UTF-8 locale cannot turn a path or message into an encoding error.
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader has gone (`goescape check . | head`): stop writing, quietly. Point stdout at
        # /dev/null so that the interpreter's own flush at exit does not complain either.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass
