"""Go's universe block: predeclared types, constants and builtin functions."""
from __future__ import annotations

from goescape.linter.model.types import (
    ANY,
    COMPARABLE,
    ERROR,
    PREDECLARED_NAMES,
    UNTYPED_BOOL,
    UNTYPED_INT,
    Basic,
    Type,
)

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

