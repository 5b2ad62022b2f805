"""Package-wide type-shape model shared by the rules."""
from __future__ import annotations

from goescape.linter.model.calls import Argument, Callee, CalleeKind
from goescape.linter.model.file import FileModel
from goescape.linter.model.flow import BindingKind, FuncBinding
from goescape.linter.model.loader import load_package
from goescape.linter.model.package import PackageModel, SkippedFile
from goescape.linter.model.scopes import Write
from goescape.linter.model.selection import Selection, SelectionKind
from goescape.linter.model.stdlib import LeakKind, ParamLeak, StdFunc, stdlib
from goescape.linter.model.storage import Storage, StorageKind
from goescape.linter.model.symbols import Symbol, SymbolKind

__all__ = [
    "Argument", "BindingKind", "Callee", "CalleeKind", "FileModel", "FuncBinding", "LeakKind",
    "PackageModel", "ParamLeak", "Selection", "SelectionKind", "SkippedFile", "StdFunc", "Storage",
    "StorageKind", "Symbol", "SymbolKind", "Write", "load_package", "stdlib",
]
