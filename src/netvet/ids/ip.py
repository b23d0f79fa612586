"""IP addresses."""

import ipaddress


def normalize_ip(text: str | None) -> str | None:
    """A valid IPv4 or IPv6 address in canonical form, else None."""
    if not text:
        return None
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None
