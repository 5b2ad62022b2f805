"""Run the compiler for one unit and sort what it said by package folder and file."""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from goescape.linter.gc import build as gc
from goescape.linter.verify.cache import PackageResult, Problem
from goescape.linter.verify.plan import PackageDir, Unit

LEVEL = 2  # -m=2: every escape comes with the compiler's explanation
# What `go env` settings change what the compiler prints (GOGCCFLAGS is left out: it names a
# fresh temporary folder on every call).
_ENV_KEYS = ("GOVERSION", "GOROOT", "GOOS", "GOARCH", "GOFLAGS", "GOEXPERIMENT", "GOAMD64", "GOARM",
             "GOARM64", "GO386", "GOPPC64", "GOMIPS", "GOMIPS64", "GORISCV64", "GOWASM",
             "CGO_ENABLED", "GOWORK", "GOMOD", "GO111MODULE", "GOPATH", "GOFIPS140", "GODEBUG")


def unit_env(unit: Unit, cgo: bool) -> dict[str, str]:
    """The environment the go command runs in for `unit`: safe (no download, no toolchain
    switch, cgo off unless asked), plus what the unit needs (GO111MODULE=off outside a module)."""
    env = gc.safe_env(cgo=cgo)
    env.update(unit.env)
    return env


def fingerprint(go: str, unit: Unit, env: Mapping[str, str]) -> str:
    """What identifies the toolchain and its settings for `unit`."""
    values = gc.go_env(go, env, cwd=unit.root)
    stat = os.stat(go)
    described = {k: values.get(k, "") for k in _ENV_KEYS}
    described["go"] = f"{os.path.realpath(go)}:{stat.st_size}:{stat.st_mtime_ns}"
    described["level"] = str(LEVEL)
    return json.dumps(described, sort_keys=True)


def compile_unit(go: str, unit: Unit, packages: Sequence[PackageDir],
                 env: Mapping[str, str], cancel: threading.Event | None = None) -> dict[str, PackageResult]:
    """Compile `packages` of `unit` with `-gcflags=-m=2`, test variants only for those with linted
    _test.go files (a second go command, so the others do not pay for their tests). Setting
    `cancel` kills the go command: every package then has a problem that says so."""
    results: dict[str, PackageResult] = {}
    for tests in (False, True):
        group = [p for p in packages if p.tests == tests]
        if not group:
            continue
        try:
            build = gc.escape_diagnostics(go, [unit.pattern(p) for p in group], cwd=unit.root,
                                          level=LEVEL, tests=tests, env=env, cancel=cancel)
        except gc.GoError as error:
            results.update({p.dir: PackageResult(p.dir, problem=Problem("", str(error)))
                            for p in group})
            continue
        results.update(sort_build(build, group))
    return results


def sort_build(build: gc.BuildResult, group: Iterable[PackageDir]) -> dict[str, PackageResult]:
    """Each folder's result: the diagnostics printed while compiling the package that owns each
    file (a callee inlined into another package says nothing about this one), or its error."""
    folders = {p.dir: [] for p in group}  # type: dict[str, list[gc.Package]]
    for package in build.packages:
        folder = os.path.realpath(package.dir) if package.dir else ""
        if folder in folders and not _is_test_main(package, folder):
            folders[folder].append(package)
    owners: dict[str, str] = {}
    for variants in folders.values():
        owners.update(_owners(variants))
    by_file: dict[str, list[gc.Diagnostic]] = {}
    for diagnostic in build.diagnostics:
        path = diagnostic.location.path
        if owners.get(path) == diagnostic.package and _kept(diagnostic):
            if diagnostic.kind is gc.Kind.LEAK and diagnostic.explanation is not None:
                diagnostic = replace(diagnostic, explanation=None)  # only escapes are explained
            by_file.setdefault(path, []).append(diagnostic)
    whole_run = build.error_for("")
    return {folder: _result(folder, variants, by_file, build, whole_run)
            for folder, variants in folders.items()}


def _is_test_main(package: gc.Package, folder: str) -> bool:
    # "x/p.test" is listed in p's folder, but compiles a generated file in the build cache
    return not package.for_test and bool(package.files) and all(
        os.path.dirname(path) != folder for path in package.files)


def _owners(variants: Sequence[gc.Package]) -> dict[str, str]:
    """File -> the package variant whose diagnostics count for it: the test variant when there
    is one (it compiles the same files plus the tests), else the package itself."""
    tested = {v.for_test for v in variants if v.for_test}
    owners: dict[str, str] = {}
    for variant in sorted(variants, key=lambda v: bool(v.for_test)):
        if not variant.for_test and variant.import_path in tested:
            continue  # superseded: gc drops its diagnostics
        for path in variant.files:
            owners[path] = variant.import_path
    return owners


def _kept(diagnostic: gc.Diagnostic) -> bool:
    # "can inline F with cost N as: <body>" is noise; "inlining call to F" explains a refutation
    return diagnostic.kind is not gc.Kind.INLINE or diagnostic.message.startswith("inlining call")


def _result(folder: str, variants: Sequence[gc.Package], by_file: Mapping[str, list[gc.Diagnostic]],
            build: gc.BuildResult, whole_run: gc.PackageError | None) -> PackageResult:
    name = next((v.for_test or v.import_path for v in sorted(variants, key=lambda v: bool(v.for_test))), "")
    errors = [e for e in (build.error_for(v.import_path) for v in variants) if e is not None]
    error = errors[0] if errors else whole_run
    if error is None and not variants:
        error = gc.PackageError("", "the go command did not list this folder", None, ())
    if error is not None:
        return PackageResult(folder, name, problem=Problem(error.package or name, error.message,
                                                           error.location))
    files = frozenset(path for v in variants for path in v.files)
    return PackageResult(folder, name, files, {path: tuple(by_file.get(path, ())) for path in files})
