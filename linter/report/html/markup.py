"""Small HTML builders shared by the page's parts: escaping, badges for cost and profile, rule docs."""
from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from goescape.linter.report.visible import visible

_CODE_SPAN = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*([^*]+)\*\*")
_HEADING = re.compile(r"(#{1,6})\s+(.*)")


def esc(text: object) -> str:
    """Text made safe for HTML content and quoted attribute values, hidden characters made visible."""
    return html.escape(visible(str(text)), quote=True)


def line_id(file: int, line: int) -> str:
    return f"L-{file}-{line}"


def percent(share: float) -> str:
    return f"{share * 100:.1f}%" if share >= 0.001 else f"{share * 100:.2f}%"


def cost_badges(cost: Mapping[str, Any] | None) -> str:
    """What the cost model says of a finding: how much it allocates and how often it runs."""
    if not cost:
        return ""
    parts = []
    allocates = str(cost.get("allocates", "unknown"))
    size = cost.get("bytes")
    parts.append(f'<span class="badge alloc-{esc(allocates)}">allocates {esc(allocates)}'
                 + (f" ({int(size)} B)" if isinstance(size, int) else "") + "</span>")
    frequency = str(cost.get("frequency", ""))
    if frequency:
        depth = cost.get("loop_depth")
        deep = f" ×{int(depth)}" if frequency == "loop" and isinstance(depth, int) and depth > 1 else ""
        parts.append(f'<span class="badge freq-{esc(frequency)}">{esc(frequency)}{deep}</span>')
    return " ".join(parts)


def cost_score(cost: Mapping[str, Any] | None) -> str:
    """The finding's rank (0-100) when ranked, else the cost model's estimate."""
    if not cost:
        return ""
    if isinstance(cost.get("rank"), (int, float)):
        return f"{int(cost['rank'])}"
    estimate = cost.get("estimate")
    return f"{float(estimate):.3g}" if isinstance(estimate, (int, float)) else ""


def reasons(cost: Mapping[str, Any] | None) -> list[str]:
    found = (cost or {}).get("reasons")
    return [str(r) for r in found] if isinstance(found, list) else []


def profile_share(profile: Mapping[str, Any] | None) -> str:
    share = (profile or {}).get("share")
    return percent(float(share)) if isinstance(share, (int, float)) else ""


def _inline(text: str) -> str:
    escaped = esc(text)
    escaped = _CODE_SPAN.sub(lambda m: f"<code>{m.group(1)}</code>", escaped)
    return _BOLD.sub(lambda m: f"<strong>{m.group(1)}</strong>", escaped)


def markdown(text: str, top: int = 4) -> str:
    """The markdown of rule docs as HTML: headings (from level `top` down), fenced code,
    bullet lists and paragraphs with `code` and **bold**; everything else is text."""
    out: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    code: list[str] | None = None

    def flush() -> None:
        if paragraph:
            out.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for line in text.splitlines():
        if code is not None:
            if line.strip().startswith("```"):
                out.append(f"<pre><code>{esc(chr(10).join(code))}</code></pre>")
                code = None
            else:
                code.append(line)
            continue
        stripped = line.strip()
        heading = _HEADING.fullmatch(stripped)
        if stripped.startswith("```"):
            flush()
            code = []
        elif heading:
            flush()
            level = min(6, top + len(heading.group(1)) - 2)
            out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif not stripped:
            flush()
        elif stripped.startswith(("- ", "* ")):
            if paragraph:
                flush()
            items.append(stripped[2:])
        elif items and line.startswith(" "):
            items[-1] += " " + stripped
        else:
            if items:
                flush()
            paragraph.append(stripped)
    if code is not None:  # an unclosed fence still shows its code
        out.append(f"<pre><code>{esc(chr(10).join(code))}</code></pre>")
    flush()
    return "\n".join(out)
