"""Dispatch by node type through one tree-sitter query: which nodes rules see, and in what order."""
from __future__ import annotations

import subprocess
import sys

import pytest

from goescape.linter.syntax.capture import capture
from goescape.linter.syntax.parsing import parse

SOURCE = b"""package p

// a comment
func f() *int {
	x := 1 // trailing
	if g(func() int { return 2 }) {
		return &x
	}
	return nil
}
"""


def test_nodes_in_document_order_outer_first():
    nodes, _ = capture(parse(SOURCE), ["return_statement", "call_expression", "func_literal"])
    assert [(n.type, n.start_point[0]) for n in nodes] == [
        ("call_expression", 5), ("func_literal", 5), ("return_statement", 5),
        ("return_statement", 6), ("return_statement", 8)]


def test_comments_are_captured_in_the_same_pass():
    _, comments = capture(parse(SOURCE), ["return_statement"])
    assert [c.text for c in comments] == [b"// a comment", b"// trailing"]


@pytest.mark.parametrize("node_type", ["_expression", "ERROR", "no-such-node", "", "return"])
def test_types_the_parser_never_produces_match_nothing(node_type):
    nodes, comments = capture(parse(SOURCE), [node_type])
    assert nodes == [] and len(comments) == 2


def test_nodes_inside_or_holding_a_syntax_error_are_skipped():
    # The call on line 5 holds an ERROR (its arguments do not); line 7 is an ERROR node holding
    # a binary expression (itself holding an ERROR) and `&x`.
    source = (b"package p\n\nfunc h() *int { w := 1; return &w }\n\nfunc f() { g(&u,, &v) }\n\n"
              b"var a = [&x, &y]\n")
    tree = parse(source)
    assert tree.root_node.named_children[-1].type == "ERROR"
    nodes, _ = capture(tree, ["unary_expression", "call_expression", "binary_expression"])
    assert [(n.type, n.start_point[0]) for n in nodes] == [
        ("unary_expression", 2), ("unary_expression", 4), ("unary_expression", 4)]


def test_order_is_the_same_in_every_process(tmp_path):
    """py-tree-sitter's captures come back in an order that varies between processes
    (tree-sitter/py-tree-sitter#450); ours must not."""
    body = "".join(f"func f{i}(a, b int) int {{ c := g(a) + h(b, a); return k(c) }}\n" for i in range(400))
    path = tmp_path / "big.go"
    path.write_text("package p\n\n" + body)
    script = ("import sys; from goescape.linter.syntax.capture import capture; from goescape.linter.syntax.parsing "
              "import parse; src = open(sys.argv[1], 'rb').read(); "
              "print([n.start_byte for n in capture(parse(src), ['identifier', 'call_expression'])[0]])")
    outputs = [subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True,
                              check=True).stdout for _ in range(3)]
    positions = eval(outputs[0])
    assert len(set(outputs)) == 1 and positions == sorted(positions) and len(positions) == 400 * 14
