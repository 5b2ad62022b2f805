"""Built-in goescape rules, one module per escape pattern, listed explicitly and sorted by code."""
from __future__ import annotations

from types import ModuleType

from goescape.rules import address_return

BUILTIN: tuple[ModuleType, ...] = (address_return,)
