"""Module-wide facts: where a module's (workspace's, vendor tree's) packages are, and their API and leak summaries."""
from __future__ import annotations
