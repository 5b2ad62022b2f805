"""Where an import path's source is: the module's own folders, a go.work's modules, local `replace`s, vendor/.

The go command is never run: go.mod, go.work and vendor/modules.txt are read as text, and an
import path that none of them places in a local folder is not found (its package contributes
no facts). `GOFLAGS`, `GOWORK` and the module cache are not consulted: a package fetched from
the network has no source here.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_MODULE = re.compile(r"^\s*module\s+\"?([^\s\"]+)", re.MULTILINE)
_GO_VERSION = re.compile(r"^\s*go\s+(\d+)\.(\d+)", re.MULTILINE)
_COMMENT = re.compile(r"//.*")


@dataclass(frozen=True)
class Module:
    """A module whose source is on disk: its path and root folder."""

    path: str
    root: Path


@dataclass(frozen=True)
class ModuleContext:
    """What decides where imports resolve, seen from one module (the one holding the linted
    package): the modules with local source (its own, a workspace's `use`d ones, local
    `replace` targets) and, in vendor mode, its vendor folder."""

    main: Module
    local: tuple[Module, ...]  # longest path first
    vendor: Path | None  # the vendor folder, when the go command would build from it
    files: tuple[Path, ...]  # go.mod, go.work, vendor/modules.txt: what the answers depend on

    def folder(self, import_path: str) -> Path | None:
        """The folder holding the package `import_path`, if its source is local; None otherwise
        (the standard library, a module from the module cache, an unknown path)."""
        for module in self.local:
            if import_path == module.path or import_path.startswith(module.path + "/"):
                rest = import_path[len(module.path):].lstrip("/")
                candidate = module.root / rest if rest else module.root
                return candidate if _owned_by(candidate, module.root) else None
        if self.vendor is not None and "." in import_path.split("/", 1)[0]:
            candidate = self.vendor / import_path
            return candidate if _has_go_files(candidate) else None
        return None


def context_for(directory: Path | str) -> ModuleContext | None:
    """The module context of a package folder: from its nearest go.mod (None without one, or
    for the standard library's own `module std`, whose imports the shipped data covers)."""
    gomod = nearest_gomod(str(directory))
    if gomod is None:
        return None
    return _context(gomod, _signature(gomod), os.environ.get("GOWORK", ""))


def _signature(path: str) -> tuple[int, int]:
    """Read again when go.mod changes (a long-lived process, such as an editor's server)."""
    try:
        stat = os.stat(path)
    except OSError:
        return (0, 0)
    return (stat.st_size, stat.st_mtime_ns)


def nearest_gomod(directory: str) -> str | None:
    folder = os.path.abspath(directory)
    while True:
        candidate = os.path.join(folder, "go.mod")
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


@lru_cache(maxsize=64)
def _context(gomod: str, signature: tuple[int, int], gowork: str) -> ModuleContext | None:
    root = Path(gomod).parent
    text = _read(Path(gomod))
    match = _MODULE.search(text)
    if match is None or match.group(1) == "std":
        return None
    main = Module(match.group(1), root)
    local = [main]
    files = [Path(gomod)]
    work = _find_work(root)
    if work is not None:
        files.append(work)
        for folder in _work_uses(work):
            path = module_path(folder)
            if path is not None and folder != root:
                local.append(Module(path, folder))
    for old, target in _replaces(text):
        folder = (root / target).resolve() if not os.path.isabs(target) else Path(target)
        if (folder / "go.mod").is_file():
            local.append(Module(old, folder))
    vendor = root / "vendor"
    modules_txt = vendor / "modules.txt"
    vendored = work is None and modules_txt.is_file() and _vendor_by_default(text)
    if vendored:
        files.append(modules_txt)
    ordered = tuple(sorted(dict.fromkeys(local), key=lambda m: -len(m.path)))
    return ModuleContext(main, ordered, vendor if vendored else None, tuple(files))


def module_path(root: Path) -> str | None:
    match = _MODULE.search(_read(root / "go.mod"))
    return match.group(1) if match is not None else None


def _find_work(root: Path) -> Path | None:
    """The go.work above the module, unless GOWORK=off (the go command's own lookup)."""
    setting = os.environ.get("GOWORK", "")
    if setting == "off":
        return None
    if setting:
        return Path(setting) if os.path.isfile(setting) else None
    for folder in (root, *root.parents):
        candidate = folder / "go.work"
        if candidate.is_file():
            return candidate
    return None


def _work_uses(work: Path) -> list[Path]:
    """The module folders a go.work `use`s (both `use ./a` and `use ( ./a ./b )`)."""
    folders: list[Path] = []
    in_block = False
    for raw in _read(work).splitlines():
        line = _COMMENT.sub("", raw).strip()
        if in_block:
            if line == ")":
                in_block = False
            elif line:
                folders.append((work.parent / line.strip('"')).resolve())
        elif line.startswith("use"):
            rest = line[3:].strip()
            if rest == "(":
                in_block = True
            elif rest:
                folders.append((work.parent / rest.strip('"')).resolve())
    return folders


def _replaces(text: str) -> list[tuple[str, str]]:
    """`replace old [v] => ./local`: the replacements by a local folder (not by a version)."""
    found: list[tuple[str, str]] = []
    in_block = False
    for raw in text.splitlines():
        line = _COMMENT.sub("", raw).strip()
        if in_block and line == ")":
            in_block = False
            continue
        if not in_block:
            if not line.startswith("replace"):
                continue
            line = line[len("replace"):].strip()
            if line == "(":
                in_block = True
                continue
        if "=>" not in line:
            continue
        old, new = (part.split() for part in line.split("=>", 1))
        if old and len(new) == 1 and new[0].startswith((".", "/")):
            found.append((old[0].strip('"'), new[0].strip('"')))
    return found


def _vendor_by_default(gomod: str) -> bool:
    """The go command builds from vendor/ by default when go.mod says go 1.14 or later."""
    match = _GO_VERSION.search(gomod)
    return match is not None and (int(match.group(1)), int(match.group(2))) >= (1, 14)


def _owned_by(folder: Path, root: Path) -> bool:
    """The folder has Go files and no go.mod between it and `root` (a nested module is another
    module, with its own versions)."""
    if not _has_go_files(folder):
        return False
    current = folder
    while current != root:
        if (current / "go.mod").is_file():
            return False
        parent = current.parent
        if parent == current:
            return False
        current = parent
    return True


def _has_go_files(folder: Path) -> bool:
    try:
        with os.scandir(folder) as entries:
            return any(e.name.endswith(".go") and not e.name.endswith("_test.go") for e in entries)
    except OSError:
        return False


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
