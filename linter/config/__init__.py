"""What to lint and how: discovering Go files, the configuration file, globs, and the policy resolved from them."""
