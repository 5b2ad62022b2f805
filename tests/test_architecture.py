"""The layout keeps its promises: no import cycles, folders that layer, each folder small and described.

Every `import` in the product's modules counts, wherever it stands: at module level, inside a
function (a lazy import) or under `if TYPE_CHECKING:`. A cycle hidden inside a function is
still a cycle: it only moves the failure from import time to the first call.
"""
from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO

# Where each installed package lives in the repository (package-dir in pyproject.toml).
ROOTS = {"goescape.linter": REPO / "linter", "goescape.rules": REPO / "rules"}
MAX_MODULES_PER_FOLDER = 15  # rules/ (one module per rule) may grow past it


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package, root in ROOTS.items():
        for path in root.rglob("*.py"):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([package, *parts])] = path
    return found


MODULES = _modules()


def _imported(module: str, path: Path) -> Iterator[str]:
    """The product modules `module` imports: `from a.b import c` is a.b.c when that is a module,
    else a.b; relative imports are resolved against the module's package."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in MODULES)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                target = f"{base}.{alias.name}"
                if target in MODULES:
                    yield target
                elif base in MODULES:
                    yield base


def _graph() -> dict[str, set[str]]:
    return {m: {t for t in _imported(m, p) if t != m} for m, p in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _a_cycle(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    """One concrete loop through a strongly connected component, for the failure message."""
    members = set(component)
    path = [component[0]]
    seen = {component[0]}
    while True:
        step = min(t for t in graph[path[-1]] if t in members)
        if step in seen:
            return [*path[path.index(step):], step]
        path.append(step)
        seen.add(step)


def _folder(module: str) -> str:
    """The folder a module belongs to: `goescape.linter.model.file` -> `model`; a module directly
    under linter/ is its own unit (`findings`, `testing`); rule modules are `rules`."""
    parts = module.split(".")
    if parts[1] == "rules":
        return "rules"
    return parts[2] if len(parts) > 2 else "linter"


def test_the_scanner_sees_function_level_and_type_checking_imports(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from goescape.linter.model.file import FileModel\n"
        "def f():\n    from goescape.linter.engine import lint\n"
        "import goescape.linter.findings\n")
    assert set(_imported("goescape.linter.sample", source)) == {
        "goescape.linter.model.file", "goescape.linter.engine.lint", "goescape.linter.findings"}


def test_the_cycle_finder_names_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _a_cycle(graph, ["a", "b", "c"]) == ["a", "b", "c", "a"]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_between_modules() -> None:
    graph = _graph()
    loops = [" -> ".join(_a_cycle(graph, c)) for c in _cycles(graph)]
    assert not loops, "import cycles:\n" + "\n".join(loops)


def test_folders_import_only_downward() -> None:
    """The folders form layers (see docs/architecture.md): no folder imports one that imports it."""
    graph = _graph()
    folders: dict[str, set[str]] = {}
    for module, targets in graph.items():
        folders.setdefault(_folder(module), set()).update(
            _folder(t) for t in targets if _folder(t) != _folder(module))
    loops = [" -> ".join(_a_cycle(folders, c)) for c in _cycles(folders)]
    assert not loops, "folders importing each other:\n" + "\n".join(loops)


@pytest.mark.parametrize("folder", sorted({p.parent for p in (REPO / "linter").rglob("__init__.py")}),
                         ids=lambda p: p.relative_to(REPO).as_posix())
def test_each_folder_is_small_and_says_what_it_is_for(folder: Path) -> None:
    modules = sorted(folder.glob("*.py"))
    assert len(modules) <= MAX_MODULES_PER_FOLDER, f"{len(modules)} modules: split the folder"
    doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text()))
    assert doc, "the folder's __init__.py needs a docstring saying what the folder is for"
    assert len(doc.splitlines()[0]) <= 120


def test_every_package_folder_is_installed() -> None:
    # A folder missing from pyproject's list works in an editable install and fails in a real
    # one (pre-commit installs goescape from the repository).
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {".".join([package, *init.parent.relative_to(root).parts])
               for package, root in ROOTS.items() for init in root.rglob("__init__.py")}
    assert folders - listed == set()
    assert listed - folders == set()
