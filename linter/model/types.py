"""Immutable Go type shapes, as far as the syntax and the standard-library data reveal them."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol


class Type:
    """Base of every type shape; subclasses are frozen dataclasses compared by structure."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Unknown(Type):
    """A type the model could not determine; predicates answer None for it."""

    def __str__(self) -> str:
        return "?"


UNKNOWN = Unknown()


@dataclass(frozen=True, slots=True)
class Basic(Type):
    """A predeclared type (int, string, unsafe.Pointer, ...) or an untyped constant kind."""

    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Pointer(Type):
    elem: Type

    def __str__(self) -> str:
        return f"*{self.elem}"


@dataclass(frozen=True, slots=True)
class Slice(Type):
    elem: Type

    def __str__(self) -> str:
        return f"[]{self.elem}"


@dataclass(frozen=True, slots=True)
class Array(Type):
    elem: Type
    length: int | None  # None when the length is a constant expression the model cannot fold

    def __str__(self) -> str:
        return f"[{'?' if self.length is None else self.length}]{self.elem}"


@dataclass(frozen=True, slots=True)
class Map(Type):
    key: Type
    value: Type

    def __str__(self) -> str:
        return f"map[{self.key}]{self.value}"


class ChanDir(Enum):
    BOTH = 0
    SEND = 1
    RECV = 2


@dataclass(frozen=True, slots=True)
class Chan(Type):
    elem: Type
    dir: ChanDir = ChanDir.BOTH

    def __str__(self) -> str:
        prefix = {ChanDir.BOTH: "chan ", ChanDir.SEND: "chan<- ", ChanDir.RECV: "<-chan "}[self.dir]
        return f"{prefix}{self.elem}"


@dataclass(frozen=True, slots=True)
class TypeParam(Type):
    """A generic type parameter; `owner` tells apart equal names declared by different generics."""

    name: str
    owner: str = ""
    constraint: Type | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Signature(Type):
    """A func type; names are kept for messages but do not take part in identity."""

    params: tuple[Type, ...] = ()
    results: tuple[Type, ...] = ()
    variadic: bool = False  # the last parameter is ...T, stored as []T
    param_names: tuple[str, ...] = field(default=(), compare=False)
    result_names: tuple[str, ...] = field(default=(), compare=False)
    type_params: tuple[TypeParam, ...] = field(default=(), compare=False)

    def param_for_arg(self, index: int) -> Type | None:
        """The type argument `index` of a call is assigned to (a variadic tail gets the element)."""
        if self.variadic and index >= len(self.params) - 1:
            tail = self.params[-1]
            return tail.elem if isinstance(tail, Slice) else None
        return self.params[index] if 0 <= index < len(self.params) else None

    def __str__(self) -> str:
        params = [str(p) for p in self.params]
        if self.variadic and params:
            last = self.params[-1]
            params[-1] = f"...{last.elem}" if isinstance(last, Slice) else params[-1]
        results = ", ".join(str(r) for r in self.results)
        tail = "" if not self.results else f" {results}" if len(self.results) == 1 else f" ({results})"
        return f"func({', '.join(params)}){tail}"


@dataclass(frozen=True, slots=True)
class Method(Type):
    """An interface method (or a declared method's shape): name and signature without receiver."""

    name: str
    signature: Signature


@dataclass(frozen=True, slots=True)
class Tilde(Type):
    """A ~T term of a constraint."""

    type: Type

    def __str__(self) -> str:
        return f"~{self.type}"


@dataclass(frozen=True, slots=True)
class Interface(Type):
    """An interface: explicit methods, embedded interfaces, and, for constraints, type terms."""

    methods: tuple[Method, ...] = ()
    embedded: tuple[Type, ...] = ()
    terms: tuple[Type, ...] = ()  # non-empty only for constraints such as ~int | string

    @property
    def is_empty(self) -> bool:
        return not self.methods and not self.embedded and not self.terms

    def __str__(self) -> str:
        if self.is_empty:
            return "any"
        parts = [f"{m.name}{str(m.signature)[4:]}" for m in self.methods]
        parts += [str(e) for e in self.embedded]
        if self.terms:
            parts.append(" | ".join(str(t) for t in self.terms))
        return f"interface{{ {'; '.join(parts)} }}"


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: Type
    embedded: bool = False


@dataclass(frozen=True, slots=True)
class Struct(Type):
    fields: tuple[Field, ...] = ()

    def __str__(self) -> str:
        return "struct{ " + "; ".join(
            str(f.type) if f.embedded else f"{f.name} {f.type}" for f in self.fields) + " }"


@dataclass(frozen=True, slots=True)
class Tuple(Type):
    """The results of a multi-value call; never the type of a variable."""

    items: tuple[Type, ...]

    def __str__(self) -> str:
        return "(" + ", ".join(str(t) for t in self.items) + ")"


@dataclass(frozen=True, slots=True)
class MethodInfo:
    """A declared method: its signature (no receiver), receiver kind, and where it comes from."""

    name: str
    signature: Signature
    pointer_receiver: bool
    origin: object = field(default=None, compare=False, repr=False)  # a syntax node or stdlib record


class NamedInfo(Protocol):
    """What a named type's declaration provides, resolved lazily by whoever declared it."""

    def type_params(self) -> tuple[TypeParam, ...]: ...

    def underlying(self) -> Type | None: ...

    def methods(self) -> Mapping[str, MethodInfo]: ...


@dataclass(frozen=True, slots=True)
class Named(Type):
    """A defined type, identified by package path, name, type arguments and (for types declared
    inside a function) the declaring scope; `info` resolves its underlying type and methods."""

    pkg: str
    name: str
    args: tuple[Type, ...] = ()
    scope: int = 0
    info: NamedInfo | None = field(default=None, compare=False, hash=False, repr=False)

    def __str__(self) -> str:
        base = f"{self.pkg.rsplit('/', 1)[-1]}.{self.name}" if self.pkg else self.name
        return base + (f"[{', '.join(str(a) for a in self.args)}]" if self.args else "")


# Predeclared types, with byte and rune folded into the types they alias.
BOOL, STRING, INT = Basic("bool"), Basic("string"), Basic("int")
UINT8, INT32, FLOAT64, COMPLEX128 = Basic("uint8"), Basic("int32"), Basic("float64"), Basic("complex128")
UNSAFE_POINTER = Basic("unsafe.Pointer")
UNTYPED_INT, UNTYPED_FLOAT = Basic("untyped int"), Basic("untyped float")
UNTYPED_RUNE = Basic("untyped rune")
UNTYPED_STRING, UNTYPED_BOOL = Basic("untyped string"), Basic("untyped bool")
UNTYPED_NIL = Basic("untyped nil")
UNTYPED_COMPLEX = Basic("untyped complex")
ANY = Interface()
PREDECLARED_NAMES = frozenset({
    "bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
    "uint64", "uintptr", "float32", "float64", "complex64", "complex128",
})
_DEFAULTS = {UNTYPED_INT: INT, UNTYPED_FLOAT: FLOAT64, UNTYPED_RUNE: INT32, UNTYPED_STRING: STRING,
             UNTYPED_BOOL: BOOL, UNTYPED_COMPLEX: COMPLEX128}


@dataclass(frozen=True, slots=True)
class StaticNamedInfo:
    """A NamedInfo whose answers are known up front (error, comparable, test doubles)."""

    under: Type | None
    declared: tuple[MethodInfo, ...] = ()
    params: tuple[TypeParam, ...] = ()

    def type_params(self) -> tuple[TypeParam, ...]:
        return self.params

    def underlying(self) -> Type | None:
        return self.under

    def methods(self) -> Mapping[str, MethodInfo]:
        return {m.name: m for m in self.declared}


_ERROR_SIG = Signature((), (STRING,))
ERROR = Named("", "error", info=StaticNamedInfo(Interface((Method("Error", _ERROR_SIG),))))
COMPARABLE = Named("", "comparable", info=StaticNamedInfo(Interface(terms=(UNKNOWN,))))


class Kind(Enum):
    """The shape classes rules ask about; `kind()` maps every resolvable type to one of them."""

    BOOL = "bool"
    NUMERIC = "numeric"
    STRING = "string"
    UNSAFE_POINTER = "unsafe.Pointer"
    POINTER = "pointer"
    SLICE = "slice"
    ARRAY = "array"
    MAP = "map"
    CHAN = "chan"
    FUNC = "func"
    INTERFACE = "interface"
    STRUCT = "struct"
    TYPE_PARAM = "type parameter"
    NIL = "nil"
    TUPLE = "tuple"


_MAX_DEPTH = 32  # named-type chains and nesting deeper than this are treated as unknown


def underlying(t: Type | None) -> Type | None:
    """The underlying type, through named types (substituting type arguments); None if unknown.
    Cycles (invalid code such as `type A B; type B A`) end as unknown instead of looping."""
    for _ in range(_MAX_DEPTH):
        if not isinstance(t, Named):
            return None if t is None or isinstance(t, Unknown) else t
        if t.info is None:
            return None
        under = t.info.underlying()
        if under is not None and t.args:
            under = substitute(under, dict(zip(t.info.type_params(), t.args)))
        t = under
    return None


def constraint_terms(constraint: Type | None, _depth: int = 0) -> tuple[Type, ...]:
    """The type terms of a constraint, flattened: `interface{ ~[]E }`, a bare `~[]E`, and the
    implicit interface wrapping a union (as go/types stores `[M ~map[K]V]`) all give (~[]E,)."""
    if constraint is None or _depth > _MAX_DEPTH:
        return ()
    if isinstance(constraint, Tilde):
        return (constraint,)
    u = underlying(constraint)
    if not isinstance(u, Interface):
        return (constraint,) if u is not None else ()
    found: list[Type] = []
    for term in u.terms:
        inner = underlying(term) if not isinstance(term, Tilde) else None
        if isinstance(inner, Interface):
            found.extend(constraint_terms(inner, _depth + 1))
        else:
            found.append(term)
    return tuple(found)


def core(t: Type | None) -> Type | None:
    """The underlying type, or for a type parameter the single type its constraint allows
    (`S ~[]E` has core type []E), so that indexing, slicing and ranging can be typed."""
    u = underlying(t)
    if not isinstance(u, TypeParam):
        return u
    terms = constraint_terms(u.constraint)
    if len(terms) == 1:
        term = terms[0]
        return underlying(term.type if isinstance(term, Tilde) else term)
    return None


def term_types(t: Type | None) -> tuple[Type, ...]:
    """For a type parameter constrained by a union (`[]byte | string`), the underlying types
    of its terms; empty for anything else."""
    u = underlying(t)
    if not isinstance(u, TypeParam):
        return ()
    found: list[Type] = []
    for term in constraint_terms(u.constraint):
        under = underlying(term.type if isinstance(term, Tilde) else term)
        if under is None:
            return ()
        found.append(under)
    return tuple(found)


def kind(t: Type | None) -> Kind | None:
    u = underlying(t)
    if isinstance(u, Basic):
        if u.name in ("bool", "untyped bool"):
            return Kind.BOOL
        if u.name in ("string", "untyped string"):
            return Kind.STRING
        if u.name == "unsafe.Pointer":
            return Kind.UNSAFE_POINTER
        return Kind.NIL if u.name == "untyped nil" else Kind.NUMERIC
    return _KINDS.get(type(u))


_KINDS: dict[type, Kind] = {
    Pointer: Kind.POINTER, Slice: Kind.SLICE, Array: Kind.ARRAY, Map: Kind.MAP, Chan: Kind.CHAN,
    Signature: Kind.FUNC, Interface: Kind.INTERFACE, Struct: Kind.STRUCT, TypeParam: Kind.TYPE_PARAM,
    Tuple: Kind.TUPLE,
}


def is_pointer_shaped(t: Type | None, _depth: int = 0) -> bool | None:
    """Whether a value of t fits in an interface's data word without allocating (Go's
    "direct interface" types, `types.IsDirectIface`: size and pointer data both one word):
    pointers, maps, chans, funcs, unsafe.Pointer, and structs or 1-element arrays wrapping
    exactly one such value, zero-sized fields aside (`struct{ noCopy; p *T }`), unless a
    zero-sized field comes last (Go pads the struct then). None when the type is not known."""
    u = underlying(t)
    if u is None or isinstance(u, TypeParam) or _depth > _MAX_DEPTH:
        return None
    if isinstance(u, (Pointer, Map, Chan, Signature)) or u == UNSAFE_POINTER:
        return True
    if isinstance(u, Struct):
        zero = [is_zero_sized(f.type, _depth + 1) for f in u.fields]
        if None in zero:
            return None
        sized = [f for f, z in zip(u.fields, zero) if not z]
        if len(sized) != 1 or zero[-1]:
            return False
        return is_pointer_shaped(sized[0].type, _depth + 1)
    if isinstance(u, Array):
        if u.length is None:
            return None
        return is_pointer_shaped(u.elem, _depth + 1) if u.length == 1 else False
    return False


def is_zero_sized(t: Type | None, _depth: int = 0) -> bool | None:
    """Whether values of t take no memory (`struct{}`, `[0]T`, structs and arrays of those)."""
    u = underlying(t)
    if u is None or isinstance(u, TypeParam) or _depth > _MAX_DEPTH:
        return None
    if isinstance(u, Struct):
        zero = [is_zero_sized(f.type, _depth + 1) for f in u.fields]
        return None if None in zero else all(zero)
    if isinstance(u, Array):
        if u.length == 0:
            return True
        return None if u.length is None else is_zero_sized(u.elem, _depth + 1)
    return False


def has_pointers(t: Type | None, _depth: int = 0) -> bool | None:
    """Whether values of t hold pointers (cmd/compile's `HasPointers`: strings, slices, maps,
    chans, funcs, interfaces, pointers, and structs or arrays with one of those). Escape
    analysis does not follow values without pointers: copying an int field out of a struct
    leaks nothing of the struct. None when the type is not known."""
    u = underlying(t)
    if u is None or isinstance(u, TypeParam) or _depth > _MAX_DEPTH:
        return None
    if isinstance(u, Basic):
        return u.name in ("string", "unsafe.Pointer", "untyped string", "untyped nil")
    if isinstance(u, Struct):
        found = [has_pointers(f.type, _depth + 1) for f in u.fields]
        return True if True in found else None if None in found else False
    if isinstance(u, Array):
        return False if u.length == 0 else has_pointers(u.elem, _depth + 1)
    return True


def is_interface(t: Type | None) -> bool | None:
    """True for interface types (not constraints); None when unknown or a type parameter."""
    u = underlying(t)
    if u is None or isinstance(u, TypeParam):
        return None
    return isinstance(u, Interface)


def is_empty_interface(t: Type | None) -> bool | None:
    u = underlying(t)
    if u is None or isinstance(u, TypeParam):
        return None
    return isinstance(u, Interface) and u.is_empty


def is_reference(t: Type | None) -> bool | None:
    """Slices, maps, chans and funcs: values that refer to storage elsewhere."""
    u = underlying(t)
    if u is None or isinstance(u, TypeParam):
        return None
    return isinstance(u, (Slice, Map, Chan, Signature))


def is_untyped(t: Type | None) -> bool:
    return isinstance(t, Basic) and t.name.startswith("untyped ")


def default_type(t: Type | None) -> Type | None:
    """The type an untyped constant gets in `x := c` (untyped nil has none)."""
    if isinstance(t, Basic) and t.name.startswith("untyped "):
        return _DEFAULTS.get(t)
    return t


def deref(t: Type | None) -> Type | None:
    """The element of a pointer type; other types are returned as they are."""
    u = underlying(t)
    return u.elem if isinstance(u, Pointer) else t


def elem(t: Type | None) -> Type | None:
    """The element type of a pointer, slice, array, chan or map (its value type); else None."""
    u = underlying(t)
    if isinstance(u, (Pointer, Slice, Array, Chan)):
        return _known(u.elem)
    if isinstance(u, Map):
        return _known(u.value)
    return None


def _known(t: Type) -> Type | None:
    return None if isinstance(t, Unknown) else t


def substitute(t: Type, mapping: Mapping[TypeParam, Type], _depth: int = 0) -> Type:
    """Replace type parameters in t by the types they are bound to."""
    if not mapping or _depth > _MAX_DEPTH:
        return t
    d = _depth + 1
    if isinstance(t, TypeParam):
        return mapping.get(t, t)
    if isinstance(t, (Pointer, Slice)):
        return type(t)(substitute(t.elem, mapping, d))
    if isinstance(t, Array):
        return Array(substitute(t.elem, mapping, d), t.length)
    if isinstance(t, Chan):
        return Chan(substitute(t.elem, mapping, d), t.dir)
    if isinstance(t, Map):
        return Map(substitute(t.key, mapping, d), substitute(t.value, mapping, d))
    if isinstance(t, Signature):
        return Signature(tuple(substitute(p, mapping, d) for p in t.params),
                         tuple(substitute(r, mapping, d) for r in t.results), t.variadic,
                         t.param_names, t.result_names)
    if isinstance(t, Struct):
        return Struct(tuple(Field(f.name, substitute(f.type, mapping, d), f.embedded) for f in t.fields))
    if isinstance(t, Named) and t.args:
        return Named(t.pkg, t.name, tuple(substitute(a, mapping, d) for a in t.args), t.scope, t.info)
    if isinstance(t, Tuple):
        return Tuple(tuple(substitute(i, mapping, d) for i in t.items))
    if isinstance(t, Interface) and t.methods:
        methods = tuple(Method(m.name, _signature(substitute(m.signature, mapping, d), m.signature))
                        for m in t.methods)
        return Interface(methods, t.embedded, t.terms)
    return t


def _signature(t: Type, fallback: Signature) -> Signature:
    return t if isinstance(t, Signature) else fallback


# -- Go's universe block: predeclared types, constants and builtin functions --------------------

BUILTIN_FUNCS = frozenset({
    "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max",
    "min", "new", "panic", "print", "println", "real", "recover",
})

_TYPES: dict[str, Type] = {name: Basic(name) for name in PREDECLARED_NAMES}
_TYPES.update(byte=Basic("uint8"), rune=Basic("int32"), error=ERROR, any=ANY, comparable=COMPARABLE)
_CONSTS: dict[str, Type] = {"true": UNTYPED_BOOL, "false": UNTYPED_BOOL, "iota": UNTYPED_INT}


def universe_type(name: str) -> Type | None:
    """The predeclared type called `name` (byte and rune are their aliased types)."""
    return _TYPES.get(name)


def universe_const(name: str) -> Type | None:
    return _CONSTS.get(name)

