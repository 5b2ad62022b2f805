"""goescape: a static linter for the Go code that makes values escape to the heap (layout: docs/architecture.md)."""
from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("goescape")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

PROJECT_URL = "https://github.com/goescape/goescape"
RULES_DOC_URL = f"{PROJECT_URL}/blob/main/docs/rules.md"
