"""The command line: `goescape check`, `rules` and `explain`, run options, exit codes, writing the report."""
