"""What to collect from and how to log in: targets (host[:port] or a small CIDR block) and SNMP
credentials (v2c community or v3 user); pure values, checked before any packet is sent."""

import ipaddress
from dataclasses import dataclass

from netvet.errors import UsageError

DEFAULT_PORT = 161
MAX_BLOCK = 4096  # a /20: larger blocks are a sweep, not an inventory walk
AUTH_PROTOCOLS = ("MD5", "SHA", "SHA224", "SHA256", "SHA384", "SHA512")
PRIV_PROTOCOLS = ("DES", "3DES", "AES", "AES192", "AES256")


@dataclass(frozen=True, slots=True)
class Target:
    """One SNMP agent: host (name or address) and UDP port."""

    host: str
    port: int = DEFAULT_PORT

    @property
    def file_stem(self) -> str:
        """The walk file's name without suffix: the host, and the port when it is not 161."""
        safe = self.host.replace(":", "_")
        return safe if self.port == DEFAULT_PORT else f"{safe}_{self.port}"


@dataclass(frozen=True, slots=True)
class Credentials:
    """SNMP v2c (community) or v3 (user, optional auth and privacy keys, context)."""

    community: str | None = "public"
    user: str | None = None
    auth_key: str | None = None
    auth_protocol: str = "SHA"
    priv_key: str | None = None
    priv_protocol: str = "AES"
    context: str = ""

    @property
    def version(self) -> str:
        """'3' when a v3 user is given, else '2c'."""
        return "3" if self.user else "2c"


def check_credentials(creds: Credentials) -> Credentials:
    """The credentials, or a UsageError naming what is inconsistent."""
    if creds.user is None and not creds.community:
        raise UsageError("give --community for SNMP v2c or --v3-user for SNMP v3")
    if creds.auth_protocol.upper() not in AUTH_PROTOCOLS:
        raise UsageError(
            f"--auth-protocol: '{creds.auth_protocol}' is not one of {', '.join(AUTH_PROTOCOLS)}"
        )
    if creds.priv_protocol.upper() not in PRIV_PROTOCOLS:
        raise UsageError(
            f"--priv-protocol: '{creds.priv_protocol}' is not one of {', '.join(PRIV_PROTOCOLS)}"
        )
    if creds.priv_key and not creds.auth_key:
        raise UsageError("SNMP v3 privacy needs an authentication key too (--auth-key)")
    return creds


def parse_target(text: str) -> list[Target]:
    """'10.0.0.1', 'switch-1:1161', '[::1]:161' or '10.0.0.0/30' (its hosts) as targets."""
    host, port = split_port(text.strip())
    if "/" in host:
        return [Target(str(address), port) for address in block_hosts(host, text)]
    if not host:
        raise UsageError(f"target '{text}': no host")
    return [Target(host, port)]


def split_port(text: str) -> tuple[str, int]:
    """Host and port of 'host', 'host:port' or '[v6]:port'; a bad port is a UsageError."""
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port_text = rest.removeprefix(":")
    elif text.count(":") == 1:
        host, _, port_text = text.partition(":")
    else:
        host, port_text = text, ""
    if not port_text:
        return host, DEFAULT_PORT
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise UsageError(f"target '{text}': '{port_text}' is not a UDP port")
    return host, int(port_text)


def block_hosts(block: str, text: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The usable hosts of a CIDR block, refusing sweeps larger than MAX_BLOCK."""
    try:
        network = ipaddress.ip_network(block, strict=False)
    except ValueError as exc:
        raise UsageError(f"target '{text}': not a CIDR block") from exc
    if network.num_addresses > MAX_BLOCK:
        raise UsageError(f"target '{text}': {network.num_addresses} addresses; at most {MAX_BLOCK} per block")
    return list(network.hosts()) or [network.network_address]
