"""The generated standard-library data: it loads, is current, and covers the packages rules need."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from model_helpers import go_command

from goescape.linter.model import LeakKind, stdlib
from goescape.linter.model import types as T
from goescape.linter.model.stdlib import DATA, ParamLeak, load

REPO = Path(__file__).resolve().parents[2]


def _gen_module():
    spec = importlib.util.spec_from_file_location("gen_stdlib", REPO / "tools" / "gen_stdlib.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_stdlib"] = module
    spec.loader.exec_module(module)
    return module


def test_data_file_is_package_data() -> None:
    assert DATA.is_file() and DATA.parent.name == "data" and DATA.suffixes == [".json", ".gz"]


def test_records_its_go_version() -> None:
    assert stdlib().go_version.startswith("go1.27")


def test_version_matches_the_installed_toolchain() -> None:
    go = go_command()
    found = subprocess.run([go, "env", "GOVERSION"], capture_output=True, text=True, check=True)
    installed = found.stdout.strip()
    # Same minor release; a patch release rarely changes the API (regenerate with tools/gen_stdlib.py).
    assert installed.split(".")[:2] == stdlib().go_version.split(".")[:2]


@pytest.mark.parametrize("path", ["fmt", "errors", "strings", "sync", "io", "encoding/json"])
def test_covers_packages(path: str) -> None:
    assert path in stdlib().public
    assert stdlib().package(path) is not None


@pytest.mark.parametrize(("path", "name", "signature", "leaks"), [
    ("fmt", "Println", "func(...any) (int, error)", [LeakKind.CONTENT]),
    ("fmt", "Sprintf", "func(string, ...any) string", [LeakKind.NONE, LeakKind.CONTENT]),
    ("fmt", "Errorf", "func(string, ...any) error", [LeakKind.HEAP, LeakKind.CONTENT]),
    ("errors", "New", "func(string) error", [LeakKind.HEAP]),
    ("errors", "Is", "func(error, error) bool", [LeakKind.HEAP, LeakKind.HEAP]),
    ("encoding/json", "Marshal", "func(any) ([]uint8, error)", [LeakKind.HEAP]),
    ("io", "Copy", "func(io.Writer, io.Reader) (int64, error)", [LeakKind.HEAP, LeakKind.HEAP]),
    ("strings", "ToUpper", "func(string) string", [LeakKind.RESULT]),
])
def test_functions(path: str, name: str, signature: str, leaks: list[LeakKind]) -> None:
    fn = stdlib().package(path).func(name)
    assert fn is not None
    assert str(fn.signature) == signature
    assert [fn.param_leak(i).kind for i in range(len(leaks))] == leaks


def test_variadic_any_parameter() -> None:
    sig = stdlib().package("fmt").func("Println").signature
    assert sig.variadic and sig.param_for_arg(3) == T.ANY
    assert sig.param_names == ("a",)


@pytest.mark.parametrize(("path", "type_name", "method", "pointer", "signature"), [
    ("strings", "Builder", "WriteString", True, "func(string) (int, error)"),
    ("sync", "Mutex", "Lock", True, "func()"),
    ("sync", "WaitGroup", "Go", True, "func(func())"),
    ("encoding/json", "Decoder", "Decode", True, "func(any) error"),
    ("io", "SectionReader", "Read", True, "func([]uint8) (int, error)"),
])
def test_methods(path: str, type_name: str, method: str, pointer: bool, signature: str) -> None:
    fn = stdlib().package(path).method(type_name, method)
    assert fn is not None
    assert fn.pointer_receiver is pointer
    assert str(fn.signature) == signature


def test_interfaces_and_struct_shapes() -> None:
    writer = stdlib().package("io").type("Writer")
    assert T.is_interface(writer) and "Write" in {m.name for m in T.underlying(writer).methods}
    assert T.is_pointer_shaped(stdlib().package("sync").type("Mutex")) is False
    assert T.kind(stdlib().package("encoding/json").type("RawMessage")) is T.Kind.SLICE


def test_unexported_names_are_not_public_api() -> None:
    fmt = stdlib().package("fmt")
    assert fmt.type("pp", exported_only=True) is None
    assert fmt.func("newPrinter") is None


def test_unknown_packages() -> None:
    assert stdlib().package("example.com/not/std") is None


def test_load_rejects_other_formats(tmp_path: Path) -> None:
    import gzip

    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(gzip.compress(b'{"format": 99}'))
    with pytest.raises(ValueError, match="format"):
        load(bad)


@pytest.mark.parametrize(("code", "kind", "content", "results"), [
    ("h", LeakKind.HEAP, False, ()),
    ("n", LeakKind.NONE, False, ()),
    ("c", LeakKind.CONTENT, False, ()),
    ("r0.1", LeakKind.RESULT, False, ((0, 1),)),
    ("c,r0.0,r1.2", LeakKind.RESULT, True, ((0, 0), (1, 2))),
])
def test_leak_codes(code: str, kind: LeakKind, content: bool,
                    results: tuple[tuple[int, int], ...]) -> None:
    leak = ParamLeak.decode(code)
    assert (leak.kind, leak.content, leak.results) == (kind, content, results)


def test_generator_parses_compiler_lines() -> None:
    gen = _gen_module()
    output = "\n".join([
        "/go/src/fmt/print.go:306:14: leaking param content: a",
        "/go/src/strings/strings.go:10:6: leaking param: s to result ~r0 level=0",
        "/go/src/archive/tar/strconv.go:254:21: leaking param: s to result k level=0",
        "/go/src/archive/tar/strconv.go:254:21: leaking param: s to result v level=1",
        "/go/src/x/x.go:3:9: p does not escape",
        "/go/src/x/x.go:4:9: leaking param: q",
        "/go/src/x/x.go:4:9: leaking param content: q",
        "/go/src/x/x.go:9:2: moved to heap: z",
    ])
    facts = gen.parse_leaks(output, "/go/src")
    assert gen.leak_code(facts["fmt/print.go:306:14"], []) == "c"
    assert gen.leak_code(facts["strings/strings.go:10:6"], []) == "r0.0"
    assert gen.leak_code(facts["archive/tar/strconv.go:254:21"], ["k", "v", "r"]) == "r0.0,r1.1"
    assert gen.leak_code(facts["x/x.go:3:9"], []) == "n"
    assert gen.leak_code(facts["x/x.go:4:9"], []) == "h"
    assert "x/x.go:9:2" not in facts
    assert gen.leak_code(None, []) is None


def test_generator_keeps_internal_and_vendor_out_of_public_api() -> None:
    gen = _gen_module()
    assert gen.public_packages(["fmt", "internal/poll", "net/http/internal", "vendor/golang.org/x/net",
                                "encoding/json"]) == ["encoding/json", "fmt"]
