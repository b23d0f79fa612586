"""DHCP lease files: ISC dhcpd's `dhcpd.leases`, Kea's memfile CSV (`kea-leases4.csv`,
`kea-leases6.csv`) and dnsmasq's `dnsmasq.leases` (also OpenWrt's `dhcp.leases`). The latest
lease of each client is an asset with its MAC, address, the hostname it sent and its vendor
class, read as a banner. A line that cannot be read is an Issue; the rest is still read."""

import csv
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from netvet.errors import SourceError
from netvet.ids import normalize_ip, normalize_mac
from netvet.ingest.dhcpd_leases import read_dhcpd_leases
from netvet.ingest.files import read_text_input
from netvet.ingest.lease import Lease, latest_leases, lease_observation
from netvet.model import Issue, Observation

LeaseParser = Callable[[str, str], tuple[list[Lease], list[Issue]]]
# The first columns of Kea's CSV lease files (csv_lease_file4.cc / csv_lease_file6.cc).
KEA_HEADS = ("address,hwaddr,client_id,", "address,duid,valid_lifetime,")
_ISC_LEASE = re.compile(r"^\s*lease\s+[0-9A-Fa-f.:]+\s*\{", re.M)
_DNSMASQ_LINE = re.compile(r"^\d+ [0-9A-Fa-f:*T-]+ [0-9A-Fa-f.:]+ \S+ \S+$")
# Kea writes a comma inside a value as this entity (CSVRow::escapeCharacters).
KEA_COMMA = "&#x2c"
NO_MAC = "00:00:00:00:00:00"  # written for a lease that has no client hardware address


def lease_layout(head: str) -> str | None:
    """'isc', 'kea' or 'dnsmasq' from a file's first bytes, else None."""
    first = next((line.strip() for line in head.splitlines() if line.strip()), "")
    if first.startswith(KEA_HEADS):
        return "kea"
    if "dhcpd.leases(5)" in head or _ISC_LEASE.search(head):
        return "isc"
    if _DNSMASQ_LINE.match(first) or first.startswith("duid "):
        return "dnsmasq"
    return None


def kea_leases(text: str, path: str) -> tuple[list[Lease], list[Issue]]:
    """Kea's CSV: a header row naming the columns, then one lease per row."""
    rows = csv.reader(text.splitlines())
    header = next(rows, [])
    columns = {name.strip(): index for index, name in enumerate(header)}
    if "address" not in columns or "hostname" not in columns:
        raise SourceError(f"{path}: line 1: not a Kea lease file header")
    leases: list[Lease] = []
    issues: list[Issue] = []
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        lease, problem = kea_row(row, columns, number)
        if problem:
            issues.append(Issue(path, f"line {number}", problem[0], problem[1]))
        if lease is not None:
            leases.append(lease)
    return leases, issues


def kea_row(
    row: Sequence[str], columns: Mapping[str, int], number: int
) -> tuple[Lease | None, tuple[str | None, str] | None]:
    """One Kea row; (field, problem) for what cannot be read (a bad MAC keeps the address)."""
    if len(row) <= columns["hostname"]:
        return None, (None, f"{len(row)} columns, the header names {len(columns)}")

    def cell(name: str) -> str:
        index = columns.get(name)
        return row[index].replace(KEA_COMMA, ",").strip() if index is not None and index < len(row) else ""

    ip = normalize_ip(cell("address"))
    if ip is None:
        return None, ("address", f"not an IP address: {cell('address')!r}")
    expire = cell("expire")
    when = float(expire) if expire.isdigit() else 0.0
    mac = normalize_mac(cell("hwaddr"))
    lease = Lease(number, ip, None if mac == NO_MAC else mac, cell("hostname") or None, None, when)
    if cell("hwaddr") and mac is None:
        return lease, ("hwaddr", f"not a MAC address: {cell('hwaddr')!r}")
    return lease, None


def dnsmasq_leases(text: str, path: str) -> tuple[list[Lease], list[Issue]]:
    """dnsmasq: `EXPIRY MAC IP HOSTNAME CLIENT-ID` per IPv4 lease; after the `duid` line,
    `EXPIRY IAID IPv6 HOSTNAME DUID` per IPv6 lease (no MAC)."""
    leases: list[Lease] = []
    issues: list[Issue] = []
    for number, line in enumerate(text.splitlines(), start=1):
        fields = line.split()
        if not fields or fields[0] == "duid":
            continue
        lease, problem = dnsmasq_line(fields, number)
        if problem:
            issues.append(Issue(path, f"line {number}", problem[0], problem[1]))
        if lease is not None:
            leases.append(lease)
    return leases, issues


def dnsmasq_line(fields: Sequence[str], number: int) -> tuple[Lease | None, tuple[str | None, str] | None]:
    """One dnsmasq lease line; the hardware address is `TYPE-HEX:..` unless it is Ethernet."""
    if len(fields) != 5 or not fields[0].isdigit():
        return None, (None, "not 'EXPIRY MAC ADDRESS HOSTNAME CLIENT-ID'")
    ip = normalize_ip(fields[2])
    if ip is None:
        return None, ("ip", f"not an IP address: {fields[2]!r}")
    hostname = None if fields[3] == "*" else fields[3]
    if ":" in ip:
        return Lease(number, ip, None, hostname, None, float(fields[0])), None
    typed = "-" in fields[1] and ":" in fields[1]  # `TYPE-` is written for non-Ethernet hardware
    mac = normalize_mac(fields[1].split("-", 1)[1] if typed else fields[1])
    lease = Lease(number, ip, mac, hostname, None, float(fields[0]))
    if mac is None and not typed:
        return lease, ("mac", f"not a MAC address: {fields[1]!r}")
    return lease, None


PARSERS: dict[str, LeaseParser] = {"isc": read_dhcpd_leases, "kea": kea_leases, "dnsmasq": dnsmasq_leases}


def read_dhcp(
    path: Path, *, strict: bool = False, overrides: Mapping[str, str] | None = None
) -> tuple[list[Observation], list[Issue]]:
    """The latest lease of each client in an ISC, Kea or dnsmasq lease file."""
    text = read_text_input(path)
    layout = lease_layout(text[:4096])
    if layout is None:
        raise SourceError(f"{path}: line 1: not an ISC dhcpd, Kea or dnsmasq lease file")
    leases, issues = PARSERS[layout](text, str(path))
    if strict and issues:
        raise SourceError(issues[0].describe())
    return [lease_observation(str(path), lease) for lease in latest_leases(leases)], issues
