"""A package's API and facts from its source, in the standard-library data's section format.

The summary of a package of the user's module is what `tools/gen_stdlib.py` writes for a
standard-library package, computed from tree-sitter trees instead of the compiler: the types of
its exported functions, methods, variables and constants (and of every type it declares), each
parameter's leak (`h`: to the heap; `c`: its content to the heap; `r0.0`: to a result; no fact
where the syntax does not settle it), and, for a function Go surely inlines, what it returns
freshly allocated (the compiler reports that allocation at an inlined call whose result
escapes). A caller's model then reads it like a standard-library package (`model.stdlib`).
"""
from __future__ import annotations

import json
from typing import Any

from tree_sitter import Node

from goescape.linter.model import PackageModel, SymbolKind
from goescape.linter.model.base import TopDecl
from goescape.linter.model.file import FileModel
from goescape.linter.model.types import (
    COMPARABLE,
    ERROR,
    Array,
    Basic,
    Chan,
    Interface,
    Map,
    Named,
    Pointer,
    Signature,
    Slice,
    Struct,
    Tuple,
    Type,
    TypeParam,
    has_pointers,
    underlying,
)
from goescape.linter.patterns.boxed_values import surely_inlined
from goescape.linter.patterns.flows import Mode, SinkKind, param_leak
from goescape.linter.patterns.storage import OriginKind, heap_origins
from goescape.linter.syntax.nodes import parameter_names
from goescape.linter.syntax.parsing import own_returns

_MAX_DEPTH = 24
# Allocations an inlined callee returns that the compiler reports at the call as the callee's
# (a variable moved to the heap is printed elsewhere: left out).
_RETURNED = frozenset({OriginKind.ADDRESS_LITERAL, OriginKind.NEW, OriginKind.SLICE_LITERAL,
                       OriginKind.MAP_LITERAL, OriginKind.MAKE, OriginKind.APPEND,
                       OriginKind.FUNC_LITERAL, OriginKind.CONCAT, OriginKind.CONVERSION})


def summarize(model: PackageModel, skip_tests: bool = False) -> dict[str, Any]:
    """The package's section (see the module doc); JSON-ready. With `skip_tests`, declarations
    of `_test.go` files are left out (a model built for linting holds them)."""
    encoder = _Encoder(model.path)
    funcs: dict[str, Any] = {}
    named: dict[str, Any] = {}
    variables: dict[str, int] = {}
    constants: dict[str, int] = {}
    for name, decl in sorted(model.decls.items()):
        if skip_tests and _in_test(decl):
            continue
        exported = name[:1].isupper()
        if decl.kind is SymbolKind.TYPE:
            named[name] = _named(model, encoder, name, decl, exported)
        elif not exported:
            continue
        elif decl.kind is SymbolKind.FUNC:
            found = _function(model, encoder, decl, None)
            if found is not None:
                funcs[name] = found
        elif decl.kind in (SymbolKind.PACKAGE_VAR, SymbolKind.CONST):
            symbol = model.symbol(name)
            index = encoder.type(symbol.type if symbol is not None else None)
            (variables if decl.kind is SymbolKind.PACKAGE_VAR else constants)[name] = index
    return {"name": model.name, "types": encoder.table, "funcs": funcs, "named": named,
            "vars": variables, "consts": constants}


def _named(model: PackageModel, encoder: _Encoder, name: str, decl: TopDecl, exported: bool) -> list[Any]:
    symbol = model.symbol(name)
    declared = symbol.type if symbol is not None else None
    flags = 2 if exported else 0
    if decl.spec.type == "type_alias" or not isinstance(declared, Named) or declared.info is None:
        return [encoder.type(declared), flags | 1, [], {}]
    info = declared.info
    params = [[p.name, encoder.type(p.constraint)] for p in info.type_params()]
    methods: dict[str, Any] = {}
    for method, top in sorted(model.method_decls(name).items()):
        if method[:1].isupper() and not _in_test(top):
            found = _function(model, encoder, top, info.methods().get(method))
            if found is not None:
                methods[method] = found
    return [encoder.type(info.underlying()), flags, params, methods]


def _in_test(decl: TopDecl) -> bool:
    source = getattr(decl.file, "source", None)
    return source is not None and str(source.path).endswith("_test.go")


def _function(model: PackageModel, encoder: _Encoder, decl: TopDecl, method: Any) -> list[Any] | None:
    """[signature, parameter names, leak codes, pointer receiver, inlined allocations]: the
    receiver comes first in names and leaks; its leak is not computed (no fact)."""
    node = decl.spec
    fm = decl.file
    if not isinstance(fm, FileModel):
        return None
    if method is not None:
        signature = method.signature
    else:
        symbol = model.symbol(decl.name)
        signature = symbol.type if symbol is not None else None
    if not isinstance(signature, Signature):
        return None
    names = [fm.text(n) if n is not None else "" for n in parameter_names(node)]
    # The compiler prints nothing about a parameter without pointers: no fact either.
    leaks: list[str | None] = [_leak(fm, node, i) if i < len(signature.params) and
                               has_pointers(signature.params[i]) is not False else None
                               for i in range(len(names))]
    if method is not None:
        names.insert(0, _receiver_name(fm, node))
        leaks.insert(0, None)
    pointer = 1 if method is not None and method.pointer_receiver else 0
    record: list[Any] = [encoder.type(signature), names, leaks, pointer]
    allocations = _returned_allocations(model, fm, node)
    if allocations:
        record.append(allocations)
    return record


def _leak(fm: FileModel, decl: Node, index: int) -> str | None:
    """The leak code of parameter `index` (see the module doc); None when nothing is proven."""
    if decl.child_by_field_name("type_parameters") is not None:
        return None  # compiled per instantiation: its facts depend on the type arguments
    try:
        value = param_leak(fm, decl, index, Mode.VALUE)
        if value is SinkKind.HEAP:
            return "h"
        content = param_leak(fm, decl, index, Mode.CONTENT)
    except RecursionError:
        return None
    parts = []
    if content is SinkKind.HEAP:
        parts.append("c")
    if value is SinkKind.RESULT:
        parts.append("r0.0")
    return ",".join(parts) or None


def _receiver_name(fm: FileModel, method: Node) -> str:
    receiver = method.child_by_field_name("receiver")
    for declaration in receiver.named_children if receiver is not None else ():
        name = declaration.child_by_field_name("name")
        if name is not None:
            return fm.text(name)
    return ""


def _returned_allocations(model: PackageModel, fm: FileModel, decl: Node) -> dict[str, Any] | None:
    """For a function Go surely inlines: the allocations it returns (`&T{...}`, `make(...)`),
    named as the compiler prints them in a caller, and whether its body is one return statement
    (then a package-level initializer with constant arguments is static data)."""
    if decl.child_by_field_name("type_parameters") is not None or _noinline(decl) or \
            not surely_inlined(fm, decl):
        return None
    body = decl.child_by_field_name("body")
    if body is None:
        return None
    found: list[list[str]] = []
    returns = own_returns(body)
    for statement in returns:
        for value in statement.named_children[0].named_children if statement.named_children and \
                statement.named_children[0].type == "expression_list" else statement.named_children:
            for origin in heap_origins(fm, value):
                if origin.kind in _RETURNED:
                    found.append([_qualified(model.name, origin.subject, origin.kind), "result"])
    if not found:
        return None
    statements = [c for c in body.named_children if c.type != "comment"]
    if len(statements) == 1 and statements[0].type == "statement_list":
        statements = [c for c in statements[0].named_children if c.type != "comment"]
    single = len(statements) == 1 and statements[0].type == "return_statement"
    return {"a": sorted(map(list, {tuple(f) for f in found})), "s": 1 if single else 0}


def _noinline(decl: Node) -> bool:
    """A `//go:noinline` directive in the comments right above the declaration."""
    sibling = decl.prev_sibling
    while sibling is not None and sibling.type == "comment":
        if (sibling.text or b"").startswith(b"//go:noinline"):
            return True
        sibling = sibling.prev_sibling
    return False


def _qualified(package: str, subject: str, kind: OriginKind) -> str:
    """`&T{...}` as a caller's compile prints it: `&pkg.T{...}`."""
    if kind is OriginKind.ADDRESS_LITERAL and subject[1:2].isalpha() and "." not in subject.split("{")[0]:
        return f"&{package}.{subject[1:]}"
    if kind is OriginKind.NEW and subject.startswith("new(") and "." not in subject and subject[4:5].isalpha():
        return f"new({package}.{subject[4:]}"
    return subject


class _Encoder:
    """The section's type table: each distinct type once, referred to by index."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.table: list[Any] = []
        self._index: dict[str, int] = {}

    def type(self, t: Type | None, depth: int = 0) -> int:
        entry = self._entry(t, depth)
        key = json.dumps(entry, separators=(",", ":"))
        found = self._index.get(key)
        if found is None:
            found = self._index[key] = len(self.table)
            self.table.append(entry)
        return found

    def _entry(self, t: Type | None, depth: int) -> list[Any]:
        if t is None or depth > _MAX_DEPTH:
            return ["?"]
        d = depth + 1
        if t is ERROR:
            return ["b", "error"]
        if t is COMPARABLE:
            return ["b", "comparable"]
        if isinstance(t, Basic):
            return ["b", t.name]
        if isinstance(t, Pointer):
            return ["p", self.type(t.elem, d)]
        if isinstance(t, Slice):
            return ["s", self.type(t.elem, d)]
        if isinstance(t, Array):
            return ["a", t.length, self.type(t.elem, d)]
        if isinstance(t, Map):
            return ["m", self.type(t.key, d), self.type(t.value, d)]
        if isinstance(t, Chan):
            return ["c", t.dir.value, self.type(t.elem, d)]
        if isinstance(t, Signature):
            entry: list[Any] = ["f", [self.type(p, d) for p in t.params],
                                [self.type(r, d) for r in t.results], t.variadic]
            if t.type_params:
                entry.append([[p.name, self.type(p.constraint, d)] for p in t.type_params])
            return entry
        if isinstance(t, Struct):
            return ["t", [[f.name, self.type(f.type, d), f.embedded] for f in t.fields]]
        if isinstance(t, Interface):
            return ["i", [[name, self.type(sig, d)] for name, sig in _method_set(t, d)]]
        if isinstance(t, Named):
            if not t.pkg or t.scope:
                return ["?"]  # a type declared inside a function: not part of any API
            entry = ["n", t.pkg, t.name]
            if t.args:
                entry.append([self.type(a, d) for a in t.args])
            return entry
        if isinstance(t, TypeParam):
            return ["P", t.name]
        if isinstance(t, Tuple):
            return ["T", [self.type(i, d) for i in t.items]]
        return ["?"]


def _method_set(t: Interface, depth: int) -> list[tuple[str, Signature]]:
    """An interface's methods with the embedded interfaces' flattened in, sorted by name."""
    found = {m.name: m.signature for m in t.methods}
    if depth <= _MAX_DEPTH:
        for embedded in t.embedded:
            inner = underlying(embedded)
            if isinstance(inner, Interface):
                for name, sig in _method_set(inner, depth + 1):
                    found.setdefault(name, sig)
    return sorted(found.items())
