"""Package-wide type-shape model shared by the rules."""
from __future__ import annotations

from goescape.linter.model.base import (
    Argument,
    BindingKind,
    Callee,
    CalleeKind,
    FuncBinding,
    Selection,
    SelectionKind,
    Storage,
    StorageKind,
    Symbol,
    SymbolKind,
    Write,
)
from goescape.linter.model.file import FileModel
from goescape.linter.model.loader import load_package
from goescape.linter.model.package import PackageModel, SkippedFile
from goescape.linter.model.stdlib import LeakKind, ParamLeak, StdFunc, stdlib

__all__ = [
    "Argument", "BindingKind", "Callee", "CalleeKind", "FileModel", "FuncBinding", "LeakKind",
    "PackageModel", "ParamLeak", "Selection", "SelectionKind", "SkippedFile", "StdFunc", "Storage",
    "StorageKind", "Symbol", "SymbolKind", "Write", "load_package", "stdlib",
]
