"""The rules compiler escapes are classified into (codes fixed by the rule authors' brief)."""
from __future__ import annotations

ADDRESS_RETURN = "ESC101"  # address-return
INTERFACE_SLOT = "ESC102"  # interface-slot
CONTAINER = "ESC103"  # pointer-in-container
FUNC_VALUE = "ESC104"  # func-value-call
CHANNEL = "ESC105"  # channel-payload
VARIADIC = "ESC106"  # variadic-interface
INDIRECT = "ESC107"  # indirect-assignment
INTERFACE_METHOD = "ESC108"  # interface-method-argument
# The rules of the escapes outside the seed's taxonomy (ESC205 is verify-only, the catch-all).
CLOSURE = "ESC201"  # closure-capture
APPEND = "ESC202"  # append-growth
CONVERSION = "ESC203"  # conversion-allocation
LARGE = "ESC204"  # large-allocation
OTHER = "ESC205"  # compiler-escape
INLINED = "ESC206"  # inlined-allocation: allocated in the body of a callee inlined at the call
LEAKING_PARAMETER = "ESC207"  # leaking-parameter: an address passed to a parameter the callee leaks
