"""A run over many folders: worker processes, the result cache and replay, baselines and git diffs."""
