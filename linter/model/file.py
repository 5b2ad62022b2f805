"""FileModel: the model's questions about one file's nodes, answered in its package's context."""
from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any

from tree_sitter import Node, Tree

from goescape.linter.model import calls, declared, flow, infer, storage
from goescape.linter.model.base import (
    Argument,
    Callee,
    FuncBinding,
    PackageView,
    Selection,
    Storage,
    Symbol,
    SymbolKind,
    Write,
)
from goescape.linter.model.scopes import Scopes
from goescape.linter.model.selection import select
from goescape.linter.model.stdlib import ParamLeak
from goescape.linter.model.typeexpr import type_from_node
from goescape.linter.model.types import (
    BUILTIN_FUNCS,
    UNKNOWN,
    UNTYPED_NIL,
    Kind,
    Signature,
    Type,
    is_interface,
    is_pointer_shaped,
    kind,
    universe_const,
    universe_type,
)
from goescape.linter.syntax import buildtags
from goescape.linter.syntax.source import SourceFile


class FileModel:
    """Answers about nodes of one file. Everything is computed on first request and cached:
    block scopes per top-level declaration, types per expression node."""

    def __init__(self, package: PackageView[FileModel], source: SourceFile, tree: Tree) -> None:
        self.package = package
        self.source = source
        self.tree = tree
        self.imports: dict[str, str] = {}  # local package name -> import path
        self.dot_imports: list[str] = []
        self.blank_imports: list[str] = []
        self.tops: list[Node] = tree.root_node.named_children
        self._starts = [top.start_byte for top in self.tops]
        self._scopes: dict[int, Scopes] = {}
        self.types: dict[int, Type | None] = {}  # node id -> inferred type (None: unknown)
        self.callees: dict[int, Callee | None] = {}  # node id -> what a call calls
        self.selections: dict[int, Selection | None] = {}  # node id -> what x.f selects
        self.call_args: dict[int, tuple[Argument | None, ...]] = {}  # node id -> arguments
        self.resolved: dict[int, Symbol | None] = {}  # node id -> what an identifier denotes
        # Whether the host's `go build` would compile this file (its build constraints hold).
        self.active = buildtags.matches(Path(source.path).name, source.data, package.tags)
        self._memo: dict[str, dict[Any, Any]] = {}
        self._read_imports()

    def memo(self, name: str) -> dict[Any, Any]:
        """A cache that lives exactly as long as this file's model, for the patterns built on it
        (module-level caches keyed by the model would keep every model alive through their
        values)."""
        table = self._memo.get(name)
        if table is None:
            table = self._memo[name] = {}
        return table

    # -- plumbing shared by the model's modules -------------------------------------------

    def text(self, node: Node | None) -> str:
        if node is None:
            return ""
        raw = node.text or b""
        try:
            return raw.decode()  # the fast path: identifiers are nearly always ASCII
        except UnicodeDecodeError:
            return raw.decode("utf-8", errors="replace")

    def top_at(self, offset: int) -> Node | None:
        """The top-level declaration containing byte `offset` (a bisection: walking up through
        `Node.parent` costs the node's depth at every step in tree-sitter)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0 or offset >= self.tops[i].end_byte:
            return None
        return self.tops[i]

    def scopes_at(self, offset: int) -> Scopes | None:
        """The block scopes of the top-level declaration containing byte `offset`."""
        top = self.top_at(offset)
        if top is None:
            return None
        found = self._scopes.get(top.start_byte)
        if found is None:
            found = self._scopes[top.start_byte] = Scopes(top, self._local_symbol, self.source.data)
        return found

    def _local_symbol(self, name: str, kind: SymbolKind, node: Node, decl: Node, function: Node | None,
                      index: int) -> Symbol:
        return Symbol(name, kind, node, decl, function, index, self.package.path, declared.symbol_type,
                      origin=self)

    def _read_imports(self) -> None:
        for top in self.tops:
            if top.type != "import_declaration":
                continue
            for spec in _import_specs(top):
                path_node = spec.child_by_field_name("path")
                path = self.text(path_node).strip('"`')
                if path_node is not None and path_node.named_children:
                    path = self.text(path_node.named_children[0])
                name_node = spec.child_by_field_name("name")
                if name_node is None:
                    self.imports.setdefault(self.package.import_name(path), path)
                elif name_node.type == "dot":
                    self.dot_imports.append(path)
                elif name_node.type == "blank_identifier":
                    self.blank_imports.append(path)
                else:
                    self.imports[self.text(name_node)] = path

    def package_type(self, package_name: str, name: str) -> Type:
        """The type `pkg.Name` denotes in this file (UNKNOWN for packages without data)."""
        path = self.imports.get(package_name)
        if path is None:
            return UNKNOWN
        return self.package.external_type(path, name)

    def constant_int(self, node: Node | None) -> int | None:
        return declared.constant_int(self, node)

    # -- the query API ------------------------------------------------------------------------

    def resolve(self, node: Node) -> Symbol | None:
        """What an identifier (or type identifier) denotes, with Go's scoping; None for field
        keys of struct literals, `_`, and names the model cannot find."""
        key = node.id
        if key in self.resolved:
            return self.resolved[key]
        found = self.resolved[key] = self._resolve(node)
        return found

    def _resolve(self, node: Node) -> Symbol | None:
        if node.type not in _NAMES:
            return None
        name = self.text(node)
        if name == "_":
            return None
        scopes = self.scopes_at(node.start_byte)
        if scopes is not None and scopes.top.type not in _DECLARATIONS:
            # Code tree-sitter could not attach to a declaration (Go 1.27's generic methods
            # become a top-level ERROR and a bare block): its names have no known scope.
            return None
        if scopes is not None:
            declared = scopes.declared_at(name, node.start_byte)
            if declared is not None:
                return declared
            if node.start_byte in scopes.inert:
                return None  # a parameter name in a func type: it declares nothing
            if node.start_byte in scopes.literal_keys and infer.is_struct_literal_key(self, node):
                return None
            found = scopes.lookup(name, node.start_byte)
            if found is not None:
                return found
        return self.lookup_global(name)

    def lookup_global(self, name: str) -> Symbol | None:
        """A name in the file, package or universe block (no local scopes)."""
        path = self.imports.get(name)
        if path is not None:
            return self.package.import_symbol(name, path)
        found = self.package.symbol(name)
        if found is not None:
            return found
        for path in self.dot_imports:
            found = self.package.external_symbol(path, name)
            if found is not None:
                return found
        return _universe_symbol(name)

    def type_of(self, expr: Node) -> Type | None:
        """The type of an expression as its syntax shows it; a Tuple for multi-value calls;
        None when unknown (rules should then stay silent)."""
        return infer.type_of(self, expr)

    def type_of_type(self, node: Node) -> Type | None:
        """The type a type node denotes (e.g. a composite literal's or conversion's type)."""
        t = type_from_node(self, node)
        return None if t is UNKNOWN else t

    def is_constant(self, expr: Node) -> bool:
        """A constant expression: literals, constants, iota, and operations/conversions on them."""
        return declared.is_constant(self, expr)

    def select(self, selector: Node) -> Selection | None:
        """What `x.f` selects: a field, method, interface method or package member."""
        return select(self, selector)

    def callee(self, call: Node) -> Callee | None:
        """What a call expression calls: function, method, interface method, func value,
        builtin or conversion, with its signature and stdlib facts when known."""
        return calls.callee(self, call)

    def call_signature(self, call: Node) -> Signature | None:
        found = calls.callee(self, call)
        return found.signature if found is not None else None

    def argument(self, call: Node, index: int) -> Argument | None:
        """The parameter argument `index` is passed to: type, variadic packing, leak fact."""
        return calls.argument(self, call, index)

    def arguments(self, call: Node) -> tuple[Argument | None, ...]:
        """`argument(call, i)` for every argument, in order."""
        return calls.call_arguments(self, call)

    def param_leaks(self, call: Node, index: int) -> ParamLeak | None:
        """The compiler's fact about the stdlib parameter argument `index` is passed to
        (None: not a stdlib call, or the compiler printed nothing for that parameter)."""
        found = calls.argument(self, call, index)
        return found.leak if found is not None else None

    def kind_of(self, expr: Node) -> Kind | None:
        """The shape class of an expression's type (slice, map, chan, func, pointer, ...)."""
        return kind(self.type_of(expr))

    def is_pointer_shaped(self, expr: Node) -> bool | None:
        """Whether the value fits an interface's data word without allocating; None if unknown."""
        return is_pointer_shaped(self.type_of(expr))

    def is_interface(self, expr: Node) -> bool | None:
        return is_interface(self.type_of(expr))

    def func_value_binding(self, expr: Node) -> FuncBinding:
        """How the callee expression of a call is bound: directly, statically through a local
        the compiler resolves, or dynamically (param, field, element, package var, ...)."""
        return flow.func_value_binding(self, expr)

    def func_value_target(self, expr: Node) -> tuple[Node | str, ...] | None:
        """The known targets of a statically bound func value; None if not statically bound."""
        binding = flow.func_value_binding(self, expr)
        return binding.targets if binding.is_static else None

    def dynamic_type(self, expr: Node) -> Type | None:
        """The one concrete type an interface-typed local always holds, so the compiler
        devirtualizes its method calls; None when not known locally."""
        return flow.dynamic_type(self, expr)

    def dynamic_type_known(self, expr: Node) -> bool:
        return flow.dynamic_type(self, expr) is not None

    def writes(self, symbol: Symbol) -> list[Write]:
        """Every assignment to a local in its function (initializer included)."""
        return flow.writes(self, symbol)

    def is_address_taken(self, symbol: Symbol) -> bool:
        return flow.is_address_taken(self, symbol)

    def storage(self, expr: Node) -> Storage | None:
        """Where an addressable expression's value is stored (variable, through a pointer,
        slice or map element, composite literal, new)."""
        return storage.storage_of(self, expr)

    def address_target(self, expr: Node) -> Storage | None:
        """For `&x`, `&x.f`, `&x[i]`, `&T{}` and `new(T)`: the storage whose address it is."""
        return storage.address_target(self, expr)

    def pointer_sources(self, expr: Node | Symbol) -> tuple[Storage, ...] | None:
        """Which storages a pointer expression (or local/result symbol) may address, following
        locals assigned only `&x`, `new(T)` or other such locals; None if anything else."""
        return storage.pointer_sources(self, expr)

    def is_local_storage(self, expr: Node) -> bool | None:
        """True if the expression denotes storage in the current frame (a local or a part of a
        local array/struct value); False through pointers, slices, maps or package vars."""
        return storage.is_local_storage(self, expr)

    def enclosing_function(self, node: Node) -> Node | None:
        """The innermost function declaration, method or func literal containing node."""
        scopes = self.scopes_at(node.start_byte)
        return scopes.function_at(node.start_byte) if scopes is not None else None

    def results(self, function: Node) -> tuple[Symbol, ...]:
        """The named results of a function or func literal, in order."""
        return tuple(s for s in self._symbols_of(function) if s.kind is SymbolKind.RESULT)

    def parameters(self, function: Node) -> tuple[Symbol, ...]:
        kinds = (SymbolKind.RECEIVER, SymbolKind.PARAM)
        return tuple(s for s in self._symbols_of(function) if s.kind in kinds)

    def captures(self, literal: Node) -> tuple[Symbol, ...]:
        """The enclosing functions' variables a func literal refers to, in order of first use."""
        return flow.captures(self, literal)

    def declaration(self, symbol: Symbol) -> Node | None:
        return symbol.node

    def _symbols_of(self, function: Node) -> list[Symbol]:
        scopes = self.scopes_at(function.start_byte)
        if scopes is None:
            return []
        found = [s for s in scopes.symbols()
                 if s.function is not None and s.function.start_byte == function.start_byte
                 and s.function.type == function.type and s.node is not None]
        return sorted(found, key=lambda s: s.node.start_byte if s.node is not None else 0)


def _import_specs(declaration: Node) -> list[Node]:
    specs: list[Node] = []
    for child in declaration.named_children:
        if child.type == "import_spec":
            specs.append(child)
        elif child.type == "import_spec_list":
            specs.extend(c for c in child.named_children if c.type == "import_spec")
    return specs


# Identifiers, and the predeclared names tree-sitter gives node types of their own.
_NAMES = frozenset({"identifier", "type_identifier", "package_identifier", "true", "false", "nil",
                    "iota"})
_DECLARATIONS = frozenset({"function_declaration", "method_declaration", "type_declaration",
                           "var_declaration", "const_declaration", "import_declaration",
                           "package_clause"})
_UNIVERSE: dict[str, Symbol] = {}


def _universe_symbol(name: str) -> Symbol | None:
    found = _UNIVERSE.get(name)
    if found is not None:
        return found
    if name in BUILTIN_FUNCS:
        found = Symbol(name, SymbolKind.BUILTIN)
    elif name == "nil":
        found = Symbol(name, SymbolKind.NIL, type=UNTYPED_NIL)
    elif universe_type(name) is not None:
        found = Symbol(name, SymbolKind.TYPE, type=universe_type(name))
    elif universe_const(name) is not None:
        found = Symbol(name, SymbolKind.CONST, type=universe_const(name))
    else:
        return None
    _UNIVERSE[name] = found
    return found

