"""What a finding costs: its allocation's bytes and how often it runs, read from the code or measured by profiles."""
