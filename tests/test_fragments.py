"""Reports put together from each package's cached fragment: what is linted again, and the same bytes."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from goescape.linter.cli import packaged
from goescape.linter.config.file import Config
from goescape.linter.config.policy import Policy
from goescape.linter.engine import lint as engine
from goescape.linter.registry.registry import build_registry
from goescape.linter.report import render
from goescape.linter.report.fragments import fragments
from goescape.linter.report.options import FORMATS, ReportOptions
from goescape.linter.report.totals import Totals
from goescape.linter.run import packages, runner
from goescape.linter.run.cache import ResultCache

SOURCE = ("package {pkg}\n\ntype T struct{{ n int }}\n\nfunc New{i}() *T {{\n\tt := T{{n: {i}}}\n\treturn &t\n}}\n\n"
          "func Keep{i}() *T {{\n\tt := T{{}}\n\treturn &t //goescape:ignore ESC101 kept on purpose\n}}\n")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Three packages of three files, each with findings and a suppressed one."""
    work = tmp_path / "work"
    for pkg in ("alpha", "beta", "gamma"):
        (work / pkg).mkdir(parents=True)
        for i in range(3):
            text = SOURCE.format(pkg=pkg, i=i)
            (work / pkg / f"f{i}.go").write_text(text.replace("type T struct{ n int }\n\n", "") if i else text)
    return work


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders of the files parsed (by the engine or by the model reading siblings)."""
    folders: list[Path] = []
    real = engine._read

    def reading(target, *args, **kwargs):  # type: ignore[no-untyped-def]
        folders.append(target.path.parent)
        return real(target, *args, **kwargs)

    monkeypatch.setattr(engine, "_read", reading)
    return folders


def test_an_edit_lints_its_package_again_and_takes_the_others_from_their_fragments(cli, project, parsed):
    cold = cli("check", ".", "--include-suppressed", "--jobs", "1", cwd=project)  # counted in this process
    assert cold.status == 1 and cold.stdout.count("ESC101") == 18 and len(set(parsed)) == 3
    parsed.clear()
    source = project / "beta" / "f1.go"
    source.write_text("// a line more\n" + source.read_text())
    edited = cli("check", ".", "--include-suppressed", "--jobs", "1", cwd=project)
    assert {p.name for p in parsed} == {"beta"}  # every file of the edited package, nothing else
    assert edited.stdout != cold.stdout and "beta/f1.go:6:9" in edited.stdout and "beta/f1.go:5:9" in cold.stdout
    reference = cli("check", ".", "--include-suppressed", "--no-cache", cwd=project)
    assert (edited.status, edited.stdout, edited.stderr) == (reference.status, reference.stdout, reference.stderr)


def test_a_sibling_that_is_not_linted_still_counts(cli, project, parsed):
    """The package's model reads every file of the folder: one outside the run changes the rest."""
    (project / ".goescape.toml").write_text('exclude = ["alpha/f2.go"]\n')
    cli("check", ".", cwd=project)
    parsed.clear()
    (project / "alpha" / "f2.go").write_text("package alpha\n\nvar extra int\n")
    cli("check", ".", cwd=project)
    assert {p.name for p in parsed} == {"alpha"}


PARTED = ("text", "json", "sarif", "github")


def test_every_format_but_the_html_page_is_rendered_in_parts(project):
    """The HTML page orders and groups findings its own way: it is rendered from the findings."""
    policy = Policy.build(Config(root=project), build_registry(plugins=False))
    assert [f for f in FORMATS if fragments(f, policy, ReportOptions(), project) is not None] == list(PARTED)


@pytest.mark.parametrize("fmt", PARTED)
def test_a_run_from_fragments_is_the_run_from_findings(project, tmp_path, fmt):
    """Each package's part of the report, cached, and the report of the findings: the same bytes."""
    registry = build_registry(plugins=False)
    policy = Policy.build(Config(root=project), registry)
    options = ReportOptions(show_source=True, include_suppressed=True)
    whole = runner.run([str(project)], policy, project)
    parts = fragments(fmt, policy, options, project)
    assert parts is not None
    cache = ResultCache(tmp_path / "cache")
    for _ in range(2):  # rendered, then read back
        done = packages.run_packages([str(project)], policy, project, cache, lambda ds: parts.body(ds).encode(),
                                     "key")
        assert done is not None
        report = packaged.Packaged(done.result, Totals(done.shown, done.suppressed), parts, done.bodies,
                                   done.signatures).report()
        assert report == render(fmt, whole, policy, options).encode()
    assert done.reused == 3 and done.rendered == 0


def test_a_corrupt_fragment_is_rendered_again(cli, project, parsed, monkeypatch):
    cold = cli("check", ".", cwd=project)
    entries = [e for e in Path(os.environ["GOESCAPE_CACHE_DIR"]).rglob("fragments/*/*") if e.is_file()]
    assert len(entries) == 3
    for entry in entries:
        data = bytearray(entry.read_bytes())
        data[-2] ^= 0x01
        entry.write_bytes(bytes(data))
    monkeypatch.setenv("GOESCAPE_REPLAY", "0")
    parsed.clear()
    assert cli("check", ".", cwd=project) == cold
    assert parsed == []  # the files' own results are still in the cache
    cache = ResultCache(Path(os.environ["GOESCAPE_CACHE_DIR"]))
    assert all(cache.load_fragment(e.parent.name + e.name) is not None for e in entries)  # rewritten
    assert cli("check", ".", cwd=project) == cold


@pytest.mark.skipif(sys.platform != "linux", reason="file names that are not UTF-8")
def test_two_files_shown_by_the_same_path_are_merged_by_line(cli, project):
    """Names that are not UTF-8 are shown with U+FFFD: two such files print as one path, and their
    findings are sorted together, line by line; fragments cannot do that, the findings can."""
    folder = os.fsencode(project / "alpha")
    for name, i, above in ((b"odd\xff.go", 7, ""), (b"odd\xfe.go", 8, "// two lines\n// more\n")):
        with open(os.path.join(folder, name), "w") as handle:
            handle.write(above + SOURCE.format(pkg="alpha", i=i).replace("type T struct{ n int }\n\n", ""))
    runs = [cli("check", "alpha", "--include-suppressed", *flags, cwd=project) for flags in ([], [], ["--no-cache"])]
    assert runs[0] == runs[1] == runs[2]
    lines = [line.split(": ")[0] for line in runs[0].stdout.splitlines() if "odd" in line]
    assert lines == ["alpha/odd\ufffd.go:5:9", "alpha/odd\ufffd.go:7:9", "alpha/odd\ufffd.go:10:9",
                     "alpha/odd\ufffd.go:12:9"]


def test_fragments_can_be_turned_off(cli, project, monkeypatch):
    monkeypatch.setenv("GOESCAPE_FRAGMENTS", "0")
    cli("check", ".", cwd=project)
    assert not list(Path(os.environ["GOESCAPE_CACHE_DIR"]).rglob("fragments/*/*"))


def test_a_file_changed_while_it_was_read_stores_no_fragment(project, tmp_path, monkeypatch):
    """Its result is not the one its key names: neither it nor its folder's part is stored."""
    from goescape.linter.run import workers

    registry = build_registry(plugins=False)
    policy = Policy.build(Config(root=project), registry)
    parts = fragments("text", policy, ReportOptions(), project)
    assert parts is not None
    real = workers._hash_file
    monkeypatch.setattr(workers, "_hash_file",
                        lambda path: "changed meanwhile" if path.parent.name == "beta" else real(path))
    cache = ResultCache(tmp_path / "cache")
    done = packages.run_packages([str(project)], policy, project, cache, lambda ds: parts.body(ds).encode(), "k")
    assert done is not None and done.rendered == 3
    monkeypatch.undo()
    again = packages.run_packages([str(project)], policy, project, cache, lambda ds: parts.body(ds).encode(), "k")
    assert again is not None and (again.reused, again.rendered) == (2, 1)
    assert again.bodies == done.bodies
