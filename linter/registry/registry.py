"""The rule registry: built-in rules, internal checks and third-party packs from entry points."""
from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from types import ModuleType
from typing import Any

from goescape.linter.rule.definition import Rule, doc_sections
from goescape.linter.rule.meta import CODE_PATTERN, DOC_SECTIONS, NAME_PATTERN, RuleMeta

ENTRY_POINT_GROUP = "goescape.rules"
# ESC0xx belongs to the linter itself (directives, parse problems); pattern rules start at ESC100.
RESERVED_PREFIX = "ESC0"

class RegistryError(Exception):
    """A rule that cannot be registered; the message says which and why."""


@dataclass
class Registry:
    """All rules known to this run, looked up by code or by name."""

    rules: dict[str, Rule] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(self, rule: Rule) -> None:
        validate(rule, self)
        self.rules[rule.code] = rule

    def get(self, code_or_name: str) -> Rule | None:
        key = code_or_name.strip()
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        for rule in self.rules.values():
            if rule.name == key.lower():
                return rule
        return None

    def sorted(self) -> list[Rule]:
        return [self.rules[code] for code in sorted(self.rules)]

    def spellings(self) -> list[str]:
        """Every code and name, for "did you mean" suggestions."""
        return [s for rule in self.sorted() for s in (rule.code, rule.name)]

    def expand(self, selector: str) -> list[Rule]:
        """Rules matched by a code, a code prefix (`ESC1`) or a rule name; [] when none."""
        rule = self.get(selector)
        if rule is not None:
            return [rule]
        prefix = selector.strip().upper()
        if prefix and re.fullmatch(r"[A-Z]+[0-9]*", prefix):
            return [r for r in self.sorted() if r.code.startswith(prefix)]
        return []


def validate(rule: Rule, registry: Registry) -> None:
    """Refuse a rule with a malformed or duplicate code or name, or without its doc sections."""
    meta = rule.meta
    if not isinstance(meta, RuleMeta):
        raise RegistryError(f"{rule.origin}: META is not a goescape.linter.rule.RuleMeta")
    if not CODE_PATTERN.match(meta.code):
        raise RegistryError(f"{rule.origin}: malformed code {meta.code!r} (expected e.g. ESC101)")
    if not NAME_PATTERN.match(meta.name):
        raise RegistryError(f"{rule.origin}: name {meta.name!r} is not kebab-case")
    if (rule.check is not None or rule.verify_only or rule.profile_only) and meta.code.startswith(RESERVED_PREFIX):
        raise RegistryError(f"{rule.origin}: code {meta.code} is reserved for goescape itself (ESC0xx)")
    if meta.code in registry.rules:
        other = registry.rules[meta.code].origin
        raise RegistryError(f"{rule.origin}: code {meta.code} is already used by {other}")
    if any(r.name == meta.name for r in registry.rules.values()):
        raise RegistryError(f"{rule.origin}: name {meta.name!r} is already used")
    sections = doc_sections(rule.doc or "")
    missing = [title for title in DOC_SECTIONS if not sections.get(title)]
    if not sections.get(""):
        missing.insert(0, "a one-line summary")
    if missing:
        raise RegistryError(f"{rule.origin}: docstring lacks {', '.join(repr(m) for m in missing)}")
    if rule.check is not None and not meta.node_types:
        raise RegistryError(f"{rule.origin}: META.node_types is empty, so the rule would never run")
    for flag, only in (("VERIFY_ONLY", rule.verify_only), ("PROFILE_ONLY", rule.profile_only)):
        if only and meta.node_types:
            raise RegistryError(f"{rule.origin}: a {flag} rule has no check, so META.node_types must be empty")


def rule_from_module(module: ModuleType, origin: str) -> Rule:
    meta = getattr(module, "META", None)
    check = getattr(module, "check", None)
    verify_only = getattr(module, "VERIFY_ONLY", False) is True  # its findings come from the compiler
    profile_only = getattr(module, "PROFILE_ONLY", False) is True  # ... or from a profile
    if verify_only or profile_only:
        flag = "VERIFY_ONLY" if verify_only else "PROFILE_ONLY"
        if meta is None or check is not None or (verify_only and profile_only):
            raise RegistryError(f"{origin}: a {flag} rule module needs META and no check (and not both flags)")
        return Rule(meta=meta, doc=module.__doc__ or "", check=None, origin=origin, verify_only=verify_only,
                    profile_only=profile_only)
    if meta is None or not callable(check):
        raise RegistryError(f"{origin}: a rule module needs META and a check(node, ctx) function")
    return Rule(meta=meta, doc=module.__doc__ or "", check=check, origin=origin)


def _modules_of(obj: Any) -> list[ModuleType]:
    """An entry point names a rule module, or a pack whose RULES lists rule modules."""
    if hasattr(obj, "META"):
        return [obj]
    rules = getattr(obj, "RULES", obj)
    if isinstance(rules, Iterable) and not isinstance(rules, (str, bytes)):
        return list(rules)
    raise RegistryError(f"{obj!r} is neither a rule module nor a pack with RULES")


def _plugin_modules() -> Iterator[tuple[str, ModuleType]]:
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        origin = f"plugin {entry.name!r} ({entry.value})"
        try:
            loaded = entry.load()
            for module in _modules_of(loaded):
                yield f"{origin} {getattr(module, '__name__', '?')}", module
        except Exception as error:  # a broken plugin must not take the linter down
            yield origin, _BrokenModule(f"{origin}: cannot be loaded: {error}")


class _BrokenModule(ModuleType):
    def __init__(self, message: str) -> None:
        super().__init__("broken")
        self.message = message


def build_registry(*, plugins: bool = True) -> Registry:
    """Built-in rules (a broken one is a bug: raise), internal checks, then plugins (refused if bad)."""
    from goescape.linter.registry.directive_rules import INTERNAL_RULES
    from goescape.rules import BUILTIN

    registry = Registry()
    for rule in INTERNAL_RULES:
        registry.add(rule)
    for module in BUILTIN:
        registry.add(rule_from_module(module, f"built-in {module.__name__}"))
    if plugins:
        for origin, module in _plugin_modules():
            _add_plugin(registry, origin, module)
    return registry


def _add_plugin(registry: Registry, origin: str, module: ModuleType) -> None:
    try:
        if isinstance(module, _BrokenModule):
            raise RegistryError(module.message)
        registry.add(rule_from_module(module, origin))
    except RegistryError as error:
        registry.problems.append(f"refusing rule: {error}")


def import_rule_module(dotted: str) -> ModuleType:
    """Import a rule module by name (used by tests and `goescape.linter.testing`)."""
    return importlib.import_module(dotted)
