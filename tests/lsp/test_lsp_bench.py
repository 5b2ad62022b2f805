"""bench/lsp_latency.py measures what it says: one latency per keystroke, each answered with its version."""
from __future__ import annotations

import json
import sys

from conftest import REPO, SEED

sys.path.insert(0, str(REPO))  # bench/ is a folder of scripts, not an installed package

from bench import lsp_latency


def test_the_latency_benchmark_types_into_a_file_and_reports_each_keystroke(capsys) -> None:
    main = SEED / "examples" / "g" / "main.go"
    assert lsp_latency.main(["--file", str(main), "--edits", "3", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    [measured] = report["files"]
    assert measured["findings"] == 1  # the seed's `return &golang`
    assert len(measured["edit_seconds"]) == len(measured["edit_cpu_seconds"]) == 3
    assert all(0 < seconds < 60 for seconds in measured["edit_seconds"])
    assert report["memory_kib"]["VmHWM"] >= report["memory_kib"]["VmRSS"] > 0
    assert main.read_text().count("typing") == 0  # the buffer was typed into, never the file
