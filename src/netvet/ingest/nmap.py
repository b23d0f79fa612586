"""Nmap XML (`nmap -oX`), parsed with defusedxml (DTDs and entity expansion are refused). Each
host that is up is an asset: its addresses and hostname, its service banners (product, version,
extra info, device type, and what its scripts say: see nmap_scripts), the sysDescr
`snmp-sysdescr` read, and the CPEs Nmap matched for its services and operating system."""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from netvet.errors import SourceError
from netvet.ids import normalize_ip, normalize_mac
from netvet.ingest.files import read_input
from netvet.ingest.nmap_scripts import host_sysdescr, script_banners
from netvet.model import Issue, Observation, SourceRef


def parse_xml(path: Path) -> Any:
    """The root element; a DTD, an entity, or broken XML is a SourceError naming the file."""
    from defusedxml.ElementTree import fromstring

    raw = read_input(path)
    try:
        root = fromstring(raw)
    except Exception as exc:  # defusedxml and the XML parser raise their own error types
        raise SourceError(f"{path}: not readable Nmap XML: {type(exc).__name__}: {exc}") from exc
    if root.tag != "nmaprun":
        raise SourceError(f"{path}: not Nmap XML (root element <{root.tag}>)")
    return root


def banner_of(host: Any) -> str | None:
    """Service products, versions, extra info and device types, and what scripts say, joined."""
    parts: list[str] = []
    for port in host.iter("port"):
        service = port.find("service")
        if service is not None:
            parts += [
                service.get(k) for k in ("product", "version", "extrainfo", "devicetype") if service.get(k)
            ]
        parts += script_banners(port)
    text = " | ".join(dict.fromkeys(p for p in parts if p))  # one port's title may repeat on another
    return text or None


def host_observation(path: str, index: int, host: Any) -> Observation:
    """One host as an observation, located by its address."""
    addresses = {a.get("addrtype"): a.get("addr") for a in host.iter("address")}
    ip = normalize_ip(addresses.get("ipv4") or addresses.get("ipv6"))
    name = host.find("hostnames/hostname")
    cpes = tuple(dict.fromkeys(c.text.strip() for c in host.iter("cpe") if c.text))
    return Observation(
        SourceRef(path, f"host {ip or index}"),
        mac=normalize_mac(addresses.get("mac")),
        ip=ip,
        hostname=name.get("name") if name is not None else None,
        banner=banner_of(host),
        sysdescr=host_sysdescr(host),
        cpe=cpes,
    )


def read_nmap(
    path: Path, *, strict: bool = False, overrides: Mapping[str, str] | None = None
) -> tuple[list[Observation], list[Issue]]:
    """Every host that is up."""
    root = parse_xml(path)
    found: list[Observation] = []
    issues: list[Issue] = []
    for index, host in enumerate(root.iter("host"), start=1):
        status = host.find("status")
        if status is not None and status.get("state") != "up":
            continue
        obs = host_observation(str(path), index, host)
        if not (obs.ip or obs.mac):
            issues.append(Issue(str(path), f"host {index}", "address", "host without an address"))
        found.append(obs)
    if strict and issues:
        raise SourceError(issues[0].describe())
    return found, issues
