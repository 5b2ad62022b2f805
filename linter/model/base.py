"""The model's plain data (symbols, callees, selections, storages, writes) and the views its modules share.

Every module of the model answers questions about a file through `FileView`, the protocol
`FileModel` implements, so none of them imports the file model that imports them all: the
model's modules form layers, with this one and `types` at the bottom.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Protocol, TypeVar

from tree_sitter import Node

from goescape.linter.model.stdlib import LeakKind, ParamLeak, StdFunc, Stdlib
from goescape.linter.model.types import MethodInfo, Pointer, Signature, Type, underlying


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
                 origin: FileView | None = None) -> None:
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


class CalleeKind(Enum):
    FUNCTION = "function"  # a declared function (this package or the standard library)
    METHOD = "method"  # a method of a concrete type, or a method expression T.M
    INTERFACE_METHOD = "interface method"
    FUNC_VALUE = "func value"  # a variable, parameter, field, element or call result of func type
    FUNC_LITERAL = "func literal"  # func(){...}() called where it is written
    BUILTIN = "builtin"  # len, append, new, ..., and unsafe's functions
    CONVERSION = "conversion"  # T(x)


@dataclass(frozen=True, slots=True)
class Callee:
    kind: CalleeKind
    name: str
    signature: Signature | None = None  # instantiated for generic calls when the model can
    declaration: Node | None = None  # the function_declaration/method_declaration/func_literal
    std: StdFunc | None = None  # standard-library function or method, with leak facts
    receiver: Node | None = None  # the operand of a method call
    receiver_type: Type | None = None
    symbol: Symbol | None = None  # the called name, for identifiers
    conversion: Type | None = None  # the target type, for conversions
    package: str = ""  # import path, for functions of other packages (and "unsafe" builtins)


@dataclass(frozen=True, slots=True)
class Argument:
    """Where one argument of a call goes."""

    node: Node
    param_index: int  # index into the signature's parameters (the variadic one for its tail)
    param_type: Type | None  # the type the argument is assigned to (element type in the tail)
    variadic_tail: bool  # packed into the implicit slice of a ...T parameter
    spread: bool  # passed as `xs...`
    leak: ParamLeak | None  # the compiler's fact for a stdlib parameter

    @property
    def escapes(self) -> bool | None:
        """Whether the compiler lets the argument's value reach the heap (stdlib callees only):
        a leaking parameter, or leaking content of the slice a variadic tail is packed into.
        None: no fact, or a flow into results that depends on the caller."""
        if self.leak is None:
            return None
        kind = self.leak.kind
        if kind is LeakKind.HEAP:
            return True
        if kind is LeakKind.NONE:
            return False
        if kind is LeakKind.CONTENT:
            return self.variadic_tail and not self.spread
        return True if self.leak.content and self.variadic_tail and not self.spread else None


class SelectionKind(Enum):
    FIELD = "field"
    METHOD = "method"  # a method of a concrete type
    INTERFACE_METHOD = "interface method"
    PACKAGE_MEMBER = "package member"  # pkg.Name
    METHOD_EXPRESSION = "method expression"  # T.M or (*T).M


@dataclass(frozen=True, slots=True)
class Selection:
    kind: SelectionKind
    name: str
    type: Type | None  # field type, method value signature, or the member's type
    receiver: Type | None = None  # the operand's type (for fields and methods)
    indirect: bool = False  # reached through a pointer (explicit, or an embedded *T)
    method: MethodInfo | None = None
    symbol: Symbol | None = None  # for package members
    depth: int = 0  # embedding depth: 0 for a field or method of the operand's own type

    @property
    def takes_address(self) -> bool:
        """A pointer-receiver method called on an addressable value: `x.M()` means `(&x).M()`."""
        return self.method is not None and self.method.pointer_receiver and not self.indirect \
            and not isinstance(underlying(self.receiver), Pointer)


class StorageKind(Enum):
    VARIABLE = "variable"  # a named variable (local, parameter, result or package-level)
    DEREF = "through a pointer"  # *p, p.f with p a pointer: wherever p points
    SLICE_ELEMENT = "slice element"  # s[i]: the slice's backing array
    MAP_ELEMENT = "map element"  # m[k] (not addressable, but assignable)
    COMPOSITE = "composite literal"  # &T{...}: a fresh value
    NEW = "new"  # new(T): a fresh value


@dataclass(frozen=True, slots=True)
class Storage:
    kind: StorageKind
    node: Node  # the root: the variable's identifier, the pointer/slice/map expression, the literal
    symbol: Symbol | None = None  # the variable, for VARIABLE (and the root variable otherwise)

    @property
    def is_frame(self) -> bool:
        """A variable in the current function's frame (local, parameter, result, receiver)."""
        return self.kind is StorageKind.VARIABLE and self.symbol is not None and self.symbol.is_frame

    @property
    def is_package_level(self) -> bool:
        return self.kind is StorageKind.VARIABLE and self.symbol is not None and \
            self.symbol.kind is SymbolKind.PACKAGE_VAR

    @property
    def is_fresh(self) -> bool:
        """A value created by the expression itself (&T{...}, new(T))."""
        return self.kind in (StorageKind.COMPOSITE, StorageKind.NEW)


class BindingKind(Enum):
    DIRECT = "direct"  # not a func value: a declared function or a concrete method
    STATIC = "static"  # a value the compiler resolves in the function (so it devirtualizes)
    DYNAMIC = "dynamic"  # the target cannot be known locally: the compiler calls indirectly
    INTERFACE = "interface"  # a method call on an interface value: see dynamic_type
    UNKNOWN = "unknown"  # the model cannot tell; rules should stay silent


@dataclass(frozen=True, slots=True)
class FuncBinding:
    kind: BindingKind
    reason: str  # e.g. "parameter", "field", "package-level variable", "named functions"
    targets: tuple[Node | str, ...] = ()  # declarations or func literals ("pkg.Func" for stdlib)

    @property
    def is_static(self) -> bool:
        return self.kind in (BindingKind.DIRECT, BindingKind.STATIC)


@dataclass(frozen=True, slots=True)
class Write:
    """One assignment to a local: `rhs` is the assigned expression (a call with `index` for
    `a, b := f()`), or None when the value does not come from one expression (range, x++, ...)."""

    symbol: Symbol
    statement: Node
    rhs: Node | None
    index: int | None  # the result of a multi-value rhs, else None
    op: str  # "=", ":=", "var", "+=", "range", "recv", "++", "zero"


@dataclass(frozen=True, slots=True)
class TopDecl:
    """A package-level name: its declaring identifier, spec or declaration node, and file."""

    kind: SymbolKind
    name: str
    ident: Node
    spec: Node
    file: FileView
    index: int = 0


# -- the views the model's modules are written against --------------------------------------


class ScopesView(Protocol):
    """What the flow questions ask of a top-level declaration's block scopes (`scopes.Scopes`)."""

    def flow_of(self, symbol: Symbol) -> list[Write]: ...

    def is_addressed(self, symbol: Symbol) -> bool: ...


F_co = TypeVar("F_co", covariant=True)


class PackageView(Protocol[F_co]):
    """What a file's model and the patterns ask of its package (`package.PackageModel`); `F_co`
    is the type of the package's file models."""

    @property
    def path(self) -> str: ...

    @property
    def std(self) -> Stdlib: ...

    @property
    def tags(self) -> frozenset[str]: ...

    @property
    def decls(self) -> Mapping[str, TopDecl]: ...

    @property
    def files(self) -> Mapping[Path, F_co]: ...

    def memo(self, name: str) -> dict[Any, Any]: ...

    def symbol(self, name: str) -> Symbol | None: ...

    def import_name(self, path: str) -> str: ...

    def import_symbol(self, name: str, path: str) -> Symbol: ...

    def external_symbol(self, path: str, name: str) -> Symbol | None: ...

    def external_type(self, path: str, name: str) -> Type: ...

    def method_decls(self, type_name: str) -> Mapping[str, TopDecl]: ...


class FileView(Protocol):
    """The questions the model's modules ask about a file's nodes (`file.FileModel` answers them,
    with its caches)."""

    active: bool
    imports: dict[str, str]
    types: dict[int, Type | None]
    callees: dict[int, Callee | None]
    selections: dict[int, Selection | None]
    call_args: dict[int, tuple[Argument | None, ...]]

    @property
    def package(self) -> PackageView[Any]: ...

    def text(self, node: Node | None) -> str: ...

    def memo(self, name: str) -> dict[Any, Any]: ...

    def resolve(self, node: Node) -> Symbol | None: ...

    def type_of(self, expr: Node) -> Type | None: ...

    def type_of_type(self, node: Node) -> Type | None: ...

    def package_type(self, package_name: str, name: str) -> Type: ...

    def constant_int(self, node: Node | None) -> int | None: ...

    def is_constant(self, expr: Node) -> bool: ...

    def callee(self, call: Node) -> Callee | None: ...

    def select(self, selector: Node) -> Selection | None: ...

    def enclosing_function(self, node: Node) -> Node | None: ...

    def scopes_at(self, offset: int) -> ScopesView | None: ...

    def writes(self, symbol: Symbol) -> list[Write]: ...

    def is_address_taken(self, symbol: Symbol) -> bool: ...
