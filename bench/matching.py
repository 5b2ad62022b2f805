"""Match goescape findings to the compiler's escape lines and count hits, false positives and misses."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from goescape.linter.gc.build import Diagnostic
from goescape.linter.gc.escapes import (  # noqa: F401 - re-exported for the reports
    ADDRESS,
    APPEND,
    BOXED,
    CONCAT,
    CONVERSION,
    ESCAPE_KINDS,
    FUNC_LITERAL,
    LITERAL,
    MAKE,
    MOVED,
    NEW,
    OTHER,
    SHAPES,
    VARIADIC,
    Key,
    escapes_by_line,
    shape,
)
from goescape.linter.gc.inlined import Host, confirms
from goescape.linter.gc.parse import classify

# The definitions (escape kinds, message shapes, what confirms a finding) are shared with
# `--verify` and the fixture cross-check: goescape.linter.gc.escapes.


@dataclass(frozen=True)
class EscapeLine:
    """A line on which the compiler reports at least one escape or move to the heap."""

    path: str
    line: int
    messages: tuple[str, ...]  # distinct, sorted

    @property
    def key(self) -> Key:
        return (self.path, self.line)

    @property
    def shapes(self) -> tuple[str, ...]:
        found = {shape(m) for m in self.messages}
        return tuple(s for s in SHAPES if s in found)


@dataclass(frozen=True)
class Flag:
    """A goescape finding, reduced to what matching needs."""

    code: str
    path: str
    line: int
    column: int
    message: str
    related: tuple[Key, ...] = ()
    # (path, host) for each place of the finding inside a func literal the compiler may inline
    hosts: tuple[tuple[str, Host], ...] = ()

    @property
    def keys(self) -> tuple[Key, ...]:
        """The lines that may confirm it: its own, then its related locations'."""
        return ((self.path, self.line), *self.related)

    def confirming(self, lines: Mapping[Key, EscapeLine]) -> tuple[Key, ...]:
        """The escape lines that confirm it: its own or a related location's line, else the line
        of a call that inlined its func literal where the compiler's subject is its expression."""
        direct = tuple(k for k in self.keys if k in lines)
        if direct:
            return direct
        return tuple(dict.fromkeys(
            (path, host.line) for path, host in self.hosts if (path, host.line) in lines
            and any(confirms(classify(m)[1], host) for m in lines[(path, host.line)].messages)))

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)


def escape_lines(diagnostics: Iterable[Diagnostic], owners: Mapping[str, str]) -> dict[Key, EscapeLine]:
    """The escape lines in the linted files. `owners` maps each linted file (resolved path) to the
    import path of its package (see `compiler_escapes.escapes_by_line`)."""
    grouped = escapes_by_line(diagnostics, owners)
    return {key: EscapeLine(*key, tuple(sorted({d.message for d in found})))
            for key, found in sorted(grouped.items())}


@dataclass(frozen=True)
class Tally:
    """`hits` out of `total`; the ratio is None when there is nothing to count."""

    hits: int = 0
    total: int = 0

    @property
    def ratio(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.hits + other.hits, self.total + other.total)


@dataclass(frozen=True)
class RuleScore:
    """One rule: how many of its findings sit on escape lines, and how many lines it covers."""

    code: str
    precision: Tally  # findings on an escape line / findings
    covered: int  # distinct escape lines its findings cover


@dataclass(frozen=True)
class Score:
    """Everything the benchmark reports about one set of files."""

    flags: tuple[Flag, ...]
    lines: Mapping[Key, EscapeLine]
    covered: frozenset[Key]
    false_positives: tuple[Flag, ...]
    precision: Tally
    recall: Tally
    rules: Mapping[str, RuleScore] = field(default_factory=dict)
    shapes: Mapping[str, Tally] = field(default_factory=dict)  # escape lines of each shape covered

    @property
    def misses(self) -> tuple[EscapeLine, ...]:
        return tuple(line for key, line in self.lines.items() if key not in self.covered)


def score(flags: Iterable[Flag], lines: Mapping[Key, EscapeLine]) -> Score:
    """Precision of `flags` and recall of `lines`: a finding is confirmed by an escape on its own
    line or on one of its related locations (`moved to heap: x` sits on x's declaration)."""
    ordered = tuple(sorted(flags, key=Flag.sort_key))
    judged = [(f, f.confirming(lines)) for f in ordered]  # each flag with the lines confirming it
    covered = frozenset(k for _, found in judged for k in found)
    return Score(
        flags=ordered,
        lines=dict(sorted(lines.items())),
        covered=covered,
        false_positives=tuple(f for f, found in judged if not found),
        precision=Tally(sum(bool(found) for _, found in judged), len(ordered)),
        recall=Tally(len(covered), len(lines)),
        rules=_rule_scores(judged),
        shapes=_shape_tallies(lines, covered),
    )


def _rule_scores(judged: Sequence[tuple[Flag, tuple[Key, ...]]]) -> dict[str, RuleScore]:
    scores = {}
    for code in sorted({f.code for f, _ in judged}):
        mine = [found for f, found in judged if f.code == code]
        hits = {k for found in mine for k in found}
        scores[code] = RuleScore(code, Tally(sum(bool(found) for found in mine), len(mine)), len(hits))
    return scores


def _shape_tallies(lines: Mapping[Key, EscapeLine], covered: frozenset[Key]) -> dict[str, Tally]:
    """Per shape, the escape lines carrying a message of that shape and how many are covered.
    A line with two shapes (`&T{...}` boxed into `...any`) counts once under each."""
    tallies: dict[str, Tally] = {}
    for key, line in lines.items():
        for name in line.shapes:
            tallies[name] = tallies.get(name, Tally()) + Tally(int(key in covered), 1)
    return {name: tallies[name] for name in SHAPES if name in tallies}


def rule_recall(heuristic: Score, verified: Score) -> dict[str, Tally]:
    """Per rule, of the escape lines a `--verify` run attributes to it (its confirmed findings
    and the compiler's escapes classified into it), those its own findings cover without the
    compiler."""
    def lines_by_code(found: Score) -> dict[str, set[Key]]:
        by_code: dict[str, set[Key]] = {}
        for flag in found.flags:
            by_code.setdefault(flag.code, set()).update(flag.confirming(found.lines))
        return by_code

    mine, attributed = lines_by_code(heuristic), lines_by_code(verified)
    return {code: Tally(len(keys & mine.get(code, set())), len(keys))
            for code, keys in sorted(attributed.items()) if keys}


def merge(scores: Iterable[Score]) -> Score:
    """One score over several disjoint sets of files (e.g. both standard-library suites)."""
    flags: list[Flag] = []
    lines: dict[Key, EscapeLine] = {}
    for part in scores:
        flags.extend(part.flags)
        lines.update(part.lines)
    return score(flags, lines)
