"""Build a PackageModel for a directory: the files being linted plus their siblings on disk."""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from tree_sitter import Tree

from goescape.linter.model.package import PackageModel, SkippedFile
from goescape.linter.model.stdlib import Stdlib, stdlib
from goescape.linter.syntax.buildtags import default_tags, matches
from goescape.linter.syntax.limits import DEFAULT_MAX_FILE_SIZE
from goescape.linter.syntax.parsing import package_name, parse
from goescape.linter.syntax.source import SourceFile

# The linted files' own limit (max-file-size), so the model never reads a file the engine skips.
MAX_SIBLING_BYTES = DEFAULT_MAX_FILE_SIZE
_CLAUSE_WINDOW = 16 * 1024  # where a cheap scan for the package clause looks first
# Generated siblings above this size lose their function bodies in the model (see `outline`):
# those are tables and machine-written rules (ssa's rewrite*.go). Smaller ones are often copies
# of hand-written code (go/types from types2, sort's zsort*.go) whose bodies tell which
# parameters leak: outlining those loses true findings.
OUTLINE_BYTES = 64 * 1024


# Reads one sibling: (path, package, max_bytes, outline_generated) -> what load_sibling returns.
SiblingLoader = Callable[[Path, str, int | None, bool], tuple[SourceFile, Tree] | SkippedFile | None]


def load_package(directory: Path | str, package: str,
                 parsed: Mapping[Path, tuple[SourceFile, Tree]] | None = None,
                 path: str | None = None, std: Stdlib | None = None,
                 max_bytes: int | None = MAX_SIBLING_BYTES, outline_generated: bool = False,
                 loader: SiblingLoader | None = None, tests: bool = True,
                 built_only: bool = False) -> PackageModel:
    """The model of package `package` in `directory`: the already parsed files (reused as they
    are) and every other `.go` file there whose package clause names the same package.
    Unreadable, non-UTF-8 or unparsable siblings are skipped and listed in `model.skipped`.
    `path` is the import path; by default it is derived from the nearest go.mod. Siblings
    larger than `max_bytes` (None: no limit) are skipped. With `outline_generated`, generated
    siblings larger than OUTLINE_BYTES keep their declarations but not their function bodies.
    `loader` reads each sibling (default: `load_sibling`). Without `tests`, `_test.go` siblings
    are left out, and with `built_only` so are those the host's build excludes (`_windows.go`,
    `//go:build arm64`): the package as its importers see it."""
    load = load_sibling if loader is None else loader
    tags = _host_tags(std) if built_only else None
    directory = Path(directory)
    if path is None:
        path = import_path(directory) or ""
    parsed = dict(parsed or {})
    resolved = {_key(p): v for p, v in parsed.items()}
    files: list[tuple[SourceFile, Tree]] = list(parsed.values())
    skipped: list[SkippedFile] = []
    for sibling in _siblings(directory):
        if _key(sibling) in resolved or (not tests and sibling.name.endswith("_test.go")):
            continue
        if tags is not None and not _built(sibling, tags):
            continue
        loaded = load(sibling, package, max_bytes, outline_generated)
        if isinstance(loaded, SkippedFile):
            skipped.append(loaded)
        elif loaded is not None:
            files.append(loaded)
    # Non-test files first: a test file's helper never hides the package's own declaration.
    files.sort(key=lambda item: (Path(item[0].path).name.endswith("_test.go"), str(item[0].path)))
    return PackageModel(files, path=path, skipped=skipped, std=std)


_MODULE = re.compile(rb"^\s*module\s+\"?([^\s\"]+)", re.MULTILINE)


def import_path(directory: Path) -> str | None:
    """The import path of the package in `directory`, from the nearest go.mod's module line
    (the standard library's own go.mod says `module std`, whose packages have no prefix)."""
    try:
        current = directory.resolve()
    except OSError:
        return None
    for parent in (current, *current.parents):
        try:
            data = (parent / "go.mod").read_bytes()
        except OSError:
            continue
        match = _MODULE.search(data)
        if match is None:
            return None
        module = match.group(1).decode("utf-8", errors="replace")
        relative = current.relative_to(parent).as_posix()
        if module == "std":
            return relative if relative != "." else None
        return module if relative == "." else f"{module}/{relative}"
    return None


def _key(path: Path) -> str:
    try:
        return os.path.realpath(path)
    except OSError:
        return str(path)


def _siblings(directory: Path) -> list[Path]:
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError:
        return []
    found = []
    for entry in entries:
        if not entry.name.endswith(".go") or entry.name.startswith((".", "_")):
            continue  # the go command ignores files starting with . or _
        try:
            if entry.is_file():
                found.append(Path(entry.path))
        except OSError:
            continue
    return found


def _host_tags(std: Stdlib | None) -> frozenset[str]:
    data = std if std is not None else stdlib()
    return default_tags(data.go_version, data.tool_tags)


def _built(path: Path, tags: frozenset[str]) -> bool:
    """Whether the host's build compiles the file (its name and `//go:build` line say so)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_CLAUSE_WINDOW)
    except OSError:
        return True  # the loader reports it
    return matches(path.name, head, tags)


def load_sibling(path: Path, package: str, max_bytes: int | None = MAX_SIBLING_BYTES,
                 outline_generated: bool = False) -> tuple[SourceFile, Tree] | SkippedFile | None:
    """One sibling as the model takes it: parsed, skipped (and why), or None when it belongs to
    another package."""
    try:
        if max_bytes is not None and path.stat().st_size > max_bytes:
            return SkippedFile(path, f"larger than {max_bytes} bytes")
        data = path.read_bytes()
    except OSError as error:
        return SkippedFile(path, f"unreadable: {error.strerror or error}")
    if not _may_declare(data, package):
        return None  # another package (e.g. foo_test) or no clause at all: not ours, not an error
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return SkippedFile(path, f"not valid UTF-8 (byte {error.start})")
    tree = parse(data)
    name = package_name(tree)
    if name is None:
        return SkippedFile(path, "no readable package clause")
    if name != package:
        return None
    source = SourceFile(path, data)
    if outline_generated and len(data) > OUTLINE_BYTES and source.is_generated:
        return outline(source, tree)
    return source, tree


def outline(source: SourceFile, tree: Tree) -> tuple[SourceFile, Tree]:
    """The file with every top-level function body blanked out (newlines kept, so positions
    hold), parsed again. A generated file nobody lints is in the model for its declarations; its
    bodies can be huge (cmd/compile/internal/ssa's rewrite rules: 11 MB of source, 360 MB of
    syntax tree). A function without a body reads as an assembly stub: the model then knows its
    signature and nothing of what it does with its parameters, so rules stay silent about them."""
    spans = [body.byte_range for node in tree.root_node.named_children
             if node.type in _FUNCTIONS and (body := node.child_by_field_name("body")) is not None]
    if not spans:
        return source, tree
    data = bytearray(source.data)
    for start, end in spans:
        data[start:end] = data[start:end].translate(_BLANK)
    blanked = bytes(data)
    return SourceFile(source.path, blanked, source.display), parse(blanked)


_FUNCTIONS = ("function_declaration", "method_declaration")
_BLANK = bytes(b if b == ord("\n") else ord(" ") for b in range(256))  # every byte but newline


def _may_declare(data: bytes, package: str) -> bool:
    """A cheap pre-check before parsing: does `package <name>` appear at all?"""
    clause = re.compile(rb"\bpackage\s+" + re.escape(package.encode()) + rb"\b")
    return clause.search(data, 0, _CLAUSE_WINDOW) is not None or clause.search(data) is not None
