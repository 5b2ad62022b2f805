"""Which go command compiles which linted files: packages grouped by module or workspace."""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

GO_MOD, GO_WORK = "go.mod", "go.work"
_USE_BLOCK = re.compile(r"^\s*use\s*\((.*?)\)", re.MULTILINE | re.DOTALL)
_USE_LINE = re.compile(r"^\s*use\s+(\S+)", re.MULTILINE)
_MODULE = re.compile(r"^\s*module\s+(\S+)", re.MULTILINE)


class Mode:
    MODULE = "module"  # run in the module root
    WORKSPACE = "workspace"  # run in the go.work folder: every module it uses in one command
    GOPATH = "gopath"  # no go.mod: run with GO111MODULE=off, where a folder is a package


@dataclass(frozen=True)
class PackageDir:
    """A folder of linted files: one package (and its tests) to compile."""

    dir: str  # resolved
    tests: bool  # a linted file is a _test.go file: compile the test variants too


@dataclass(frozen=True)
class Unit:
    """One go command run: where it runs, how, and the packages it compiles."""

    root: str  # the folder the go command runs in
    mode: str  # a Mode
    packages: tuple[PackageDir, ...]
    modules: Mapping[str, str] = field(default_factory=dict)  # module path -> folder, local ones
    env: Mapping[str, str] = field(default_factory=dict)  # set on top of the safe environment

    def pattern(self, package: PackageDir) -> str:
        """How the go command is told to compile `package` from `root`: `./rel/dir`."""
        relative = os.path.relpath(package.dir, self.root)
        return "." if relative == "." else "./" + relative.replace(os.sep, "/")


def plan(files: Iterable[Path], environ: Mapping[str, str] | None = None) -> list[Unit]:
    """The go command runs that compile the packages of `files`, in first-seen order."""
    environ = os.environ if environ is None else environ
    folders: dict[str, bool] = {}
    for path in files:
        if path.suffix != ".go":
            continue
        folder = str(path.resolve().parent)
        folders[folder] = folders.get(folder, False) or path.name.endswith("_test.go")
    units: dict[tuple[str, str], list[PackageDir]] = {}
    settings: dict[tuple[str, str], tuple[dict[str, str], dict[str, str]]] = {}
    for folder, tests in folders.items():
        root, mode, modules, env = _unit_of(folder, environ)
        key = (root, mode)
        units.setdefault(key, []).append(PackageDir(folder, tests))
        settings.setdefault(key, (modules, env))
    return [Unit(root, mode, tuple(packages), *settings[(root, mode)])
            for (root, mode), packages in units.items()]


def _unit_of(folder: str, environ: Mapping[str, str]) -> tuple[str, str, dict[str, str], dict[str, str]]:
    module_root = nearest(folder, GO_MOD)
    if module_root is None:
        return folder, Mode.GOPATH, {}, {"GO111MODULE": "off"}
    modules = {module_path(module_root) or "": module_root}
    modules.update(local_replacements(module_root))
    work = _workspace(module_root, environ)
    if work is None:
        # a go.work above that does not use this module would make the go command refuse it
        off = {"GOWORK": "off"} if nearest(module_root, GO_WORK) and "GOWORK" not in environ else {}
        return module_root, Mode.MODULE, modules, off
    work_root = os.path.dirname(work)
    for used in workspace_modules(work):
        modules.setdefault(module_path(used) or used, used)
        modules.update({k: v for k, v in local_replacements(used).items() if k not in modules})
    return work_root, Mode.WORKSPACE, modules, {}


def nearest(folder: str, name: str) -> str | None:
    """The closest folder, from `folder` up, that holds a file `name`."""
    current = folder
    while True:
        if os.path.isfile(os.path.join(current, name)):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def _workspace(module_root: str, environ: Mapping[str, str]) -> str | None:
    """The go.work file that governs `module_root`, as the go command would find it."""
    setting = environ.get("GOWORK", "")
    if setting == "off":
        return None
    if setting:
        work = os.path.realpath(setting)
    else:
        found = nearest(module_root, GO_WORK)
        if found is None:
            return None
        work = os.path.join(found, GO_WORK)
    return work if module_root in workspace_modules(work) else None


def workspace_modules(work: str) -> list[str]:
    """The module folders a go.work file `use`s (resolved)."""
    text = _read(work)
    base = os.path.dirname(work)
    uses = [line for block in _USE_BLOCK.findall(text) for line in block.splitlines()]
    uses += [m for m in _USE_LINE.findall(text) if m != "("]
    folders = []
    for use in uses:
        use = use.split("//", 1)[0].strip().strip('"`')
        if use:
            folders.append(os.path.realpath(os.path.join(base, use)))
    return folders


def module_path(module_root: str) -> str | None:
    match = _MODULE.search(_read(os.path.join(module_root, GO_MOD)))
    return match.group(1).strip('"`') if match else None


def local_replacements(module_root: str) -> dict[str, str]:
    """`replace m => ../dir` directives of a go.mod: module path -> resolved folder."""
    found = {}
    for line in _read(os.path.join(module_root, GO_MOD)).splitlines():
        line = line.split("//", 1)[0].strip().removeprefix("replace").strip()
        if "=>" not in line:
            continue
        old, new = (side.split() for side in line.split("=>", 1))
        if old and len(new) == 1 and new[0].startswith((".", "/")):
            found[old[0]] = os.path.realpath(os.path.join(module_root, new[0]))
    return found


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""
