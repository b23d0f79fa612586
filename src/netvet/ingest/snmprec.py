"""Recorded SNMP walks in snmpsim's .snmprec format: one `OID|type|value` per line, type 4x
meaning a hex-encoded octet string. The walked device becomes one observation (locator
`system`) from sysObjectID, sysDescr, sysName, the ENTITY-MIB chassis and interface MACs; each
LLDP or CDP neighbour, and each host in its ARP or bridge table, becomes an observation of another
asset (locator `lldp ROW`, `cdp ROW`, `arp ROW`, `fdb ROW`)."""

from collections.abc import Mapping
from pathlib import Path

from netvet.errors import SourceError
from netvet.ids import normalize_mac, normalize_oid, oid_arc
from netvet.ingest.files import read_text_input
from netvet.model import Issue, Observation, SourceRef
from netvet.model.vocab import IssueSeverity

SYS_DESCR, SYS_OBJECT_ID, SYS_NAME = "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.5.0"
ENT_PHYSICAL = "1.3.6.1.2.1.47.1.1.1.1."  # entPhysicalEntry: .5 class, .11 serial, .12 mfg, .13 model
IF_PHYS_ADDRESS = "1.3.6.1.2.1.2.2.1.6."
CHASSIS = "3"
# Neighbour tables describe *other* assets: LLDP-MIB lldpRemTable (.4 chassis id subtype,
# .5 chassis id, .9 system name, .10 system description) and CISCO-CDP-MIB cdpCacheTable
# (.5 software version, .6 device id, .8 platform).
LLDP_REMOTE = "1.0.8802.1.1.2.1.4.1.1."
CDP_CACHE = "1.3.6.1.4.1.9.9.23.1.2.1.1."
LLDP_MAC_SUBTYPE = "4"
# Address tables name hosts by MAC: ipNetToMediaPhysAddress (index ifIndex.a.b.c.d) and
# dot1dTpFdbAddress (index: the MAC as six numbers; status 4 marks the switch's own address).
ARP_MAC = "1.3.6.1.2.1.4.22.1.2."
FDB_MAC = "1.3.6.1.2.1.17.4.3.1.1."
FDB_STATUS = "1.3.6.1.2.1.17.4.3.1.3."
FDB_SELF = "4"
ENTERPRISES = "1.3.6.1.4.1."
PRIVATE = "<private>"
# Standard-MIB maker and description fields read as text evidence: UPS-MIB upsIdentManufacturer
# and upsIdentModel, the LLDP-MIB local system description, Printer-MIB prtGeneralPrinterName,
# HOST-RESOURCES hrDeviceDescr (of printers only: a CPU's or NIC's maker is not the device's).
UPS_MANUFACTURER, UPS_MODEL = "1.3.6.1.2.1.33.1.1.1.0", "1.3.6.1.2.1.33.1.1.2.0"
LLDP_LOCAL_DESCR = "1.0.8802.1.1.2.1.3.4.0"
PRINTER_NAME = "1.3.6.1.2.1.43.5.1.1.16."
HR_DEVICE = "1.3.6.1.2.1.25.3.2.1."
HR_PRINTER = "1.3.6.1.2.1.25.3.1.5"
ENT_COLUMNS = (("2", "entPhysicalDescr"), ("12", "entPhysicalMfgName"), ("13", "entPhysicalModelName"))
STACK = "11"


def decode_value(kind: str, value: str) -> str:
    """The text of one value; '4x' octet strings are hex, printed as text when they are text."""
    if not kind.endswith("x"):
        return value
    raw = bytes.fromhex(value)
    if len(raw) == 6 and kind.startswith("4"):
        return ":".join(f"{b:02x}" for b in raw)
    return raw.decode("utf-8", errors="replace")


def format_record(oid: str, tag: int, payload: bytes | str) -> str:
    """One `OID|type|value` line; octet strings that are not plain one-line text are written hex (type
    suffix x), as snmpsim records them, so that the reader gives back the same text."""
    if isinstance(payload, str):
        return f"{oid}|{tag}|{payload}"
    if payload and all(32 <= b < 127 for b in payload):
        return f"{oid}|{tag}|{payload.decode('ascii')}"
    return f"{oid}|{tag}x|{payload.hex()}"


def oid_key(oid: str) -> tuple[int, ...]:
    """The sort key that puts OIDs in SNMP (numeric, lexicographic) order."""
    return tuple(arc for part in oid.split(".") if (arc := oid_arc(part)) is not None)


def read_values(path: Path) -> tuple[dict[str, str], list[Issue]]:
    """OID -> text; lines that are not OID|type|value are Issues."""
    text = read_text_input(path)
    values: dict[str, str] = {}
    issues: list[Issue] = []
    for number, line in enumerate(text.splitlines(), start=1):
        parts = line.split("|", 2)
        if len(parts) != 3 or normalize_oid(parts[0]) != parts[0]:
            if line.strip():
                issues.append(
                    Issue(
                        str(path), f"line {number}", None, "not an OID|type|value line", IssueSeverity.ERROR
                    )
                )
            continue
        try:
            values[parts[0]] = decode_value(parts[1], parts[2])
        except ValueError:
            issues.append(
                Issue(
                    str(path),
                    f"line {number}",
                    parts[0],
                    f"bad hex value for type {parts[1]}",
                    IssueSeverity.ERROR,
                )
            )
    if not values:
        raise SourceError(f"{path}: no OID|type|value lines: not an snmprec walk")
    return values, issues


def chassis_fields(values: Mapping[str, str]) -> dict[str, str]:
    """Maker, model and serial of the ENTITY-MIB chassis (else the first entity that has them)."""
    ordered = sorted(table_rows(values, ENT_PHYSICAL).values(), key=lambda r: r.get("5") != CHASSIS)
    found: dict[str, str] = {}
    for name, column in (("vendor", "12"), ("model", "13"), ("serial", "11")):
        found[name] = next((r[column] for r in ordered if r.get(column) and r[column] != PRIVATE), "")
    return {k: v for k, v in found.items() if v}


def chassis_descriptions(values: Mapping[str, str]) -> list[tuple[str, str]]:
    """ENTITY-MIB description, maker and model of the chassis and stack entries (else of the
    first entity): a module's maker (a third-party transceiver) is not the device's."""
    rows = table_rows(values, ENT_PHYSICAL)
    chosen = [r for r in rows.values() if r.get("5") in (CHASSIS, STACK)] or [
        rows[i] for i in sorted(rows, key=oid_key)[:1]
    ]
    return [(name, v) for r in chosen for col, name in ENT_COLUMNS if (v := known(r.get(col)))]


def descriptions(values: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """(MIB field, value) of the standard-MIB maker and description fields, each value once."""
    found = chassis_descriptions(values)
    singles = (
        (UPS_MANUFACTURER, "upsIdentManufacturer"),
        (UPS_MODEL, "upsIdentModel"),
        (LLDP_LOCAL_DESCR, "lldpLocSysDesc"),
    )
    found += [(name, v) for oid, name in singles if (v := known(values.get(oid)))]
    found += [
        ("prtGeneralPrinterName", v) for oid, v in values.items() if oid.startswith(PRINTER_NAME) and known(v)
    ]
    printers = [i for i, r in table_rows(values, HR_DEVICE).items() if r.get("2") == HR_PRINTER]
    found += [("hrDeviceDescr", v) for i in printers if (v := known(values.get(f"{HR_DEVICE}3.{i}")))]
    sysdescr = known(values.get(SYS_DESCR))
    return tuple(dict.fromkeys((n, v.strip()) for n, v in found if v.strip() != sysdescr))


def enterprises(values: Mapping[str, str]) -> tuple[int, ...]:
    """The private enterprise numbers under which the walk answered (1.3.6.1.4.1.N.*)."""
    found = {
        int(head)
        for oid in values
        if oid.startswith(ENTERPRISES) and (head := oid[len(ENTERPRISES) :].split(".", 1)[0]).isdigit()
    }
    return tuple(sorted(found))


def table_rows(values: Mapping[str, str], prefix: str) -> dict[str, dict[str, str]]:
    """Rows of a MIB table: row index -> column number -> value."""
    rows: dict[str, dict[str, str]] = {}
    for oid, value in values.items():
        if oid.startswith(prefix):
            column, _, index = oid[len(prefix) :].partition(".")
            rows.setdefault(index, {})[column] = value.strip()
    return rows


def neighbours(values: Mapping[str, str], path: str) -> list[Observation]:
    """One observation per LLDP or CDP neighbour, located by its table row."""
    found = []
    for index, row in table_rows(values, LLDP_REMOTE).items():
        mac = normalize_mac(row.get("5")) if row.get("4") == LLDP_MAC_SUBTYPE else None
        obs = Observation(
            SourceRef(path, f"lldp {index}"),
            mac=mac,
            hostname=known(row.get("9")),
            sysdescr=known(row.get("10")),
        )
        found.append(obs)
    for index, row in table_rows(values, CDP_CACHE).items():
        obs = Observation(
            SourceRef(path, f"cdp {index}"),
            hostname=known(row.get("6")),
            model=known(row.get("8")),
            sysdescr=known(row.get("5")),
        )
        found.append(obs)
    return [o for o in found if o.mac or o.hostname or o.sysdescr or o.model]


def table_hosts(values: Mapping[str, str], path: str, known_macs: set[str | None]) -> list[Observation]:
    """One observation per MAC in the ARP and bridge tables that is not the device's own, once each
    (an ARP entry, which also gives the IP address, wins over a bridge entry)."""
    own = {normalize_mac(v) for oid, v in values.items() if oid.startswith(IF_PHYS_ADDRESS)}
    seen: set[str | None] = {None, *own, *known_macs}
    found = []
    for oid, value in values.items():
        table = "arp" if oid.startswith(ARP_MAC) else "fdb" if oid.startswith(FDB_MAC) else None
        mac = normalize_mac(value) if table else None
        if table is None or mac in seen or not is_unicast(mac):
            continue
        index = oid[len(ARP_MAC if table == "arp" else FDB_MAC) :]
        if table == "fdb" and values.get(FDB_STATUS + index) == FDB_SELF:
            continue
        seen.add(mac)
        ip = ".".join(index.split(".")[1:]) if table == "arp" else None
        found.append(Observation(SourceRef(path, f"{table} {index}"), mac=mac, ip=ip))
    return sorted(found, key=lambda o: o.source.locator.startswith("fdb"))


def is_unicast(mac: str | None) -> bool:
    """A MAC that names one interface: not all zeros, not multicast or broadcast."""
    return bool(mac) and mac != "00:00:00:00:00:00" and not int(str(mac)[:2], 16) & 0x01


def first_mac(values: Mapping[str, str]) -> str | None:
    """The first interface MAC that is globally unique and not all zeros."""
    for oid, value in values.items():
        mac = normalize_mac(value) if oid.startswith(IF_PHYS_ADDRESS) else None
        if mac and mac != "00:00:00:00:00:00" and not int(mac[:2], 16) & 0x03:
            return mac
    return None


def known(value: str | None) -> str | None:
    """None for empty and <private> (redacted) values."""
    return value.strip() if value and value.strip() and value.strip() != PRIVATE else None


def read_snmprec(
    path: Path, *, strict: bool = False, overrides: Mapping[str, str] | None = None
) -> tuple[list[Observation], list[Issue]]:
    """The walked device as one observation."""
    values, issues = read_values(path)
    if strict and issues:
        raise SourceError(issues[0].describe())
    return build_observations(values, str(path)), issues


def build_observations(values: Mapping[str, str], path: str) -> list[Observation]:
    """The walked device (locator `system`), its LLDP/CDP neighbours and the hosts in its ARP and
    bridge tables."""
    chassis = chassis_fields(values)
    obs = Observation(
        source=SourceRef(path, "system"),
        mac=first_mac(values),
        hostname=known(values.get(SYS_NAME)),
        serial=chassis.get("serial"),
        vendor=chassis.get("vendor") or known(values.get(UPS_MANUFACTURER)),
        model=chassis.get("model") or known(values.get(UPS_MODEL)),
        sysobjectid=known(values.get(SYS_OBJECT_ID)),
        sysdescr=known(values.get(SYS_DESCR)),
        descriptions=descriptions(values),
        enterprises=enterprises(values),
    )
    seen = neighbours(values, path)
    return [obs, *seen, *table_hosts(values, path, {o.mac for o in seen})]
