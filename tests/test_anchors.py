"""What a finding's fingerprint keys on: its statement's tokens, not its line or layout."""
from __future__ import annotations

import pytest

from goescape.linter.findings import Span
from goescape.linter.syntax.anchors import anchor
from goescape.linter.syntax.parsing import parse


def _anchor(source: str, needle: str) -> bytes | None:
    data = source.encode()
    offset = data.index(needle.encode())
    row = data.count(b"\n", 0, offset)
    column = offset - (data.rfind(b"\n", 0, offset) + 1)
    end = (row, column + len(needle.encode()))
    return anchor(parse(data), Span((row, column), end))


IF = "package p\n\nfunc f(x int) {\n\tif g(&x) {\n\t\tprintln(1)\n\t}\n}\n"


@pytest.mark.parametrize("before,after", [
    # layout: indentation, spacing, line breaks and gofmt's trailing commas
    ("package p\n\nfunc f() *T {\n\treturn &T{a: 1, b: 2}\n}\n",
     "package p\n\nfunc f() *T {\n        return &T{\n\t\ta: 1,\n\t\tb: 2,\n\t}\n}\n"),
    # comments inside the statement
    (IF, IF.replace("if g(&x) {", "if g(&x /* why */) { // because")),
    # the body of a compound statement that does not hold the finding
    (IF, IF.replace("println(1)", "println(2)\n\t\tprintln(3)")),
    # other statements around it
    (IF, IF.replace("func f(x int) {\n", "func f(x int) {\n\ty := 2\n\t_ = y\n")),
])
def test_unchanged_by(before, after):
    needle = "&T" if "&T" in before else "&x"
    assert _anchor(before, needle) == _anchor(after, needle) is not None


@pytest.mark.parametrize("before,after", [
    (IF, IF.replace("g(&x)", "h(&x)")),
    ("package p\n\nfunc f() *T {\n\treturn &T{a: 1}\n}\n", "package p\n\nfunc f() *T {\n\treturn &T{a: 2}\n}\n"),
])
def test_changed_by_editing_the_statement(before, after):
    needle = "&T" if "&T" in before else "&x"
    assert _anchor(before, needle) != _anchor(after, needle)


def test_a_directive_is_keyed_by_its_comment():
    source = "package p\n\nfunc f() {\n\tx := 1 //goescape:ignore ESC101   stale\n\t_ = x\n}\n"
    assert _anchor(source, "//goescape:ignore ESC101   stale") == b"//goescape:ignore ESC101 stale"


def test_one_spec_of_a_grouped_declaration_stands_alone():
    source = "package p\n\nvar (\n\ta = &T{}\n\tb = 2\n)\n"
    assert _anchor(source, "&T{}") == _anchor(source.replace("b = 2", "b = 3"), "&T{}") == b"a = & T { }"
