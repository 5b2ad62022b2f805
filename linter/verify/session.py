"""Setting `--verify` up for one `goescape check` run, and folding its notices into the result."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from goescape.linter.config import Config
from goescape.linter.diagnostic import Notice
from goescape.linter.engine import FindingStage, RunResult
from goescape.linter.registry import Registry
from goescape.linter.verify import NoGo, VerifyStage, create_stage, find_go

__all__ = ["NoGo", "add_notices", "finish_stages", "setup"]


def setup(config: Config, go: str | None, cgo: bool,
          registry: Registry) -> tuple[Config, list[FindingStage], list[Notice]]:
    """The stages to run and the configuration to run them with. `config.verify` "on" without
    a go command raises NoGo; "auto" then falls back to heuristic mode with a notice."""
    if config.verify == "off" and go is None:
        return config, [], []
    if config.verify == "off":
        config = replace(config, verify="on")  # --go PATH alone asks for verification
    try:
        command = find_go(go)
    except NoGo as error:
        if config.verify != "auto":
            raise
        notice = Notice("verify", f"--verify=auto: {error}; the findings are heuristic, not "
                        "verified by the compiler")
        return replace(config, verify="off"), [], [notice]
    stage = create_stage(command, cgo=cgo, known=lambda code: code in registry.rules)
    return config, [stage], []


def finish_stages(stages: Sequence[FindingStage]) -> None:
    """Stop the stages' workers (also when the run failed)."""
    for stage in stages:
        if isinstance(stage, VerifyStage):
            stage.close()


def add_notices(result: RunResult, stages: Sequence[FindingStage], notices: Sequence[Notice]) -> None:
    """The setup's notices join the result's (the stage's own come with each file's result)."""
    result.notices.extend(notices)
    result.notices.sort(key=Notice.sort_key)
