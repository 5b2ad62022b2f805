"""goescape's own checks (ESC0xx): problems with suppression directives."""
from __future__ import annotations

from goescape.linter.findings import Severity
from goescape.linter.rule.definition import Rule
from goescape.linter.rule.meta import Precision, RuleMeta

_DIRECTIVE_FORMS = """
Directives are line comments with no space after `//`:

```go
//goescape:ignore ESC101 constructor returns a pointer by design
return &Server{cfg: cfg}

x := make([]byte, n) //goescape:ignore ESC106 buffer handed to the caller
//goescape:file-ignore address-return,ESC105 generated plumbing
v := &T{} //nolint:goescape // pooled by the caller
```
"""

MISSING_REASON = Rule(
    meta=RuleMeta(
        code="ESC001",
        name="suppression-without-reason",
        summary="a suppression directive is malformed or gives no reason, so it suppresses nothing",
        severity=Severity.WARNING,
        precision=Precision.VERY_HIGH,
        tags=("suppression",),
    ),
    doc=f"""A suppression directive is malformed or gives no reason.

## What it does
Flags `//goescape:ignore`, `//goescape:file-ignore` and `//nolint:goescape` directives that name no
rule or give no reason, and those whose reason is still the placeholder that the editor's quick fix
writes (`<reason: why this allocation is acceptable>`). Such a directive suppresses nothing.

## Why is this bad?
A suppression without a reason cannot be reviewed: nobody can tell later whether the allocation it
hides is still accepted. Requiring the reason is what staticcheck does for `//lint:ignore`.

## Example
```go
return &x //goescape:ignore ESC101
```

## Use instead
```go
return &x //goescape:ignore ESC101 callers keep the result; one allocation per request is fine
```
{_DIRECTIVE_FORMS}
## Compiler
Not a compiler diagnostic: this is goescape's own check of its directives.
""",
    check=None,
    origin="goescape",
)

UNKNOWN_RULE = Rule(
    meta=RuleMeta(
        code="ESC002",
        name="suppression-unknown-rule",
        summary="a suppression directive names a rule that does not exist",
        severity=Severity.WARNING,
        precision=Precision.VERY_HIGH,
        tags=("suppression",),
    ),
    doc="""A suppression directive names a rule that does not exist.

## What it does
Flags a directive whose rule list holds a code, code prefix or name that matches no known rule.

## Why is this bad?
A typo in a directive silently suppresses nothing, and the finding it meant to hide is still reported
without an explanation of why.

## Example
```go
return &x //goescape:ignore ESC1O1 returned by design
```

## Use instead
```go
return &x //goescape:ignore ESC101 returned by design
```

## Compiler
Not a compiler diagnostic: this is goescape's own check of its directives.
""",
    check=None,
    origin="goescape",
)

UNUSED_SUPPRESSION = Rule(
    meta=RuleMeta(
        code="ESC003",
        name="unused-suppression",
        summary="a suppression directive suppressed nothing in this run",
        severity=Severity.WARNING,
        precision=Precision.VERY_HIGH,
        tags=("suppression",),
    ),
    doc="""A suppression directive suppressed nothing in this run.

## What it does
Flags a directive when none of the enabled rules it names reported a finding where it applies. A
directive naming only rules that are disabled in this run is left alone.

## Why is this bad?
Stale suppressions pile up after the code they excused is fixed, and they would silently hide the
next, unrelated finding on that line (ruff's RUF100, staticcheck and nolintlint report them too).

## Example
```go
x := 1 //goescape:ignore ESC101 not returned any more
```

## Use instead
```go
x := 1
```

## Compiler
Not a compiler diagnostic: this is goescape's own check of its directives.
""",
    check=None,
    origin="goescape",
)

INTERNAL_RULES: tuple[Rule, ...] = (MISSING_REASON, UNKNOWN_RULE, UNUSED_SUPPRESSION)
