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


def builtin_suites() -> dict[str, Suite]:
    """Every named suite, in the order reports list them."""
    return {
        "seed": Suite("seed", ("./...",), SEED, copy=True,
                      description="the seed document's examples (module seedex)"),
        "fixtures": Suite("fixtures", ("./...",), FIXTURES,
                          description="the rule fixtures (tests/fixtures)"),
        "std-tuned": Suite("std-tuned", STD_TUNED, None,
                           description=f"{len(STD_TUNED)} std packages rules may be tuned on"),
        "std-holdout": Suite("std-holdout", STD_HOLDOUT, None,
                             description=f"{len(STD_HOLDOUT)} std packages nobody tunes on"),
    }


def std_suite(packages: tuple[str, ...]) -> Suite:
    return Suite("packages", packages, None, description="standard-library packages given on the command line")


def module_suite(folder: Path) -> Suite:
    return Suite("module", ("./...",), folder.resolve(), description=f"the module in {folder}")
