"""Net-SNMP `snmpwalk` text output (numeric `-On` or symbolic names, `-Oa` or not): parsed into
OID -> text and read like a recorded walk."""

import re
from collections.abc import Mapping
from pathlib import Path

from netvet.errors import SourceError
from netvet.ingest.files import read_text_input
from netvet.ingest.snmprec import (
    ENT_PHYSICAL,
    HR_DEVICE,
    HR_PRINTER,
    LLDP_REMOTE,
    PRINTER_NAME,
    build_observations,
)
from netvet.model import Issue, Observation
from netvet.model.vocab import IssueSeverity

_LINE = re.compile(
    r"^(?P<oid>\.?[0-9.]+|[A-Za-z][\w-]*::[\w]+(?:\.[\w.]+)?) = (?:(?P<type>[\w-]+): ?)?(?P<value>.*)$"
)
_ENTERPRISES = re.compile(r"^(?:SNMPv2-SMI::enterprises|iso\.3\.6\.1\.4\.1|\.?1\.3\.6\.1\.4\.1)\.")
_NUMBER_IN_PARENS = re.compile(r"\((\d+)\)$")

# The symbolic names of the objects netvet reads, as Net-SNMP prints them without -On.
SYMBOLS = {
    "SNMPv2-MIB::sysDescr": "1.3.6.1.2.1.1.1",
    "SNMPv2-MIB::sysObjectID": "1.3.6.1.2.1.1.2",
    "SNMPv2-MIB::sysName": "1.3.6.1.2.1.1.5",
    "IF-MIB::ifPhysAddress": "1.3.6.1.2.1.2.2.1.6",
    "ENTITY-MIB::entPhysicalDescr": ENT_PHYSICAL + "2",
    "ENTITY-MIB::entPhysicalClass": ENT_PHYSICAL + "5",
    "ENTITY-MIB::entPhysicalSerialNum": ENT_PHYSICAL + "11",
    "ENTITY-MIB::entPhysicalMfgName": ENT_PHYSICAL + "12",
    "ENTITY-MIB::entPhysicalModelName": ENT_PHYSICAL + "13",
    "LLDP-MIB::lldpRemChassisIdSubtype": LLDP_REMOTE + "4",
    "LLDP-MIB::lldpRemChassisId": LLDP_REMOTE + "5",
    "LLDP-MIB::lldpRemSysName": LLDP_REMOTE + "9",
    "LLDP-MIB::lldpRemSysDesc": LLDP_REMOTE + "10",
    "LLDP-MIB::lldpLocSysDesc": "1.0.8802.1.1.2.1.3.4",
    "UPS-MIB::upsIdentManufacturer": "1.3.6.1.2.1.33.1.1.1",
    "UPS-MIB::upsIdentModel": "1.3.6.1.2.1.33.1.1.2",
    "Printer-MIB::prtGeneralPrinterName": PRINTER_NAME.rstrip("."),
    "HOST-RESOURCES-MIB::hrDeviceType": HR_DEVICE + "2",
    "HOST-RESOURCES-MIB::hrDeviceDescr": HR_DEVICE + "3",
}
# OID values printed by name that the reader compares.
OID_VALUES = {"HOST-RESOURCES-TYPES::hrDevicePrinter": HR_PRINTER}


def numeric_oid(name: str) -> str | None:
    """'.1.3.6.1.2.1.1.1.0' or 'SNMPv2-MIB::sysDescr.0' -> '1.3.6.1.2.1.1.1.0'; None if unknown."""
    if name[0] in ".0123456789":
        return name.lstrip(".")
    if _ENTERPRISES.match(name):
        return _ENTERPRISES.sub("1.3.6.1.4.1.", name)
    base, _, index = name.partition(".")
    return f"{SYMBOLS[base]}.{index}" if base in SYMBOLS and index else None


def value_text(kind: str | None, value: str) -> str:
    """A printed value as the text a recorded walk would hold."""
    value = value.strip()
    if kind == "Hex-STRING":
        raw = bytes.fromhex(value.replace(" ", ""))
        return ":".join(f"{b:02x}" for b in raw) if len(raw) == 6 else raw.decode("utf-8", errors="replace")
    if kind == "OID":
        return OID_VALUES.get(value) or _ENTERPRISES.sub("1.3.6.1.4.1.", value).lstrip(".")
    if kind == "INTEGER" and (match := _NUMBER_IN_PARENS.search(value)):
        return match.group(1)
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def parse_walk(text: str, path: str) -> tuple[dict[str, str], list[Issue]]:
    """OID -> text; continuation lines of multi-line strings join their value."""
    values: dict[str, str] = {}
    issues: list[Issue] = []
    last: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = _LINE.match(line)
        if match is None:
            if last in values and line.strip():
                values[last] = (values[last] + " " + line.strip().strip('"')).strip()
            continue
        oid = numeric_oid(match.group("oid"))
        last = oid
        if oid is None:
            continue
        try:
            values[oid] = value_text(match.group("type"), match.group("value"))
        except ValueError:  # its continuation lines, if any, are dropped with it
            issues.append(Issue(path, f"line {number}", oid, "bad Hex-STRING value", IssueSeverity.ERROR))
    return values, issues


def looks_like_walk(head: str) -> bool:
    """True when the first non-empty line is an snmpwalk line."""
    first = next((line for line in head.splitlines() if line.strip()), "")
    return _LINE.match(first) is not None


def read_snmpwalk(
    path: Path, *, strict: bool = False, overrides: Mapping[str, str] | None = None
) -> tuple[list[Observation], list[Issue]]:
    """The walked device and its neighbours, as from a recorded walk."""
    values, issues = parse_walk(read_text_input(path), str(path))
    if not values:
        raise SourceError(f"{path}: no 'OID = TYPE: value' lines: not snmpwalk output")
    if strict and issues:
        raise SourceError(issues[0].describe())
    return build_observations(values, str(path)), issues
