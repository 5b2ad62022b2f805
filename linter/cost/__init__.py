"""What a finding costs: the bytes its allocation takes and how often it runs, read from the code or measured by profiles."""
