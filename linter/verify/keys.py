"""Cache keys for compiler results: the package's files, the local packages it imports, the toolchain.

Escape analysis of a package depends on its own files and, through inlining and the escape facts
of imported functions, on every package it imports. Standard-library packages are part of the
toolchain (even when the standard library itself is linted) and module-cache packages are fixed by
go.mod/go.sum; the folders of the module (or workspace) being linted are not, so a key covers the
files of every local package in the import closure. Imports are read from the file headers without
evaluating build constraints: a superset only makes the key stricter.
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Iterable, Mapping

from goescape.linter.verify.plan import GO_MOD, GO_WORK, Mode, PackageDir, Unit

FORMAT = "goescape-verify-1"  # bump when the layout of what is cached changes
_HEADER_END = re.compile(rb"^(?:func|type|var|const)\b", re.MULTILINE)
_IMPORT_BLOCK = re.compile(rb"^[ \t]*import[ \t]*\((.*?)\)", re.MULTILINE | re.DOTALL)
_IMPORT_LINE = re.compile(rb"^[ \t]*import[ \t]+(?:[\w.]+[ \t]+)?[\"`]([^\"`\n]+)[\"`]", re.MULTILINE)
_QUOTED = re.compile(rb"[\"`]([^\"`\n]+)[\"`]")
_MODULE_FILES = (GO_MOD, "go.sum", os.path.join("vendor", "modules.txt"))


def imports_of(data: bytes) -> set[str]:
    """The import paths a Go file's header names (the header ends at the first declaration)."""
    end = _HEADER_END.search(data)
    header = data[: end.start()] if end else data
    found = {m.decode("utf-8", "replace") for m in _IMPORT_LINE.findall(header)}
    for block in _IMPORT_BLOCK.findall(header):
        found.update(m.decode("utf-8", "replace") for m in _QUOTED.findall(block))
    return found


class Keys:
    """Computes the key of each package of one unit; folder digests are shared between packages."""

    def __init__(self, unit: Unit, environment: str) -> None:
        self._unit = unit
        self._folders: dict[tuple[str, bool], tuple[str, set[str]]] = {}
        self._base = self._base_digest(environment)

    def key(self, package: PackageDir) -> str:
        digest = hashlib.sha256(self._base.encode())
        own, imports = self._folder(package.dir, package.tests)
        digest.update(f"\0{package.dir}\0{package.tests}\0{own}".encode())
        for folder, folder_digest in sorted(self._closure(imports, {package.dir}).items()):
            digest.update(f"\0{folder}\0{folder_digest}".encode())
        return digest.hexdigest()

    def _base_digest(self, environment: str) -> str:
        unit = self._unit
        digest = hashlib.sha256(f"{FORMAT}\0{_code()}\0{environment}\0{unit.root}\0{unit.mode}".encode())
        roots = sorted({*unit.modules.values(), unit.root})
        for root in roots:
            for name in (*_MODULE_FILES, GO_WORK, "go.work.sum"):
                digest.update(f"\0{root}/{name}\0".encode() + _read(os.path.join(root, name)))
        return digest.hexdigest()

    def _closure(self, imports: Iterable[str], seen: set[str]) -> dict[str, str]:
        """Digests of the local folders reachable from `imports`."""
        found: dict[str, str] = {}
        pending = list(imports)
        while pending:
            folder = self._local_folder(pending.pop())
            if folder is None or folder in seen:
                continue
            seen.add(folder)
            digest, more = self._folder(folder, False)
            found[folder] = digest
            pending.extend(more)
        return found

    def _folder(self, folder: str, tests: bool) -> tuple[str, set[str]]:
        """The digest of a folder's Go files (with _test.go files if `tests`) and their imports."""
        cached = self._folders.get((folder, tests))
        if cached is not None:
            return cached
        digest = hashlib.sha256()
        imports: set[str] = set()
        try:  # regular files only: reading a FIFO named x.go would wait forever
            names = sorted(e.name for e in os.scandir(folder) if e.name.endswith(".go") and e.is_file())
        except OSError:
            names = []
        for name in names:
            if name.endswith("_test.go") and not tests:
                continue
            data = _read(os.path.join(folder, name))
            digest.update(f"{name}\0{len(data)}\0".encode() + data)
            imports |= imports_of(data)
        result = (digest.hexdigest(), imports)
        self._folders[(folder, tests)] = result
        return result

    def _local_folder(self, path: str) -> str | None:
        """The folder of an imported package whose files are not fixed by a version: one of this
        unit's modules (or the standard library, when that is what is linted), or vendor/."""
        modules = self._unit.modules
        if "." not in path.split("/", 1)[0] and not _in_module(path, modules):
            return None  # the standard library: part of the toolchain, like GOROOT itself
        best = max((m for m in modules if m and (path == m or path.startswith(m + "/"))),
                   key=len, default=None)
        if best is not None:
            return _existing(os.path.join(modules[best], path[len(best) :].lstrip("/")))
        if self._unit.mode == Mode.GOPATH:
            return None
        return _existing(*(os.path.join(root, "vendor", path) for root in modules.values()))


def _in_module(path: str, modules: Mapping[str, str]) -> bool:
    return any(m and (path == m or path.startswith(m + "/")) for m in modules if m != "std")


@functools.lru_cache(maxsize=1)
def _code() -> str:
    """The code that turns compiler output into cached results: a fix there invalidates them."""
    from goescape.linter.gc import build as gc
    from goescape.linter.gc import parse as gc_parse
    from goescape.linter.verify import build

    digest = hashlib.sha256()
    for module in (gc, gc_parse, build):
        digest.update(_read(module.__file__ or ""))
    return digest.hexdigest()


def _existing(*folders: str) -> str | None:
    return next((os.path.realpath(f) for f in folders if os.path.isdir(f)), None)


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return b""
