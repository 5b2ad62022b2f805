"""PackageModel: one package's declarations across all its files, and the files' models."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tree_sitter import Node, Tree

from goescape.linter.model import declared
from goescape.linter.model.base import Symbol, SymbolKind, TopDecl
from goescape.linter.model.file import FileModel
from goescape.linter.model.stdlib import Stdlib, StdPackage, stdlib
from goescape.linter.model.types import UNKNOWN, Named, Type
from goescape.linter.syntax.buildtags import default_tags
from goescape.linter.syntax.nodes import names
from goescape.linter.syntax.source import SourceFile

_VERSION_SUFFIX = re.compile(r"^v\d+$")


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A sibling file the loader could not use, and why (unreadable, not UTF-8, ...)."""

    path: Path
    reason: str




class PackageModel:
    """Package-level types, functions, methods, variables and constants of one package (all
    files with the same package clause), plus a FileModel per file for node-level questions."""

    def __init__(self, files: Iterable[tuple[SourceFile, Tree]], path: str = "",
                 skipped: Iterable[SkippedFile] = (), std: Stdlib | None = None,
                 tags: Iterable[str] | None = None) -> None:
        self.path = path  # import path when known ("" otherwise): it qualifies named types
        self.std = std if std is not None else stdlib()
        # Build tags decide which of two declarations of a name (in x_linux.go and x_windows.go,
        # say) the model believes: files the host's `go build` would compile win.
        self.tags = frozenset(tags) if tags is not None else default_tags(
            self.std.go_version, self.std.tool_tags)
        self.skipped: list[SkippedFile] = list(skipped)
        self.duplicates: list[TopDecl] = []  # redeclarations, e.g. from build-tagged files
        self.decls: dict[str, TopDecl] = {}
        self.methods: dict[str, dict[str, TopDecl]] = {}  # receiver base type -> name -> decl
        self.files: dict[Path, FileModel] = {}
        self.name = ""
        self._symbols: dict[str, Symbol] = {}
        self._imports: dict[tuple[str, str], Symbol] = {}
        self._external: dict[tuple[str, str], Symbol | None] = {}
        self._memo: dict[str, dict[Any, Any]] = {}
        for source, tree in files:
            fm = FileModel(self, source, tree)
            self.files[Path(source.path)] = fm
            self._collect(fm)

    def memo(self, name: str) -> dict[Any, Any]:
        """A cache that lives exactly as long as this package's model (see FileModel.memo)."""
        table = self._memo.get(name)
        if table is None:
            table = self._memo[name] = {}
        return table

    def file(self, path: Path | str | SourceFile) -> FileModel:
        """The FileModel for one of the package's files (KeyError if it is not one of them)."""
        key = Path(path.path) if isinstance(path, SourceFile) else Path(path)
        return self.files[key]

    # -- package-level names ---------------------------------------------------------------

    def symbol(self, name: str) -> Symbol | None:
        """The package-level symbol declared as `name` in any file of the package."""
        found = self._symbols.get(name)
        if found is None:
            decl = self.decls.get(name)
            if decl is None:
                return None
            found = Symbol(name, decl.kind, decl.ident, decl.spec, None, decl.index, self.path,
                           declared.symbol_type, origin=decl.file)
            self._symbols[name] = found
        return found

    def method_decls(self, type_name: str) -> Mapping[str, TopDecl]:
        return self.methods.get(type_name, {})

    def std_package(self, path: str) -> StdPackage | None:
        """Standard-library data for an import path; the standard library's own vendored
        packages (golang.org/x/...) are stored under vendor/."""
        found = self.std.package(path)
        if found is None and "." in path.split("/")[0]:
            found = self.std.package("vendor/" + path)
        return found

    def import_name(self, path: str) -> str:
        """The package name an import of `path` binds (stdlib data, else Go's conventions)."""
        package = self.std_package(path)
        if package is not None:
            return package.name
        parts = path.split("/")
        last = parts[-1]
        if _VERSION_SUFFIX.match(last) and len(parts) > 1:
            last = parts[-2]  # example.com/mod/v2 is package mod
        last = last.removeprefix("go-").split(".")[0]
        return last.replace("-", "_")

    def import_symbol(self, name: str, path: str) -> Symbol:
        key = (name, path)
        found = self._imports.get(key)
        if found is None:
            found = self._imports[key] = Symbol(name, SymbolKind.IMPORT, package=path)
        return found

    def external_symbol(self, path: str, name: str) -> Symbol | None:
        """`name` from package `path`: a stdlib member, or an EXTERNAL symbol without type."""
        key = (path, name)
        if key in self._external:
            return self._external[key]
        found: Symbol | None = None
        package = self.std_package(path)
        if package is not None:
            found = _std_member(package, package.path, name)
        elif name[:1].isupper():
            found = Symbol(name, SymbolKind.EXTERNAL, package=path)
        self._external[key] = found
        return found

    def external_type(self, path: str, name: str) -> Type:
        package = self.std_package(path)
        if package is None:
            return Named(path, name)  # a package without data: its shape stays unknown
        return package.type(name, exported_only=True) or UNKNOWN

    # -- collection --------------------------------------------------------------------------

    def _collect(self, fm: FileModel) -> None:
        if not self.name:
            self.name = _package_clause(fm)
        for top in fm.tops:
            kind = top.type
            if kind == "function_declaration":
                self._add(fm, SymbolKind.FUNC, top.child_by_field_name("name"), top)
            elif kind == "method_declaration":
                self._add_method(fm, top)
            elif kind == "type_declaration":
                for spec in top.named_children:
                    if spec.type in ("type_spec", "type_alias"):
                        self._add(fm, SymbolKind.TYPE, spec.child_by_field_name("name"), spec)
            elif kind in ("var_declaration", "const_declaration"):
                self._add_specs(fm, top)

    def _add_specs(self, fm: FileModel, top: Node) -> None:
        kind = SymbolKind.PACKAGE_VAR if top.type == "var_declaration" else SymbolKind.CONST
        for spec in _specs(top):
            for index, ident in enumerate(names(spec)):
                self._add(fm, kind, ident, spec, index)

    def _add(self, fm: FileModel, kind: SymbolKind, ident: Node | None, spec: Node, index: int = 0
             ) -> None:
        if ident is None:
            return
        name = fm.text(ident)
        if name in ("_", "init") and kind in (SymbolKind.FUNC, SymbolKind.PACKAGE_VAR, SymbolKind.CONST):
            return  # neither declares a name that can be referred to
        decl = TopDecl(kind, name, ident, spec, fm, index)
        existing = self.decls.get(name)
        if existing is not None:
            if fm.active and not existing.file.active:
                self.decls[name], decl = decl, existing  # the file the build would use wins
            self.duplicates.append(decl)  # otherwise the first: alternatives mostly agree
            return
        self.decls[name] = decl

    def _add_method(self, fm: FileModel, top: Node) -> None:
        name = top.child_by_field_name("name")
        base = _receiver_base(fm, top)
        if name is None or base is None:
            return
        methods = self.methods.setdefault(base, {})
        decl = TopDecl(SymbolKind.FUNC, fm.text(name), name, top, fm)
        existing = methods.get(decl.name)
        if existing is not None:
            if fm.active and not existing.file.active:
                methods[decl.name], decl = decl, existing
            self.duplicates.append(decl)
            return
        methods[decl.name] = decl






def _std_member(package: StdPackage, path: str, name: str) -> Symbol | None:
    fn = package.func(name)
    if fn is not None:
        return Symbol(name, SymbolKind.FUNC, package=path, type=fn.signature)
    t = package.type(name, exported_only=True)
    if t is not None:
        return Symbol(name, SymbolKind.TYPE, package=path, type=t)
    var = package.var(name)
    if var is not None:
        return Symbol(name, SymbolKind.PACKAGE_VAR, package=path, type=var)
    const = package.const(name)
    if const is not None:
        return Symbol(name, SymbolKind.CONST, package=path, type=const)
    return None


def _package_clause(fm: FileModel) -> str:
    for top in fm.tops:
        if top.type == "package_clause":
            return fm.text(top.named_children[0]) if top.named_children else ""
    return ""


def _specs(top: Node) -> list[Node]:
    specs: list[Node] = []
    for child in top.named_children:
        if child.type in ("var_spec", "const_spec"):
            specs.append(child)
        elif child.type.endswith("_spec_list"):
            specs.extend(c for c in child.named_children if c.type in ("var_spec", "const_spec"))
    return specs




def _receiver_base(fm: FileModel, method: Node) -> str | None:
    node = declared.receiver_type_node(method)
    while node is not None and node.type in ("pointer_type", "parenthesized_type", "generic_type"):
        node = node.child_by_field_name("type") if node.type == "generic_type" else (
            node.named_children[0] if node.named_children else None)
    return fm.text(node) if node is not None and node.type == "type_identifier" else None


