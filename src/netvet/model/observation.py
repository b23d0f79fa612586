"""One piece of raw evidence about one asset, as read from one source."""

from dataclasses import dataclass
from datetime import date

from netvet.model.jurisdiction import Generation, NetworkPart
from netvet.model.sources import SourceRef


@dataclass(frozen=True, slots=True)
class Observation:
    """Everything one input row or record says about an asset; every field is optional."""

    source: SourceRef
    mac: str | None = None
    ip: str | None = None
    hostname: str | None = None
    serial: str | None = None
    vendor: str | None = None
    model: str | None = None
    category: str | None = None
    country_of_production: str | None = None
    acquired: date | None = None
    funding: str | None = None
    site: str | None = None
    intended_use: str | None = None
    cost: float | None = None
    fcc_id: str | None = None
    first_authorized: date | None = None
    conditional_approval: bool | None = None
    sysobjectid: str | None = None
    sysdescr: str | None = None
    components: tuple[tuple[str, str], ...] = ()
    banner: str | None = None
    cpe: tuple[str, ...] = ()
    network_part: NetworkPart | None = None
    generation: tuple[Generation, ...] = ()
    service: str | None = None
    serviced_by: str | None = None
    service_country: str | None = None
    contract_end: date | None = None
    # What the rest of an SNMP walk says: (MIB field, value) of the standard MIBs' maker and
    # description fields, and the private enterprise numbers whose subtrees answered.
    descriptions: tuple[tuple[str, str], ...] = ()
    enterprises: tuple[int, ...] = ()

    @property
    def key(self) -> str:
        """A stable asset key: serial, then MAC, then hostname, then IP, then the locator."""
        if self.serial:
            return f"serial:{self.serial}"
        if self.mac:
            return f"mac:{self.mac}"
        if self.hostname:
            return f"host:{self.hostname}"
        if self.ip:
            return f"ip:{self.ip}"
        return f"{self.source.path}#{self.source.locator}"
