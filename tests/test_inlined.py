"""Where the compiler reports escapes inside the func literals it inlines (goescape.linter.gc.inlined)."""
from __future__ import annotations

from pathlib import Path

import pytest

from goescape.linter.gc.inlined import HostFinder, confirms, hosts, matches
from goescape.linter.syntax.parsing import parse
from goescape.linter.syntax.source import SourceFile

SOURCE = """package p

func F(xs []int, seq func(func(int) bool), apply func(func())) {
	for _, x := range slices.Backward(xs) {
		sink = x
	}
	store := func() {
		sink = xs
	}
	store()
	if len(xs) > 0 {
		store()
	}
	apply(func() {
		sink = seq
	})
	func() {
		sink = apply
	}()
	defer func() {
		sink = xs
	}()
	go func() {
		sink = xs
	}()
	sink = xs
}
"""


def _hosts_at(marker: str, occurrence: int = 0) -> list[tuple[int, str]]:
    lines = SOURCE.splitlines()
    found = [i for i, text in enumerate(lines) if text.strip() == marker][occurrence]
    data = SOURCE.encode()
    file = SourceFile(Path("p.go"), data)
    column = len(lines[found][:lines[found].index(marker)].encode())
    return [(h.line, h.text[:12]) for h in hosts(file, parse(data).root_node, found, column)]


@pytest.mark.parametrize(("marker", "occurrence", "expected"), [
    ("sink = x", 0, [(4, "sink=x}store")]),  # the range statement
    ("sink = xs", 0, [(10, "sink=xs}stor"), (12, "sink=xs}stor")]),  # each call of store
    ("sink = seq", 0, [(14, "sink=seq})fu")]),  # the call it is passed to
    ("sink = apply", 0, [(19, "sink=apply}(")]),  # called in place: at its own call
    ("sink = xs", 1, []),  # deferred: the compiler does not inline it, positions hold
    ("sink = xs", 2, []),  # a goroutine: never inlined
    ("sink = xs", 3, []),  # not in a func literal
])
def test_hosts(marker: str, occurrence: int, expected: list[tuple[int, str]]) -> None:
    assert _hosts_at(marker, occurrence) == expected


@pytest.mark.parametrize(("subject", "text", "expected"), [
    ("x", "x sink=p", True),  # a word break survives the spacing removed
    ("x", "xs)", False),
    ("a.Objdir + name", "a.Objdir+name)", True),
    ("val != int64(0)", "val!=0{", True),  # a typed constant as the compiler prints it
    ("&Action{...}", "&Action{Mode:\"x\"", True),  # elided elements
    ("&Action{...}", "&Other{", False),
    ("append", "append(l.items,part)", True),
    ("func literal", "func(){", True),
    ("... argument", "x)", False),  # the implicit slice has no text of its own
    ('"a b"', '"a b")', True),
    ("a.Objdir + ~r0 + cfg.ExeSuffix", 'a.Objdir+filepath.Join("exe",name)+cfg.ExeSuffix', True),  # inlined call
    ("a.Objdir + ~r0 + cfg.ExeSuffix", "a.Objdir+name+cfg.Suffix", False),
])
def test_matches(subject: str, text: str, expected: bool) -> None:
    assert matches(subject, text) is expected


def test_host_finder_reads_report_positions(tmp_path: Path) -> None:
    path = tmp_path / "p.go"
    path.write_text(SOURCE.replace("sink = seq", "sink = \"é\"; sink = seq"))  # a 2-byte character first
    line = SOURCE.splitlines().index("\t\tsink = seq") + 1
    column = len("\t\tsink = \"é\"; ") + 1  # reports count code points
    finder = HostFinder()
    [host] = finder.at(str(path), line, column)
    assert (host.line, host.text[:8]) == (14, "sink=seq")
    assert finder.at(str(tmp_path / "missing.go"), 1, 1) == ()
    assert finder.at(str(path), 999, 1) == ()


def test_a_literal_called_from_an_inlined_literal_is_reported_at_the_outer_calls() -> None:
    source = ("package p\n\nfunc F() {\n\treport := func(n int) {\n\t\tsink = n\n\t}\n"
              "\tfail := func() {\n\t\treport(1)\n\t}\n\tfail()\n\tif true {\n\t\tfail()\n\t}\n}\n")
    data = source.encode()
    lines = source.splitlines()
    row = lines.index("\t\tsink = n")
    found = [h.line for h in hosts(SourceFile(Path("p.go"), data), parse(data).root_node, row, 2)]
    # report(1), then each call of fail, which inlines it
    assert found == [lines.index("\t\treport(1)") + 1, lines.index("\tfail()") + 1, lines.index("\t\tfail()") + 1]


def test_a_callee_inlined_at_the_finding_is_matched_by_the_finding_s_subject() -> None:
    source = ("package p\n\nfunc F(out []byte) {\n\tcheck := func(x uint32) {\n"
              "\t\tassert(write(out, x))\n\t}\n\tcheck(1)\n}\n")
    data = source.encode()
    row = source.splitlines().index("\t\tassert(write(out, x))")
    message = '"assertion failed" escapes: assert is inlined here, and it boxes it into panic\'s argument'
    [host] = hosts(SourceFile(Path("p.go"), data), parse(data).root_node, row, 2, message)
    assert confirms('"assertion failed"', host)  # what the inlined assert allocates
    assert not confirms('"other"', host)
    [long] = hosts(SourceFile(Path("p.go"), data), parse(data).root_node, row, 2,
                   'fmt.Sprintf("invalid WriteHeader code... escapes: it is boxed')
    assert confirms('fmt.Sprintf("invalid WriteHeader code %v", code)', long)  # shortened in the message
