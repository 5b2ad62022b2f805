"""Go source as goescape reads it: bytes, positions, trees, node captures, build tags, resource bounds."""
