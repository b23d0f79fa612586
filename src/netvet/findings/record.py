"""A finding as the JSON contract of DESIGN.md shows it, typed: kb ids resolved to names, the
controller found in the ownership graph, dates as dates. Built once per finding (`record_of` in
`report.records`); `to_json()` is the contract object, the one place it is made, and
`FindingRecord.from_json` reads a stored one back (`report.record_json`). The store saves these,
and the reports and the service read them."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from netvet.model.applied import AppliedMitigation, AppliedReview
from netvet.model.finding import Determination
from netvet.model.sources import SourceRef
from netvet.model.vocab import Verdict

Json = dict[str, Any]


def iso(day: date | None) -> str | None:
    """A date as YYYY-MM-DD, or None."""
    return day.isoformat() if day else None


@dataclass(frozen=True, slots=True)
class Party:
    """A kb entity by id and name (id None: a registrant name the kb does not know)."""

    id: str | None
    name: str
    country: str | None = None

    def to_json(self) -> Json:
        """{'id', 'name', 'country'}."""
        return {"id": self.id, "name": self.name, "country": self.country}


@dataclass(frozen=True, slots=True)
class Identifiers:
    """MACs, IPs, hostname and serial seen for the asset."""

    mac: tuple[str, ...] = ()
    ip: tuple[str, ...] = ()
    hostname: str | None = None
    serial: str | None = None

    def to_json(self) -> Json:
        """{'mac', 'ip', 'hostname', 'serial'}."""
        return {"mac": list(self.mac), "ip": list(self.ip), "hostname": self.hostname, "serial": self.serial}


@dataclass(frozen=True, slots=True)
class EvidenceLine:
    """One evidence item as reported: the rule, what it saw, what it claims, its tier's label."""

    kind: str
    rule: str
    value: str
    claims: str | None
    tier: str
    reason: str

    def to_json(self) -> Json:
        """The evidence object."""
        return {
            "kind": self.kind,
            "rule": self.rule,
            "value": self.value,
            "claims": self.claims,
            "tier": self.tier,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class LineageLine:
    """The product line that changed hands, its maker on the acquisition date and today."""

    product: str
    acquired: date | None
    maker_then: Party | None
    maker_now: Party | None

    def to_json(self) -> Json:
        """The lineage object."""
        return {
            "product": self.product,
            "acquired": iso(self.acquired),
            "maker_then": self.maker_then.to_json() if self.maker_then else None,
            "maker_now": self.maker_now.to_json() if self.maker_now else None,
        }


@dataclass(frozen=True, slots=True)
class NetworkPartLine:
    """The network part: the inventory's, or the one a category implies (`source` says which)."""

    value: str
    inferred: bool
    source: str

    def to_json(self) -> Json:
        """{'value', 'inferred', 'from'}."""
        return {"value": self.value, "inferred": self.inferred, "from": self.source}


@dataclass(frozen=True, slots=True)
class RenewalDue:
    """The contract end that is due for a covered or review service, and the days left."""

    date: date
    days_left: int

    def to_json(self) -> Json:
        """{'date', 'days_left'}."""
        return {"date": self.date.isoformat(), "days_left": self.days_left}


@dataclass(frozen=True, slots=True, kw_only=True)
class FindingRecord:
    """One finding in the contract's terms; field order is the JSON key order."""

    asset: str
    sources: tuple[SourceRef, ...] = ()
    identifiers: Identifiers = Identifiers()
    manufacturer: Party | None = None
    controller: Party | None = None
    brand: str | None = None
    model: str | None = None
    category: str | None = None
    country_of_production: str | None = None
    confidence: float = 0.0
    evidence: tuple[EvidenceLine, ...] = ()
    contradictions: tuple[str, ...] = ()
    lineage: LineageLine | None = None
    unknown_reason: str | None = None
    site: str | None = None
    intended_use: str | None = None
    use_class: str = "unknown"
    acquired: date | None = None
    first_authorized: date | None = None
    conditional_approval: bool | None = None
    funding: str | None = None
    cost: float | None = None
    network_part: NetworkPartLine | None = None
    generation: tuple[str, ...] = ()
    determinations: tuple[Determination, ...] = ()
    verdict: Verdict
    service: str | None = None
    service_text: str | None = None
    serviced_by: Party | None = None
    contract_end: date | None = None
    renewal_due: RenewalDue | None = None
    review: AppliedReview | None = None
    mitigation: AppliedMitigation | None = None

    def determination(self, regime: str) -> Determination | None:
        """The determination under one regime, or None when the run did not ask it."""
        return next((d for d in self.determinations if d.regime == regime), None)

    def status(self, regime: str) -> str | None:
        """The status under one regime as its string, or None when not asked."""
        found = self.determination(regime)
        return str(found.status) if found else None

    def to_json(self) -> Json:
        """The contract object (`review`, `verdict_before_review` and `mitigation` only when set)."""
        from netvet.findings.to_json import record_json

        return record_json(self)

    @classmethod
    def from_json(cls, data: object) -> "FindingRecord":
        """A record read back from its JSON object; a RecordError names the field that is wrong."""
        from netvet.findings.parse import parse_record

        return parse_record(data)
