"""The rule API: what a rule declares (its metadata) and what it is given (the file's context and model).

Rule modules, built-in or from a pack, import what they need from here:
`from goescape.linter.rule import Context, Finding, Precision, RuleMeta, Severity`.
"""
from __future__ import annotations

from goescape.linter.findings import Finding, Related, Severity, Span
from goescape.linter.rule.context import Context
from goescape.linter.rule.meta import Precision, RuleMeta, RuleOption

__all__ = ["Context", "Finding", "Precision", "Related", "RuleMeta", "RuleOption", "Severity", "Span"]
