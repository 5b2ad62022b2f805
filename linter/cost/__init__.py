"""What a finding costs: the bytes its allocation takes, how often it runs, and the ranking built on them."""
