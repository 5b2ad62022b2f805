"""The HTML report's page: summary, ranked findings, source and rule docs, with its style and script inline."""
from __future__ import annotations

import base64
import hashlib
import inspect
from collections.abc import Callable
from importlib import resources

from goescape.linter import __version__
from goescape.linter.findings import Diagnostic, Notice, RunResult
from goescape.linter.report.html import annotate, payload
from goescape.linter.report.html.markup import (
    cost_badges,
    cost_score,
    esc,
    line_id,
    markdown,
    percent,
    profile_share,
)
from goescape.linter.report.html.model import Group, Item, Report
from goescape.linter.report.options import ReportOptions

STATIC_FINDINGS = 1000  # findings the page shows without JavaScript (the script shows them all)
TOP_ROWS = 20  # rows of a summary table shown before the rest is folded away


def _asset(name: str) -> str:
    return resources.files("goescape.linter.report.html").joinpath("assets", name).read_text("utf-8")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def page(report: Report, result: RunResult, options: ReportOptions) -> str:
    style, script = _asset("report.css"), _asset("report.js")
    # Only this page's own style and script may run, and nothing may be fetched: the report
    # is a file kept as a CI artifact and opened anywhere, and must stay offline and inert.
    policy = (f"default-src 'none'; style-src {_hash(style)}; script-src {_hash(script)}; "
              "base-uri 'none'; form-action 'none'")
    total = report.reported
    title = f"goescape: {total} finding{'s' if total != 1 else ''}"
    body = "\n".join([
        _header(report, result, title),
        '<main>',
        _summary(report, result),
        _findings(report, options),
        _source(report),
        _rules(report),
        _notices(result.notices),
        _refuted(result.refuted) if options.show_refuted else "",
        '</main>',
    ])
    data = payload.script_json(payload.document(report))
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="goescape {esc(__version__)}">\n'
            f"<title>{esc(title)}</title>\n<style>{style}</style>\n</head>\n"
            f'<body class="nojs">\n{body}\n'
            f'<script type="application/json" id="goescape-data">{data}</script>\n'
            f"<script>{script}</script>\n</body>\n</html>\n")


def _header(report: Report, result: RunResult, title: str) -> str:
    files = result.files_linted
    return (f'<header><h1>{esc(title)}</h1><p class="meta">{files} file{"s" if files != 1 else ""} linted in '
            f'<code>{esc(result.root)}</code> · goescape {esc(__version__)}</p>'
            '<nav><a href="#summary">Summary</a><a href="#findings">Findings</a><a href="#source">Source</a>'
            '<a href="#rules">Rules</a>' + ('<a href="#notices">Notices</a>' if result.notices else "")
            + "</nav></header>")


def _summary(report: Report, result: RunResult) -> str:
    items = report.items
    suppressed = sum(1 for i in items if i.diagnostic.suppressed)
    facts = [_count(report.reported, "finding"), _count(len(report.files), "file") + " with findings",
             _count(len(report.package_names), "package")]
    if suppressed:
        facts.append(_count(suppressed, "suppressed", "suppressed"))
    if result.refuted:
        facts.append(_count(len(result.refuted), "refuted by the compiler", "refuted by the compiler"))
    if result.notices:
        facts.append(f'<a href="#notices">{_count(len(result.notices), "notice")}</a>')
    parts = ['<section id="summary"><h2>Summary</h2>', '<p class="facts">' + " · ".join(facts) + "</p>"]
    if report.total_share is not None:
        parts.append(f'<p class="facts">The flagged lines hold <strong>{percent(report.total_share)}</strong> '
                     "of the profile's weight.</p>")
    if not items:
        parts.append('<p class="empty">No findings.</p>')
    else:
        rule_names = {r.code: r.name for r in report.rules}
        parts.append('<div class="tables">')
        parts.append(_table("By severity", "Severity", report.severities, report, esc))
        parts.append(_table("By rule", "Rule", report.by_rule, report,
                            lambda k: f'<a href="#rule-{esc(k)}">{esc(k)}</a> {esc(rule_names.get(k, ""))}'))
        parts.append(_table("By package", "Package", report.packages, report, lambda k: f"<code>{esc(k)}</code>"))
        parts.append(_table("By function", "Function", report.functions, report, _function))
        parts.append("</div>")
    parts.append("</section>")
    return "\n".join(parts)


def _count(n: int, noun: str, plural: str = "") -> str:
    return f"<strong>{n}</strong> {noun if n == 1 else (plural or noun + 's')}"


def _function(key: str) -> str:
    package, _, function = key.partition("\t")
    return f'<code><span class="pkg">{esc(package)}.</span>{esc(function)}</code>'


def _table(caption: str, heading: str, groups: tuple[Group, ...], report: Report,
           label: Callable[[str], str]) -> str:
    total = max(report.reported, 1)
    head = f"<tr><th>{heading}</th><th>Findings</th>"
    head += "<th>Cost</th>" if report.has_cost else ""
    head += "<th>Profile</th>" if report.has_profile else ""
    rows = []
    for group in groups:
        row = (f"<tr><td>{label(group.key)}</td>"
               f'<td class="num">{group.findings} <meter min="0" max="{total}" value="{group.findings}"></meter></td>')
        if report.has_cost:
            row += f'<td class="num">{"" if group.estimate is None else f"{group.estimate:.3g}"}</td>'
        if report.has_profile:
            row += f'<td class="num">{percent(group.share or 0.0)}</td>'
        rows.append(row + "</tr>")
    shown, rest = rows[:TOP_ROWS], rows[TOP_ROWS:]
    more = (f'<details class="more"><summary>{len(rest)} more</summary><table>{head}{"".join(rest)}</table>'
            "</details>") if rest else ""
    return (f'<div class="group"><h3>{caption}</h3><table>{head}{"".join(shown)}</table>{more}</div>')


def _findings(report: Report, options: ReportOptions) -> str:
    total = len(report.items)
    order = ("ranked by cost" if options.rank else "most severe first, then by path")
    head = '<tr><th class="num">#</th>' + ('<th>Cost</th>' if report.has_cost else "")
    head += '<th>Profile</th>' if report.has_profile else ""
    head += "<th>Location</th><th>Rule</th><th>Finding</th></tr>"
    rows = "".join(_row(n, item, report) for n, item in enumerate(report.items[:STATIC_FINDINGS], start=1))
    capped = (f"<noscript><p class=\"note\">The first {STATIC_FINDINGS} of {total} findings; the page shows "
              "them all, with filters, when JavaScript is on.</p></noscript>") if total > STATIC_FINDINGS else ""
    return (f'<section id="findings"><h2>Findings</h2><p class="note">{total} findings, {order}.</p>'
            '<form id="controls" hidden role="search">'
            '<label>Rule <select id="f-rule"><option value="">all</option></select></label>'
            '<label>Severity <select id="f-severity"><option value="">all</option></select></label>'
            '<label>Package <select id="f-package"><option value="">all</option></select></label>'
            '<label class="grow">Search <input id="f-search" type="search" placeholder="message, path, function, '
            'code…" autocomplete="off"></label><output id="f-count"></output></form>'
            f'{capped}<table id="findings-table"><thead>{head}</thead><tbody>{rows}</tbody></table>'
            '<nav id="pager" hidden><button type="button" id="p-prev">Previous</button> <span id="p-where"></span> '
            '<button type="button" id="p-next">Next</button></nav></section>')


def _row(n: int, item: Item, report: Report) -> str:
    d = item.diagnostic
    loc = d.location
    cells = f'<td class="num">{n}</td>'
    if report.has_cost:
        cells += f'<td class="num">{cost_score(item.cost)}<br>{cost_badges(item.cost)}</td>'
    if report.has_profile:
        cells += f'<td class="num">{profile_share(item.profile)}</td>'
    function = f'<div class="fn">in <code>{esc(item.function)}</code></div>' if item.function else ""
    suppressed = f'<div class="sup">suppressed: {esc(d.suppression)}</div>' if d.suppressed else ""
    cells += (f'<td class="loc"><a href="#{line_id(item.file, loc.start.line)}">{esc(loc.path)}:{loc.start.line}'
              f':{loc.start.column}</a></td><td><a class="code" href="#rule-{esc(d.code)}">{esc(d.code)}</a> '
              f'<span class="sev">{d.severity.label}</span></td>'
              f'<td><span class="msg">{esc(d.message)}</span>{function}{suppressed}</td>')
    return f'<tr class="sev-{d.severity.label}">{cells}</tr>'


def _source(report: Report) -> str:
    static = annotate.files(report, report.items[:STATIC_FINDINGS])
    return ('<section id="source"><h2>Source</h2><p class="note">Each file\'s flagged lines with the lines '
            f"around them, by package.</p><noscript>{static}</noscript>"
            '<div id="file-list"></div></section>')


def _rules(report: Report) -> str:
    parts = ['<section id="rules"><h2>Rules</h2>']
    for rule in report.rules:
        meta = rule.meta
        parts.append(f'<article class="rule" id="rule-{esc(rule.code)}"><h3>{esc(rule.code)} {esc(rule.name)}</h3>'
                     f'<p class="meta">default severity {meta.severity.label} · precision {esc(meta.precision.value)}'
                     f"</p>{markdown(inspect.cleandoc(rule.doc))}</article>")
    parts.append("</section>")
    return "\n".join(parts)


def _notices(notices: list[Notice]) -> str:
    if not notices:
        return ""
    rows = "".join(f'<li class="{esc(n.level)}"><code>{esc(n.path or "goescape")}'
                   f'{f":{n.line}" if n.line is not None else ""}</code>: {esc(n.message)}</li>' for n in notices)
    return f'<section id="notices"><h2>Notices</h2><ul class="notices">{rows}</ul></section>'


def _refuted(refuted: list[Diagnostic]) -> str:
    if not refuted:
        return ""
    rows = []
    for d in refuted:
        loc = d.location
        lines = payload.explanation(d) or [(0, "compiler: nothing on these lines")]
        why = "".join(f'<div class="d{depth}">{esc(text)}</div>' for depth, text in lines)
        rows.append(f"<li><code>{esc(loc.path)}:{loc.start.line}:{loc.start.column}</code> {esc(d.code)} "
                    f'{esc(d.message)}<div class="why">{why}</div></li>')
    return f'<section id="refuted"><h2>Refuted by the compiler</h2><ul>{"".join(rows)}</ul></section>'
