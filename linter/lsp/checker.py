"""The warm engine: lints a buffer with its package's other files kept parsed between edits."""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tree_sitter import Tree

from goescape.linter.config.discover import skipped_dir
from goescape.linter.engine.lint import FindingStage, PackageFiles, lint_parsed
from goescape.linter.findings import Diagnostic, Notice
from goescape.linter.lsp.settings import Configurations, Settings
from goescape.linter.model import SkippedFile
from goescape.linter.model.loader import load_sibling
from goescape.linter.syntax.limits import LintCancelled, format_size
from goescape.linter.syntax.parsing import package_name, parse
from goescape.linter.syntax.source import SourceFile
from goescape.linter.verify.plan import GO_MOD, nearest

Loaded = tuple[SourceFile, Tree] | SkippedFile | None
# How much source the parsed files of the most recently linted packages may hold (besides the
# package being linted): a parsed Go file takes about 25 times its size in memory, and net/http's
# 1.5 MB cost 50 MB.
SOURCE_KEPT = 6 * 1024 * 1024


@dataclass(frozen=True)
class Snapshot:
    """One version of an open buffer."""

    uri: str
    path: Path | None  # None: the buffer is not a file (an untitled one)
    version: int | None
    text: str

    @property
    def folder(self) -> Path | None:
        return self.path.parent if self.path is not None else None


@dataclass
class Checked:
    """What a lint of one snapshot found: the findings to show (suppressed ones left out) and
    the notices about the file (a syntax error, a file too large to lint)."""

    snapshot: Snapshot
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    settings: Settings | None = None
    verified: bool = False  # the compiler checked these findings (a verification after a save)


class Checker:
    """Lints snapshots. Siblings on disk are parsed once and kept until they change (their
    modification time, size or inode); open siblings come from their buffers, which win."""

    def __init__(self, configurations: Configurations) -> None:
        self.configurations = configurations
        self._disk: OrderedDict[Path, dict[str, tuple[tuple[object, ...], Loaded]]] = OrderedDict()
        self._buffers: dict[str, tuple[int | None, SourceFile, Tree]] = {}
        self._lock = threading.Lock()  # the lint thread and the verifier's both read the caches

    def settings(self, snapshot: Snapshot) -> Settings:
        return self.configurations.for_folder(snapshot.folder or Path.cwd())

    def check(self, snapshot: Snapshot, others: Sequence[Snapshot], cancel: threading.Event | None = None,
              stages: Sequence[FindingStage] = (), *, verified: bool = False) -> Checked:
        """Lint `snapshot`; `others` are the other open buffers (those of its package are used
        instead of their files); `stages` (the compiler's) make this a verified lint. Raises
        LintCancelled when `cancel` is set first."""
        settings = self.settings(snapshot)
        checked = Checked(snapshot, settings=settings, verified=verified)
        path = snapshot.path
        skipped = self._skipped(path, settings)
        if skipped:
            checked.notices.append(Notice("skipped", skipped, path=str(path)))
            return checked
        limit = settings.config.max_file_size
        size = len(snapshot.text.encode("utf-8", "surrogatepass")) if limit is not None else 0
        if limit is not None and size > limit:
            message = f"file is {format_size(size)}, larger than max-file-size ({format_size(limit)}): not linted"
            checked.notices.append(Notice("skipped", message, path=str(path)))
            return checked
        target = path if path is not None else Path(snapshot.uri.rpartition("/")[2] or "untitled.go")
        source, tree = self._buffer(snapshot, target, _display(target, settings.root))
        if source.is_generated and not settings.config.include_generated:
            return checked
        if cancel is not None and cancel.is_set():  # parsing a huge file takes seconds
            raise LintCancelled("cancelled")
        name = package_name(tree)
        if path is None:  # nothing on disk belongs with it: it is modelled on its own
            package = PackageFiles(Path.cwd(), None, max_bytes=limit)
        else:
            package = PackageFiles.under(settings.policy, path.parent, name)
            package.loader = self._loader(path.parent)
            for other in others:
                if other.path is not None and other.path.parent == path.parent and other.path != path:
                    parsed = self._buffer(other, other.path)
                    if package_name(parsed[1]) == name:
                        package.parsed[other.path] = parsed
        package.parsed[target] = (source, tree)
        policy = settings.verified if verified else settings.policy
        result = lint_parsed(source, tree, policy, settings.root, package, stages, cancel)
        checked.diagnostics = [d for d in result.diagnostics if not d.suppressed]
        checked.notices = result.notices
        return checked

    def forget(self, uri: str) -> None:
        """A buffer was closed: its file on disk counts again."""
        with self._lock:
            self._buffers.pop(uri, None)

    def _skipped(self, path: Path | None, settings: Settings) -> str | None:
        """Why the configuration leaves this file alone, if it does."""
        if path is None:
            return None
        if settings.policy.excluded(path):
            return "excluded by the configuration (exclude): not linted"
        if settings.config.default_excludes:
            # the folders the go command ignores, below the module (GOROOT/src is one too)
            module = nearest(str(path.parent), GO_MOD)
            relative = os.path.relpath(path, module) if module is not None else settings.policy.relative(path)
            parts = relative.replace(os.sep, "/").split("/") if relative is not None else []
            hidden = bool(parts) and parts[-1].startswith((".", "_"))  # the go command ignores it too
            if hidden or any(skipped_dir(part) for part in parts[:-1]):
                return ("in vendor/, testdata/ or a folder the go command ignores: not linted "
                        "(default-excludes = false lints it)")
        return None

    def _buffer(self, snapshot: Snapshot, path: Path, display: str = "") -> tuple[SourceFile, Tree]:
        """A buffer parsed once per version (a lint that was cancelled, or the lint of a
        sibling, does not parse it again)."""
        with self._lock:
            cached = self._buffers.get(snapshot.uri)
        if cached is not None and cached[0] == snapshot.version and cached[1].path == path:
            source, tree = cached[1], cached[2]
            if display and source.display != display:
                source = SourceFile(path, source.data, display)
            return source, tree
        data = snapshot.text.encode("utf-8", "surrogatepass")  # a lone surrogate: bad UTF-8, and said so
        source, tree = SourceFile(path, data, display), parse(data)
        with self._lock:
            self._buffers[snapshot.uri] = (snapshot.version, source, tree)
        return source, tree

    def _loader(self, folder: Path) -> _DiskLoader:
        with self._lock:
            files = self._disk.pop(folder, None)
            self._disk[folder] = files = files if files is not None else {}
            while len(self._disk) > 1 and sum(map(_source_bytes, self._disk.values())) > SOURCE_KEPT:
                self._disk.popitem(last=False)  # the package linted longest ago
        return _DiskLoader(files)


class _DiskLoader:
    """model.loader.load_sibling, answered from what an earlier lint parsed when the file has
    not changed since."""

    def __init__(self, files: dict[str, tuple[tuple[object, ...], Loaded]]) -> None:
        self._files = files

    def __call__(self, path: Path, package: str, max_bytes: int | None, outline: bool) -> Loaded:
        try:
            info = os.stat(path)
        except OSError:
            return load_sibling(path, package, max_bytes, outline)  # it says why
        key = (info.st_mtime_ns, info.st_size, info.st_ino, package, max_bytes, outline)
        cached = self._files.get(str(path))
        if cached is not None and cached[0] == key:
            return cached[1]
        loaded = load_sibling(path, package, max_bytes, outline)
        self._files[str(path)] = (key, loaded)
        return loaded


def _source_bytes(files: dict[str, tuple[tuple[object, ...], Loaded]]) -> int:
    return sum(len(loaded[0].data) for _, loaded in files.values() if isinstance(loaded, tuple))


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
