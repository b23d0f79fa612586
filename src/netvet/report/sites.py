"""Site facts for filings (type, latitude, longitude, address) parsed from the rows of a sites file."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from netvet.errors import RecordError, SourceError
from netvet.model import Issue

SITE_COLUMNS = ("site", "type", "latitude", "longitude", "address")


@dataclass(frozen=True, slots=True)
class Site:
    """One location: its name, type, coordinates and street address (each may be unknown)."""

    name: str
    type: str | None
    latitude: float | None
    longitude: float | None
    address: str | None


def check_header(header: Iterable[str], path: str) -> None:
    """A sites file must have the five columns; the error names the file and what is missing."""
    missing = [c for c in SITE_COLUMNS if c not in {h.strip().casefold() for h in header}]
    if missing:
        raise SourceError(f"{path}: line 1: missing column(s) {', '.join(missing)} (need {SITE_COLUMNS})")


def coordinate(text: str, limit: float, name: str) -> float | None:
    """A latitude or longitude in decimal degrees, None when blank; a RecordError when bad."""
    if not text.strip():
        return None
    try:
        value = float(text)
    except ValueError as exc:
        raise RecordError(f"not a number: '{text}'", field=name) from exc
    if not -limit <= value <= limit:
        raise RecordError(f"out of range ±{limit:g}: {value}", field=name)
    return value


def site_of(row: Mapping[str, str]) -> Site:
    """One row as a Site."""
    cells = {k.strip().casefold(): (v or "").strip() for k, v in row.items() if k}
    if not cells.get("site"):
        raise RecordError("no site name", field="site")
    return Site(
        name=cells["site"],
        type=cells.get("type") or None,
        latitude=coordinate(cells.get("latitude", ""), 90, "latitude"),
        longitude=coordinate(cells.get("longitude", ""), 180, "longitude"),
        address=cells.get("address") or None,
    )


def parse_sites(
    rows: Iterable[tuple[int, Mapping[str, str]]], path: str
) -> tuple[dict[str, Site], list[Issue]]:
    """Sites by name from (line number, row) pairs; a bad or repeated row is an Issue, not a crash."""
    sites: dict[str, Site] = {}
    issues: list[Issue] = []
    for line, row in rows:
        try:
            site = site_of(row)
        except RecordError as exc:
            issues.append(Issue(path, f"line {line}", exc.field, f"{exc}: row skipped"))
            continue
        if site.name in sites:
            issues.append(Issue(path, f"line {line}", "site", f"site '{site.name}' repeated: first row kept"))
            continue
        sites[site.name] = site
    return sites, issues
