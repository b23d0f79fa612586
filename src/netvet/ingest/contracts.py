"""Service contracts (CSV or XLSX): provider, service, start, end, funding, sites. Each row is a
service bought from its provider, read with the inventory's header handling; the provider is
attributed like a maker, and the end date lets a scan flag a covered service's renewal."""

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from netvet.ingest.columns import map_columns
from netvet.ingest.inventory import read_inventory
from netvet.model import Issue, Observation

UNSPECIFIED = "unspecified service"
# A header is a contract list's when it names a provider, a service and the contract's term.
CONTRACT_FIELDS = frozenset({"vendor", "service"})
TERM_FIELDS = frozenset({"acquired", "contract_end"})


def looks_like_contracts(headers: Sequence[str]) -> bool:
    """True when the header names a provider, a service and a start or end date."""
    fields = set(map_columns(headers).fields)
    return fields >= CONTRACT_FIELDS and bool(TERM_FIELDS & fields)


def read_contracts(
    path: Path, *, strict: bool = False, overrides: Mapping[str, str] | None = None
) -> tuple[list[Observation], list[Issue]]:
    """Observations (one service each) and Issues of a contracts file; a row naming no service is
    read as a service of unknown kind, with an Issue."""
    observations, issues = read_inventory(path, strict=strict, overrides=overrides)
    services = []
    for obs in observations:
        if obs.service:
            services.append(obs)
            continue
        issues.append(Issue(obs.source.path, obs.source.locator, "service", "no service named: kind unknown"))
        services.append(replace(obs, service=UNSPECIFIED))
    return services, issues
