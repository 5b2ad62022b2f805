"""The result cache on disk: content-addressed entries, per-run manifests, atomic writes, a size bound."""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from goescape.linter.run.codec import Encoded

LAYOUT = "v1"  # the folder under the cache root; bump when the layout changes
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
_MAGIC = b"goescape-cache 1 "
_STALE_TEMP_SECONDS = 3600  # a temporary file this old belongs to a process that died


def default_cache_dir() -> Path:
    """$GOESCAPE_CACHE_DIR, else the platform's per-user cache folder."""
    override = os.environ.get("GOESCAPE_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "goescape" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "goescape"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "goescape"


class CacheError(OSError):
    """The cache folder cannot be created or written."""


class ResultCache:
    """Lint results by key. Every write goes to a temporary file that is renamed into place, so
    concurrent runs never see half an entry; an entry that fails its checksum is a miss (and is
    rewritten by the run that lints the file again). The folder is kept under `max_bytes` by
    deleting the least recently used entries."""

    def __init__(self, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.root = Path(root)
        self.base = self.root / LAYOUT
        self.max_bytes = max_bytes
        self.written = 0  # bytes written by this process since the last size check
        self.corrupt = 0  # entries found corrupt (and ignored) by this process
        self.error: str | None = None  # the first write that failed, if any

    def prepare(self) -> None:
        try:
            (self.base / "results").mkdir(parents=True, exist_ok=True)
            (self.base / "manifests").mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CacheError(f"cannot create the cache folder {self.root}: "
                             f"{error.strerror or error}") from None

    # -- entries ---------------------------------------------------------------------------------

    def _entry(self, key: str) -> Path:
        return self.base / "results" / key[:2] / key[2:]

    def get(self, key: str) -> Encoded | None:
        path = self._entry(key)
        data = _read_checked(path)
        if data is None:
            self.corrupt += path.exists()
            return None
        _touch(path)  # least recently *used* goes first when the cache is pruned
        return data if isinstance(data, dict) else None

    def put(self, key: str, value: Encoded) -> None:
        self._write(self._entry(key), value)

    # -- manifests: per run scope, the files' signatures and (apart) the results, each read in one go

    def _manifest(self, scope: str, part: str = "") -> Path:
        return self.base / "manifests" / f"{scope}{part}.json"

    def load_manifest(self, scope: str) -> dict[str, Any]:
        """The scope's file signatures: {"files": {path: [size, mtime, ctime, inode, hash]}}."""
        return self._load_part(scope, "", "files")

    def save_manifest(self, scope: str, manifest: dict[str, Any]) -> None:
        self._write(self._manifest(scope), manifest)

    def load_results(self, scope: str) -> dict[str, Any]:
        """The results the scope's last run used: {"results": {key: encoded}} (a warm run that
        decodes every file's result reads them in one go rather than one entry per file)."""
        return self._load_part(scope, ".results", "results")

    def save_results(self, scope: str, results: dict[str, Any]) -> None:
        self._write(self._manifest(scope, ".results"), results)

    def _load_part(self, scope: str, part: str, field: str) -> dict[str, Any]:
        path = self._manifest(scope, part)
        data = _read_checked(path)
        if isinstance(data, dict) and isinstance(data.get(field), dict):
            _touch(path)
            return data
        self.corrupt += data is None and path.exists()
        return {field: {}}

    # -- records: a JSON header and raw bytes (replays, see replay.py; package fragments, packages.py)

    def _replay(self, key: str) -> Path:
        return self.base / "replays" / key

    def load_replay(self, key: str) -> tuple[dict[str, Any], bytes] | None:
        """The header and report stored under `key`, or None when missing or corrupt."""
        return self._load_record(self._replay(key))

    def save_replay(self, key: str, header: dict[str, Any], report: bytes) -> None:
        self._save_record(self._replay(key), header, report)

    def _fragment(self, key: str) -> Path:
        return self.base / "fragments" / key[:2] / key[2:]

    def load_fragment(self, key: str) -> tuple[dict[str, Any], bytes] | None:
        """A package's report fragment stored under `key` (see packages.py), or None."""
        return self._load_record(self._fragment(key))

    def save_fragment(self, key: str, header: dict[str, Any], payload: bytes) -> None:
        self._save_record(self._fragment(key), header, payload)

    def _load_record(self, path: Path) -> tuple[dict[str, Any], bytes] | None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        checksum, _, rest = data.partition(b"\n")
        header, _, payload = rest.partition(b"\n")
        try:
            if checksum != _MAGIC + hashlib.sha256(rest).hexdigest().encode():
                raise ValueError("checksum")
            loaded = json.loads(header)
        except ValueError:
            self.corrupt += 1
            return None
        if not isinstance(loaded, dict):
            return None
        _touch(path)
        return loaded, payload

    def _save_record(self, path: Path, header: dict[str, Any], payload: bytes) -> None:
        rest = json.dumps(header, separators=(",", ":"), ensure_ascii=True).encode() + b"\n" + payload
        self._write_bytes(path, _MAGIC + hashlib.sha256(rest).hexdigest().encode() + b"\n" + rest)

    # -- writing and pruning -------------------------------------------------------------------

    def _write(self, path: Path, value: Any) -> None:
        # ASCII: a file name that is not UTF-8 (a lone surrogate in Python) survives the round trip.
        payload = json.dumps(value, separators=(",", ":"), ensure_ascii=True).encode("utf-8")
        self._write_bytes(path, _MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)

    def _write_bytes(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(temp, path)
            except BaseException:
                _unlink(Path(temp))
                raise
        except OSError as error:  # a full disk or a read-only cache must not fail the run
            self.error = self.error or f"cannot write to the cache folder {self.root}: {error.strerror or error}"
            return
        self.written += len(data)

    def prune(self) -> int:
        """If this process's writes may have pushed the folder past its bound, delete the least
        recently used files until it is under three quarters of it; returns the bytes freed."""
        if self.written == 0:
            return 0
        estimate = _read_int(self.base / "size") + self.written
        self.written = 0
        if estimate <= self.max_bytes:
            _write_int(self.base / "size", estimate)
            return 0
        files = sorted(self._files(), key=lambda item: item[1])  # oldest first
        total = sum(size for _, _, size in files)
        freed = 0
        for path, _, size in files:
            if total - freed <= self.max_bytes * 3 // 4:
                break
            if _unlink(path):
                freed += size
        _write_int(self.base / "size", total - freed)
        return freed

    def _files(self) -> Iterator[tuple[Path, float, int]]:
        now = time.time()
        for folder, _, names in os.walk(self.base):
            for name in names:
                path = Path(folder) / name
                try:
                    stat = path.stat()
                except OSError:
                    continue  # removed by a concurrent run
                if name.startswith(".tmp-") and now - stat.st_mtime < _STALE_TEMP_SECONDS:
                    continue  # another run is writing it right now
                if path.parent == self.base:
                    continue  # the size file
                yield path, stat.st_mtime, stat.st_size


def _read_checked(path: Path) -> Any:
    """The JSON value stored at `path`, or None when missing, truncated or corrupt."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header, _, payload = data.partition(b"\n")
    if not header.startswith(_MAGIC) or header[len(_MAGIC):] != hashlib.sha256(payload).hexdigest().encode():
        return None
    try:
        return json.loads(payload)
    except ValueError:
        return None


def _touch(path: Path) -> None:
    with contextlib.suppress(OSError):  # read-only cache: still usable
        os.utime(path)


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except OSError:
        return False


def _read_int(path: Path) -> int:
    try:
        return int(path.read_text())
    except (OSError, ValueError):
        return 0


def _write_int(path: Path, value: int) -> None:
    try:
        fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(fd, "w") as handle:
            handle.write(str(value))
        os.replace(temp, path)
    except OSError:
        pass  # the estimate is advisory: the next prune recounts
