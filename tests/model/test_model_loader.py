"""load_package: siblings read from disk, already-parsed files reused, bad files skipped."""
from __future__ import annotations

from pathlib import Path

import pytest
from model_helpers import ident
from tree_sitter import Node

from goescape.linter.model import PackageModel, SymbolKind, load_package, loader
from goescape.linter.model.loader import import_path
from goescape.linter.syntax.parsing import parse
from goescape.linter.syntax.source import SourceFile


def write(directory: Path, name: str, text: str | bytes) -> Path:
    path = directory / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


@pytest.fixture
def package_dir(tmp_path: Path) -> Path:
    write(tmp_path, "main.go", "package shop\n\nfunc Total() *Order { o := newOrder(); return o }\n")
    write(tmp_path, "order.go", "package shop\n\ntype Order struct{ items []Item }\n\n"
                                "func newOrder() *Order { return &Order{} }\n")
    write(tmp_path, "item.go", "package shop\n\ntype Item struct{ price int }\n")
    write(tmp_path, "external_test.go", "package shop_test\n\nvar Order = 1\n")
    write(tmp_path, "latin1.go", b"package shop\n\n// caf\xe9\nvar broken = 1\n")
    write(tmp_path, "notes.txt", "package shop\n")
    write(tmp_path, "_ignored.go", "package shop\n\nvar ignored = 1\n")
    return tmp_path


def parsed(path: Path) -> dict[Path, tuple[SourceFile, object]]:
    data = path.read_bytes()
    return {path: (SourceFile(path, data), parse(data))}


def test_siblings_are_read_from_disk(package_dir: Path) -> None:
    main = package_dir / "main.go"
    model = load_package(package_dir, "shop", parsed(main))
    assert sorted(p.name for p in model.files) == ["item.go", "main.go", "order.go"]
    fm = model.file(main)
    assert fm.resolve(ident(fm, "func Total", "newOrder")).kind is SymbolKind.FUNC
    assert str(fm.resolve(ident(fm, "func Total", "o")).type) == "*Order"  # from order.go


def test_already_parsed_files_are_reused(package_dir: Path) -> None:
    main = package_dir / "main.go"
    given = parsed(main)
    model = load_package(package_dir, "shop", given)
    assert model.file(main).tree is given[main][1]


def test_other_packages_and_ignored_files_are_left_out(package_dir: Path) -> None:
    model = load_package(package_dir, "shop", parsed(package_dir / "main.go"))
    assert "ignored" not in model.decls
    assert model.decls["Order"].kind is SymbolKind.TYPE  # not the shop_test variable


def test_non_utf8_sibling_is_skipped_and_reported(package_dir: Path) -> None:
    model = load_package(package_dir, "shop", parsed(package_dir / "main.go"))
    assert [s.path.name for s in model.skipped] == ["latin1.go"]
    assert "UTF-8" in model.skipped[0].reason
    assert "broken" not in model.decls


def test_unreadable_sibling_is_skipped_and_reported(package_dir: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(package_dir, "locked.go", "package shop\n\nvar secret = 1\n")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.go":  # chmod 0 does not stop root, so fail the read directly
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    model = load_package(package_dir, "shop", parsed(package_dir / "main.go"))
    assert any(s.path == locked and "Permission denied" in s.reason for s in model.skipped)
    assert "secret" not in model.decls


def test_broken_sibling_keeps_its_sound_declarations(package_dir: Path) -> None:
    write(package_dir, "broken.go", "package shop\n\nfunc Good() {}\n\nfunc bad( {\n")
    model = load_package(package_dir, "shop", parsed(package_dir / "main.go"))
    assert "Good" in model.decls


def test_duplicate_declarations_from_build_tagged_files(tmp_path: Path) -> None:
    write(tmp_path, "a_linux.go", "//go:build linux\n\npackage p\n\nfunc sys() int { return 1 }\n")
    write(tmp_path, "a_other.go", "//go:build !linux\n\npackage p\n\nfunc sys() int { return 2 }\n")
    model = load_package(tmp_path, "p")
    assert model.decls["sys"].file.source.path.name == "a_linux.go"
    assert [d.file.source.path.name for d in model.duplicates] == ["a_other.go"]


def test_missing_directory_gives_an_empty_model(tmp_path: Path) -> None:
    model = load_package(tmp_path / "nowhere", "p")
    assert not model.files and not model.skipped


def test_import_path_from_go_mod(tmp_path: Path) -> None:
    write(tmp_path, "go.mod", "module example.com/shop\n\ngo 1.27\n")
    sub = tmp_path / "internal" / "cart"
    sub.mkdir(parents=True)
    write(sub, "cart.go", "package cart\n\ntype Cart struct{}\n\nvar c Cart\n")
    model = load_package(sub, "cart")
    assert model.path == "example.com/shop/internal/cart"
    fm = model.file(sub / "cart.go")
    assert str(fm.resolve(ident(fm, "var c", "c")).type) == "cart.Cart"
    assert fm.resolve(ident(fm, "var c", "c")).type.pkg == "example.com/shop/internal/cart"


def test_import_path_in_the_standard_library(tmp_path: Path) -> None:
    write(tmp_path, "go.mod", "module std\n\ngo 1.27\n")
    (tmp_path / "encoding" / "json").mkdir(parents=True)
    assert import_path(tmp_path / "encoding" / "json") == "encoding/json"
    assert import_path(tmp_path) is None


def _generated(directory: Path, name: str, functions: int) -> Path:
    """A generated file declaring Keep (which leaks its argument) and `functions` filler funcs."""
    filler = "".join(f"func pad{i}(a, b int) int {{\n\treturn a*{i} + b\n}}\n\n" for i in range(functions))
    return write(directory, name, "// Code generated by gen; DO NOT EDIT.\n\npackage shop\n\nvar sink any\n\n"
                                  "func Keep(v any) {\n\tsink = v\n}\n\n" + filler)


def _body(model: PackageModel, name: str) -> Node | None:
    return model.decls[name].spec.child_by_field_name("body")


def test_large_generated_sibling_keeps_declarations_but_not_bodies(package_dir: Path) -> None:
    gen = _generated(package_dir, "gen.go", 2500)
    assert gen.stat().st_size > loader.OUTLINE_BYTES
    model = load_package(package_dir, "shop", parsed(package_dir / "main.go"), outline_generated=True)
    assert _body(model, "Keep") is None and _body(model, "pad7") is None
    keep = model.decls["Keep"]
    assert str(keep.file.resolve(keep.ident).type) == "func(any)"
    assert model.decls["sink"].kind is SymbolKind.PACKAGE_VAR
    original = gen.read_text().splitlines()
    last = model.decls["pad2499"].ident
    assert original[last.start_point.row].startswith("func pad2499(")  # positions still hold
    assert model.file(gen).source.data.count(b"\n") == len(original)


def test_small_generated_sibling_and_linted_generated_files_keep_their_bodies(package_dir: Path) -> None:
    _generated(package_dir, "gen.go", 3)  # a copy of hand-written code, such as go/types
    assert _body(load_package(package_dir, "shop", outline_generated=True), "Keep") is not None
    _generated(package_dir, "gen.go", 2500)
    assert _body(load_package(package_dir, "shop", outline_generated=False), "Keep") is not None
