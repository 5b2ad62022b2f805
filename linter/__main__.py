"""`python -m goescape.linter` runs the command line."""
from __future__ import annotations

from goescape.linter.cli.main import main

raise SystemExit(main())
