"""One inventory row (already split into cells) -> an Observation and its Issues."""

from collections.abc import Callable, Mapping, Sequence

from netvet.ids import (
    normalize_country,
    normalize_ip,
    normalize_mac,
    normalize_network_part,
    parse_amount,
    parse_date,
    parse_generations,
)
from netvet.ingest.limits import cap_text
from netvet.model import Issue, Observation, SourceRef

TRUE_WORDS = frozenset({"yes", "y", "true", "1", "granted", "approved"})
FALSE_WORDS = frozenset({"no", "n", "false", "0", "none", "denied", "not granted"})
TEXT_FIELDS = (
    "hostname",
    "serial",
    "vendor",
    "model",
    "category",
    "funding",
    "site",
    "intended_use",
    "fcc_id",
    "sysdescr",
    "sysobjectid",
    "banner",
    "service",
    "serviced_by",
)


# A banner is matched as the service sent it: trailing line ends are part of many rules.
RAW_FIELDS = frozenset({"banner"})


def parse_flag(text: str) -> bool | None:
    """'yes'/'no' and friends; None when not recognised."""
    word = text.strip().casefold()
    if word in TRUE_WORDS:
        return True
    return False if word in FALSE_WORDS else None


Parser = Callable[[str], object]
PARSERS: dict[str, tuple[Parser, str]] = {
    "mac": (normalize_mac, "not a MAC address"),
    "ip": (normalize_ip, "not an IP address"),
    "acquired": (parse_date, "not a date"),
    "first_authorized": (parse_date, "not a date"),
    "cost": (parse_amount, "not an amount"),
    "conditional_approval": (parse_flag, "not yes or no"),
    "country_of_production": (normalize_country, "not a country"),
    "network_part": (
        normalize_network_part,
        "not a network part (core, access, transport, management, managed service)",
    ),
    "generation": (parse_generations, "not a network generation (2G, 3G, 4G, 5G, fixed)"),
    "service_country": (normalize_country, "not a country"),
    "contract_end": (parse_date, "not a date"),
}


def parse_cell(field: str, raw: str) -> tuple[object, str | None]:
    """The parsed value and an error message (None when fine)."""
    if field in TEXT_FIELDS:
        return raw, None
    parser, message = PARSERS[field]
    value = parser(raw)
    return value, (None if value is not None else f"{message}: '{raw}'")


def observation_from(
    cells: Sequence[str], fields: Mapping[str, int], source: SourceRef
) -> tuple[Observation | None, list[Issue]]:
    """An Observation from the mapped cells; bad cells are dropped, and cells over their length
    limit cut, with an Issue each."""
    values: dict[str, object] = {}
    issues: list[Issue] = []
    for field, index in fields.items():
        cell = cells[index] if index < len(cells) else ""
        if not cell.strip():
            continue
        cell, cut = cap_text(cell, field)
        if cut:
            issues.append(Issue(source.path, source.locator, field, cut))
        raw = cell if field in RAW_FIELDS else cell.strip()
        value, error = parse_cell(field, raw)
        if error:
            issues.append(Issue(source.path, source.locator, field, error))
        else:
            values[field] = value
    for field in ("country_of_production", "service_country"):
        if country := values.get(field):
            values[field] = str(country)
    if not values:
        issues.append(Issue(source.path, source.locator, None, "row has no usable value"))
        return None, issues
    return Observation(source=source, **values), issues  # type: ignore[arg-type]
