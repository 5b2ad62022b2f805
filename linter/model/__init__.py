"""Package-wide type-shape model shared by the rules."""
