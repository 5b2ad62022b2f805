"""Setting `--verify` up for one `goescape check` run, and folding its notices into the result."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from goescape.linter.config.file import ON_SAVE, Config
from goescape.linter.engine.lint import FindingStage
from goescape.linter.findings import Notice, RunResult
from goescape.linter.registry.registry import Registry
from goescape.linter.verify import NoGo, create_stage, find_go

__all__ = ["NoGo", "Verification", "add_notices", "finish_stages", "setup"]


@dataclass(frozen=True)
class Verification:
    """What the run verifies with: a go command (None: heuristic mode) and the setup's notices."""

    go: str | None = None
    cgo: bool = False
    notices: list[Notice] = field(default_factory=list)

    def stages(self, registry: Registry, cache_root: Path | None) -> list[FindingStage]:
        """The finding stages; compiler results are cached under `cache_root` (None: not)."""
        if self.go is None:
            return []
        return [create_stage(self.go, cgo=self.cgo, known=lambda code: code in registry.rules,
                             cache_root=cache_root)]


def setup(config: Config, go: str | None, cgo: bool) -> tuple[Config, Verification]:
    """The configuration to run with and how to verify. `config.verify` "on" without a go
    command raises NoGo; "auto" then falls back to heuristic mode with a notice. `--go PATH`
    alone asks for verification. "on-save" is the editor's setting: a run from the command line
    verifies only when `--go` asks it to."""
    if config.verify == ON_SAVE:
        config = replace(config, verify="off")
    if config.verify == "off" and go is None:
        return config, Verification()
    if config.verify == "off":
        config = replace(config, verify="on")
    try:
        command = find_go(go)
    except NoGo as error:
        if config.verify != "auto":
            raise
        notice = Notice("verify", f"--verify=auto: {error}; the findings are heuristic, not "
                        "verified by the compiler")
        return replace(config, verify="off"), Verification(notices=[notice])
    return config, Verification(command, cgo)


def finish_stages(stages: Sequence[FindingStage]) -> None:
    """Stop the stages' workers (also when the run failed)."""
    if not stages:
        return  # heuristic mode: the stage's modules were never imported
    from goescape.linter.verify.stage import VerifyStage

    for stage in stages:
        if isinstance(stage, VerifyStage):
            stage.close()


def add_notices(result: RunResult, verification: Verification) -> None:
    """The setup's notices join the result's (the stage's own come with each file's result)."""
    result.notices.extend(verification.notices)
    result.notices.sort(key=Notice.sort_key)
