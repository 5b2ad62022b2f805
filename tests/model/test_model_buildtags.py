"""Build constraints: which of several build-tagged declarations the model believes."""
from __future__ import annotations

import pytest
from model_helpers import find, model

from goescape.linter.syntax.buildtags import default_tags, host_platform, matches

TAGS = frozenset({"linux", "amd64", "unix", "gc", "go1.21", "go1.27", "goexperiment.jsonv2"})


@pytest.mark.parametrize(("name", "line", "expected"), [
    ("plain.go", "", True),
    ("x_linux.go", "", True),
    ("x_windows.go", "", False),
    ("x_linux_arm64.go", "", False),
    ("x_linux_amd64_test.go", "", True),
    ("x_amd64.go", "", True),
    ("linux.go", "", True),  # a leading element is a name, not a constraint
    ("x.go", "//go:build linux && amd64", True),
    ("x.go", "//go:build !linux", False),
    ("x.go", "//go:build windows || (unix && !cgo)", True),
    ("x.go", "//go:build goexperiment.jsonv2", True),
    ("x.go", "//go:build !goexperiment.jsonv2", False),
    ("x.go", "//go:build go1.28", False),
    ("x.go", "//go:build ignore", False),
    ("x.go", "//go:build (linux", True),  # malformed: the compiler complains, the model keeps it
])
def test_matches(name: str, line: str, expected: bool) -> None:
    data = f"// Copyright\n\n{line}\n\npackage p\n".encode()
    assert matches(name, data, TAGS) is expected


def test_constraint_after_the_package_clause_is_ignored() -> None:
    assert matches("x.go", b"package p\n\n//go:build ignore\n", TAGS)


def test_default_tags_follow_host_and_toolchain() -> None:
    goos, goarch = host_platform()
    tags = default_tags("go1.27.3", ("goexperiment.jsonv2",))
    assert {goos, goarch, "gc", "go1.1", "go1.27", "goexperiment.jsonv2"} <= tags
    assert "go1.28" not in tags and "cgo" not in tags


def test_active_file_wins_a_duplicate_declaration() -> None:
    inactive = "//go:build ignore\n\npackage p\n\ntype Enc struct{ buf []byte }\n"
    active = "package p\n\ntype Enc struct{ buf map[int]int }\n"
    fm = model("package p\n\nfunc f(e Enc) { _ = e.buf }\n", inactive, active)
    assert str(fm.type_of(find(fm, "e.buf"))) == "map[int]int"
    assert [d.file.active for d in fm.package.duplicates] == [False]
