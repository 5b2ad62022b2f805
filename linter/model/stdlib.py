"""Standard-library API and parameter-leak facts, loaded lazily from data/stdlib.json.gz."""
from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

from goescape.linter.model.types import (
    ANY,
    COMPARABLE,
    ERROR,
    UNKNOWN,
    Array,
    Basic,
    Chan,
    ChanDir,
    Field,
    Interface,
    Map,
    Method,
    MethodInfo,
    Named,
    Pointer,
    Signature,
    Slice,
    Struct,
    Tilde,
    Tuple,
    Type,
    TypeParam,
)

DATA = Path(__file__).parent / "data" / "stdlib.json.gz"
INLINED_DATA = Path(__file__).parent / "data" / "inlined.json.gz"
FORMAT = 1


class LeakKind(Enum):
    """What `go build -gcflags=-m` said about a parameter of a standard-library function."""

    NONE = "does not escape"
    HEAP = "leaking param"  # the value itself (a pointer, or an interface's data) reaches the heap
    CONTENT = "leaking param content"  # what the value points to reaches the heap, not the value
    RESULT = "leaking param to result"  # it escapes only if the function's result does


@dataclass(frozen=True, slots=True)
class ParamLeak:
    kind: LeakKind
    content: bool = False  # with RESULT: the content also leaks to the heap
    results: tuple[tuple[int, int], ...] = ()  # (result index, dereference level) it flows to

    @classmethod
    def decode(cls, code: str) -> ParamLeak:
        if code == "h":
            return cls(LeakKind.HEAP)
        if code == "n":
            return cls(LeakKind.NONE)
        parts = code.split(",")
        results = tuple((int(p[1:].split(".")[0]), int(p.split(".")[1])) for p in parts if p[0] == "r")
        content = "c" in parts
        if not results:
            return cls(LeakKind.CONTENT)
        return cls(LeakKind.RESULT, content=content, results=results)

    def __str__(self) -> str:
        return self.kind.value


@dataclass(frozen=True, slots=True)
class StdFunc:
    """An exported standard-library function or method with the compiler's facts about it."""

    package: str
    name: str
    signature: Signature
    receiver: str | None = None  # the receiver's type name, for methods
    pointer_receiver: bool = False
    param_names: tuple[str, ...] = ()
    leaks: tuple[ParamLeak | None, ...] = field(default=(), repr=False)  # receiver first for methods
    # What Go allocates at a call when it inlines this function (module packages' summaries
    # carry it; the standard library's is in `inlined()`).
    inlined: InlinedCallee | None = field(default=None, repr=False)

    @property
    def qualified_name(self) -> str:
        if self.receiver is None:
            return f"{self.package}.{self.name}"
        star = "*" if self.pointer_receiver else ""
        return f"({star}{self.package}.{self.receiver}).{self.name}"

    def param_leak(self, index: int) -> ParamLeak | None:
        """The leak fact for parameter `index` (not counting the receiver); None if the compiler
        printed nothing about it (a parameter without pointers, or a function it did not compile)."""
        offset = 1 if self.receiver is not None else 0
        i = offset + index
        return self.leaks[i] if index >= 0 and i < len(self.leaks) else None

    @property
    def receiver_leak(self) -> ParamLeak | None:
        return self.leaks[0] if self.receiver is not None and self.leaks else None


class StdNamedInfo:
    """A standard-library named type, decoded from its package's section on first use."""

    __slots__ = ("_methods", "_name", "_package", "_params", "_record", "_under")

    def __init__(self, package: StdPackage, name: str, record: tuple[Any, ...]) -> None:
        self._package, self._name, self._record = package, name, record
        self._methods: dict[str, MethodInfo] | None = None
        self._under: Type | None = None
        self._params: tuple[TypeParam, ...] | None = None

    def type_params(self) -> tuple[TypeParam, ...]:
        if self._params is None:
            # The type table names a parameter by package and name only (["P", "V"]), so the
            # declared parameters must carry the same owner for substitution to find them.
            owner = self._package.path
            self._params = tuple(TypeParam(n, owner, self._package.decode(c)) for n, c in self._record[2])
        return self._params

    def underlying(self) -> Type | None:
        if self._under is None:
            self._under = self._package.decode(self._record[0])
        return self._under

    def methods(self) -> Mapping[str, MethodInfo]:
        if self._methods is None:
            self._methods = {}
            for name, raw in self._record[3].items():
                fn = self._package.function(name, raw, receiver=self._name)
                self._methods[name] = MethodInfo(name, fn.signature, fn.pointer_receiver, fn)
        return self._methods


class StdPackage:
    """One standard-library package's API."""

    def __init__(self, path: str, section: dict[str, Any], owner: Stdlib) -> None:
        self.path = path
        self.owner = owner  # named types in other packages are looked up through it
        self.name: str = section["name"]
        self._raw: dict[str, Any] | None = section  # until first use (see `_section`)
        self._decoded: dict[int, Type] = {}
        self._named: dict[str, Type] = {}
        self._funcs: dict[str, StdFunc] = {}

    @cached_property
    def _section(self) -> dict[str, Any]:
        """The package's data, converted on first use: a file imports many packages whose
        names are all it needs. Tuples, not JSON's lists: the garbage collector stops tracking
        tuples of atoms, so long-lived stdlib data does not slow down every later collection."""
        section: dict[str, Any] = _frozen(self._raw)
        self._raw = None
        return section

    def decode(self, index: int) -> Type:
        found = self._decoded.get(index)
        if found is None:
            found = self._decoded[index] = _decode(self, self._section["types"][index])
        return found

    def function(self, name: str, raw: tuple[Any, ...], receiver: str | None = None) -> StdFunc:
        sig = self.decode(raw[0])
        assert isinstance(sig, Signature)
        names = tuple(raw[1])
        sig = replace(sig, param_names=names[1:] if receiver is not None else names)
        leaks = tuple(None if code is None else _leak(code) for code in raw[2])
        allocations = _inlined_record(raw[4]) if len(raw) > 4 and raw[4] else None
        return StdFunc(self.path, name, sig, receiver, len(raw) > 3 and bool(raw[3]), names, leaks,
                       allocations)

    def func(self, name: str) -> StdFunc | None:
        if name not in self._funcs:
            raw = self._section["funcs"].get(name)
            if raw is None:
                return None
            self._funcs[name] = self.function(name, raw)
        return self._funcs[name]

    def type(self, name: str, exported_only: bool = False) -> Type | None:
        """The named type (or an alias's target) declared as `name`."""
        if name in self._named:
            return self._named[name]
        record = self._section["named"].get(name)
        if record is None or (exported_only and not record[1] & 2):
            return None
        if record[1] & 1:  # alias: the name stands for the target type itself
            result = self.decode(record[0])
        else:
            result = Named(self.path, name, info=StdNamedInfo(self, name, record))
        self._named[name] = result
        return result

    def var(self, name: str) -> Type | None:
        index = self._section["vars"].get(name)
        return None if index is None else self.decode(index)

    def const(self, name: str) -> Type | None:
        index = self._section["consts"].get(name)
        return None if index is None else self.decode(index)

    def method(self, type_name: str, method: str) -> StdFunc | None:
        named = self.type(type_name)
        if not isinstance(named, Named) or named.info is None:
            return None
        info = named.info.methods().get(method)
        return info.origin if info is not None and isinstance(info.origin, StdFunc) else None


class Stdlib:
    """The whole data file: the Go version it came from and the packages, decoded on demand."""

    def __init__(self, document: dict[str, Any]) -> None:
        if document.get("format") != FORMAT:
            raise ValueError(f"stdlib data format {document.get('format')!r}, expected {FORMAT}")
        self.go_version: str = document["go"]
        self.tool_tags: tuple[str, ...] = tuple(document.get("tool_tags", ()))
        self.public: frozenset[str] = frozenset(document["public"])
        self._sections: dict[str, str] = document["packages"]
        self._packages: dict[str, StdPackage] = {}

    def package(self, path: str) -> StdPackage | None:
        found = self._packages.get(path)
        if found is None:
            text = self._sections.get(path)
            if text is None:
                return None
            found = self._packages[path] = StdPackage(path, json.loads(text), self)
        return found

    def __contains__(self, path: object) -> bool:
        return path in self._sections

    def named(self, path: str, name: str) -> Named | None:
        package = self.package(path)
        found = package.type(name) if package is not None else None
        return found if isinstance(found, Named) else None


class AllocationFlow(Enum):
    """Where an inlined callee's allocation goes, as the compiler sees it at the call."""

    HEAP = "heap"  # escapes whatever the caller does with the call (stored through a pointer, ...)
    RESULT = "result"  # escapes when, and only when, the call's result does


@dataclass(frozen=True, slots=True)
class InlinedAllocation:
    """One allocation a standard-library callee makes in its body, which Go 1.27 inlines into
    the caller and reports at the call: `subject` is the compiler's text for it
    (`&errors.errorString{...}`, `make([]byte, 4096)`, `append`)."""

    subject: str
    flow: AllocationFlow
    size: int | None = None  # bytes of a `&T{...}` or `new(T)` of a named type, when known
    pointers: bool = True  # whether that type holds pointers (the allocator rounds differently)


@dataclass(frozen=True, slots=True)
class InlinedCallee:
    """A callee Go 1.27 inlines at its calls, what it allocates there, and the inliner's cost
    of it (a caller past 5,000 nodes inlines only callees costing at most 20). `static`: in a
    package-level initializer with constant arguments, the compiler turns the inlined call into
    static data (`var ErrX = errors.New("x")` allocates nothing at run time)."""

    allocations: tuple[InlinedAllocation, ...]
    cost: int
    static: bool = False


def _inlined_record(record: Mapping[str, Any]) -> InlinedCallee:
    """A summary's {"a": [[subject, flow], ...], "s": static}; the inliner's cost is not known
    from source, so the most a callee may cost (80) stands for it."""
    allocations = tuple(InlinedAllocation(subject, AllocationFlow(flow)) for subject, flow in record["a"])
    return InlinedCallee(allocations, 80, bool(record.get("s")))


@lru_cache(maxsize=1)
def inlined() -> Mapping[str, InlinedCallee]:
    """The callees of data/inlined.json.gz (generated by tools/gen_inlined.py), by
    `StdFunc.qualified_name`: `errors.New`, `(*bufio.Reader).Reset`, `(time.Time).MarshalText`."""
    document = json.loads(gzip.decompress(INLINED_DATA.read_bytes()))
    if document.get("format") != FORMAT:
        raise ValueError(f"inlined data format {document.get('format')!r}, expected {FORMAT}")
    return {key: InlinedCallee(tuple(InlinedAllocation(subject, AllocationFlow(flow), *rest)
                                     for subject, flow, *rest in entry["allocs"]), int(entry["cost"]),
                          bool(entry.get("static")))
            for key, entry in document["callees"].items()}


@cache
def _leak(code: str) -> ParamLeak:
    return ParamLeak.decode(code)  # a few dozen distinct codes: share the instances


@lru_cache(maxsize=1)
def stdlib() -> Stdlib:
    """The data shipped with goescape (generated by tools/gen_stdlib.py)."""
    return load(DATA)


def load(path: Path) -> Stdlib:
    return Stdlib(json.loads(gzip.decompress(path.read_bytes())))


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    return value


def _decode(package: StdPackage, entry: tuple[Any, ...]) -> Type:
    tag = entry[0]
    d = package.decode
    if tag == "b":
        return _basic(entry[1])
    if tag == "p":
        return Pointer(d(entry[1]))
    if tag == "s":
        return Slice(d(entry[1]))
    if tag == "a":
        return Array(d(entry[2]), entry[1])
    if tag == "m":
        return Map(d(entry[1]), d(entry[2]))
    if tag == "c":
        return Chan(d(entry[2]), ChanDir(entry[1]))
    if tag == "f":
        tparams = tuple(TypeParam(n, package.path, d(c)) for n, c in entry[4]) if len(entry) > 4 else ()
        return Signature(tuple(d(p) for p in entry[1]), tuple(d(r) for r in entry[2]), entry[3],
                         type_params=tparams)
    if tag == "t":
        return Struct(tuple(Field(n, d(t), e) for n, t, e in entry[1]))
    if tag == "i":
        methods = []
        for name, sig in entry[1]:
            signature = d(sig)
            if isinstance(signature, Signature):
                methods.append(Method(name, signature))
        terms = tuple(d(t) for t in entry[2]) if len(entry) > 2 else ()
        return Interface(tuple(methods), terms=terms)
    if tag == "n":
        args = tuple(d(a) for a in entry[3]) if len(entry) > 3 else ()
        return _named(package.owner, entry[1], entry[2], args)
    if tag == "P":
        return TypeParam(entry[1], package.path)
    if tag == "U":
        return Interface(terms=tuple(Tilde(d(t)) if tilde else d(t) for tilde, t in entry[1]))
    if tag == "T":
        return Tuple(tuple(d(t) for t in entry[1]))
    return UNKNOWN


def _basic(name: str) -> Type:
    if name == "error":
        return ERROR
    if name == "comparable":
        return COMPARABLE
    if name == "any":
        return ANY
    return Basic({"byte": "uint8", "rune": "int32"}.get(name, name))


def _named(owner: Stdlib, path: str, name: str, args: tuple[Type, ...]) -> Type:
    base = owner.named(path, name)
    if base is None:
        return Named(path, name, args)  # not in the data: a shape the model cannot see into
    return Named(path, name, args, info=base.info) if args else base
