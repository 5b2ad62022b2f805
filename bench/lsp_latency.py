"""How fast `goescape lsp` answers an edit: didChange to publishDiagnostics, over stdio, as an editor sees it.

For each file, in one run of one server process: open it (the first lint: the package's other
files are read and parsed then), then type N characters into a comment at its end, one
incremental didChange each, waiting for the publishDiagnostics of that version before the
next keystroke (with a pause between, as typing leaves). Each latency is from just before the
didChange is written to the server's stdin to the moment its publishDiagnostics for that
version has been read from its stdout; the server's CPU time over the same span (user and
system, from /proc: 10 ms ticks) says how much of it was work rather than waiting for a core
on a busy machine. After the last file, the server's resident memory (VmRSS) and its peak
(VmHWM) come from /proc. Default files: the seed's g/main.go and
`$(go env GOROOT)/src/net/http/server.go` (140 KB, in a package of 72 files with its tests).
"""
from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python bench/lsp_latency.py`: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import BenchError, go_command, goroot_src

REPO = Path(__file__).resolve().parent.parent
SEED_MAIN = REPO.parent / "shared" / "seed" / "examples" / "g" / "main.go"
PAUSE = 0.05  # seconds between keystrokes once the previous one is answered


@dataclass
class FileResult:
    path: Path
    size: int
    open_seconds: float
    edits: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # the server's CPU seconds over each edit
    findings: int = 0

    def median(self) -> float:
        return statistics.median(self.edits)

    def quantile(self, q: float) -> float:
        ordered = sorted(self.edits)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Server:
    """`goescape lsp` in a subprocess, spoken to with plain JSON-RPC framing."""

    def __init__(self, command: Sequence[str]) -> None:
        self.process = subprocess.Popen(list(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.messages: queue.Queue[tuple[float, dict[str, Any]] | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self._next_id = 0

    def _read(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        while True:
            length = None
            while (line := stdout.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if not line or length is None:
                self.messages.put(None)
                return
            body = stdout.read(length)
            self.messages.put((time.perf_counter(), json.loads(body)))

    def send(self, message: dict[str, Any]) -> float:
        body = json.dumps(message).encode()
        stdin = self.process.stdin
        assert stdin is not None
        sent = time.perf_counter()
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()
        return sent

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        request_id = self._next_id
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        _, reply = self.wait(lambda m: m.get("id") == request_id and "method" not in m)
        return reply.get("result")

    def notify(self, method: str, params: Any) -> float:
        return self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, where: Any, timeout: float = 120.0) -> tuple[float, dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while True:
            item = self.messages.get(timeout=max(deadline - time.monotonic(), 0.001))
            if item is None:
                raise BenchError("the server closed its output")
            if where(item[1]):
                return item

    def published(self, uri: str, version: int) -> tuple[float, dict[str, Any]]:
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version)

    def cpu_seconds(self) -> float:
        """User and system CPU time of the server so far."""
        with open(f"/proc/{self.process.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory(self) -> dict[str, int]:
        """VmRSS and VmHWM in KiB, from /proc."""
        values: dict[str, int] = {}
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                name, _, value = line.partition(":")
                if name in ("VmRSS", "VmHWM"):
                    values[name] = int(value.split()[0])
        return values

    def close(self) -> None:
        self.request("shutdown", None)
        self.notify("exit", None)
        self.process.wait(timeout=30)


def measure(server: Server, path: Path, edits: int) -> FileResult:
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    sent = server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "go", "version": 1, "text": text}})
    arrived, message = server.published(uri, 1)
    result = FileResult(path, len(text.encode()), arrived - sent, findings=len(message["params"]["diagnostics"]))
    lines = text.split("\n")
    row, column = len(lines) - 1, len(lines[-1])  # the end of the file
    for version in range(2, edits + 2):
        # the first keystroke opens a comment on a new line; each next one types a letter into it
        insert = "\n// typing " if version == 2 else "x"
        change = {"range": {"start": {"line": row, "character": column}, "end": {"line": row, "character": column}},
                  "text": insert}
        if version == 2:
            row, column = row + 1, len("// typing ")
        else:
            column += 1
        time.sleep(PAUSE)
        cpu = server.cpu_seconds()
        sent = server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        arrived, _ = server.published(uri, version)
        result.edits.append(arrived - sent)
        result.cpu.append(server.cpu_seconds() - cpu)
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    return result


def default_files() -> list[Path]:
    files = [SEED_MAIN] if SEED_MAIN.is_file() else []
    return [*files, goroot_src(go_command()) / "net" / "http" / "server.go"]


def run(files: Sequence[Path], edits: int) -> tuple[list[FileResult], dict[str, int]]:
    server = Server([sys.executable, "-m", "goescape.linter", "lsp"])
    try:
        server.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
        server.notify("initialized", {})
        results = [measure(server, path, edits) for path in files]
        memory = server.memory()
        server.close()
        return results, memory
    finally:
        if server.process.poll() is None:
            server.process.kill()


def render(results: Sequence[FileResult], memory: dict[str, int], edits: int, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"files": [{"path": str(r.path), "bytes": r.size, "findings": r.findings,
                                      "open_seconds": r.open_seconds, "edit_seconds": r.edits,
                                      "edit_cpu_seconds": r.cpu} for r in results],
                           "memory_kib": memory}, indent=2) + "\n"
    rows = [(r.path.name if r.path != SEED_MAIN else "seed g/main.go", f"{r.size / 1024:.1f} KB", str(r.findings),
             f"{r.open_seconds:.3f}", f"{r.median():.3f}", f"{r.quantile(0.9):.3f}", f"{max(r.edits):.3f}",
             f"{statistics.median(r.cpu):.3f}") for r in results]
    header = ("file", "size", "findings", "open (s)", f"edit median (s, n={edits})", "edit p90 (s)", "edit max (s)",
              "server CPU per edit, median (s)")
    memory_line = (f"server memory after the last file: {memory.get('VmRSS', 0) / 1024:.0f} MB resident, "
                   f"{memory.get('VmHWM', 0) / 1024:.0f} MB at its peak")
    if fmt == "markdown":
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines) + f"\n\n{memory_line[0].upper()}{memory_line[1:]}.\n"
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join(lines) + f"\n{memory_line}\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", action="append", type=Path, help="a Go file to edit (repeatable)")
    parser.add_argument("--edits", type=int, default=31, help="keystrokes per file (default: 31)")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    args = parser.parse_args(argv)
    if args.edits < 1:
        parser.error("--edits must be at least 1")
    try:
        results, memory = run(args.file or default_files(), args.edits)
    except (BenchError, OSError, queue.Empty) as error:
        print(f"lsp_latency: error: {error or type(error).__name__}", file=sys.stderr)
        return 2
    sys.stdout.write(render(results, memory, args.edits, args.format))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
