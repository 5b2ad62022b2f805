"""The per-package engine: parse once, walk once, dispatch nodes to rules, apply severities and suppressions."""
