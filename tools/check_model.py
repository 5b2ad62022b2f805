"""Measure the model's expression types against go/types (tools/typeshapes) over Go packages."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tree_sitter import Node

from goescape.linter.model import FileModel, load_package
from goescape.linter.model.scopes import FUNCTION_NODES
from goescape.linter.model.types import is_pointer_shaped, is_untyped, kind
from goescape.linter.syntax.parsing import package_name, parse
from goescape.linter.syntax.source import SourceFile

REPO = Path(__file__).resolve().parent.parent
HELPER = REPO / "tools" / "typeshapes" / "main.go"
# A spread of standard-library packages: generics, interfaces, embedding, closures, iota.
DEFAULT_PACKAGES = ("bufio", "bytes", "container/list", "encoding/json", "errors", "flag", "fmt",
                    "io", "net/url", "slices", "sort", "strconv", "strings", "sync", "text/template",
                    "time", "unicode/utf8")


_COMMA_OK = frozenset({"type_assertion_expression", "index_expression", "unary_expression"})


@dataclass
class Tally:
    expressions: int = 0  # go/types typed these (values only)
    typed: int = 0  # the model gave a type
    kind_agree: int = 0
    shape_checked: int = 0  # both sides know whether the value is pointer-shaped
    shape_agree: int = 0
    misses: Counter[str] = field(default_factory=Counter)  # node type the model could not type
    wrong: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.expressions += other.expressions
        self.typed += other.typed
        self.kind_agree += other.kind_agree
        self.shape_checked += other.shape_checked
        self.shape_agree += other.shape_agree
        self.misses.update(other.misses)
        self.wrong.extend(other.wrong)
        self.unknown.extend(other.unknown)

    def summary(self) -> dict[str, object]:
        def pct(a: int, b: int) -> float:
            return round(100 * a / b, 2) if b else 100.0
        return {"expressions": self.expressions, "typed_pct": pct(self.typed, self.expressions),
                "kind_precision_pct": pct(self.kind_agree, self.typed),
                "pointer_shape_precision_pct": pct(self.shape_agree, self.shape_checked),
                "wrong": len(self.wrong)}


def go_env(go: str) -> dict[str, str]:
    env = dict(os.environ, GOTOOLCHAIN="local", GOPROXY="off", GOFLAGS="", GOWORK="off",
               CGO_ENABLED="0")
    root = subprocess.run([go, "env", "GOROOT"], capture_output=True, text=True, env=env, check=True)
    env["GOROOT"] = root.stdout.strip()
    return env


def go_shapes(go: str, env: dict[str, str], directory: Path) -> list[dict[str, object]]:
    proc = subprocess.run([go, "run", str(HELPER), str(directory)], capture_output=True, text=True,
                          env=env, cwd=directory)
    if proc.returncode != 0:
        raise RuntimeError(f"typeshapes {directory}: {proc.stderr.strip()}")
    return json.loads(proc.stdout) or []


def check_directory(go: str, env: dict[str, str], directory: Path) -> Tally:
    records = go_shapes(go, env, directory)
    parsed: dict[Path, tuple[SourceFile, object]] = {}
    names = sorted({str(r["file"]) for r in records})
    clause = None
    for name in names:
        path = directory / name
        data = path.read_bytes()
        tree = parse(data)
        clause = clause or package_name(tree)
        parsed[path] = (SourceFile(path, data), tree)
    tally = Tally()
    if clause is None:
        return tally
    model = load_package(directory, clause, parsed)  # type: ignore[arg-type]
    for record in records:
        fm = model.file(directory / str(record["file"]))
        _compare(fm, record, tally)
    return tally


def _compare(fm: FileModel, record: dict[str, object], tally: Tally) -> None:
    start, end = int(record["start"]), int(record["end"])  # type: ignore[call-overload]
    node = fm.tree.root_node.named_descendant_for_byte_range(start, end)
    # The smallest node with that span is the expression (wrappers such as expression_list
    # or literal_element have the same span but are not expressions).
    if node is None or node.start_byte != start or node.end_byte != end:
        return  # tree-sitter shaped it differently: not comparable
    if record["kind"] == "tuple" and node.type in _COMMA_OK:
        return  # go/types records `v, ok := x.(T)` as a tuple; the model answers v's type
    if record.get("ident") and _names_nothing(node):
        return  # a parameter name in a func type, interface method or body-less func
    tally.expressions += 1
    t = fm.type_of(node)
    if t is None:
        tally.misses[node.type] += 1
        if len(tally.unknown) < 400:
            tally.unknown.append(f"{fm.source.path.name}:{node.start_point[0] + 1}: {fm.text(node)[:60]!r}"
                                 f" go/types {record['type']}")
        return
    tally.typed += 1
    k = kind(t)
    if is_untyped(t) and record["const"] and record["kind"] in ("type parameter", "interface"):
        tally.kind_agree += 1  # go/types records a constant with the type its context converts
        return  # it to (`var x T = 4` in a generic function); the model keeps "untyped int"
    if k is not None and k.value == record["kind"]:
        tally.kind_agree += 1
    else:
        where = f"{fm.source.path}:{node.start_point[0] + 1}"
        tally.wrong.append(f"{where}: {fm.text(node)[:50]!r} model {t} ({k and k.value}), "
                           f"go/types {record['type']} ({record['kind']})")
    shaped = is_pointer_shaped(t)
    if shaped is not None and record["kind"] != "type parameter":
        tally.shape_checked += 1
        if shaped == record["direct"]:
            tally.shape_agree += 1
        else:
            tally.wrong.append(f"{fm.source.path}:{node.start_point[0] + 1}: {fm.text(node)[:50]!r} "
                               f"pointer-shaped {shaped}, cmd/compile {record['direct']} "
                               f"({record['type']})")


def _names_nothing(ident: Node) -> bool:
    decl = ident.parent
    if decl is None or decl.type not in ("parameter_declaration", "variadic_parameter_declaration"):
        return False
    owner = decl.parent.parent if decl.parent is not None else None
    # Also parameters of body-less declarations (assembly, go:linkname): nothing refers to them.
    return owner is None or owner.type not in FUNCTION_NODES or owner.child_by_field_name("body") is None


def find_go() -> str:
    beside = Path(sys.executable).parent / "go"
    return str(beside) if beside.exists() else "go"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("targets", nargs="*", help="package directories or std import paths "
                        f"(default: {' '.join(DEFAULT_PACKAGES)})")
    parser.add_argument("--show", type=int, default=10, help="disagreements to print")
    args = parser.parse_args(argv)
    go = find_go()
    env = go_env(go)
    src = Path(env["GOROOT"]) / "src"
    total = Tally()
    for target in args.targets or DEFAULT_PACKAGES:
        directory = Path(target) if Path(target).is_dir() else src / target
        tally = check_directory(go, env, directory)
        print(f"{target}: {json.dumps(tally.summary())}")
        total.add(tally)
    print("total:", json.dumps(total.summary()))
    print("untyped by node type:", dict(total.misses.most_common(8)))
    for line in total.wrong[:args.show]:
        print("  wrong:", line)
    for line in total.unknown[:args.show]:
        print("  unknown:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
