"""Per-repository configuration: `.goescape.toml` or `[tool.goescape]` in `pyproject.toml`."""
from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from goescape.linter.config.globs import Glob, GlobError, compile_glob
from goescape.linter.findings import Severity
from goescape.linter.registry.registry import Registry
from goescape.linter.rule.definition import Rule
from goescape.linter.syntax.limits import DEFAULT_MAX_FILE_SIZE, DEFAULT_TIMEOUT, SizeError, parse_size, parse_timeout

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILE = ".goescape.toml"
PYPROJECT = "pyproject.toml"
FAIL_LEVELS = ("note", "warning", "error", "never")
VERIFY_MODES = ("off", "on", "auto")  # auto: verify when a go command is found
# The configuration may also say "on-save": the editor (`goescape lsp`) verifies after each save;
# `goescape check` then runs the rules alone unless told otherwise on its command line.
ON_SAVE = "on-save"
LOWERED_LEVELS = ("note", "warning", "off")  # what cold and allocation-free findings may become


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """The effective settings of one run (file values, then command-line flags on top)."""

    path: Path | None = None  # the file the settings came from, if any
    root: Path = field(default_factory=Path.cwd)  # folder that globs are relative to
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    exclude: tuple[Glob, ...] = ()
    per_file_ignores: tuple[tuple[Glob, tuple[str, ...]], ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)  # rule code -> level
    fail_on: Severity | None = Severity.WARNING  # None: never fail on findings
    include_generated: bool = False
    default_excludes: bool = True  # skip vendor/, testdata/, and . or _ folders when walking
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE  # bytes; larger files are skipped (None: any)
    timeout: float | None = DEFAULT_TIMEOUT  # seconds one file may take to lint (None: no limit)
    verify: str = "off"  # one of VERIFY_MODES or ON_SAVE: check findings with the Go compiler (--verify)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # code -> options
    jobs: int | None = None  # worker processes; None: one per CPU
    cache_dir: Path | None = None  # None: the user's cache folder
    baseline: Path | None = None  # findings recorded there are hidden
    # The cost model lowers findings that allocate nothing, or sit on a cold path, to these
    # severities (OFF: not reported) unless the rule's severity was set explicitly.
    cold_severity: Severity = Severity.NOTE
    no_allocation_severity: Severity = Severity.NOTE
    rank: bool = False  # order findings by estimated cost (text, JSON) and add SARIF `rank`
    # Profile-guided mode: pprof profiles or PGO files (--profile), the share of the profile below
    # which findings are hidden (--min-weight), and whether a `default.pgo` beside a linted main
    # package is read as `go build -pgo=auto` reads it.
    profile: tuple[Path, ...] = ()
    min_weight: float | None = None
    default_pgo: bool = True


# -- locating ------------------------------------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The nearest `.goescape.toml`, else the nearest `pyproject.toml` with `[tool.goescape]`."""
    directory = start if start.is_dir() else start.parent
    for folder in (directory, *directory.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_goescape_table(pyproject):
            return pyproject
    return None


def _has_goescape_table(pyproject: Path) -> bool:
    try:
        info = pyproject.stat()
    except OSError:
        return False
    return _declares_goescape(str(pyproject), info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=64)  # the language server looks for the configuration at every edit
def _declares_goescape(pyproject: str, mtime_ns: int, size: int) -> bool:
    try:
        data = tomllib.loads(Path(pyproject).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # someone else's broken pyproject is not our configuration
    return isinstance(data.get("tool"), dict) and "goescape" in data["tool"]


def common_directory(paths: Sequence[Path]) -> Path:
    resolved = [p.resolve() for p in paths] or [Path.cwd().resolve()]
    dirs = [p if p.is_dir() else p.parent for p in resolved]
    common = Path(*Path(dirs[0]).parts)
    for d in dirs[1:]:
        while common != d and common not in d.parents:
            common = common.parent
    return common


# -- loading -------------------------------------------------------------------------------------


def load_config(path: Path | None, registry: Registry) -> Config:
    """Read and validate a configuration file; None gives the defaults rooted at the cwd."""
    if path is None:
        return Config(root=Path.cwd().resolve())
    table = _read_table(path)
    return parse_config(table, path, registry)


def _read_table(path: Path) -> Mapping[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        table = tool.get("goescape", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.goescape] must be a table")
        return table
    return data


def parse_config(table: Mapping[str, Any], path: Path, registry: Registry) -> Config:
    checker = _Checker(path, registry)
    values: dict[str, Any] = {}
    for key, value in table.items():
        parser = _KEYS.get(key)
        if parser is None:
            checker.fail(key, "unknown key", suggestions=_KEYS)
        values[_KEYS[key][0]] = _KEYS[key][1](checker, key, value)
    return Config(path=path, root=path.parent.resolve(), **values)


class _Checker:
    """Validation helpers that produce messages naming the file, the key and a likely spelling."""

    def __init__(self, path: Path, registry: Registry) -> None:
        self.path = path
        self.registry = registry

    def fail(self, key: str, problem: str, *, value: object = None,
             suggestions: Iterable[str] = ()) -> None:
        shown = key if value is None else f"{key} = {value!r}"
        hint = _closest(str(value if value is not None else key), suggestions)
        raise ConfigError(f"{self.path}: {problem}: {shown}{hint}")

    def strings(self, key: str, value: Any) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, "expected a list of strings", value=value)
        return list(value)

    def selectors(self, key: str, value: Any) -> tuple[str, ...]:
        items = self.strings(key, value)
        for item in items:
            self.rules(key, item)
        return tuple(items)

    def rules(self, key: str, selector: str) -> list[Rule]:
        found = self.registry.expand(selector)
        if not found:
            self.fail(key, "unknown rule code or name", value=selector,
                      suggestions=self.registry.spellings())
        return found

    def glob(self, key: str, pattern: Any) -> Glob:
        try:
            return compile_glob(pattern)
        except GlobError as error:
            self.fail(key, f"bad glob ({error})", value=pattern)
            raise  # unreachable: fail() raises

    def level(self, key: str, value: Any, allowed: Sequence[str]) -> str:
        if not isinstance(value, str) or value.lower() not in allowed:
            self.fail(key, f"expected one of {', '.join(allowed)}", value=value, suggestions=allowed)
        return str(value).lower()


def _closest(word: str, candidates: Iterable[str]) -> str:
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    if not matches:
        lowered = {c.lower(): c for c in candidates}
        matches = [lowered[word.lower()]] if word.lower() in lowered else []
    return f" (did you mean {matches[0]!r}?)" if matches else ""


# -- one parser per key --------------------------------------------------------------------------


def _severity_table(checker: _Checker, key: str, value: Any) -> dict[str, Severity]:
    if not isinstance(value, dict):
        checker.fail(key, "expected a table of rule = level", value=value)
    levels = [s.label for s in Severity]
    result: dict[str, Severity] = {}
    for selector, level in value.items():
        label = checker.level(f"{key}.{selector}", level, levels)
        for rule in checker.rules(key, selector):
            result[rule.code] = Severity.parse(label)
    return result


def _per_file_ignores(checker: _Checker, key: str, value: Any) -> tuple[tuple[Glob, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        checker.fail(key, "expected a table of glob = [codes]", value=value)
    return tuple(
        (checker.glob(key, pattern), checker.selectors(f"{key}.{pattern!r}", codes))
        for pattern, codes in value.items()
    )


def _rule_options(checker: _Checker, key: str, value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        checker.fail(key, "expected a table of rule tables", value=value)
    result: dict[str, dict[str, Any]] = {}
    for selector, options in value.items():
        rule = checker.registry.get(selector)
        if rule is None:
            checker.fail(f"{key}.{selector}", "unknown rule code or name", value=selector,
                         suggestions=checker.registry.spellings())
            raise AssertionError  # unreachable
        if not isinstance(options, dict):
            checker.fail(f"{key}.{selector}", "expected a table of options", value=options)
        result[rule.code] = _options_of(checker, f"{key}.{selector}", rule, options)
    return result


def _options_of(checker: _Checker, key: str, rule: Rule, options: dict[str, Any]) -> dict[str, Any]:
    known = rule.meta.options
    parsed: dict[str, Any] = {}
    for name, value in options.items():
        if name not in known:
            checker.fail(f"{key}.{name}", f"{rule.code} has no such option", suggestions=known)
        default = known[name].default
        if isinstance(default, (tuple, list)):
            parsed[name] = tuple(checker.strings(f"{key}.{name}", value))
        elif not isinstance(value, type(default)) or isinstance(value, bool) != isinstance(default, bool):
            checker.fail(f"{key}.{name}", f"expected {type(default).__name__}", value=value)
        else:
            parsed[name] = value
    return parsed


def _jobs(checker: _Checker, key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        checker.fail(key, "expected a number of processes (1 or more)", value=value)
    return int(value)


def _path(checker: _Checker, key: str, value: Any) -> Path:
    """A path relative to the configuration file's folder."""
    if not isinstance(value, str) or not value.strip():
        checker.fail(key, "expected a path", value=value)
    return checker.path.parent / Path(value).expanduser()


def _bool(checker: _Checker, key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        checker.fail(key, "expected true or false", value=value)
    return bool(value)


def _verify(checker: _Checker, key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if value not in ("auto", ON_SAVE):
        checker.fail(key, f'expected true, false, "auto" or "{ON_SAVE}"', value=value,
                     suggestions=("auto", ON_SAVE))
    return str(value)


def _size(checker: _Checker, key: str, value: Any) -> int | None:
    try:
        return parse_size(value)
    except SizeError as error:
        checker.fail(key, str(error), value=value)
        raise  # unreachable: fail() raises


def _timeout(checker: _Checker, key: str, value: Any) -> float | None:
    try:
        return parse_timeout(value)
    except SizeError as error:
        checker.fail(key, str(error), value=value)
        raise  # unreachable: fail() raises


def _profiles(checker: _Checker, key: str, value: Any) -> tuple[Path, ...]:
    """Profile paths, relative to the configuration file's folder."""
    return tuple(_path(checker, key, item) for item in checker.strings(key, value))


def _min_weight(checker: _Checker, key: str, value: Any) -> float | None:
    try:
        return parse_share(value)
    except ValueError as error:
        checker.fail(key, str(error), value=value)
        raise  # unreachable: fail() raises


def parse_share(value: object) -> float | None:
    """A share of a profile: `0.5%`, `"0.005"` or 0.005 (0: no limit); ValueError when it is
    not a number between 0 and 1."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError("expected a share such as \"0.5%\"")
    text = str(value).strip()
    try:
        share = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise ValueError("expected a share such as \"0.5%\"") from None
    if not 0 <= share <= 1:
        raise ValueError("expected a share between 0% and 100%")
    return share or None


def _lowered(checker: _Checker, key: str, value: Any) -> Severity:
    return Severity.parse(checker.level(key, value, LOWERED_LEVELS))


def _fail_on(checker: _Checker, key: str, value: Any) -> Severity | None:
    label = checker.level(key, value, FAIL_LEVELS)
    return None if label == "never" else Severity.parse(label)


_KEYS: dict[str, tuple[str, Any]] = {
    "select": ("select", lambda c, k, v: c.selectors(k, v)),
    "ignore": ("ignore", lambda c, k, v: c.selectors(k, v)),
    "exclude": ("exclude", lambda c, k, v: tuple(c.glob(k, p) for p in c.strings(k, v))),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "severity": ("severity", _severity_table),
    "fail-on": ("fail_on", _fail_on),
    "include-generated": ("include_generated", _bool),
    "default-excludes": ("default_excludes", _bool),
    "max-file-size": ("max_file_size", _size),
    "timeout": ("timeout", _timeout),
    "verify": ("verify", _verify),
    "rules": ("rule_options", _rule_options),
    "jobs": ("jobs", _jobs),
    "cache-dir": ("cache_dir", _path),
    "baseline": ("baseline", _path),
    "cold-severity": ("cold_severity", _lowered),
    "no-allocation-severity": ("no_allocation_severity", _lowered),
    "rank": ("rank", _bool),
    "profile": ("profile", _profiles),
    "min-weight": ("min_weight", _min_weight),
    "default-pgo": ("default_pgo", _bool),
}


def parse_fail_on(text: str) -> Severity | None:
    """The `--fail-on` flag's value (already restricted to FAIL_LEVELS by argparse)."""
    return None if text == "never" else Severity.parse(text)
