"""A demo rule pack: its entry point names this package, whose RULES lists the rule modules."""
from __future__ import annotations

from goescape_demo_pack import goroutine_closure

RULES = (goroutine_closure,)
