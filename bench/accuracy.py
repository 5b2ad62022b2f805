"""Accuracy of goescape against `go build -gcflags=-m`: precision and recall per suite, rule and shape."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/accuracy.py`: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import BenchError, SuiteResult, go_command, measure
from bench.suites import Suite, builtin_suites, escape_tests_suite, module_suite, std_suite
from bench.tables import Header, render
from goescape.linter.gc import build as gc
from goescape.linter.registry.registry import build_registry

EPILOG = """\
suites: seed (the seed document's examples), fixtures (tests/fixtures), std-tuned (std packages
rules may be tuned on), std-holdout (std packages nobody tunes on), escape-tests (the compiler's
test/escape*.go, when a Debian golang-1.N-src package is installed; held out too), all (every
one, plus a combined std column). Lists live in bench/suites.py.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bench/accuracy.py", description=__doc__, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suite", choices=[*builtin_suites(), "all"], default=None,
                        help="which suite to measure (default: all, unless --packages or --module)")
    parser.add_argument("--packages", nargs="+", metavar="PKG",
                        help="measure these standard-library packages instead of a suite")
    parser.add_argument("--module", type=Path, metavar="DIR",
                        help="measure every package of the Go module in DIR instead of a suite")
    parser.add_argument("--patterns", nargs="+", metavar="PATTERN",
                        help="with --module: the packages to measure there, as go list takes them "
                             "(default ./...; golang.org/x/... measures vendored packages)")
    parser.add_argument("--escape-tests", type=Path, metavar="DIR",
                        help="measure the Go compiler's escape tests, DIR/escape*.go, each built as a "
                             "package of its own (the escape-tests suite finds them in the newest "
                             "/usr/share/go-1.N/test that a Debian golang-1.N-src package installed)")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    parser.add_argument("--top", type=int, default=10, metavar="N",
                        help="how many false positives and misses to list per suite (default 10; 0: none)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    parser.add_argument("--rule-recall", action="store_true",
                        help="also lint with --verify and report each rule's recall: of the escape lines "
                             "the verified run attributes to the rule, those its findings cover alone")
    parser.add_argument("--verify", action="store_true",
                        help="measure `goescape check --verify`: findings the compiler confirmed, "
                             "plus the escapes it classified into rules")
    return parser


def selected_suites(args: argparse.Namespace) -> list[Suite]:
    chosen: list[Suite] = []
    if args.packages:
        chosen.append(std_suite(tuple(args.packages)))
    if args.module:
        chosen.append(module_suite(args.module, tuple(args.patterns or ("./...",))))
    if args.escape_tests:
        chosen.append(escape_tests_suite(args.escape_tests))
    suites = builtin_suites()
    if args.suite == "all" or (args.suite is None and not chosen):
        chosen.extend(suites.values())
    elif args.suite is not None:
        chosen.append(suites[args.suite])
    return chosen


def header(go: str, rules: Sequence[str], verify: bool = False) -> Header:
    env = gc.go_env(go)
    return Header(gc.go_version(go), env.get("GOOS", "?"), env.get("GOARCH", "?"), tuple(rules),
                  verify)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.top < 0:
        build_parser().error("--top must be 0 or more")
    if args.patterns and not args.module:
        build_parser().error("--patterns needs --module")
    registry = build_registry(plugins=False)
    rules = [f"{r.code} {r.name}" for r in registry.sorted()
             if r.check is not None or (args.verify and r.verify_only)]
    try:
        go = go_command()
        results: list[SuiteResult] = []
        for suite in selected_suites(args):
            print(f"measuring {suite.name} ...", file=sys.stderr)
            results.append(measure(suite, go, registry, verify=args.verify, per_rule=args.rule_recall))
        report = render(args.format, header(go, rules, args.verify), results, args.top)
    except (BenchError, gc.GoError, OSError) as error:
        print(f"bench/accuracy.py: error: {error}", file=sys.stderr)
        return 2
    if args.output:
        Path(args.output).write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
