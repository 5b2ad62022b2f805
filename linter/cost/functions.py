"""The functions of a Go file under the names a profile gives them (`pkg.(*T).M.func1`), with their lines.

Go 1.27 names a method `pkg.T.M` or `pkg.(*T).M`, a func literal after the function around it
and its place among that function's literals (`pkg.F.func2`; one inside it `pkg.F.func2.1`), a
func literal in a package-level initializer `pkg.init.funcN`, and the package `main` as `main`
in its binary (its import path in its test binary). A generic function's instances carry their type arguments
(`pkg.Map[go.shape.int]`): `plain_name` drops them so that names compare.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tree_sitter import Node, Tree

from goescape.linter.model.loader import import_path

_BRACKETS = re.compile(r"\[[^\[\]]*\]")
_DECLARATIONS = ("function_declaration", "method_declaration")


@dataclass(frozen=True)
class SourceFunction:
    """A function or func literal: its profile name, its lines (1-based, `start` is the line of
    its `func` keyword, as a profile's Function.start_line), and the named function it is in."""

    name: str
    start: int
    end: int
    outer: str  # the enclosing declared function's name (itself when it is one)
    outer_start: int


def plain_name(name: str) -> str:
    """A profile's function name without type arguments or the `-fm` of a method value."""
    while "[" in name:
        shorter = _BRACKETS.sub("", name)
        if shorter == name:
            break
        name = shorter
    return name.removesuffix("-fm")


def outer_name(name: str) -> str:
    """`pkg.F.func2.1` -> `pkg.F`: the declared function a func literal's name starts with."""
    parts = plain_name(name).split(".")
    while len(parts) > 1 and ((parts[-1].startswith("func") and parts[-1][4:].isdigit()) or parts[-1].isdigit()):
        parts.pop()
    return ".".join(parts)


def source_functions(tree: Tree, data: bytes, package: str) -> list[SourceFunction]:
    """Every function of the file, in source order; `package` is the name prefix (the import
    path, or `main`)."""
    found: list[SourceFunction] = []
    init_literals = 0
    for top in tree.root_node.named_children:
        if top.type in _DECLARATIONS:
            name = f"{package}.{_declared_name(top, data)}"
            start = top.start_point[0] + 1
            found.append(SourceFunction(name, start, top.end_point[0] + 1, name, start))
            _literals(top, name, True, name, start, found)
        elif top.type in ("var_declaration", "const_declaration"):
            for literal in _direct_literals(top):
                init_literals += 1
                name = f"{package}.init.func{init_literals}"
                start = literal.start_point[0] + 1
                found.append(SourceFunction(name, start, literal.end_point[0] + 1, name, start))
                _literals(literal, name, False, name, start, found)
    return found


def innermost(functions: list[SourceFunction], line: int) -> SourceFunction | None:
    """The innermost function whose lines hold `line` (the latest-starting one that does)."""
    best: SourceFunction | None = None
    for function in functions:
        if function.start <= line <= function.end and (best is None or function.start >= best.start):
            best = function
    return best


def _declared_name(node: Node, data: bytes) -> str:
    name = node.child_by_field_name("name")
    text = data[name.start_byte:name.end_byte].decode("utf-8", "replace") if name is not None else "_"
    if node.type != "method_declaration":
        return text
    receiver = node.child_by_field_name("receiver")
    kind = _receiver_type(receiver, data) if receiver is not None else ""
    return f"(*{kind[1:]}).{text}" if kind.startswith("*") else f"{kind}.{text}"


def _receiver_type(receiver: Node, data: bytes) -> str:
    """`(t *T[K])` -> `*T`: the base type, with a star for a pointer receiver."""
    parameter = next((c for c in receiver.named_children if c.type == "parameter_declaration"), None)
    kind = parameter.child_by_field_name("type") if parameter is not None else None
    star = ""
    while kind is not None and kind.type in ("pointer_type", "parenthesized_type"):
        star = "*" if kind.type == "pointer_type" else star
        kind = kind.named_children[-1] if kind.named_children else None
    if kind is not None and kind.type == "generic_type":
        kind = kind.child_by_field_name("type")
    text = data[kind.start_byte:kind.end_byte].decode("utf-8", "replace") if kind is not None else "_"
    return star + text


def _literals(node: Node, prefix: str, declared: bool, outer: str, outer_start: int,
              found: list[SourceFunction]) -> None:
    """Func literals directly inside `node` are `prefix.func1`, `prefix.func2`, ... in a
    declared function and `prefix.1`, `prefix.2`, ... in a literal; then theirs, recursively."""
    for index, literal in enumerate(_direct_literals(node), start=1):
        name = f"{prefix}.func{index}" if declared else f"{prefix}.{index}"
        found.append(SourceFunction(name, literal.start_point[0] + 1, literal.end_point[0] + 1, outer, outer_start))
        _literals(literal, name, False, outer, outer_start, found)


def _direct_literals(node: Node) -> list[Node]:
    """The func literals inside `node` that no other func literal inside it encloses, in order."""
    out: list[Node] = []
    stack = list(reversed(node.named_children))
    while stack:
        child = stack.pop()
        if child.type == "func_literal":
            out.append(child)
        else:
            stack.extend(reversed(child.named_children))
    return out


# -- the packages: their functions' name prefixes, and their default.pgo --------------------------

_PACKAGE = re.compile(rb"^package[ \t]+([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)


def package_clause(path: Path) -> str | None:
    """The package a Go file declares, read from its first 64 KiB (no parse)."""
    try:
        with open(path, "rb") as file:
            head = file.read(65536)
    except OSError:
        return None
    found = _PACKAGE.search(head)
    return found.group(1).decode() if found else None


def package_prefixes(files: Iterable[Path]) -> dict[str, tuple[str, ...]]:
    """Each folder of `files` -> the prefixes a profile gives its functions: its import path
    (from the nearest go.mod), else its name; a main package's are `main` (in its binary) and
    its import path (in its test binary)."""
    names: dict[str, str] = {}
    for path in files:
        folder = os.path.dirname(os.path.realpath(path))
        if folder in names and not names[folder].endswith("_test"):
            continue
        name = package_clause(path)
        if name is not None:
            names[folder] = name
    prefixes: dict[str, tuple[str, ...]] = {}
    for folder, name in names.items():
        name = name.removesuffix("_test") or name
        imported = import_path(Path(folder))
        if name == "main":
            prefixes[folder] = ("main", imported) if imported else ("main",)
        else:
            prefixes[folder] = (imported or name,)
    return prefixes


def default_profiles(files: Iterable[Path]) -> list[Path]:
    """The `default.pgo` files `go build -pgo=auto` would use for the linted main packages: in
    the folder of each linted file whose package is main."""
    found: dict[str, Path] = {}
    checked: set[str] = set()
    for path in files:
        folder = os.path.dirname(os.path.realpath(path))
        if folder in checked:
            continue
        candidate = Path(folder) / "default.pgo"
        if candidate.is_file() and package_clause(path) == "main":
            checked.add(folder)
            found[folder] = candidate
        elif not candidate.is_file():
            checked.add(folder)
    return [found[folder] for folder in sorted(found)]
