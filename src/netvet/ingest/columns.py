"""Map an inventory's column headers to observation fields, automatically or by override."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from netvet.errors import UsageError
from netvet.model import Issue

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
    """Field -> column index, the headers left unused, and the pairs of columns (indexes) whose
    headers read the same once normalised ('Vendor' and 'vendor ')."""

    fields: Mapping[str, int]
    unused: tuple[str, ...]
    duplicates: tuple[tuple[int, int], ...] = ()


def parse_overrides(
    pairs: Sequence[str], synonyms: Mapping[str, tuple[str, ...]] = SYNONYMS
) -> dict[str, str]:
    """['mac=HW Addr', ...] -> {'mac': 'HW Addr'}; unknown fields are a UsageError. HEADER may be
    '#N', the N-th column (from 1), to choose between columns of the same name."""
    overrides: dict[str, str] = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep or field.strip() not in synonyms:
            raise UsageError(
                f"--map expects FIELD=HEADER with FIELD one of {', '.join(synonyms)}; got '{pair}'"
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
    fields = {field: column_index(headers, field, header) for field, header in (overrides or {}).items()}
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
    return ColumnMap(fields, unused, duplicate_pairs(normalised))


def column_index(headers: Sequence[str], field: str, header: str) -> int:
    """The column an override names: its exact header when only one column has it, or '#N'."""
    numbered = re.fullmatch(r"#(\d{1,6})", header)
    if header not in headers and numbered and 1 <= int(numbered.group(1)) <= len(headers):
        return int(numbered.group(1)) - 1
    same = [i for i, h in enumerate(headers) if h == header]
    if not same:
        raise UsageError(f"--map {field}={header}: no column '{header}' (columns: {', '.join(headers)})")
    if len(same) > 1:
        numbers = " or ".join(f"#{i + 1}" for i in same)
        raise UsageError(f"--map {field}={header}: several columns are named '{header}': give {numbers}")
    return same[0]


def duplicate_pairs(normalised: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """(first, later) column indexes of non-empty headers that read the same."""
    first: dict[str, int] = {}
    pairs: list[tuple[int, int]] = []
    for i, words in enumerate(normalised):
        if words in first:
            pairs.append((first[words], i))
        elif words:
            first[words] = i
    return tuple(pairs)


def duplicate_issues(path: str, line: int, headers: Sequence[str], columns: ColumnMap) -> list[Issue]:
    """One Issue per pair of columns with the same header: which one is read (if either), and how
    to choose the other with --map FIELD=#N."""
    issues = []
    for a, b in columns.duplicates:
        field = next((f for f, i in columns.fields.items() if i in (a, b)), None)
        used = columns.fields.get(field or "", a)
        what = f"{field} is read from column {used + 1}" if field else "neither is read"
        choose = f"; choose with --map {field}=#{b + 1 if used == a else a + 1}" if field else ""
        message = (
            f"columns {a + 1} '{headers[a]}' and {b + 1} '{headers[b]}' have the same header: {what}{choose}"
        )
        issues.append(Issue(path, f"line {line}", headers[b], message))
    return issues
