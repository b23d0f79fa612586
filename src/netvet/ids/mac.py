"""MAC addresses: any common notation in, colon-separated lower case out."""

import re

_SEPARATORS = re.compile(r"[\s:.\-]")
_HEX12 = re.compile(r"[0-9a-f]{12}")


def normalize_mac(text: str | None) -> str | None:
    """'001A.2B3C.4D5E', '00-1a-2b-3c-4d-5e', '001a2b3c4d5e' -> '00:1a:2b:3c:4d:5e'; else None."""
    if not text:
        return None
    raw = text.strip().lower()
    if re.fullmatch(r"[0-9a-f]{1,2}([:\-])([0-9a-f]{1,2}\1){4}[0-9a-f]{1,2}", raw):
        raw = "".join(part.zfill(2) for part in re.split(r"[:\-]", raw))
    hexdigits = _SEPARATORS.sub("", raw)
    if not _HEX12.fullmatch(hexdigits):
        return None
    return ":".join(hexdigits[i : i + 2] for i in range(0, 12, 2))


def mac_to_int(mac: str) -> int:
    """The 48-bit integer of a normalised MAC."""
    return int(mac.replace(":", ""), 16)


def is_locally_administered(mac: str) -> bool:
    """True when the U/L bit (second-lowest bit of the first octet) is set: no manufacturer."""
    return bool(int(mac[:2], 16) & 0x02)


def is_multicast(mac: str) -> bool:
    """True when the I/G bit (lowest bit of the first octet) is set: a group address."""
    return bool(int(mac[:2], 16) & 0x01)
