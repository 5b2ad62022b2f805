"""The check command's profile-guided options: --profile, --min-weight, default.pgo."""
from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from goescape.linter.config.discover import Discovery
from goescape.linter.config.file import parse_share
from goescape.linter.config.policy import Policy
from goescape.linter.cost.functions import default_profiles
from goescape.linter.cost.profiles import ProfileIndex
from goescape.linter.findings import Diagnostic, Notice


def add_arguments(check: argparse.ArgumentParser) -> None:
    group = check.add_argument_group("profile-guided mode")
    group.add_argument("--profile", action="append", metavar="FILE",
                       help="weigh findings with a pprof profile (CPU or memory, gzipped protobuf) or a PGO file "
                            "(repeatable): order them by weight, lower what it never sampled to the cold severity, "
                            "report the allocation sites no finding covers (ESC301)")
    group.add_argument("--min-weight", metavar="SHARE", type=_share,
                       help="with a profile, hide findings below this share of it (e.g. 0.5%%)")
    group.add_argument("--no-default-pgo", action="store_true",
                       help="do not read the default.pgo beside a linted main package (as go build -pgo=auto does)")


def _share(text: str) -> float:
    """--min-weight: a share of the profile, 0 for no limit (argparse reports a bad one in one line)."""
    try:
        return parse_share(text) or 0.0
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def changes(args: argparse.Namespace) -> dict[str, Any]:
    """The configuration the flags override: --profile replaces the file's list."""
    found: dict[str, Any] = {}
    if args.profile:
        found["profile"] = tuple(Path(p) for p in args.profile)
    if args.min_weight is not None:
        found["min_weight"] = args.min_weight or None
    if args.no_default_pgo:
        found["default_pgo"] = False
    return found


def default_pgo(policy: Policy, found: Discovery) -> tuple[Policy, list[Notice]]:
    """With no --profile, the default.pgo beside each linted main package, as `go build
    -pgo=auto` reads it (a bad one is a ProfileError; an empty one an empty profile, as for the
    compiler). It weighs the files of its main package's folder and the folders below it (the
    main package's own code), not the rest of the run: linting GOROOT/src, cmd/compile's profile
    says nothing about net/http."""
    if policy.profile is not None or not policy.config.default_pgo:
        return policy, []
    pgo = default_profiles(t.path for t in found.targets)
    if not pgo:
        return policy, []
    notices = [Notice("profile", f"weighing the findings under {path.parent} with {path} (the default.pgo of "
                      "a linted main package; --no-default-pgo ignores it)") for path in pgo]
    index = ProfileIndex.load(pgo, allow_empty=True)
    index.scope = tuple(sorted(os.path.realpath(path.parent) for path in pgo))
    return policy.with_profile(index), notices


def below_weight(diagnostics: list[Diagnostic], minimum: float) -> tuple[list[Diagnostic], int]:
    """--min-weight: the findings whose share of the profile (their line's, or the allocations
    charged to their lines) reaches `minimum`, and how many were hidden."""
    kept = []
    for diagnostic in diagnostics:
        profile = diagnostic.properties.get("profile")
        if isinstance(profile, dict) and max(float(profile.get("share", 0.0)),
                                             float(profile.get("allocation_share", 0.0))) < minimum:
            continue
        kept.append(diagnostic)
    return kept, len(diagnostics) - len(kept)
