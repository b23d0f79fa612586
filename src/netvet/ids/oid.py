"""SNMP object identifiers: arcs are ASCII digits of a 32-bit number (RFC 2578 §7.1.3; the first
arcs of X.660 may be longer, so up to 20 digits are read). Unicode digits such as '²' or '١'
and arcs too long for any OID are refused instead of reaching int()."""

import re

_ARC = re.compile(r"[0-9]{1,20}")
_OID = re.compile(r"[0-9]{1,20}(?:\.[0-9]{1,20})*")


def oid_arc(text: str) -> int | None:
    """'1234' -> 1234; None for anything but 1-20 ASCII digits."""
    return int(text) if _ARC.fullmatch(text) else None


def normalize_oid(text: str) -> str | None:
    """'.1.3.6.1' -> '1.3.6.1'; None when it is not dotted ASCII-digit arcs."""
    oid = text.strip().removeprefix(".")
    return oid if _OID.fullmatch(oid) else None
