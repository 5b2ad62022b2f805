"""The model's expression types agree with go/types (via tools/typeshapes) on real packages."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from model_helpers import go_command

REPO = Path(__file__).resolve().parents[2]
SHAPES = Path(__file__).parent / "testdata" / "shapes"


def _check_module():
    spec = importlib.util.spec_from_file_location("check_model", REPO / "tools" / "check_model.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_model"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def checker():
    go = go_command()
    module = _check_module()
    env = module.go_env(go)
    return lambda directory: module.check_directory(go, env, directory), Path(env["GOROOT"]) / "src"


def test_every_expression_in_the_shapes_package(checker) -> None:
    check, _ = checker
    tally = check(SHAPES)
    assert tally.expressions > 250
    assert tally.wrong == []
    assert tally.typed == tally.expressions, tally.unknown


@pytest.mark.parametrize("package", ["strings", "bufio", "encoding/json", "sync", "net/url"])
def test_standard_library_packages(checker, package: str) -> None:
    check, src = checker
    tally = check(src / package)
    assert tally.expressions > 500
    assert tally.wrong == []  # precision: a type the model gives is never of the wrong shape
    assert tally.typed >= 0.995 * tally.expressions, tally.unknown[:10]
