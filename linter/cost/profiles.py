"""The profiles of a run (`--profile`, `default.pgo`): weights per function and line, bound to the linted files.

Each profile is one of three kinds, and profiles of a kind add up (as pprof merges them):
- `cpu` (a CPU profile, or a default.pgo in pprof form): weight = samples; the samples in the
  runtime's allocation code (`runtime.mallocgc`, and what calls it: `growslice`, the string
  conversions, map growth...) are also allocations, charged to the first linted frame above it;
- `memory` (alloc_space/alloc_objects, as `go test -memprofile` writes): weight = bytes, and
  every sample is an allocation;
- `pgo` (`GO PREPROFILE V1`): call edges only, so weights per function (calls made and
  received) and per call line, keyed by the line's offset from the function's start.
A sample adds its weight once to every function and every line its stack passes through,
every inlined frame of a location counted. Profiles name files by the build machine's path or a
-trimpath module path: a profile file is bound to the linted file with the longest common path
suffix (two components at least, and a single best), else its functions are bound by their
package's import path (and matched by name when a file is linted, see profile_view.py).
"""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from goescape.linter.cost.functions import outer_name, package_prefixes, plain_name
from goescape.linter.cost.pgo import HEADER, parse_preprofile
from goescape.linter.cost.pprof import EmptyProfileError, Profile, ProfileError
from goescape.linter.cost.pprof_read import parse as parse_pprof
from goescape.linter.cost.shapes import allocation, describe_line, is_runtime

UNITS = {"cpu": "samples", "memory": "bytes", "pgo": "edge weight", "other": ""}

Frame = tuple[int, int]  # (function index, recorded line)


@dataclass
class ProfiledFunction:
    """A function as the profiles of one kind saw it; `lines` are recorded line numbers."""

    name: str
    filename: str
    start: int  # 0 when the profile does not say (the PGO text form)
    weight: int = 0
    lines: dict[int, int] = field(default_factory=dict)

    @property
    def plain(self) -> str:
        return plain_name(self.name)

    @property
    def outer(self) -> str:
        return outer_name(self.name)


@dataclass
class Charge:
    """Allocations charged to one frame: weight (bytes or samples), objects, and the callee and
    the shape (append, conversion, ...) of the biggest share."""

    weight: int = 0
    objects: int = 0
    callees: Counter[tuple[str, str]] = field(default_factory=Counter)


@dataclass
class _Source:
    """One profile file: its kind, and its distinct stacks (function indices) with their weights."""

    path: str
    kind: str
    stacks: Counter[tuple[int, ...]] = field(default_factory=Counter)
    samples: Counter[tuple[int, ...]] = field(default_factory=Counter)


@dataclass
class KindIndex:
    """Every profile of one kind, merged."""

    kind: str
    total: int = 0
    functions: list[ProfiledFunction] = field(default_factory=list)
    keys: dict[tuple[str, str, int], int] = field(default_factory=dict)
    allocations: list[tuple[tuple[Frame, ...], int, int, str]] = field(default_factory=list)
    allocation_total: int = 0
    charged: dict[Frame, Charge] = field(default_factory=dict)  # filled by ProfileIndex.bind
    _starts: dict[str, int] | None = None
    _charged_lines: dict[int, list[tuple[int, Charge]]] | None = None

    def starts(self) -> dict[str, int]:
        """Plain function name -> the start line a profile recorded (the first one seen)."""
        if self._starts is None:
            self._starts = {}
            for function in self.functions:
                self._starts.setdefault(function.plain, function.start)
        return self._starts

    def charged_lines(self) -> dict[int, list[tuple[int, Charge]]]:
        """Function -> (recorded line, what was charged to it)."""
        if self._charged_lines is None:
            self._charged_lines = {}
            for (function, line), charge in self.charged.items():
                self._charged_lines.setdefault(function, []).append((line, charge))
        return self._charged_lines

    def function(self, name: str, filename: str, start: int) -> int:
        key = (name, filename, start)
        found = self.keys.get(key)
        if found is None:
            found = self.keys[key] = len(self.functions)
            self.functions.append(ProfiledFunction(name, filename, start))
        return found


@dataclass
class ProfileIndex:
    """The run's profiles, reduced; `bind` ties them to the linted files."""

    kinds: dict[str, KindIndex] = field(default_factory=dict)
    sources: list[_Source] = field(default_factory=list)
    digests: list[str] = field(default_factory=list)
    homes: dict[str, dict[int, str]] = field(default_factory=dict)  # kind -> function -> linted file or folder
    residents: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # kind -> file or folder -> functions
    bound: str = ""  # a digest of the linted files
    # linted folder -> the prefixes of its functions' names (a main package's are `main` in its
    # binary and its import path in its test binary)
    prefixes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Folders (resolved) whose files the profiles weigh, with their subfolders; None: every
    # linted file. A default.pgo weighs its main package's tree, not the rest of a run.
    scope: tuple[str, ...] | None = None

    @classmethod
    def load(cls, paths: Iterable[Path], *, allow_empty: bool = False) -> ProfileIndex:
        index = cls()
        for path in paths:
            index.add(path, allow_empty=allow_empty)
        return index

    def add(self, path: Path, *, allow_empty: bool = False) -> None:
        """Read one profile (`ProfileError`, one line, when it cannot be used). An empty file
        is an empty profile only where the Go compiler takes it as one (`allow_empty`: a
        default.pgo); a profile named on purpose must hold samples."""
        name = str(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise ProfileError(f"{name}: cannot read profile ({error.strerror or error})") from None
        self.digests.append(hashlib.sha256(data).hexdigest())
        if data.startswith(HEADER.encode()):
            self._add_preprofile(name, data)
            return
        try:
            profile = parse_pprof(data, name)
        except EmptyProfileError:
            if not allow_empty:
                raise
            self.sources.append(_Source(name, "other"))  # as for the compiler: an empty profile
            return
        self._add_pprof(name, profile)

    @property
    def digest(self) -> str:
        """What the run's results depend on: every profile's content and the linted files."""
        return hashlib.sha256("\0".join([*self.digests, self.bound, repr(self.scope)]).encode()).hexdigest()

    def weighs(self, path: str) -> bool:
        """Whether the profiles weigh the file at `path` (resolved)."""
        return self.scope is None or any(path == f or path.startswith(f.rstrip(os.sep) + os.sep)
                                         for f in self.scope)

    # -- reading --------------------------------------------------------------------------------

    def _add_pprof(self, name: str, profile: Profile) -> None:
        if not profile.sample_types:
            raise ProfileError(f"{name}: not a usable profile (it has no sample types)")
        space, count = profile.find_index("alloc_space"), profile.find_index("alloc_objects")
        samples = profile.find_index("samples")
        if space is not None:
            kind, weight = "memory", space
        elif samples is not None and profile.find_index("cpu") is not None:
            kind, weight = "cpu", samples
        else:
            kind, weight = "other", profile.default_index()
        index = self.kinds.setdefault(kind, KindIndex(kind))
        source = _Source(name, kind)
        self.sources.append(source)
        ids = {f.id: index.function(f.name, f.filename, f.start_line) for f in profile.functions}
        located: dict[int, tuple[Frame, ...]] = {
            loc.id: tuple((ids[line.function.id], line.line) for line in loc.lines) for loc in profile.locations}
        for sample in profile.samples:
            value = sample.values[weight]
            if value <= 0:
                continue  # a -diff_base profile's negative values have no place in weights
            frames = [frame for loc in sample.locations for frame in located[loc.id]]
            index.total += value
            for function, line in set(frames):
                index.functions[function].lines[line] = index.functions[function].lines.get(line, 0) + value
            functions = tuple(dict.fromkeys(f for f, _ in frames))
            for function in functions:
                index.functions[function].weight += value
            source.stacks[functions] += value
            source.samples[functions] += 1
            if kind == "memory":
                objects = sample.values[count] if count is not None else 0
                index.allocations.append((tuple(frames), value, objects, ""))
                index.allocation_total += value
            elif kind == "cpu":
                self._cpu_allocation(index, frames, value)

    @staticmethod
    def _cpu_allocation(index: KindIndex, frames: list[Frame], value: int) -> None:
        found = allocation([index.functions[f].name for f, _ in frames])
        if found is not None:
            caller, shape = found
            index.allocations.append((tuple(frames[caller:]), value, 0, shape))
            index.allocation_total += value

    def _add_preprofile(self, name: str, data: bytes) -> None:
        edges = parse_preprofile(data, name).edges
        index = self.kinds.setdefault("pgo", KindIndex("pgo"))
        source = _Source(name, "pgo")
        self.sources.append(source)
        for edge in edges:
            if edge.weight <= 0:
                continue
            caller = index.function(edge.caller, "", 0)
            callee = index.function(edge.callee, "", 0)
            index.total += edge.weight
            index.functions[caller].weight += edge.weight
            index.functions[callee].weight += edge.weight
            lines = index.functions[caller].lines
            lines[edge.call_site_offset] = lines.get(edge.call_site_offset, 0) + edge.weight
            source.stacks[(caller, callee)] += edge.weight
            source.samples[(caller, callee)] += 1

    # -- binding to the linted files ---------------------------------------------------------------

    def bind(self, linted: Sequence[Path], packages: dict[str, tuple[str, ...]]) -> None:
        """Tie the profiles to the files a run lints (all it found, before --diff narrows them):
        `packages` maps each linted folder to its functions' name prefixes (package_prefixes)."""
        files = sorted({os.path.realpath(p) for p in linted})
        self.prefixes = dict(packages)
        self.bound = hashlib.sha256("\0".join(files).encode(errors="surrogateescape")).hexdigest()
        by_base: dict[str, list[str]] = {}
        for path in files:
            by_base.setdefault(os.path.basename(path), []).append(path)
        prefixes: dict[str, str] = {}
        for folder, names in packages.items():
            for prefix in names:
                prefixes[prefix] = os.path.realpath(folder) if prefix not in prefixes else ""  # "": ambiguous
        cache: dict[str, str | None] = {}
        for kind, index in self.kinds.items():
            homes: dict[int, str] = {}
            for number, function in enumerate(index.functions):
                if function.filename not in cache:
                    cache[function.filename] = _by_suffix(function.filename, by_base)
                home = cache[function.filename] or prefixes.get(_package_of(function.plain)) or None
                if home:
                    homes[number] = home
            self.homes[kind] = homes
            residents: dict[str, list[int]] = {}
            for number, home in homes.items():
                residents.setdefault(home, []).append(number)
            self.residents[kind] = residents
            index.charged = _charge(index, homes)
            index._charged_lines = None

    def prefixes_of(self, path: Path, package: str | None) -> tuple[str, ...]:
        """The name prefixes of the functions of the file at `path`, in package `package` (an
        external test package's are its package's, plus `_test`)."""
        folder = os.path.dirname(os.path.realpath(path))
        if folder not in self.prefixes:
            self.prefixes.update(package_prefixes([path]))
        prefixes = self.prefixes.get(folder, (package or "",))
        if package and package.endswith("_test"):
            return tuple(f"{p}_test" for p in prefixes if p != "main") or (package,)
        return prefixes

    def unmatched(self) -> list[tuple[str, str, int, int]]:
        """Per profile: (path, kind, samples, of which matched no linted file): samples with no
        frame in a linted file or package (the PGO text form's are call edges)."""
        found = []
        for source in self.sources:
            homes = self.homes.get(source.kind, {})
            total = sum(source.samples.values())
            missed = sum(n for stack, n in source.samples.items() if not any(f in homes for f in stack))
            found.append((source.path, source.kind, total, missed))
        return found


def _by_suffix(filename: str, by_base: dict[str, list[str]]) -> str | None:
    """The linted file sharing the longest path suffix with `filename` (two components at
    least, and no tie), else None."""
    parts = filename.replace("\\", "/").split("/")
    best, best_length, tie = None, 0, False
    for candidate in by_base.get(parts[-1], ()):
        theirs = candidate.split(os.sep)
        length = 0
        while length < min(len(parts), len(theirs)) and parts[-1 - length] == theirs[-1 - length]:
            length += 1
        if length > best_length:
            best, best_length, tie = candidate, length, False
        elif length == best_length:
            tie = True
    return best if best_length >= 2 and not tie else None


def _package_of(name: str) -> str:
    """`example.com/m/p.(*T).M` -> `example.com/m/p`."""
    slash = name.rfind("/")
    dot = name.find(".", slash + 1)
    return name[:dot] if dot > 0 else name


def _charge(index: KindIndex, homes: dict[int, str]) -> dict[Frame, Charge]:
    """Each allocation goes to the first linted frame of its stack (leaf first); the frame
    leafward of it names the callee it allocated in."""
    charged: dict[Frame, Charge] = {}
    lines: dict[tuple[str, int], str] = {}
    for frames, value, objects, shape in index.allocations:
        for position, (function, line) in enumerate(frames):
            if function not in homes:
                continue
            charge = charged.setdefault((function, line), Charge())
            charge.weight += value
            charge.objects += objects
            callee = ""
            if position:
                inner = frames[position - 1]
                callee = index.functions[inner[0]].plain
                if is_runtime(callee):
                    callee = ""
                elif not shape:
                    shape = _shape_at(index.functions[inner[0]].filename, inner[1], lines)
            charge.callees[(callee, shape)] += value
            break
    return charged


def _shape_at(filename: str, line: int, cache: dict[tuple[str, int], str]) -> str:
    """What the callee's line allocates, read from its source when this machine has it."""
    key = (filename, line)
    if key not in cache:
        try:
            with open(filename, encoding="utf-8", errors="replace") as file:
                text = next((t for number, t in enumerate(file, start=1) if number == line), "")
        except OSError:
            text = ""
        cache[key] = describe_line(text)
    return cache[key]

