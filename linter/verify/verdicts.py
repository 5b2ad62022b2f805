"""Which rule, and which words, for a compiler escape: the site it is about and where it goes."""
from __future__ import annotations

import enum
from dataclasses import dataclass

from tree_sitter import Node

from goescape.linter.gc.parse import Diagnostic
from goescape.linter.verify import codes
from goescape.linter.verify.sites import Site, text

SHORT = 40  # longest expression quoted in a message


class Sink(enum.Enum):
    RETURN = "return"
    SEND = "send"
    MAP = "map"
    SLICE = "slice"
    POINTER = "pointer"
    GLOBAL = "global"
    CALL = "call"
    CLOSURE = "closure"
    GOROUTINE = "goroutine"
    LARGE = "large"
    CONTAINED = "contained"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Where:
    """Where an escaping value goes, in words, and the rule a call or a container points to."""

    sink: Sink
    phrase: str  # a participle: "returned", "stored in a map", ...
    hint: str | None = None  # a rule code decided by the callee or the enclosing allocation


def code_for(site: Site, where: Where) -> str:
    """The rule a (site, sink) pair belongs to: a pattern rule when its documented pattern
    covers the pair (ESC103/105/107 take any reference stored in a container, sent, or stored
    through a pointer or in a package-level variable; ESC104/108 any reference passed to an
    unresolved func value or interface method), else the catch-all for the site."""
    if where.sink is Sink.LARGE:
        return codes.LARGE
    if site is Site.BOXED:
        if where.sink is Sink.SEND:
            return codes.CHANNEL
        return codes.VARIADIC if where.hint == codes.VARIADIC else codes.INTERFACE_SLOT
    if site is Site.VARIADIC:
        return _hinted(where) or codes.OTHER
    if where.sink in (Sink.CLOSURE, Sink.GOROUTINE):
        return codes.CLOSURE
    pattern = _REFERENCE_SINKS.get(where.sink) or _hinted(where)
    if pattern is not None:
        return pattern
    if where.sink is Sink.RETURN and site in (Site.VARIABLE, Site.ADDRESS, Site.NEW, Site.MAKE, Site.LITERAL):
        return codes.ADDRESS_RETURN
    if where.sink is Sink.CALL and site in (Site.VARIABLE, Site.ADDRESS, Site.NEW):
        return codes.LEAKING_PARAMETER
    return _CATCH_ALL.get(site, codes.OTHER)


_REFERENCE_SINKS = {
    Sink.SEND: codes.CHANNEL, Sink.MAP: codes.CONTAINER, Sink.SLICE: codes.CONTAINER,
    Sink.POINTER: codes.INDIRECT, Sink.GLOBAL: codes.INDIRECT,
}
_INHERITED = frozenset({codes.ADDRESS_RETURN, codes.CONTAINER, codes.CHANNEL, codes.INDIRECT,
                        codes.FUNC_VALUE, codes.INTERFACE_METHOD, codes.VARIADIC})
_CATCH_ALL = {
    Site.FUNC_LITERAL: codes.CLOSURE, Site.METHOD_VALUE: codes.CLOSURE, Site.APPEND: codes.APPEND,
    Site.CONCAT: codes.CONVERSION, Site.CONVERSION: codes.CONVERSION,
}


def _hinted(where: Where) -> str | None:
    return where.hint if where.hint in _INHERITED else None


def message(site: Site, subject: str, where: Where) -> str:
    phrase = where.phrase
    if where.sink is Sink.LARGE:
        return f"{subject} escapes: it is {phrase}"
    if site is Site.BOXED:
        return f"{subject} escapes: it is boxed into an interface and {phrase}"
    if site is Site.METHOD_VALUE:
        return f"{subject} escapes: the method value's closure is {phrase}"
    if site is Site.FUNC_LITERAL:
        return f"the func literal escapes: it is {phrase}"
    if site is Site.APPEND:
        return f"{subject} escapes: the grown backing array is {phrase}"
    if site is Site.CONCAT:
        return f"{subject} escapes: the concatenated string is {phrase}"
    if site is Site.CONVERSION:
        return f"{subject} escapes: the converted copy is {phrase}"
    if site is Site.VARIADIC:
        return f"the implicit slice of a variadic call escapes: it is {phrase}"
    return f"{subject} escapes: it is {phrase}"


def variable_message(name: str, where: Where, address: bool) -> str:
    if where.sink is Sink.CLOSURE:
        return f"{name} escapes: it is captured by reference by a closure that escapes, so it is " \
               "moved to the heap"
    subject = "its address" if address else "it"
    return f"{name} escapes: {subject} is {where.phrase}, so it is moved to the heap"


def subject_of(diagnostic: Diagnostic, node: Node | None, site: Site) -> str:
    if site is Site.APPEND:
        return "append"
    written = text(node)
    if node is not None and node.type == "literal_value":
        return short(diagnostic.subject)  # `{1, 2}` of `[]int{1, 2}`: the compiler's `[]int{...}` says more
    if node is not None and "\n" not in written and len(written) <= SHORT:
        return written
    return short(diagnostic.subject)


def short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= SHORT else value[: SHORT - 1] + "…"
