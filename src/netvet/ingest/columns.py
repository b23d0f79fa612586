"""Map an inventory's column headers to observation fields, automatically or by override."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from netvet.errors import UsageError

# Header spellings seen in CMDB, NMS and spreadsheet exports, normalised (lower case, words).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "mac": (
        "mac",
        "mac address",
        "macaddress",
        "mac addr",
        "hw address",
        "hardware address",
        "physical address",
        "ethernet address",
        "base mac",
    ),
    "ip": ("ip", "ip address", "ipaddress", "ipv4", "ipv4 address", "management ip", "mgmt ip", "ip addr"),
    "hostname": ("hostname", "host name", "host", "device name", "name", "sysname", "dns name", "asset name"),
    "serial": ("serial", "serial number", "serial no", "sn", "s n", "serialnumber", "serial num"),
    "vendor": (
        "vendor",
        "manufacturer",
        "make",
        "brand",
        "oem",
        "mfr",
        "maker",
        "mfg",
        "provider",
        "service provider",
        "carrier",
    ),
    "model": (
        "model",
        "model number",
        "part number",
        "pn",
        "model no",
        "product",
        "product id",
        "sku",
        "mpn",
        "device model",
        "model name",
    ),
    "category": (
        "device type",
        "type",
        "category",
        "role",
        "device role",
        "asset type",
        "equipment type",
        "function",
        "device category",
    ),
    "country_of_production": (
        "country of origin",
        "country of production",
        "origin",
        "coo",
        "made in",
        "manufactured in",
        "production country",
        "country",
    ),
    "acquired": (
        "purchase date",
        "acquired",
        "acquisition date",
        "date acquired",
        "install date",
        "installed",
        "in service date",
        "date obtained",
        "obtained",
        "purchased",
        "start",
        "start date",
        "contract start",
        "service start",
        "term start",
    ),
    "funding": ("funding source", "funding", "fund", "funded by", "funding program"),
    "site": ("site", "location", "site name", "location name", "sites"),
    "intended_use": ("intended use", "use", "purpose", "usage", "application", "use case"),
    "cost": ("cost", "cost usd", "price", "purchase cost", "historic cost", "value", "unit cost"),
    "fcc_id": ("fcc id", "fccid", "fcc"),
    "first_authorized": (
        "first authorized",
        "authorization date",
        "grant date",
        "fcc grant date",
        "first authorization date",
        "authorized",
    ),
    "conditional_approval": ("conditional approval", "conditional approval granted", "ca"),
    "sysdescr": ("sysdescr", "sys descr", "system description", "snmp sysdescr", "snmp description"),
    "sysobjectid": ("sysobjectid", "sys object id", "snmp sysobjectid", "system object id", "object id"),
    "network_part": ("network part", "network segment", "network domain", "network layer", "network area"),
    "generation": ("network generation", "generation", "mobile generation", "radio access technology", "rat"),
    "banner": ("banner", "service banner", "server header", "http server header", "ssh banner"),
    "service": ("service", "service type", "services", "service kind", "service description", "circuit type"),
    "serviced_by": (
        "serviced by",
        "maintained by",
        "maintainer",
        "support provider",
        "supported by",
        "managed by",
        "updated by",
        "update channel",
        "update source",
        "maintenance provider",
        "maintenance vendor",
    ),
    "service_country": ("service country", "serviced from", "support country", "update country"),
    "contract_end": (
        "end",
        "end date",
        "contract end",
        "contract end date",
        "term end",
        "expiry",
        "expiry date",
        "expiration date",
        "expires",
        "renewal date",
        "renewal",
    ),
}
FIELDS = tuple(SYNONYMS)


def header_words(header: str) -> str:
    """'Cost (USD)' -> 'cost usd'."""
    return " ".join(re.findall(r"[a-z0-9]+", header.casefold()))


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Field -> column index, and the headers left unused."""

    fields: Mapping[str, int]
    unused: tuple[str, ...]


def parse_overrides(pairs: Sequence[str]) -> dict[str, str]:
    """['mac=HW Addr', ...] -> {'mac': 'HW Addr'}; unknown fields are a UsageError."""
    overrides: dict[str, str] = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep or field.strip() not in SYNONYMS:
            raise UsageError(
                f"--map expects FIELD=HEADER with FIELD one of {', '.join(FIELDS)}; got '{pair}'"
            )
        overrides[field.strip()] = header.strip()
    return overrides


def map_columns(
    headers: Sequence[str],
    overrides: Mapping[str, str] | None = None,
    synonyms: Mapping[str, tuple[str, ...]] = SYNONYMS,
) -> ColumnMap:
    """Overrides first, then exact synonyms (in their order); each column serves one field at most."""
    normalised = [header_words(h) for h in headers]
    fields: dict[str, int] = {}
    for field, header in (overrides or {}).items():
        if header not in headers:
            raise UsageError(f"--map {field}={header}: no column '{header}' (columns: {', '.join(headers)})")
        fields[field] = list(headers).index(header)
    taken = set(fields.values())
    for field, spellings in synonyms.items():
        if field in fields:
            continue
        for i, words in enumerate(normalised):
            if i not in taken and words in spellings:
                fields[field] = i
                taken.add(i)
                break
    unused = tuple(h for i, h in enumerate(headers) if i not in taken and h.strip())
    return ColumnMap(fields, unused)
