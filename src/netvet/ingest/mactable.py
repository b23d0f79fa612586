"""Switch MAC address tables and ARP tables as the CLI prints them, parsed with the
ntc-templates TextFSM templates. Each entry is an observation of the asset behind that MAC,
located by table, VLAN and port (`fdb vlan 10 port Gi1/0/1`, `arp 10.1.1.20 on Vlan1`)."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netvet.errors import SourceError
from netvet.ids import normalize_ip, normalize_mac
from netvet.ingest.files import read_input
from netvet.model import Issue, Observation, SourceRef


@dataclass(frozen=True, slots=True)
class CliTable:
    """One CLI table kind: how to recognise it and which ntc-templates template parses it."""

    name: str
    platform: str
    command: str
    signature: re.Pattern[str]
    table: str


# Most specific first: Arista's header extends the Cisco IOS one.
TABLES: tuple[CliTable, ...] = (
    CliTable(
        "arista-mac",
        "arista_eos",
        "show mac address-table",
        re.compile(r"Vlan\s+Mac Address\s+Type\s+Ports\s+Moves\s+Last Move", re.I),
        "fdb",
    ),
    CliTable(
        "nxos-mac",
        "cisco_nxos",
        "show mac address-table",
        re.compile(r"VLAN\s+MAC Address\s+Type\s+age\s+Secure\s+NTFY", re.I),
        "fdb",
    ),
    CliTable(
        "ios-mac",
        "cisco_ios",
        "show mac address-table",
        re.compile(r"^\s*Vlan\s+Mac Address\s+Type\s+Ports\s*$", re.I | re.M),
        "fdb",
    ),
    CliTable(
        "vrp-mac", "huawei_vrp", "display mac-address", re.compile(r"MAC Address\s+VLAN/VSI", re.I), "fdb"
    ),
    CliTable(
        "comware-mac",
        "hp_comware",
        "display mac-address",
        re.compile(r"MAC ADDR\s+VLAN ID\s+STATE", re.I),
        "fdb",
    ),
    CliTable(
        "junos-mac",
        "juniper_junos",
        "show ethernet-switching table",
        re.compile(r"Ethernet switching table", re.I),
        "fdb",
    ),
    CliTable(
        "ios-arp",
        "cisco_ios",
        "show ip arp",
        re.compile(r"Protocol\s+Address\s+Age\s*\(min\)\s+Hardware Addr", re.I),
        "arp",
    ),
)
MAC_KEYS = ("destination_address", "mac_address", "mac")
# The prompt-and-command line a captured session starts with ('sw1#show mac address-table',
# '<olt-1>display mac-address'); some templates reject any line they do not expect.
PROMPT = re.compile(r"^\s*(<[^>]+>|\[[^\]]+\]|\S+[#>])\s*(show|display)\b.*$", re.I | re.M)
PORT_KEYS = ("destination_port", "ports", "interface", "logical_interface")


def table_of(text: str) -> CliTable | None:
    """The CLI table kind a text holds, from its header."""
    return next((t for t in TABLES if t.signature.search(text)), None)


def first_of(row: Mapping[str, Any], keys: tuple[str, ...]) -> str:
    """The first present field among keys (lists joined)."""
    for key in keys:
        value = row.get(key)
        if value:
            return ",".join(value) if isinstance(value, list) else str(value)
    return ""


def entry_observation(
    path: str, table: CliTable, row: Mapping[str, Any]
) -> tuple[Observation | None, Issue | None]:
    """One table entry as an observation, or an Issue when its MAC is not a MAC."""
    text, port = first_of(row, MAC_KEYS), first_of(row, PORT_KEYS)
    if table.table == "arp":
        locator = f"arp {row.get('ip_address', '?')} on {port or '?'}"
    else:
        locator = f"fdb vlan {row.get('vlan_id') or row.get('vlan') or '?'} port {port or '?'}"
    mac = normalize_mac(text)
    if mac is None:
        return None, Issue(path, locator, "mac", f"not a MAC address: '{text}'")
    ip = normalize_ip(str(row.get("ip_address") or "")) if table.table == "arp" else None
    return Observation(SourceRef(path, locator), mac=mac, ip=ip), None


def read_mactable(
    path: Path, *, strict: bool = False, overrides: Mapping[str, str] | None = None
) -> tuple[list[Observation], list[Issue]]:
    """Every entry of a MAC or ARP table printed by a switch or router CLI."""
    from ntc_templates.parse import parse_output

    text = PROMPT.sub("", read_input(path).decode("utf-8", errors="replace"))
    table = table_of(text)
    if table is None:
        raise SourceError(
            f"{path}: not a MAC or ARP table this reader knows ({', '.join(t.name for t in TABLES)})"
        )
    try:
        rows = parse_output(platform=table.platform, command=table.command, data=text)
    except Exception as exc:  # TextFSM raises its own error types for text its template rejects
        raise SourceError(f"{path}: {table.name} table does not parse: {exc}") from exc
    found: list[Observation] = []
    issues: list[Issue] = []
    for row in rows:
        obs, issue = entry_observation(str(path), table, row)
        found += [obs] if obs else []
        issues += [issue] if issue else []
    if strict and issues:
        raise SourceError(issues[0].describe())
    return found, issues
