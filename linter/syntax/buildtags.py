"""Build constraints (`//go:build` lines and _GOOS_GOARCH file names) for the host platform."""
from __future__ import annotations

import platform
import re
import sys
from collections.abc import Iterable
from functools import lru_cache

# From cmd/dist (go tool dist list) and go/build/syslist.go.
KNOWN_OS = frozenset({
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux",
    "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
})
UNIX_OS = frozenset({
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux",
    "netbsd", "openbsd", "solaris",
})
KNOWN_ARCH = frozenset({
    "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle",
    "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv",
    "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
})
_MACHINES = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64",
             "i386": "386", "i686": "386", "x86": "386", "armv7l": "arm", "armv6l": "arm",
             "ppc64le": "ppc64le", "s390x": "s390x", "riscv64": "riscv64", "loongarch64": "loong64"}
_BUILD_LINE = re.compile(rb"^//go:build[ \t]+(.*?)\s*$", re.MULTILINE)
_PACKAGE = re.compile(rb"^\s*package\s", re.MULTILINE)
_TOKEN = re.compile(r"\s*(\(|\)|!|&&|\|\||[A-Za-z0-9_.\-]+)")


def host_platform() -> tuple[str, str]:
    """GOOS and GOARCH of the machine the linter runs on (what `go build` targets by default)."""
    osname = {"win32": "windows", "cygwin": "windows", "darwin": "darwin"}.get(sys.platform)
    if osname is None:
        osname = re.sub(r"\d+$", "", sys.platform)  # linux, freebsd13 -> freebsd, ...
    return osname, _MACHINES.get(platform.machine().lower(), platform.machine().lower())


@lru_cache(maxsize=8)
def default_tags(go_version: str, tool_tags: tuple[str, ...] = ()) -> frozenset[str]:
    """The tags `go build` satisfies on this host without cgo: GOOS, GOARCH, unix, gc, the
    release tags up to `go_version` (e.g. "go1.27.3") and the toolchain's experiment tags."""
    goos, goarch = host_platform()
    tags = {goos, goarch, "gc", *tool_tags}
    if goos in UNIX_OS:
        tags.add("unix")
    if goos == "android":
        tags.add("linux")
    if goos in ("ios", "darwin"):
        tags.add("darwin")
    match = re.match(r"go1\.(\d+)", go_version)
    tags.update(f"go1.{minor}" for minor in range(1, int(match.group(1)) + 1 if match else 1))
    return frozenset(tags)


def matches(name: str, data: bytes, tags: Iterable[str]) -> bool:
    """Whether a file named `name` with contents `data` is part of the build for `tags`."""
    active = frozenset(tags)
    return _name_matches(name, active) and _line_matches(data, active)


def _name_matches(name: str, tags: frozenset[str]) -> bool:
    stem = name[:-3] if name.endswith(".go") else name
    stem = stem.removesuffix("_test")
    parts = stem.split("_")[1:]  # a leading part is never a constraint
    if len(parts) >= 2 and parts[-2] in KNOWN_OS and parts[-1] in KNOWN_ARCH:
        return parts[-2] in tags and parts[-1] in tags
    if parts and (parts[-1] in KNOWN_OS or parts[-1] in KNOWN_ARCH):
        return parts[-1] in tags
    return True


def _line_matches(data: bytes, tags: frozenset[str]) -> bool:
    package = _PACKAGE.search(data)
    header = data[:package.start()] if package else data[:4096]
    line = _BUILD_LINE.search(header)
    if line is None:
        return True
    try:
        return _Parser(line.group(1).decode("utf-8", errors="replace"), tags).parse()
    except ValueError:
        return True  # a malformed constraint: the compiler would reject it; keep the file


class _Parser:
    """Recursive descent over `a && (b || !c)`: || binds loosest, then &&, then !."""

    def __init__(self, text: str, tags: frozenset[str]) -> None:
        self.tokens = [m.group(1) for m in _TOKEN.finditer(text)]
        if "".join(self.tokens) != re.sub(r"\s+", "", text):
            raise ValueError(text)
        self.pos = 0
        self.tags = tags

    def parse(self) -> bool:
        value = self._or()
        if self.pos != len(self.tokens):
            raise ValueError("trailing tokens")
        return value

    def _peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _or(self) -> bool:
        value = self._and()
        while self._peek() == "||":
            self.pos += 1
            value = self._and() or value
        return value

    def _and(self) -> bool:
        value = self._not()
        while self._peek() == "&&":
            self.pos += 1
            value = self._not() and value
        return value

    def _not(self) -> bool:
        token = self._peek()
        if token is None:
            raise ValueError("missing operand")
        self.pos += 1
        if token == "!":
            return not self._not()
        if token == "(":
            value = self._or()
            if self._peek() != ")":
                raise ValueError("missing )")
            self.pos += 1
            return value
        if token in (")", "&&", "||"):
            raise ValueError(token)
        return token in self.tags
