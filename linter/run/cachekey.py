"""What a cached result depends on: the tool, the rules, the configuration, the file and its package."""
from __future__ import annotations

import hashlib
import inspect
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from goescape.linter import __version__
from goescape.linter.config.policy import Policy
from goescape.linter.rule.definition import Rule

# Bump when the meaning of an entry changes without the code digest noticing (e.g. the codec).
CACHE_FORMAT = "2"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def run_digest(policy: Policy, stage_keys: Sequence[str]) -> str:
    """Everything shared by the files of one run: tool version and code, parser, rules with
    their code, the effective configuration, the host platform (build tags) and any finding
    stages' own keys (a compiler-verified run depends on the compiler)."""
    parts = {
        "format": CACHE_FORMAT,
        "version": __version__,
        "code": _code_digest(),
        "python": sys.version_info[:2],
        "rules": [_rule_digest(rule) for rule in policy.registry.sorted()],
        "config": _config_digest(policy),
        "platform": _platform(),
        "stages": list(stage_keys),
    }
    return sha256(json.dumps(parts, sort_keys=True, default=str).encode())


def file_key(run: str, content: str, package: str, ignored: Iterable[str], uri: str) -> str:
    """The key of one file's result: the run, its bytes, its package context, the rules
    `per-file-ignores` turns off for it, and its repo-relative URI (fingerprints name the file;
    the paths shown are put back when a result is read)."""
    return sha256(f"{run}\0{content}\0{package}\0{','.join(sorted(ignored))}\0{uri}".encode(errors="surrogateescape"))


def package_digest(module: str, files: Mapping[str, str]) -> str:
    """The package context the model could read: every Go file of the folder (name -> content
    hash; the model reads siblings from disk, so a change in one must invalidate the others)
    and what its import path is made of (it qualifies the package's types). A file's result,
    and its package's report fragment, depend on nothing else: a model that reads other folders
    (facts about the packages it imports) must add what it reads from them here."""
    listing = "\n".join(f"{name}\0{digest}" for name, digest in sorted(files.items()))
    return sha256(f"{module}\n{listing}".encode(errors="surrogateescape"))  # any file name


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """The engine's and built-in rules' own source, the bundled data and the parser: a
    development checkout or a reinstall invalidates the cache without a version bump."""
    import tree_sitter
    import tree_sitter_go

    import goescape.linter
    import goescape.rules

    digest = hashlib.sha256()
    for package in (goescape.linter, goescape.rules):
        base = Path(str(package.__file__)).parent
        for path in sorted(base.rglob("*")):
            if path.suffix in (".py", ".gz") and "__pycache__" not in path.parts:
                digest.update(os.fsencode(path.relative_to(base).as_posix()) + b"\0")
                digest.update(_read(path) + b"\0")
    for module in (tree_sitter, tree_sitter_go):
        for path in sorted(Path(str(module.__file__)).parent.glob("*binding*")):
            stat = path.stat()
            digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode(errors="surrogateescape"))
    return digest.hexdigest()


def _rule_digest(rule: Rule) -> list[str]:
    """A rule's identity and, for rules outside goescape (plugins), its module's source and its
    check's own code (two rules defined in one file differ by it)."""
    source = ""
    if rule.check is not None and not rule.origin.startswith(("built-in", "goescape")):
        code = getattr(rule.check, "__code__", None)
        try:
            source = sha256(_read(Path(inspect.getfile(rule.check))))
        except (TypeError, OSError):
            source = f"{rule.check.__module__}.{getattr(rule.check, '__qualname__', '')}"
        if code is not None:
            source += sha256(code.co_code + repr(code.co_consts).encode())
    return [rule.code, rule.name, rule.origin, str(rule.meta.node_types), source]


def _config_digest(policy: Policy) -> dict[str, Any]:
    config = policy.config
    return {
        "severities": {code: int(level) for code, level in sorted(policy.severities.items())},
        # the cost model lowers free and cold findings, except for rules whose severity was set
        "lowered": [int(config.cold_severity), int(config.no_allocation_severity), sorted(config.severity)],
        "options": {code: dict(options) for code, options in sorted(config.rule_options.items())},
        "include_generated": config.include_generated,
        "max_file_size": config.max_file_size,  # skipped or linted, and which siblings the model reads
        # the profiles (their content, and the files they were bound to)
        "profile": policy.profile.digest if policy.profile is not None else None,
    }


def _platform() -> list[str]:
    from goescape.linter.syntax.buildtags import host_platform

    return [*host_platform(), os.sep]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""
