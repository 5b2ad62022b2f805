"""Which rules exist: built-in rules, goescape's own directive checks (ESC0xx), rule packs, their docs."""
