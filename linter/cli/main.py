"""The command line: `goescape check`, `goescape rules`, `goescape explain`, `goescape lsp`."""
from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from goescape.linter import __version__
from goescape.linter.cli import profileflags, runflags
from goescape.linter.cli.output import OutputError, write_report
from goescape.linter.cli.packaged import run_packaged
from goescape.linter.config.discover import discover
from goescape.linter.config.file import (
    FAIL_LEVELS,
    VERIFY_MODES,
    Config,
    ConfigError,
    common_directory,
    find_config,
    load_config,
    parse_fail_on,
)
from goescape.linter.config.policy import Policy
from goescape.linter.cost.pprof import ProfileError
from goescape.linter.cost.rank import ranked
from goescape.linter.findings import Notice, RunResult, Severity
from goescape.linter.registry.registry import Registry, build_registry
from goescape.linter.report import render
from goescape.linter.report.options import FORMATS, ReportOptions
from goescape.linter.report.text import summary
from goescape.linter.report.totals import Totals
from goescape.linter.rule.definition import Rule
from goescape.linter.run.runner import project_root, run
from goescape.linter.syntax.limits import SizeError, parse_size, parse_timeout
from goescape.linter.verify import session as verification

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem with what the user asked for: reported in one line, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="goescape",
        description="Find the Go code patterns that make values escape to the heap.",
    )
    parser.add_argument("--version", action="version", version=f"goescape {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_check(commands)
    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    explain = commands.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("rule", metavar="CODE|NAME")
    lsp = commands.add_parser("lsp", help="run the language server (for editors), over stdio",
                              description="Serve the Language Server Protocol over standard input and "
                                          "output: findings as you type, quick fixes, hover.")
    lsp.add_argument("--stdio", action="store_true", help="accepted for editors that pass it (stdio is the default)")
    return parser


def _add_check(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    check = commands.add_parser("check", help="lint Go files and folders",
                                description="Lint Go files and folders (default: the current folder).")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    check.add_argument("--select", action="append", metavar="CODES",
                       help="rules to run: codes, prefixes (ESC1) or names, comma-separated")
    check.add_argument("--ignore", action="append", metavar="CODES", help="rules not to run")
    check.add_argument("--severity", action="append", default=[], metavar="CODE=LEVEL",
                       help="set a rule's severity: note, warning, error or off (repeatable)")
    check.add_argument("--fail-on", choices=FAIL_LEVELS,
                       help="lowest severity that makes the exit status 1 (default: warning)")
    check.add_argument("--config", metavar="FILE", help="use this configuration file")
    runflags.add_arguments(check)
    check.add_argument("--rank", action="store_true",
                       help="order findings by estimated cost, costliest first (SARIF: result.rank)")
    profileflags.add_arguments(check)
    check.add_argument("--show-source", action="store_true", help="print the source line and a caret")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    check.add_argument("--include-suppressed", action="store_true",
                       help="report suppressed findings too, marked as such")
    check.add_argument("--include-generated", action="store_true",
                       help="lint files marked '// Code generated ... DO NOT EDIT.'")
    check.add_argument("--no-default-excludes", action="store_true",
                       help="walk vendor/, testdata/ and folders starting with . or _ too")
    check.add_argument("--max-file-size", metavar="SIZE", type=_size,
                       help="skip files larger than SIZE, with a notice (default: 10MB; 0: no limit)")
    check.add_argument("--timeout", metavar="SECONDS", type=_seconds,
                       help="give up on a file after SECONDS, with a notice (default: 120; 0: no limit)")
    verify = check.add_argument_group("compiler-verified mode")
    verify.add_argument("--verify", choices=VERIFY_MODES, metavar="on|auto|off",
                        help="check every finding with the Go compiler and report the escapes no "
                             "rule found; `--verify` alone means on, auto verifies only when a go "
                             "command is found")
    verify.add_argument("--go", metavar="PATH",
                        help="the go command to verify with; implies --verify (default: go on PATH)")
    verify.add_argument("--cgo", action="store_true",
                        help="let the go command run cgo (needs a C compiler; off by default)")
    verify.add_argument("--show-refuted", action="store_true",
                        help="list the findings the compiler refuted, with what it said instead")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(_bare_verify(sys.argv[1:] if argv is None else argv))
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "lsp":
            return _lsp()
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    except (UsageError, ConfigError, runflags.RunFlagError, ProfileError) as error:
        _error(str(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # never a traceback for users; GOESCAPE_DEBUG=1 shows it
        if os.environ.get("GOESCAPE_DEBUG"):
            raise
        _error(f"internal error: {type(error).__name__}: {error} (set GOESCAPE_DEBUG=1 for details)")
        return EXIT_ERROR


# -- check ---------------------------------------------------------------------------------------


def _bare_verify(argv: Sequence[str]) -> list[str]:
    """`--verify` alone means `--verify=on` (an optional value would swallow the next path)."""
    args = list(argv)
    end = args.index("--") if "--" in args else len(args)
    return [("--verify=on" if a == "--verify" and i < end else a) for i, a in enumerate(args)]


def _check(args: argparse.Namespace) -> int:
    registry = _registry()
    existing = [Path(p) for p in args.paths if Path(p).exists()]
    config_path = Path(args.config) if args.config else find_config(common_directory(existing))
    config = _apply_flags(load_config(config_path, registry), args, registry)
    root = project_root(common_directory(existing))
    try:
        config, verify = verification.setup(config, args.go, args.cgo)
    except verification.NoGo as error:
        raise UsageError(f"--verify: {error}") from None
    policy = Policy.build(config, registry)  # reads --profile's files: a bad one is a ProfileError
    flags = runflags.settings(args, config, Path.cwd())
    stages = verify.stages(registry, getattr(flags.cache, "root", None))
    replay_key = _replay_key(args, policy, root, config_path, flags, stages)
    if replay_key is not None:
        from goescape.linter.run import replay

        stored = replay.load(flags.cache, replay_key)
        if stored is not None:
            _write_bytes(stored.report, args.output, [Path(p) for p in stored.linted])
            sys.stderr.write(stored.stderr)
            return stored.status
    started = time.time_ns()
    found = discover(args.paths, policy.excluded, default_excludes=config.default_excludes)
    policy, pgo_notices = profileflags.default_pgo(policy, found)
    rank = config.rank or policy.profile is not None  # a profile implies ranking by weight
    options = ReportOptions(show_source=args.show_source, include_suppressed=args.include_suppressed,
                            verified=bool(stages), show_refuted=args.show_refuted, rank=rank)
    packaged = run_packaged(args, config, policy, root, flags, stages, options, found)
    if packaged is None:
        try:
            result = run(args.paths, policy, root, stages, found=found, **flags.run_kwargs())
        finally:
            verification.finish_stages(stages)
    else:
        result = packaged.result
    verification.add_notices(result, verify)
    result.notices = sorted([*result.notices, *pgo_notices], key=Notice.sort_key)
    runflags.finish(result, flags)
    if config.min_weight is not None and policy.profile is not None:
        result.diagnostics, hidden = profileflags.below_weight(result.diagnostics, config.min_weight)
        result.filters["min-weight"] = {"hidden": hidden}
    if rank:
        result.diagnostics = ranked(result.diagnostics)
    known = packaged.signatures if packaged is not None else None
    read = _replay_snapshot(replay_key, args, result, flags, config, started, known)
    if packaged is None:
        totals = Totals.of(result)
        report = render(args.format, result, policy, options).encode("utf-8")
    else:
        totals, report = packaged.totals, packaged.report()
    _write_bytes(report, args.output, result.files)
    epilogue = _epilogue(args, result, flags, options, totals)
    sys.stderr.write(epilogue)
    status = exit_status(result, config, totals)
    if replay_key is not None and read is not None:
        from goescape.linter.run import replay

        stored = replay.Replay(report, epilogue, status, tuple(str(p) for p in result.files))
        replay.save(flags.cache, replay_key, stored, read)
    return status


def _replay_snapshot(key: str | None, args: argparse.Namespace, result: RunResult,
                     flags: runflags.RunSettings, config: Config, started: int,
                     known: Mapping[str, Sequence[int]] | None = None) -> Any:
    """What the run read (a replay.Snapshot), if it may be replayed: it failed nowhere and had
    nothing to warn about."""
    if key is None or result.failed or result.missing or flags.warnings or flags.notes:
        return None
    from goescape.linter.run import replay

    return replay.snapshot(args.paths, result.files, config.default_excludes, started, known)


def _epilogue(args: argparse.Namespace, result: RunResult, flags: runflags.RunSettings,
              options: ReportOptions, totals: Totals) -> str:
    """What a run prints on standard error after its report."""
    lines = [f"goescape: error: {path}: no such file or folder" for path in result.missing]
    lines += [f"goescape: warning: {warning}" for warning in flags.warnings]
    if not args.quiet:
        lines += [f"goescape: {note}" for note in flags.notes]
        if result.files_linted == 0 and not result.missing and not result.failed:
            lines.append(f"goescape: warning: {flags.nothing_linted(args.paths)}")
        lines.append(summary(result, options, totals))
    return "".join(f"{line}\n" for line in lines)


def _replay_key(args: argparse.Namespace, policy: Policy, root: Path, config_path: Path | None,
                flags: runflags.RunSettings, stages: Sequence[object]) -> str | None:
    """The key under which this run's report may be replayed (see replay.py); None when its
    output depends on more than the files it reads."""
    if (flags.cache is None or stages or flags.changes is not None or flags.baseline is not None
            or flags.write_baseline is not None):
        return None
    from goescape.linter.run import replay
    from goescape.linter.run.cachekey import run_digest

    if not replay.enabled():
        return None
    return replay.run_key({
        "run": run_digest(policy, []),
        "paths": list(args.paths),
        "resolved": [os.path.realpath(p) for p in args.paths],
        "cwd": os.getcwd(),
        "root": str(root),
        "config": str(config_path),
        "options": [args.format, args.show_source, args.include_suppressed, args.show_refuted, args.quiet,
                    policy.config.rank],
        "fail-on": str(policy.config.fail_on),  # the exit status comes from the configuration too
    })


def exit_status(result: RunResult, config: Config, totals: Totals | None = None) -> int:
    if result.failed or result.missing:
        return EXIT_ERROR
    if config.fail_on is None:
        return EXIT_CLEAN
    totals = totals if totals is not None else Totals.of(result)
    return EXIT_FINDINGS if totals.at_least(config.fail_on) else EXIT_CLEAN


def _registry() -> Registry:
    registry = build_registry()
    for problem in registry.problems:
        _warn(problem)
    return registry


def _apply_flags(config: Config, args: argparse.Namespace, registry: Registry) -> Config:
    """Command-line flags override the file: --select/--ignore replace its lists."""
    changes: dict[str, Any] = {}
    select = _selectors("--select", args.select, registry)
    if select is not None:
        changes["select"] = select
    ignore = _selectors("--ignore", args.ignore, registry)
    if ignore is not None:
        changes["ignore"] = ignore
    if args.severity:
        severity = dict(config.severity)
        for item in args.severity:
            code, _, level = item.partition("=")
            try:
                parsed = Severity.parse(level)
            except ValueError:
                raise UsageError(f"--severity {item}: expected CODE=note|warning|error|off") from None
            for rule in _expand("--severity", code, registry):
                severity[rule.code] = parsed
        changes["severity"] = severity
    if args.fail_on:
        changes["fail_on"] = parse_fail_on(args.fail_on)
    if args.rank:
        changes["rank"] = True
    if args.include_generated:
        changes["include_generated"] = True
    if args.no_default_excludes:
        changes["default_excludes"] = False
    if args.max_file_size is not None:
        changes["max_file_size"] = args.max_file_size or None
    if args.timeout is not None:
        changes["timeout"] = args.timeout or None
    if args.verify:
        changes["verify"] = args.verify
    changes.update(profileflags.changes(args))
    return replace(config, **changes)


def _size(text: str) -> int:
    """--max-file-size: bytes, 0 for no limit (argparse reports a bad value in one line)."""
    try:
        return parse_size(text) or 0
    except SizeError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _seconds(text: str) -> float:
    """--timeout: seconds, 0 for no limit."""
    try:
        return parse_timeout(text) or 0.0
    except SizeError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _selectors(flag: str, values: list[str] | None, registry: Registry) -> tuple[str, ...] | None:
    if values is None:
        return None
    items = tuple(s.strip() for value in values for s in value.split(",") if s.strip())
    for item in items:
        _expand(flag, item, registry)
    return items


def _expand(flag: str, selector: str, registry: Registry) -> list[Rule]:
    rules = registry.expand(selector)
    if not rules:
        close = difflib.get_close_matches(selector, registry.spellings(), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise UsageError(f"{flag} {selector}: unknown rule code or name{hint}")
    return rules


def _write_bytes(report: bytes, output: str | None, linted: Sequence[Path] = ()) -> None:
    try:
        write_report(report, output, linted)
    except OutputError as error:
        raise UsageError(str(error)) from None


# -- rules and explain ---------------------------------------------------------------------------


def _rules(args: argparse.Namespace) -> int:
    from goescape.linter.registry.docs import render_rules

    sys.stdout.write(render_rules(_registry(), args.format))
    return EXIT_CLEAN


def _explain(args: argparse.Namespace) -> int:
    from goescape.linter.registry.docs import explain

    registry = _registry()
    rule = registry.get(args.rule)
    if rule is None:
        close = difflib.get_close_matches(args.rule, registry.spellings(), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise UsageError(f"unknown rule {args.rule!r}{hint}; `goescape rules` lists them")
    sys.stdout.write(explain(rule))
    return EXIT_CLEAN


# -- lsp ----------------------------------------------------------------------------------------


def _lsp() -> int:
    try:
        from goescape.linter.lsp.server import serve
    except ImportError as error:
        if (error.name or "").split(".")[0] in _LSP_DEPENDENCIES:
            raise UsageError("goescape lsp needs the language server's dependencies: "
                             "pip install 'goescape[lsp]'") from None
        raise
    status = serve()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(ValueError, OSError):  # the server closed its output on `exit`
            stream.flush()
    # Without waiting for the thread that reads standard input: a client may keep it open after `exit`.
    os._exit(status)


_LSP_DEPENDENCIES = ("pygls", "lsprotocol", "cattrs", "attrs")


def _error(message: str) -> None:
    print(f"goescape: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"goescape: warning: {message}", file=sys.stderr)
