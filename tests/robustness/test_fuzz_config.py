"""Property tests: any configuration file loads or is refused with a one-line message (exit 2)."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robust_support import registry

from goescape.linter.config.file import ConfigError, load_config
from goescape.linter.config.policy import Policy

EXAMPLES = int(os.environ.get("GOESCAPE_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                derandomize="GOESCAPE_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=list(HealthCheck))

pytestmark = pytest.mark.fuzz

KEYS = ["select", "ignore", "exclude", "per-file-ignores", "severity", "fail-on", "include-generated",
        "default-excludes", "max-file-size", "timeout", "rules", "verify", "jobs", "cache-dir",
        "baseline", "selct", "", "tool"]
WORDS = ["ESC101", "ESC1", "esc101", "address-return", "ESC999", "warning", "error", "off", "never",
         "note", "**", "[", "[z-a]", "a/**/b", "*.go", "", " ", "10MB", "0", "-1", "1e309", "nan",
         "ignore-functions", "New*", "\x00", "é", "\ud800"[:0] + "\u202e", "auto", "true"]

scalar = st.one_of(st.sampled_from(WORDS), st.text(max_size=12), st.integers(-(1 << 70), 1 << 70),
                   st.floats(allow_nan=True), st.booleans())
value = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(st.sampled_from(WORDS + KEYS), inner,
                                                                     max_size=4)),
                     max_leaves=12)
document = st.dictionaries(st.sampled_from(KEYS), value, max_size=6)


def toml(table: dict[str, Any], prefix: str = "") -> str:
    """A TOML writer good enough for generated tables (keys and strings JSON-quoted)."""
    lines, tables = [], []
    for key, item in table.items():
        name = json.dumps(key)
        if isinstance(item, dict):
            tables.append((f"{prefix}{name}", item))
        else:
            lines.append(f"{name} = {_inline(item)}")
    text = "\n".join(lines) + "\n"
    for name, item in tables:
        text += f"\n[{name}]\n" + toml(item, name + ".")
    return text


def _inline(item: Any) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (int, float)):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(item), repr(item))
    if isinstance(item, str):
        return json.dumps(item)
    if isinstance(item, list):
        return "[" + ", ".join(_inline(v) for v in item) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {_inline(v)}" for k, v in item.items()) + "}"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("config")


def _loads_or_refuses(path: Path) -> None:
    try:
        config = load_config(path, registry())
    except ConfigError as error:
        message = str(error)
        assert message.startswith(str(path)) and "\n" not in message.strip("\n").split(": ", 1)[0]
        return
    Policy.build(config, registry())  # what loads must also make a policy


@FUZZ
@given(table=document)
def test_generated_tables(folder: Path, table: dict[str, Any]) -> None:
    path = folder / ".goescape.toml"
    path.write_text(toml(table), encoding="utf-8", errors="surrogatepass")
    _loads_or_refuses(path)


@FUZZ
@given(data=st.binary(max_size=400), keep=st.integers(0, 400))
def test_mangled_files(folder: Path, data: bytes, keep: int) -> None:
    valid = b'select = ["ESC1"]\nfail-on = "warning"\n[severity]\nESC101 = "error"\n[rules.address-return]\n'
    path = folder / "pyproject.toml" if keep % 2 else folder / ".goescape.toml"
    body = valid[: keep % len(valid)] + data
    path.write_bytes(b"[tool.goescape]\n" + body if path.name == "pyproject.toml" else body)
    _loads_or_refuses(path)


@pytest.mark.parametrize("text", [
    'select = [1]', 'exclude = ["[z-a]"]', 'max-file-size = "lots"', 'timeout = -3', 'timeout = nan',
    '[per-file-ignores]\n"[" = ["ESC101"]', 'severity = "x"', '[rules.address-return]\nnope = 1',
    'tool = 1', '\x00', 'select = "ESC101"\nselect = "ESC1"', '[[select]]', 'fail-on = "warn"',
])
def test_bad_configuration_exits_2_with_one_line(cli, tmp_path, text):
    (tmp_path / "a.go").write_text("package p\n")
    (tmp_path / ".goescape.toml").write_text(text)
    result = cli("check", "a.go", cwd=tmp_path)
    assert result.status == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("goescape: error: ") and "internal error" not in lines[0]
