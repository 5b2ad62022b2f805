"""`goescape check --profile`: weights, ranking, ESC301, stale and -trimpath profiles, default.pgo, bad profiles."""
from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from profile_helpers import ProfiledModule, profiled_module

from goescape.linter.cost.pprof_read import load


@pytest.fixture(scope="module")
def prof(tmp_path_factory: pytest.TempPathFactory) -> ProfiledModule:
    return profiled_module(tmp_path_factory)


def findings(cli: Callable[..., Any], *args: str, cwd: Path) -> tuple[list[dict[str, Any]], dict[str, Any], str]:
    result = cli("check", "--format", "json", *args, cwd=cwd)
    assert result.status in (0, 1), result.stderr
    document = json.loads(result.stdout)
    return document["findings"], document, result.stderr


def at(found: list[dict[str, Any]], line: int) -> list[dict[str, Any]]:
    return [f for f in found if f["line"] == line]


def test_a_memory_profile_weighs_findings_and_reports_allocation_sites(cli: Any, prof: ProfiledModule) -> None:
    found, document, _ = findings(cli, "--profile", str(prof.mem), "lib.go", cwd=prof.dir)
    growth, render = prof.line("counts[w]++"), prof.line("io.WriteString(w, name)")
    (site,) = at(found, growth)
    assert site["code"] == "ESC301" and site["name"] == "profiled-allocation"
    assert site["message"].startswith("this line's map assignment allocated ")
    (call,) = at(found, render)
    assert call["code"] == "ESC301"
    assert call["message"].endswith("inside io.WriteString's []byte conversion")
    # Ten 41-byte names, 48 bytes each once rounded, every run of the benchmark (21 of them);
    # and in some runs, once, the 48-byte cache Go 1.27 allocates for io.WriteString's type
    # assertion (io.go line 315, above its []byte conversion on line 318).
    assert call["profile"]["kinds"]["memory"]["allocated"] in (21 * 10 * 48, 21 * 10 * 48 + 48)
    # The escape ESC101 reports allocates on its own line: no ESC301 there, the finding carries it.
    (point,) = at(found, prof.line("return &Point{X: x}"))
    assert point["code"] == "ESC101" and point["severity"] == "warning"
    memory = point["profile"]["kinds"]["memory"]
    assert memory["allocated"] == 16 * memory["objects"] and memory["objects"] == 21 * 100
    # Code the benchmarks never ran: the cold severity, and the message says why.
    (unused,) = at(found, prof.line("return &p"))
    assert unused["severity"] == "note" and unused["message"].endswith("(never sampled in the profile)")
    assert unused["profile"]["sampled"] is False and unused["profile"]["rank"] == 0
    # A profile implies ranking, by measured or predicted allocation share (ESC101's map made in
    # Count, a hot function, is predicted above the 2% ESC301 site), the never-sampled last.
    ranks = [f["profile"]["rank"] for f in found]
    assert ranks == sorted(ranks, reverse=True) and found[-1] is unused
    assert found[0] is site and site["profile"]["rank"] > call["profile"]["rank"] > 0
    (notice,) = document["notices"]
    assert notice["message"].startswith(f"{prof.mem}: ") and notice["message"].endswith("matched no linted file")


def test_without_a_profile_nothing_changes(cli: Any, prof: ProfiledModule) -> None:
    found, document, _ = findings(cli, "lib.go", cwd=prof.dir)
    assert {f["code"] for f in found} == {"ESC101"}
    assert all("profile" not in f for f in found) and document["notices"] == []


def test_a_trimpath_profile_is_matched_by_function_name(cli: Any, prof: ProfiledModule) -> None:
    files = {f.filename for f in load(prof.mem_trimpath).functions if "profiled" in f.filename}
    assert "example.com/profiled/lib.go" in files  # a module path; the folder is called pmod
    plain, _, _ = findings(cli, "--profile", str(prof.mem), "lib.go", cwd=prof.dir)
    trimmed, _, _ = findings(cli, "--profile", str(prof.mem_trimpath), "lib.go", cwd=prof.dir)
    def measured(found: list[dict[str, Any]]) -> list[tuple[int, str]]:
        return [(f["line"], f["code"]) for f in found]

    # What this package allocated is the same, to the type assertion's cache (see above); the
    # percentages differ with the harness's share of the profile.
    assert measured(trimmed) == measured(plain)
    for mine, theirs in zip(trimmed, plain):
        allocated = [f["profile"]["kinds"]["memory"].get("allocated", 0) for f in (mine, theirs)]
        assert abs(allocated[0] - allocated[1]) in (0, 48)
    # Count's map, made on the line ESC101 flags (it is returned), is that finding's allocation:
    # two allocation sites no escape finding covers remain for ESC301.
    assert len(trimmed) == 5 and sum(f["code"] == "ESC301" for f in trimmed) == 2


def test_a_stale_profile_still_lands_on_the_moved_lines(cli: Any, prof: ProfiledModule, tmp_path: Path) -> None:
    moved = tmp_path / "pmod"
    shutil.copytree(prof.dir, moved)
    source = (moved / "lib.go").read_text()
    source = source.replace("import \"io\"\n", "import \"io\"\n\n// Three lines\n// added\n// here.\n")
    source = source.replace("// Count grows", "// Two more\n// lines.\n// Count grows")
    (moved / "lib.go").write_text(source)
    before, _, _ = findings(cli, "--profile", str(prof.mem), "lib.go", cwd=prof.dir)
    after, _, _ = findings(cli, "--profile", str(prof.mem), "lib.go", cwd=moved)
    lines = source.splitlines()
    assert [(f["code"], f["message"], lines[f["line"] - 1].strip()) for f in after] == [
        (f["code"], f["message"], (prof.dir / "lib.go").read_text().splitlines()[f["line"] - 1].strip())
        for f in before]
    assert [f["line"] for f in after] != [f["line"] for f in before]


def test_min_weight_hides_findings_below_a_share_of_the_profile(cli: Any, prof: ProfiledModule) -> None:
    found, document, stderr = findings(cli, "--profile", str(prof.mem), "--min-weight", "5%", "lib.go", cwd=prof.dir)
    assert {(f["code"], f["line"]) for f in found} == {("ESC301", prof.line("counts[w]++")),
                                                      ("ESC101", prof.line("return &Point{X: x}"))}
    assert document["summary"]["min-weight"] == {"hidden": 3}
    assert "3 below --min-weight" in stderr
    config = prof.dir / ".goescape.toml"
    config.write_text(f'profile = ["{prof.mem}"]\nmin-weight = "5%"\n')
    try:
        from_config, _, _ = findings(cli, "lib.go", cwd=prof.dir)
    finally:
        config.unlink()
    assert from_config == found


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("text.pprof", b"this is not a profile\n", "not a pprof profile (looks like a text file"),
    ("empty.pprof", b"", "not a pprof profile (empty file)"),
    ("cut.pprof", None, "truncated gzip data"),
    ("noise.pprof", bytes(range(256)) * 4, "not a pprof profile"),
    ("bad.pgo", b"GO PREPROFILE V1\nmain.f\n", "bad PGO preprocessed profile"),
])
def test_a_bad_profile_is_one_line_and_exit_2(cli: Any, prof: ProfiledModule, tmp_path: Path, name: str,
                                              data: bytes | None, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(data if data is not None else prof.mem.read_bytes()[:300])
    result = cli("check", "--profile", str(path), "lib.go", cwd=prof.dir)
    assert result.status == 2 and result.stdout == ""
    assert result.stderr.startswith(f"goescape: error: {path}: ") and problem in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_missing_profile_or_bad_min_weight_is_a_usage_error(cli: Any, prof: ProfiledModule) -> None:
    missing = cli("check", "--profile", "nowhere.pprof", "lib.go", cwd=prof.dir)
    assert missing.status == 2 and "nowhere.pprof: cannot read profile" in missing.stderr
    weight = cli("check", "--profile", str(prof.mem), "--min-weight", "150%", "lib.go", cwd=prof.dir)
    assert weight.status == 2 and "between 0% and 100%" in weight.stderr
    config = prof.dir / ".goescape.toml"
    config.write_text('min-weight = "lots"\n')
    try:
        bad = cli("check", "lib.go", cwd=prof.dir)
    finally:
        config.unlink()
    assert bad.status == 2 and "min-weight" in bad.stderr and bad.stderr.count("\n") == 1


def _app(prof: ProfiledModule, tmp_path: Path, pgo: Path | None) -> Path:
    """cmd/app of a copy of the module, with `pgo` as its default.pgo (a CPU profile of its test
    binary names its functions by import path, `example.com/profiled/cmd/app.work`)."""
    app = tmp_path / "pmod" / "cmd" / "app"
    shutil.copytree(prof.dir, tmp_path / "pmod")
    if pgo is not None:
        shutil.copy(pgo, app / "default.pgo")
    return app


@pytest.mark.parametrize("form", ["pprof", "preprofile"])
def test_default_pgo_beside_a_main_package_is_read(cli: Any, prof: ProfiledModule, tmp_path: Path, form: str) -> None:
    app = _app(prof, tmp_path, prof.app_cpu if form == "pprof" else prof.app_pgo)
    found, document, _ = findings(cli, "main.go", cwd=app)
    kind = "cpu" if form == "pprof" else "pgo"
    assert any(n["message"].startswith(f"weighing the findings under {app} with {app / 'default.pgo'}")
               for n in document["notices"])
    source = (app / "main.go").read_text().splitlines()
    work = [f for f in found if 10 <= f["line"] <= 20]  # func work's lines
    assert work and all(f["profile"]["sampled"] and kind in f["profile"]["kinds"] for f in work)
    (idle,) = [f for f in found if source[f["line"] - 1].strip() == "return &x"]
    assert idle["severity"] == "note" and idle["message"].endswith("(never sampled in the profile)")
    off, _, _ = findings(cli, "--no-default-pgo", "main.go", cwd=app)
    assert all("profile" not in f for f in off)
    explicit, document, _ = findings(cli, "--profile", str(prof.mem), "main.go", cwd=app)
    assert all("cpu" not in f["profile"]["kinds"] for f in explicit)
    assert not any("default.pgo" in n["message"] for n in document["notices"])  # as go build -pgo=FILE


def test_default_pgo_weighs_its_main_packages_tree_only(cli: Any, prof: ProfiledModule, tmp_path: Path) -> None:
    # Linting the whole module: the app's profile says nothing about the library beside it
    # (as cmd/compile's default.pgo says nothing about net/http when GOROOT/src is linted).
    app = _app(prof, tmp_path, prof.app_cpu)
    root = app.parent.parent
    found, _, _ = findings(cli, ".", cwd=root)
    in_app = [f for f in found if f["path"].startswith("cmd/app/")]
    elsewhere = [f for f in found if not f["path"].startswith("cmd/app/")]
    assert in_app and all("profile" in f for f in in_app)
    assert elsewhere and all("profile" not in f and "never sampled" not in f["message"] for f in elsewhere)
    assert not any(f["code"] == "ESC301" for f in elsewhere)


def test_default_pgo_beside_a_library_package_is_not_read(cli: Any, prof: ProfiledModule, tmp_path: Path) -> None:
    library = tmp_path / "pmod"
    shutil.copytree(prof.dir, library, ignore=shutil.ignore_patterns("cmd"))
    shutil.copy(prof.app_cpu, library / "default.pgo")
    found, document, _ = findings(cli, "lib.go", cwd=library)
    assert all("profile" not in f for f in found) and document["notices"] == []


def test_an_esc301_suppression_is_not_unused_without_a_profile(cli: Any, prof: ProfiledModule, tmp_path: Path) -> None:
    copy = tmp_path / "pmod"
    shutil.copytree(prof.dir, copy, ignore=shutil.ignore_patterns("cmd"))
    source = (copy / "lib.go").read_text().replace(
        "\t\tcounts[w]++", "\t\tcounts[w]++ //goescape:ignore ESC301 the map is sized by the caller")
    (copy / "lib.go").write_text(source)
    without, _, _ = findings(cli, "lib.go", cwd=copy)
    assert {f["code"] for f in without} == {"ESC101"}  # no ESC003 unused-suppression
    result = cli("check", "--format", "json", "--include-suppressed", "--profile", str(prof.mem), "lib.go", cwd=copy)
    (site,) = [f for f in json.loads(result.stdout)["findings"] if f["line"] == prof.line("counts[w]++")]
    assert site["code"] == "ESC301" and site["suppressed"] is True


def test_the_cache_keys_on_the_profile_content(cli: Any, prof: ProfiledModule, tmp_path: Path) -> None:
    given = tmp_path / "given.pprof"
    shutil.copy(prof.mem, given)
    first, _, _ = findings(cli, "--profile", str(given), "lib.go", cwd=prof.dir)
    again, _, _ = findings(cli, "--profile", str(given), "lib.go", cwd=prof.dir)
    assert again == first
    given.write_bytes(gzip.compress(gzip.decompress(prof.app_cpu.read_bytes())))  # same path, other samples
    changed, _, _ = findings(cli, "--profile", str(given), "lib.go", cwd=prof.dir)
    fresh, _, _ = findings(cli, "--no-cache", "--profile", str(given), "lib.go", cwd=prof.dir)
    assert changed == fresh != first


def test_a_changed_default_pgo_is_not_replayed(cli: Any, prof: ProfiledModule, tmp_path: Path) -> None:
    app = _app(prof, tmp_path, prof.app_cpu)
    first, _, _ = findings(cli, "main.go", cwd=app)
    shutil.copy(prof.app_pgo, app / "default.pgo")
    changed, _, _ = findings(cli, "main.go", cwd=app)
    fresh, _, _ = findings(cli, "--no-cache", "main.go", cwd=app)
    assert changed == fresh != first
    (app / "default.pgo").unlink()
    gone, _, _ = findings(cli, "main.go", cwd=app)
    assert all("profile" not in f for f in gone)


def test_workers_weigh_like_one_process(cli: Any, prof: ProfiledModule, tmp_path: Path) -> None:
    project = tmp_path / "pmod"
    shutil.copytree(prof.dir, project)
    for folder in ("a", "b"):
        for index in range(5):
            path = project / folder / f"f{index}.go"
            path.parent.mkdir(exist_ok=True)
            path.write_text(f"package {folder}\n\nfunc F{index}() *int {{\n\tx := {index}\n\treturn &x\n}}\n")
    one, _, _ = findings(cli, "--no-cache", "--jobs", "1", "--profile", str(prof.mem), ".", cwd=project)
    two, _, _ = findings(cli, "--no-cache", "--jobs", "2", "--profile", str(prof.mem), ".", cwd=project)
    assert two == one
    assert any(f["code"] == "ESC301" for f in one)


def test_sarif_with_a_profile_passes_microsofts_validator(cli: Any, prof: ProfiledModule, tmp_path: Path) -> None:
    from test_reports import _validator_problems

    report = tmp_path / "report.sarif"
    cli("check", "--format", "sarif", "--profile", str(prof.mem), "--output", str(report), "lib.go", cwd=prof.dir)
    results = json.loads(report.read_text())["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"ESC101", "ESC301"}
    assert all(0 <= r["rank"] <= 100 for r in results)
    assert _validator_problems(report, tmp_path) == []


def test_the_engine_api_binds_an_unbound_profile_to_the_file(prof: ProfiledModule) -> None:
    """Linting one file through the engine, without a run to bind the profile to what it found."""
    from goescape.linter.config.file import Config
    from goescape.linter.config.policy import Policy
    from goescape.linter.engine.lint import lint_source
    from goescape.linter.registry.registry import build_registry
    from goescape.linter.syntax.source import SourceFile

    policy = Policy.build(Config(root=prof.dir, profile=(prof.mem,)), build_registry())
    path = prof.dir / "lib.go"
    result = lint_source(SourceFile(path, path.read_bytes(), "lib.go"), policy, prof.dir)
    assert {(d.code, d.location.start.line) for d in result.diagnostics} >= {
        ("ESC301", prof.line("counts[w]++")), ("ESC301", prof.line("io.WriteString(w, name)"))}
