"""A rule's documentation as a markdown page the editor can open, written outside the user's tree."""
from __future__ import annotations

import inspect
import os
import tempfile
from pathlib import Path

from goescape.linter.registry.docs import help_uri
from goescape.linter.rule.definition import Rule
from goescape.linter.run.cache import default_cache_dir


def rule_markdown(rule: Rule) -> str:
    meta = rule.meta
    url = help_uri(rule)
    link = f"\n\nOnline: <{url}>" if url else ""
    return (f"# {meta.code} {meta.name}\n\n*Default severity: {meta.severity.label}; precision: "
            f"{meta.precision.value}.*\n\n{inspect.cleandoc(rule.doc)}{link}\n")


def explain_document(rule: Rule) -> tuple[Path | None, str]:
    """The rule's page, saved as `<cache>/docs/CODE-name.md` (None when it cannot be written),
    and its markdown."""
    markdown = rule_markdown(rule)
    for folder in (default_cache_dir() / "docs", Path(tempfile.gettempdir()) / f"goescape-docs-{os.getuid()}"):
        page = folder / f"{rule.code}-{rule.name}.md"
        try:
            if not page.is_file() or page.read_text(encoding="utf-8") != markdown:
                folder.mkdir(parents=True, exist_ok=True)
                temporary = page.with_suffix(".tmp")
                temporary.write_text(markdown, encoding="utf-8")
                os.replace(temporary, page)
            return page, markdown
        except OSError:
            continue
    return None, markdown
