"""Symbols: what an identifier denotes, where it is declared and where it lives."""
from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from tree_sitter import Node

from goescape.linter.model.types import Type

if TYPE_CHECKING:
    from goescape.linter.model.file import FileModel


class SymbolKind(Enum):
    LOCAL = "local variable"  # var, :=, range, type switch, select receive, inside a function
    PARAM = "parameter"
    RESULT = "result"  # a named result
    RECEIVER = "receiver"
    PACKAGE_VAR = "package-level variable"
    CONST = "constant"  # package-level or local
    FUNC = "function"  # a package-level func declaration
    TYPE = "type"  # a declared, predeclared or local type, or a type parameter
    IMPORT = "package name"
    BUILTIN = "builtin function"
    NIL = "nil"
    EXTERNAL = "member of another package"  # of a package the model has no data for


# Kinds whose storage is the function's frame: the variables escape analysis decides about.
FRAME_KINDS = frozenset({SymbolKind.LOCAL, SymbolKind.PARAM, SymbolKind.RESULT, SymbolKind.RECEIVER})


class Symbol:
    """One declared entity. Identity matters (two `x` in different scopes are different symbols);
    the type is computed on first use, because most symbols are never asked about."""

    __slots__ = (
        "_type",
        "_typed",
        "_typer",
        "decl",
        "function",
        "index",
        "kind",
        "name",
        "node",
        "origin",
        "package",
    )

    def __init__(self, name: str, kind: SymbolKind, node: Node | None = None, decl: Node | None = None,
                 function: Node | None = None, index: int = 0, package: str = "",
                 typer: Callable[[Symbol], Type | None] | None = None, type: Type | None = None,
                 origin: FileModel | None = None) -> None:
        self.name = name
        self.kind = kind
        self.node = node  # the declaring identifier (None for predeclared and other-package names)
        self.decl = decl  # the declaring spec or statement (a case clause for a type-switch variable)
        self.function = function  # the function or func literal declaring it (None: package level)
        self.index = index  # position among the names its declaration introduces
        self.package = package  # import path: the package declaring it, or the one an IMPORT names
        self.origin = origin  # the file whose syntax declares it (None: predeclared, other package)
        self._typer = typer
        self._type = type
        self._typed = typer is None

    @property
    def type(self) -> Type | None:
        """The declared or inferred type; None when the model cannot tell."""
        if not self._typed:
            self._typed = True  # set first: a self-referencing initializer must not recurse
            assert self._typer is not None
            self._type = self._typer(self)
        return self._type

    @property
    def is_frame(self) -> bool:
        """A local variable, parameter, result or receiver: stored in a function's frame unless
        escape analysis moves it to the heap."""
        return self.kind in FRAME_KINDS

    @property
    def is_package_level(self) -> bool:
        return self.function is None and self.kind in (
            SymbolKind.PACKAGE_VAR, SymbolKind.CONST, SymbolKind.FUNC, SymbolKind.TYPE,
            SymbolKind.EXTERNAL)

    @property
    def is_variable(self) -> bool:
        return self.kind in FRAME_KINDS or self.kind is SymbolKind.PACKAGE_VAR

    def __repr__(self) -> str:
        where = f" @{self.node.start_point[0] + 1}:{self.node.start_point[1] + 1}" if self.node else ""
        return f"<{self.kind.value} {self.name}{where}>"
