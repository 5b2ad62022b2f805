"""What a hover on a flagged expression says: what escapes, why, what it costs, what to write instead."""
from __future__ import annotations

import inspect
from collections.abc import Mapping, Sequence
from typing import Any

from goescape.linter.findings import Diagnostic
from goescape.linter.lsp.convert import cost_of
from goescape.linter.registry.docs import help_uri
from goescape.linter.rule.definition import Rule

_ALLOCATES = {
    "nothing": "allocates nothing",
    "fixed": "one allocation of a fixed size",
    "grows": "an allocation that grows with the data",
    "unknown": "an allocation of a size not known here",
}
_FREQUENCY = {
    "loop": "inside a loop: every iteration pays it",
    "ordinary": "once per call",
    "cold": "on a cold path (error handling, start-up): rarely paid",
}


def markdown(diagnostic: Diagnostic, rule: Rule | None) -> str:
    """The hover text for one finding, as markdown."""
    header = f"**{diagnostic.code}**" + (f" `{rule.name}`" if rule is not None else "")
    parts = [f"{header} · {diagnostic.severity.label}", _escape(diagnostic.message)]
    why = _paragraph(rule.section("Why is this bad?")) if rule is not None else ""
    if why:
        parts.append(f"**Why:** {why}")
    parts.append(f"**Cost:** {cost_text(cost_of(diagnostic))}")
    compiler = _compiler(diagnostic.properties.get("compiler"))
    if compiler:
        parts.append(compiler)
    instead = rule.section("Use instead") if rule is not None else ""
    if instead:
        parts.append(f"**Instead:**\n\n{instead}")
    url = help_uri(rule) if rule is not None else None
    if url:
        parts.append(f"[{diagnostic.code} documentation]({url})")
    return "\n\n".join(parts)


def cost_text(cost: Mapping[str, Any]) -> str:
    """The cost model's estimate in words (`properties["cost"]`), or why there is none."""
    if not cost:
        return "not estimated for this finding (the rule's general cost is under *Why*)."
    allocates = str(cost.get("allocates", "unknown"))
    what = _ALLOCATES.get(allocates, allocates)
    size = cost.get("bytes")
    if isinstance(size, (int, float)) and not isinstance(size, bool) and allocates != "nothing":
        what += f" ({size:g} bytes)"
    frequency = str(cost.get("frequency", ""))
    when = _FREQUENCY.get(frequency, frequency)
    depth = cost.get("loop_depth")
    if frequency == "loop" and isinstance(depth, int) and depth > 1:
        when += f" (loop depth {depth})"
    text = ", ".join(part for part in (what, when) if part)
    estimate = cost.get("estimate")
    if isinstance(estimate, (int, float)) and not isinstance(estimate, bool):
        text += f"; estimated cost {estimate:g}"
    reasons = [str(r) for r in cost.get("reasons", ()) if r]
    return text + "." + "".join(f"\n- {_escape(reason)}" for reason in reasons)


def _compiler(records: Any) -> str:
    """The compiler's words behind a verified finding (`properties["compiler"]`)."""
    if not isinstance(records, Sequence) or isinstance(records, str) or not records:
        return ""
    lines: list[str] = []
    for record in records:
        if not isinstance(record, Mapping):
            continue
        where = f"{record.get('line')}:{record.get('column')}: " if record.get("line") else ""
        lines.append(f"{where}{record.get('message', '')}")
        for flow in record.get("flows", ()):
            lines.append(f"  flow: {flow.get('flow', '')}")
            lines.extend(f"    {step.get('line', '?')}:{step.get('column', '?')}: {step.get('message', '')}"
                         for step in flow.get("steps", ()))
    return "**Compiler** (`go build -gcflags=-m=2`):\n\n```text\n" + "\n".join(lines) + "\n```" if lines else ""


def _paragraph(section: str) -> str:
    """The first paragraph of a documentation section, on one line."""
    first = inspect.cleandoc(section).split("\n\n")[0]
    return " ".join(first.split())


def _escape(text: str) -> str:
    """Plain text inside markdown: the characters that would start emphasis or a tag, escaped."""
    return "".join(f"\\{c}" if c in "\\`*_[]<>#|" else c for c in text)
