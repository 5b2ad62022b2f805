"""The CPU cost of each rule over a Go source tree (default: the whole GOROOT/src), against the bare engine."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/rule_cost.py`: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from goescape.linter.config.file import Config
from goescape.linter.config.policy import Policy
from goescape.linter.findings import Finding, Severity
from goescape.linter.registry.registry import Registry, build_registry
from goescape.linter.rule.definition import Rule
from goescape.linter.rule.meta import Precision, RuleMeta
from goescape.linter.run.runner import run

BUDGET = 0.25  # no rule may slow a full run by more than this over the engine without it
ENGINE = "engine"  # parse, directives, suppressions: no pattern rule, so no dispatch walk
WALK = "engine+walk"  # plus the dispatch walk, with a rule that never matches a node
ALL = "all rules"
_INTERNAL = "ESC0"
_WALK_CODE = "BENCH000"


@dataclass(frozen=True)
class Timing:
    """One configuration's run, measured in its own process."""

    config: str
    cpu: float  # seconds of CPU time spent in `run`, this process only
    files: int
    findings: int
    rule_errors: int


def _never(node: object, ctx: object) -> Iterator[Finding]:
    return iter(())


def walk_rule() -> Rule:
    """A rule that asks for a node type tree-sitter-go never produces: the engine walks every tree
    and dispatches nothing, so its cost is the walk's alone."""
    meta = RuleMeta(_WALK_CODE, "bench-walk", "never matches", Severity.NOTE, Precision.HIGH,
                    node_types=("bench-no-such-node",))
    return Rule(meta, "", _never, "bench/rule_cost.py")


def selection(config: str, registry: Registry) -> tuple[str, ...]:
    """The `select` list of one configuration: internal checks always, plus its pattern rules."""
    if config == ENGINE:
        return (_INTERNAL,)
    if config == WALK:
        registry.rules[_WALK_CODE] = walk_rule()  # added unvalidated: it has no docs to show
        return (_INTERNAL, _WALK_CODE)
    if config == ALL or config.startswith("-"):
        return ()  # every rule ("-CODE": every rule but CODE, see `ignored`)
    return (_INTERNAL, config)


def ignored(config: str) -> tuple[str, ...]:
    """`-CODE` leaves one rule out, `-CODE,CODE` a group of them."""
    return tuple(config[1:].split(",")) if config.startswith("-") else ()


def measure_one(config: str, paths: Sequence[str]) -> Timing:
    """Lint `paths` with one configuration, timing the engine's run only (imports excluded)."""
    registry = build_registry(plugins=False)
    root = Path.cwd()
    policy = Policy.build(Config(root=root, select=selection(config, registry), ignore=ignored(config)), registry)
    started = time.process_time()
    result = run(paths, policy, root)
    cpu = time.process_time() - started
    findings = sum(1 for d in result.reported if not d.code.startswith(_INTERNAL))
    errors = sum(1 for n in result.notices if n.kind == "rule-error")
    return Timing(config, cpu, result.files_linted, findings, errors)


def measure_in_child(config: str, paths: Sequence[str]) -> Timing:
    """A fresh interpreter per configuration: no cache warmed by an earlier one."""
    command = [sys.executable, str(Path(__file__).resolve()), f"--child={config}", "--paths", *paths]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{config}: {done.stderr.strip().splitlines()[-1:]}")
    return Timing(**json.loads(done.stdout))


def pattern_rules() -> list[str]:
    return [r.code for r in build_registry(plugins=False).sorted() if r.check is not None]


def default_paths() -> list[str]:
    from goescape.linter.gc import build as gc

    go = gc.find_go()
    if go is None:
        raise SystemExit("bench/rule_cost.py: error: no go command to find GOROOT; pass --paths")
    return [str(Path(gc.go_env(go)["GOROOT"]) / "src")]


# -- report ---------------------------------------------------------------------------------------


def overhead(timing: Timing, base: Timing) -> float:
    return timing.cpu / base.cpu - 1 if base.cpu else 0.0


def run_rows(timings: Sequence[Timing]) -> list[list[str]]:
    table = [["configuration", "CPU s", "files", "findings", "rule errors"]]
    table += [[t.config, f"{t.cpu:.2f}", str(t.files), str(t.findings), str(t.rule_errors)] for t in timings]
    return table


def group_rows(timings: Sequence[Timing], groups: Sequence[str]) -> list[list[str]]:
    """What each group of rules (`--without`) adds together to a run of every rule."""
    by_name = {t.config: t for t in timings}
    every = by_name[ALL]
    table = [["rules together", "in a full run", "verdict"]]
    for group in groups:
        without = by_name[f"-{group}"]
        cost = overhead(every, without)
        table.append([group.replace(",", " "), f"{cost:+.1%}", "ok" if cost <= BUDGET else f"over {BUDGET:.0%}"])
    return table


def rule_rows(timings: Sequence[Timing], rules: Sequence[str]) -> list[list[str]]:
    """Each rule alone against the engine (parse, directives) and against the engine plus the
    dispatch walk that any rule at all brings; with --leave-one-out, also what it adds to a run of
    every rule (every rule against every rule but it), its marginal cost once models are shared."""
    by_name = {t.config: t for t in timings}
    engine, walk, every = by_name[ENGINE], by_name[WALK], by_name.get(ALL)
    table = [["rule", "alone vs engine", "alone vs engine+walk", "in a full run", "verdict"]]
    for code in rules:
        alone, without = by_name[code], by_name.get(f"-{code}")
        marginal = f"{overhead(every, without):+.1%}" if every and without else "—"
        table.append([code, f"{overhead(alone, engine):+.1%}", f"{overhead(alone, walk):+.1%}", marginal,
                      verdict(alone, engine, every, without)])
    return table


def verdict(alone: Timing, engine: Timing, every: Timing | None, without: Timing | None) -> str:
    """The budget is what the rule adds to a full run (the run without it as the base). Without
    --leave-one-out only the rule alone was timed, against the bare engine: a stricter test, as the
    rule then pays for the package model that all the rules share; the verdict says which."""
    if every and without:
        return "ok" if overhead(every, without) <= BUDGET else f"over {BUDGET:.0%}"
    return "ok (alone)" if overhead(alone, engine) <= BUDGET else f"over {BUDGET:.0%} (alone)"


def _aligned(table: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    return ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
            for r in table]


def _markdown(table: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(r) + " |" for r in table]
    lines.insert(1, "| --- |" + " --: |" * (len(table[0]) - 1))
    return lines


def render(fmt: str, timings: Sequence[Timing], rules: Sequence[str], paths: Sequence[str],
           rounds: int = 1, groups: Sequence[str] = ()) -> str:
    runs = "one run per configuration" if rounds == 1 else f"the median of {rounds} runs per configuration"
    intro = (f"CPU time of one goescape process over {timings[0].files} files ({', '.join(paths)}), "
             f"{runs}. Budget: a rule may add {BUDGET:.0%} to a full run (the run without it).")
    if fmt == "json":
        return json.dumps({"paths": list(paths), "budget": BUDGET, "repeat": rounds,
                           "runs": [t.__dict__ for t in timings]}, indent=2, sort_keys=True) + "\n"
    shape = _markdown if fmt == "markdown" else _aligned
    together = ["", *shape(group_rows(timings, groups))] if groups else []
    return "\n".join([intro, "", *shape(run_rows(timings)), "", *shape(rule_rows(timings, rules)), *together]) + "\n"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bench/rule_cost.py", description=__doc__)
    parser.add_argument("--paths", nargs="+", help="files or folders to lint (default: GOROOT/src)")
    parser.add_argument("--rules", nargs="+", metavar="CODE", help="rules to time (default: every pattern rule)")
    parser.add_argument("--jobs", "-j", type=int, default=1,
                        help="configurations timed at once (default 1: parallel runs share caches "
                             "and memory bandwidth, which blurs small differences)")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    parser.add_argument("--leave-one-out", action="store_true",
                        help="also time every rule but one, for each rule: its marginal cost in a full run")
    parser.add_argument("--without", action="append", default=[], metavar="CODE,CODE",
                        help="also time every rule but this group, and report what the group adds "
                             "together to a full run (repeatable)")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="time every configuration N times, in rounds, and keep the median (default 1)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = args.paths or default_paths()
    if args.child:
        print(json.dumps(measure_one(args.child, paths).__dict__))
        return 0
    rules = args.rules or pattern_rules()
    groups = [",".join(code.strip() for code in group.split(",")) for group in args.without]
    unknown = sorted((set(rules) | {c for g in groups for c in g.split(",")}) - set(pattern_rules()))
    if unknown:
        build_parser().error(f"unknown pattern rule(s): {', '.join(unknown)}")
    configs = [ENGINE, WALK, *rules, *([ALL] if len(rules) > 1 or args.leave_one_out or groups else [])]
    if args.leave_one_out:
        configs += [f"-{code}" for code in rules]
    configs += [f"-{group}" for group in groups]
    rounds = max(1, args.repeat)
    try:
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            # Whole rounds, one after the other: a drift in the machine's load spreads over
            # every configuration instead of landing on the ones timed last.
            measured = list(pool.map(lambda c: measure_in_child(c, paths), configs * rounds))
    except RuntimeError as error:
        print(f"bench/rule_cost.py: error: {error}", file=sys.stderr)
        return 2
    timings = [median_timing(measured[i::len(configs)]) for i in range(len(configs))]
    sys.stdout.write(render(args.format, timings, rules, paths, rounds, groups))
    return 0


def median_timing(runs: Sequence[Timing]) -> Timing:
    """The run with the median CPU time (the lower middle one for an even count)."""
    return sorted(runs, key=lambda t: t.cpu)[(len(runs) - 1) // 2]


if __name__ == "__main__":
    raise SystemExit(main())
