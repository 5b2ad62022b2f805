"""One linted file as the profiles saw it: weights per line and function, and the allocations charged to its lines.

A profiled function is found in the file by its name, and its lines keep their offset from the
function's start line (as Go's PGO keys them), so a profile taken before lines were added or
removed above a function still lands on the right lines. A func literal the file no longer
names the same way keeps the offset from its declared function; a function the profile names
differently from any in the file counts only if the profile's file is this one and the
function still starts on the line it started on.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from goescape.linter.cost.functions import SourceFunction, innermost
from goescape.linter.cost.profiles import UNITS, Charge, KindIndex, ProfiledFunction, ProfileIndex
from goescape.linter.cost.shapes import describe_line, short_name


@dataclass
class FileWeights:
    """Weights by current line: `lines[line][kind]`, `functions[start line][kind]`, and the
    allocations charged to each line, `allocations[line][kind]`."""

    functions: list[SourceFunction]
    totals: dict[str, tuple[int, int]]  # kind -> (weight of the whole profile, of its allocations)
    lines: dict[int, dict[str, int]] = field(default_factory=dict)
    function_weights: dict[int, dict[str, int]] = field(default_factory=dict)
    allocations: dict[int, dict[str, Charge]] = field(default_factory=dict)

    def properties(self, line: int, related: Iterable[int] = ()) -> dict[str, Any]:
        """`properties["profile"]` of a finding on `line` (allocations counted on its related
        lines too: a variable moved to the heap is allocated where it is declared)."""
        function = innermost(self.functions, line)
        kinds: dict[str, dict[str, Any]] = {}
        share = function_share = allocation_share = 0.0
        places = {line, *related}
        for kind, (total, _) in self.totals.items():
            if total <= 0:
                continue
            here = self.lines.get(line, {}).get(kind, 0)
            whole = self.function_weights.get(function.start, {}).get(kind, 0) if function else 0
            charges = [self.allocations[p][kind] for p in places if kind in self.allocations.get(p, {})]
            allocated = sum(c.weight for c in charges)
            entry: dict[str, Any] = {"line": here, "function": whole, "total": total, "unit": UNITS[kind]}
            if allocated:
                entry["allocated"] = allocated
                if kind == "memory":
                    entry["objects"] = sum(c.objects for c in charges)
            kinds[kind] = entry
            # The PGO text form has call lines only: its share is the function's.
            share = max(share, (whole if kind == "pgo" else here) / total)
            function_share = max(function_share, whole / total)
            allocation_share = max(allocation_share, allocated / total)
        sampled = any(e["line"] or e["function"] for e in kinds.values())
        return {"sampled": sampled, "share": round(share, 6), "function_share": round(function_share, 6),
                "allocation_share": round(allocation_share, 6), "kinds": kinds}

    def site_message(self, line: int, text: str) -> str:
        """ESC301's message for the allocations charged to `line` (whose source is `text`): how
        much, and in which callee and what kind of allocation when the profile says."""
        parts = []
        for kind, charge in sorted(self.allocations.get(line, {}).items()):
            total = self.totals[kind][0]
            callee, shape = charge.callees.most_common(1)[0][0] if charge.callees else ("", "")
            subject = "this line"
            where = ""
            if callee:
                where = f", inside {short_name(callee)}'s {shape}" if shape else f", inside {short_name(callee)}"
            else:
                shape = shape or describe_line(text)
                subject = f"this line's {shape}" if shape else subject
            if kind == "memory":
                objects = f"{charge.objects:,} object{'s' * (charge.objects != 1)}"
                parts.append(f"{subject} allocated {_bytes(charge.weight)} in the profile "
                             f"({_percent(charge.weight / total)}, {objects}){where}")
            else:
                parts.append(f"{subject} spent {_percent(charge.weight / total)} of the profile's {UNITS[kind]} in the "
                             f"runtime's allocation code ({charge.weight:,}){where}")
        return "; ".join(parts)


def file_weights(index: ProfileIndex, path: str, functions: list[SourceFunction],
                 prefixes: Sequence[str] = ()) -> FileWeights:
    """The weights of the file at `path` (resolved), whose functions are `functions`, named
    with `prefixes[0]`; the other prefixes are other names of the same package."""
    weights = FileWeights(functions, {k: (i.total, i.allocation_total) for k, i in index.kinds.items()})
    names = {f.name: f for f in functions}
    for alias in prefixes[1:]:
        names.update({alias + f.name[len(prefixes[0]):]: f for f in functions})
    starts = {f.start for f in functions}
    folder = os.path.dirname(path)
    for kind, kind_index in index.kinds.items():
        residents = index.residents.get(kind, {})
        for number in (*residents.get(path, ()), *residents.get(folder, ())):
            function = kind_index.functions[number]
            by_file = index.homes[kind][number] == path
            shift = _shift(function, kind_index, names, starts, by_file)
            if shift is not None:
                _add(weights, kind, kind_index, number, function, shift)
    return weights


def _shift(function: ProfiledFunction, index: KindIndex, names: dict[str, SourceFunction], starts: set[int],
           by_file: bool) -> int | None:
    """How many lines the profiled function moved (None: it is not in this file)."""
    same = names.get(function.plain)
    if same is not None:
        return same.start - function.start
    if not function.start:
        return None  # the PGO text form: only a name places a function
    outer = names.get(function.outer)
    if outer is not None and function.outer != function.plain:
        recorded = index.starts().get(function.outer)
        if recorded is not None:
            return outer.start - recorded
    if by_file and function.start in starts:
        return 0
    return None


def _add(weights: FileWeights, kind: str, index: KindIndex, number: int, function: ProfiledFunction,
         shift: int) -> None:
    for line, weight in function.lines.items():
        slot = weights.lines.setdefault(line + shift, {})
        slot[kind] = slot.get(kind, 0) + weight
    slot = weights.function_weights.setdefault(function.start + shift, {})
    slot[kind] = slot.get(kind, 0) + function.weight
    for line, charge in index.charged_lines().get(number, ()):
        slot_charges = weights.allocations.setdefault(line + shift, {})
        merged = slot_charges.setdefault(kind, Charge())
        merged.weight += charge.weight
        merged.objects += charge.objects
        merged.callees.update(charge.callees)


def _percent(share: float) -> str:
    return f"{share:.1%}" if share >= 0.001 or share == 0 else "<0.1%"


def _bytes(count: int) -> str:
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= size:
            return f"{count / size:.1f} {unit}"
    return f"{count} B"
