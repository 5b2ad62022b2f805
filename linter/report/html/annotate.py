"""The page's source view without scripts: each file's lines around its findings, annotated."""
from __future__ import annotations

from collections.abc import Iterable

from goescape.linter.findings import Location
from goescape.linter.report.html import payload
from goescape.linter.report.html.markup import cost_badges, esc, line_id, profile_share, reasons
from goescape.linter.report.html.model import Item, Report, SourceFile
from goescape.linter.report.html.sources import Hunk


def files(report: Report, shown: Iterable[Item]) -> str:
    """A section per file holding one of the `shown` findings, with the hunks around them."""
    by_file: dict[int, list[Item]] = {}
    for item in shown:
        by_file.setdefault(item.file, []).append(item)
    related = {i: _related_lines(items) for i, items in by_file.items()}
    return "\n".join(_file(i, report.files[i], by_file[i], related[i]) for i in sorted(by_file))


def _related_lines(items: list[Item]) -> dict[int, list[str]]:
    lines: dict[int, list[str]] = {}
    for item in items:
        for r in item.diagnostic.related:
            if r.location.path == item.diagnostic.location.path:
                lines.setdefault(r.location.start.line, []).append(r.message)
    return lines


def _file(index: int, source_file: SourceFile, items: list[Item], related: dict[int, list[str]]) -> str:
    on_line: dict[int, list[Item]] = {}
    for item in items:
        on_line.setdefault(item.diagnostic.location.start.line, []).append(item)
    parts = [f'<details class="file" open id="file-{index}"><summary><span class="path">{esc(source_file.path)}'
             f'</span> <span class="count">{len(items)} of {source_file.findings}</span></summary>']
    if source_file.source.error:
        parts.append(f'<p class="error">{esc(source_file.source.error)}</p>')
        parts.extend(annotation(item) for item in items)
    hunks = [h for h in source_file.source.hunks if any(h.start <= line <= h.end for line in on_line)]
    parts.extend(hunk(index, h, on_line, related) for h in hunks)
    parts.append("</details>")
    return "\n".join(parts)


def hunk(file: int, shown: Hunk, on_line: dict[int, list[Item]], related: dict[int, list[str]]) -> str:
    rows = ['<div class="hunk">']
    for number, text in enumerate(shown.lines, start=shown.start):
        here = on_line.get(number, [])
        classes = ["ln"]
        if here:
            classes.append(f"hit sev-{here[0].diagnostic.severity.label}")
        elif number in related:
            classes.append("rel")
        title = f' title="{esc("; ".join(related[number]))}"' if number in related else ""
        anchor = line_id(file, number)
        rows.append(f'<div class="{" ".join(classes)}" id="{anchor}"{title}><a class="n" href="#{anchor}">'
                    f'{number}</a><code>{_marked(text, here)}</code></div>')
        rows.extend(annotation(item) for item in here)
    rows.append("</div>")
    return "".join(rows)


def _marked(text: str, here: list[Item]) -> str:
    """The line with each finding's range on it marked (code-point columns, end exclusive)."""
    out, done = [], 0
    for start, end in _ranges(text, here):
        out += [esc(text[done:start]), f"<mark>{esc(text[start:end])}</mark>"]
        done = end
    return "".join(out) + esc(text[done:])


def _ranges(text: str, here: list[Item]) -> list[tuple[int, int]]:
    """0-based, end-exclusive, sorted and disjoint: overlapping findings share one mark."""
    ranges: list[tuple[int, int]] = []
    for item in here:
        loc = item.diagnostic.location
        start = min(max(loc.start.column - 1, 0), len(text))
        end = loc.end.column - 1 if loc.end.line == loc.start.line else len(text)
        ranges.append((start, max(min(end, len(text)), start)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return [r for r in merged if r[1] > r[0]]


def annotation(item: Item) -> str:
    """A finding under its line: rule, message, function, cost, related lines and the compiler's why."""
    d = item.diagnostic
    loc = d.location
    parts = [f'<div class="ann sev-{d.severity.label}" id="F-{item.file}-{loc.start.line}-{loc.start.column}-'
             f'{esc(d.code)}"><div class="head"><a class="code" href="#rule-{esc(d.code)}">{esc(d.code)}</a> '
             f'<span class="sev">{d.severity.label}</span> <span class="msg">{esc(d.message)}</span></div>']
    meta = []
    if item.function:
        meta.append(f"in <code>{esc(item.function)}</code>")
    badges = cost_badges(item.cost)
    if badges:
        meta.append(badges)
    share = profile_share(item.profile)
    if share:
        meta.append(f'<span class="badge prof">{share} of profile</span>')
    if meta:
        parts.append(f'<div class="meta">{" · ".join(meta)}</div>')
    why = reasons(item.cost)
    if why:
        parts.append('<ul class="reasons">' + "".join(f"<li>{esc(r)}</li>" for r in why) + "</ul>")
    if d.related:
        parts.append('<ul class="rel">' + "".join(_related(item.file, r.location, r.message, loc.path)
                                                  for r in d.related) + "</ul>")
    lines = payload.explanation(d)
    if lines:
        parts.append('<div class="why">' + "".join(f'<div class="d{depth}">{esc(text)}</div>'
                                                   for depth, text in lines) + "</div>")
    if d.suppressed:
        parts.append(f'<div class="sup">suppressed: {esc(d.suppression)}</div>')
    parts.append("</div>")
    return "".join(parts)


def _related(file: int, loc: Location, message: str, path: str) -> str:
    line = loc.start.line
    if loc.path == path:
        return f'<li><a href="#{line_id(file, line)}">line {line}</a>: {esc(message)}</li>'
    return (f"<li>{esc(loc.path)}:{line}: {esc(message)}"
            f'<pre class="quote"><code>{esc(loc.snippet)}</code></pre></li>')
