"""What a rule sees of the file being linted: source, tree, the package model and its options."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from tree_sitter import Node, Tree

from goescape.linter.findings import Finding, Related, Span
from goescape.linter.rule.meta import RuleMeta
from goescape.linter.syntax.parsing import node_text
from goescape.linter.syntax.source import SourceFile

if TYPE_CHECKING:
    from goescape.linter.model import FileModel


class Context:
    """Per-file state shared by every rule; the package model is built once, on first use."""

    def __init__(self, file: SourceFile, tree: Tree,
                 options: Mapping[str, Mapping[str, Any]] | None = None,
                 model: Callable[[], FileModel] | None = None) -> None:
        self.file = file
        self.tree = tree
        self._options = options or {}
        self._model_factory = model
        self._model: FileModel | None = None

    @property
    def model(self) -> FileModel:
        """The package-wide type-shape model, seen from this file (built on first use)."""
        if self._model is None:
            if self._model_factory is None:
                from goescape.linter.model import PackageModel
                self._model = PackageModel([(self.file, self.tree)]).file(self.file.path)
            else:
                self._model = self._model_factory()
        return self._model

    # -- source ----------------------------------------------------------------------------------

    @staticmethod
    def text(node: Node) -> str:
        return node_text(node)

    def option(self, meta: RuleMeta, name: str) -> Any:
        """The configured value of one of the rule's own options (its default when not configured)."""
        configured = self._options.get(meta.code, {})
        if name in configured:
            return configured[name]
        return meta.options[name].default

    # -- findings --------------------------------------------------------------------------------

    def finding(self, meta: RuleMeta, node: Node, message: str,
                related: Iterable[tuple[Node, str]] = ()) -> Finding:
        return Finding(
            code=meta.code,
            span=Span.of(node),
            message=message,
            related=tuple(Related(Span.of(n), text) for n, text in related),
        )
