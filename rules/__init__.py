"""Built-in goescape rules, one module per escape pattern, listed explicitly and sorted by code."""
from __future__ import annotations

from types import ModuleType

from goescape.rules import (
    address_return,
    channel_payload,
    func_value_call,
    indirect_assignment,
    interface_method_argument,
    interface_slot,
    pointer_in_container,
    variadic_interface,
)

BUILTIN: tuple[ModuleType, ...] = (
    address_return, interface_slot, pointer_in_container, func_value_call, channel_payload,
    variadic_interface, indirect_assignment, interface_method_argument,
)

# The rules of the escapes outside the seed's taxonomy (ESC2xx): `goescape check --verify`
# classifies into them the compiler's escapes that no pattern rule claims; ESC201-ESC204 also
# have checks of their own, ESC205 (compiler-escape) is verify-only.
from goescape.rules import (  # noqa: E402
    append_growth,
    closure_capture,
    compiler_escape,
    conversion_allocation,
    large_allocation,
)

BUILTIN += (closure_capture, append_growth, conversion_allocation, large_allocation, compiler_escape)

# Allocations in the bodies of standard-library callees Go inlines at the call: a check of its
# own, and the rule `--verify` classifies such compiler escapes into.
from goescape.rules import inlined_allocation  # noqa: E402

BUILTIN += (inlined_allocation,)

# Addresses passed to a parameter the callee leaks: the compiler's `leaking param` read from source.
from goescape.rules import leaking_parameter  # noqa: E402

BUILTIN += (leaking_parameter,)

# A profile's measured allocation sites that no finding explains (ESC3xx): no check, reported
# only when a profile is given (`goescape check --profile`, default.pgo).
from goescape.rules import profiled_allocation  # noqa: E402

BUILTIN += (profiled_allocation,)
