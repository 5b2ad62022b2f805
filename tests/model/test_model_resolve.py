"""Name resolution: Go's block scoping, shadowing, closures, := redeclaration, package names."""
from __future__ import annotations

import pytest
from model_helpers import find, ident, model

from goescape.linter.model import FileModel, SymbolKind

SOURCE = """package p

import (
	"fmt"
	str "strings"
	. "errors"
	_ "embed"
)

var global = 1

const limit = 10

type T struct{ a int }

func helper() {}

func f(p int, xs ...string) (r int, err error) {
	x := 1                      // L_decl
	y := x + p                  // L_use_outer
	if x := "s"; len(x) > 0 {   // L_if_header
		_ = x                   // L_if_body
	} else {
		_ = x                   // L_else
	}
	_ = x                       // L_after_if
	{
		x := 2.5                // L_block
		_ = x                   // L_block_use
	}
	for i, x := range xs {      // L_range
		_ = x + fmt.Sprint(i)   // L_range_body
	}
	x, z := 3, 4                // L_redeclare
	_ = z
	g := func(a int) int {      // L_closure
		return a + x + y        // L_closure_body
	}
	x = g(global)               // L_assign
	var w = x                   // L_var
	switch v := any(w).(type) { // L_switch
	case int:
		_ = v                   // L_case_int
	}
	select {
	case m, ok := <-make(chan int): // L_recv
		_, _ = m, ok            // L_recv_body
	}
	t := T{a: limit}            // L_keyed
	_ = t.a + len(xs) + r       // L_builtin
	_ = New(str.ToUpper("x"))   // L_imports
	helper()                    // L_func
	return x, err               // L_return
}
"""


@pytest.fixture(scope="module")
def fm() -> FileModel:
    return model(SOURCE)


@pytest.mark.parametrize(("line", "name", "decl_line", "kind"), [
    ("L_use_outer", "x", "L_decl", SymbolKind.LOCAL),
    ("L_use_outer", "p", "func f(", SymbolKind.PARAM),
    ("L_if_header", "len", None, SymbolKind.BUILTIN),
    ("L_if_body", "x", "L_if_header", SymbolKind.LOCAL),
    ("L_else", "x", "L_if_header", SymbolKind.LOCAL),  # header scope covers the else branch
    ("L_after_if", "x", "L_decl", SymbolKind.LOCAL),
    ("L_block_use", "x", "L_block", SymbolKind.LOCAL),
    ("L_range_body", "x", "L_range", SymbolKind.LOCAL),
    ("L_range_body", "i", "L_range", SymbolKind.LOCAL),
    ("L_redeclare", "x", "L_decl", SymbolKind.LOCAL),  # := redeclaration reuses the variable
    ("L_redeclare", "z", "L_redeclare", SymbolKind.LOCAL),
    ("L_closure_body", "a", "L_closure", SymbolKind.PARAM),
    ("L_closure_body", "x", "L_decl", SymbolKind.LOCAL),  # captured from the enclosing function
    ("L_assign", "g", "L_closure", SymbolKind.LOCAL),
    ("L_assign", "global", "var global", SymbolKind.PACKAGE_VAR),
    ("L_case_int", "v", "L_switch", SymbolKind.LOCAL),
    ("L_recv_body", "ok", "L_recv", SymbolKind.LOCAL),
    ("L_keyed", "limit", "const limit", SymbolKind.CONST),
    ("L_builtin", "r", "func f(", SymbolKind.RESULT),
    ("L_return", "err", "func f(", SymbolKind.RESULT),
    ("L_func", "helper", "func helper", SymbolKind.FUNC),
    ("L_imports", "str", None, SymbolKind.IMPORT),
    ("L_imports", "New", None, SymbolKind.FUNC),  # dot-imported from errors
])
def test_resolution(fm: FileModel, line: str, name: str, decl_line: str | None,
                    kind: SymbolKind) -> None:
    symbol = fm.resolve(ident(fm, line, name))
    assert symbol is not None
    assert symbol.kind is kind
    if decl_line is not None:
        assert symbol.node is not None
        assert symbol.node.start_byte == ident(fm, decl_line, name).start_byte


def test_shadowed_variables_are_distinct_symbols(fm: FileModel) -> None:
    outer = fm.resolve(ident(fm, "L_after_if", "x"))
    inner = fm.resolve(ident(fm, "L_if_body", "x"))
    block = fm.resolve(ident(fm, "L_block_use", "x"))
    assert len({id(outer), id(inner), id(block)}) == 3


def test_declaring_identifier_resolves_to_its_symbol(fm: FileModel) -> None:
    at_declaration = fm.resolve(ident(fm, "L_block", "x"))
    assert at_declaration is fm.resolve(ident(fm, "L_block_use", "x"))


def test_struct_literal_keys_are_fields_not_variables(fm: FileModel) -> None:
    assert fm.resolve(ident(fm, "L_keyed", "a")) is None


def test_package_name_resolves_to_import_path(fm: FileModel) -> None:
    symbol = fm.resolve(ident(fm, "L_range_body", "fmt"))
    assert symbol is not None and symbol.package == "fmt"
    assert fm.resolve(ident(fm, "L_imports", "str")).package == "strings"


def test_closure_captures(fm: FileModel) -> None:
    literal = fm.enclosing_function(ident(fm, "L_closure_body", "a"))
    assert literal is not None and literal.type == "func_literal"
    assert [s.name for s in fm.captures(literal)] == ["x", "y"]


def test_symbol_owner_function(fm: FileModel) -> None:
    a = fm.resolve(ident(fm, "L_closure_body", "a"))
    x = fm.resolve(ident(fm, "L_closure_body", "x"))
    assert a.function.type == "func_literal"
    assert x.function.type == "function_declaration"
    assert fm.enclosing_function(ident(fm, "L_closure_body", "x")).type == "func_literal"


def test_named_results_and_parameters(fm: FileModel) -> None:
    function = ident(fm, "func f(", "f").parent
    assert [s.name for s in fm.results(function)] == ["r", "err"]
    assert [s.name for s in fm.parameters(function)] == ["p", "xs"]


def test_declarations_in_other_files_of_the_package() -> None:
    fm = model("package p\n\nfunc use() { _ = other(shared) }\n",
               "package p\n\nvar shared = 1\n\nfunc other(int) int { return 0 }\n")
    assert fm.resolve(ident(fm, "_ = other", "shared")).kind is SymbolKind.PACKAGE_VAR
    assert fm.resolve(ident(fm, "_ = other", "other")).kind is SymbolKind.FUNC


def test_local_type_and_generic_type_parameters() -> None:
    fm = model("""package p

func f[E any](xs []E) E {
	type local struct{ v E } // L_type
	var l local              // L_var
	return l.v               // L_ret
}
""")
    assert fm.resolve(ident(fm, "L_var", "local")).kind is SymbolKind.TYPE
    assert str(fm.type_of(find(fm, "l.v"))) == "E"


def test_unknown_names_resolve_to_nothing() -> None:
    fm = model("package p\n\nfunc f() { _ = undefinedName }\n")
    assert fm.resolve(ident(fm, "_ = undefined", "undefinedName")) is None


def test_code_outside_any_declaration_resolves_to_nothing() -> None:
    # tree-sitter-go 0.25 cannot parse Go 1.27 generic methods: the body becomes a bare block.
    fm = model("package p\n\nfunc Int() int { return 0 }\n\n"
               "func (r *Rand) N[Int intType](n Int) Int {\n\treturn Int(n) // L_body\n}\n")
    assert fm.resolve(ident(fm, "L_body", "Int")) is None
    assert fm.type_of(find(fm, "Int(n)")) is None
    assert fm.resolve(ident(fm, "func Int", "Int")).kind is SymbolKind.FUNC
