"""ESC206 where the caller decides: a package's init function, big or small, holds every package-level initializer."""
from __future__ import annotations

import json
from pathlib import Path

from verify_helpers import compiler_escape_lines, module

SMALL = 'package p\n\nimport "fmt"\n\nvar errX = fmt.Errorf("x")\n\nfunc Err() error { return errX }\n'
# A table computed at run time: its 2,000 elements make the package's init function larger than
# the 5,000 nodes past which Go inlines only callees costing at most 20 (fmt.Errorf costs 79).
ENTRIES = "\n".join(f"\tbase + {i}," for i in range(2000))
BIG = (SMALL + "\nvar base = 1\n\nvar table = []int{\n" + ENTRIES + "\n}\n\n"
       "func Get(k int) int { return table[k] }\n")


def _findings(cli, root: Path) -> set[int]:
    out = cli("check", ".", "--select", "ESC206", "--format", "json", "--no-cache", "--fail-on", "never", cwd=root)
    return {f["line"] for f in json.loads(out.stdout)["findings"]}


def test_a_package_level_call_is_inlined_only_into_a_small_init(cli, tmp_path: Path) -> None:
    small = module(tmp_path / "small", {"p.go": SMALL})
    big = module(tmp_path / "big", {"p.go": BIG})
    assert _findings(cli, small) == {5}
    assert ("p.go", 5) in compiler_escape_lines(small)
    assert _findings(cli, big) == set()
    assert ("p.go", 5) not in compiler_escape_lines(big)
