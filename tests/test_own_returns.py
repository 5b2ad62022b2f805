"""own_returns: a function's own return statements, not its closures', found by a query."""
from __future__ import annotations

from goescape.linter.syntax.parsing import node_text, own_returns, parse

SOURCE = b"""package p

func f(x int) func() int {
	if x > 0 {
		return func() int { return 1 }
	}
	g := func() int {
		h := func() int { return 2 }
		return h()
	}
	_ = g
	for {
		return nil
	}
}

func empty() {}
"""


def _bodies() -> dict[str, object]:
    tree = parse(SOURCE)
    return {node_text(d.child_by_field_name("name")): d.child_by_field_name("body")
            for d in tree.root_node.named_children if d.type == "function_declaration"}


def test_the_functions_own_returns_last_first_and_none_of_its_closures() -> None:
    body = _bodies()["f"]
    found = [node_text(r) for r in own_returns(body)]  # type: ignore[arg-type]
    assert found == ["return nil", "return func() int { return 1 }"]


def test_a_closures_own_returns_leave_out_the_closures_nested_in_it() -> None:
    tree = parse(SOURCE)
    literals = [n for n in _walk(tree.root_node) if n.type == "func_literal"]
    g = next(n for n in literals if b"h := " in (n.text or b""))
    assert [node_text(r) for r in own_returns(g.child_by_field_name("body"))] == ["return h()"]  # type: ignore[arg-type]


def test_a_body_without_returns() -> None:
    assert own_returns(_bodies()["empty"]) == []  # type: ignore[arg-type]


def _walk(node):  # type: ignore[no-untyped-def]
    yield node
    for child in node.named_children:
        yield from _walk(child)
