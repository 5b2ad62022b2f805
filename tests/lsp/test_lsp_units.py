"""The conversions under the server: columns between encodings, severity and cost from a finding."""
from __future__ import annotations

from types import MappingProxyType

import pytest
from lsprotocol import types as lsp

from goescape.linter.findings import Diagnostic, Location, Position, Severity
from goescape.linter.lsp.convert import severity
from goescape.linter.lsp.hover import cost_text
from goescape.linter.lsp.positions import UTF8, UTF16, UTF32, from_units, to_units

LINE = 'x := "a🚀é" + y'  # an astral character (two UTF-16 units, four UTF-8 bytes) and a two-byte one


@pytest.mark.parametrize("encoding, expected", [(UTF16, 12), (UTF8, 15), (UTF32, 11)])
def test_columns_convert_both_ways(encoding: str, expected: int) -> None:
    column = LINE.index("+")  # 11 code points in
    assert to_units(LINE, column, encoding) == expected
    assert to_units(LINE, column, encoding) == len(LINE[:column].encode(
        {UTF16: "utf-16-le", UTF8: "utf-8", UTF32: "utf-32-le"}[encoding])) // {UTF16: 2, UTF8: 1, UTF32: 4}[encoding]
    assert from_units(LINE, expected, encoding) == column
    assert from_units(LINE, 10_000, encoding) == len(LINE)  # past the end: clamped


def test_a_position_inside_a_character_is_clamped_to_its_start() -> None:
    rocket = LINE.index("🚀")
    assert from_units(LINE, to_units(LINE, rocket, UTF16) + 1, UTF16) == rocket
    assert from_units(LINE, to_units(LINE, rocket, UTF8) + 3, UTF8) == rocket


def _diagnostic(level: Severity, cost: dict | None = None) -> Diagnostic:
    where = Location("a.go", "a.go", Position(1, 1), Position(1, 2))
    properties = MappingProxyType({"cost": cost} if cost is not None else {})
    return Diagnostic("ESC102", "interface-slot", level, where, "x escapes", properties=properties)


def test_severity_follows_the_configuration_and_the_cost_model() -> None:
    assert severity(_diagnostic(Severity.ERROR)) == lsp.DiagnosticSeverity.Error
    assert severity(_diagnostic(Severity.WARNING)) == lsp.DiagnosticSeverity.Warning
    assert severity(_diagnostic(Severity.NOTE)) == lsp.DiagnosticSeverity.Information
    free = {"allocates": "nothing", "bytes": 0, "frequency": "ordinary", "loop_depth": 0, "reasons": [],
            "estimate": 0.0}
    assert severity(_diagnostic(Severity.NOTE, free)) == lsp.DiagnosticSeverity.Hint
    assert severity(_diagnostic(Severity.WARNING, free)) == lsp.DiagnosticSeverity.Warning  # not lowered: shown


def test_cost_in_words() -> None:
    cost = {"allocates": "fixed", "bytes": 48, "frequency": "loop", "loop_depth": 2,
            "reasons": ["a 48-byte struct moved to the heap", "inside `for i := range xs`"], "estimate": 96.0}
    assert cost_text(cost) == ("one allocation of a fixed size (48 bytes), inside a loop: every iteration pays "
                               "it (loop depth 2); estimated cost 96.\n- a 48-byte struct moved to the heap"
                               "\n- inside \\`for i := range xs\\`")
    assert cost_text({}).startswith("not estimated")
