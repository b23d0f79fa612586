"""Findings as records in the JSON contract of DESIGN.md (one object per asset): `record_of`
resolves a finding against the kb once into a typed FindingRecord; `finding_record` is its JSON."""

from collections.abc import Mapping
from datetime import date
from typing import Any, TypedDict

from netvet.attribute.unknown import explain_unknown
from netvet.findings.record import (
    EvidenceLine,
    FindingRecord,
    Identifiers,
    LineageLine,
    NetworkPartLine,
    Party,
    RenewalDue,
    iso,
)
from netvet.findings.to_json import determination_json
from netvet.model import Determination, Entity, Evidence, Finding, Lineage, OwnershipGraph, Verdict
from netvet.regimes.network_parts import network_part_of

Record = dict[str, Any]

__all__ = ["Record", "determination_record", "finding_record", "iso", "party", "party_of", "record_of"]


def party_of(entities: Mapping[str, Entity], entity_id: str | None) -> Party | None:
    """A kb entity as a Party, or a registrant the kb does not know ('org:' names)."""
    if entity_id is None:
        return None
    if entity_id.startswith("org:"):
        return Party(None, entity_id.removeprefix("org:"))
    found = entities.get(entity_id)
    if found is None:
        return Party(entity_id, entity_id)
    return Party(found.id, found.name, found.country)


def party(entities: Mapping[str, Entity], entity_id: str | None) -> Record | None:
    """{'id', 'name', 'country'} of a kb entity, or of a registrant the kb does not know."""
    found = party_of(entities, entity_id)
    return found.to_json() if found else None


def determination_record(d: Determination) -> Record:
    """One determination as JSON."""
    return determination_json(d)


def evidence_line(ev: Evidence) -> EvidenceLine:
    """One evidence item."""
    return EvidenceLine(ev.kind, ev.rule, ev.value, ev.claims, ev.tier.label, ev.reason)


def lineage_line(
    entities: Mapping[str, Entity], lineage: Lineage | None, acquired: date | None
) -> LineageLine | None:
    """The product line that changed hands, its maker on the acquisition date and today."""
    if lineage is None:
        return None
    return LineageLine(
        lineage.product,
        acquired,
        party_of(entities, lineage.maker_then),
        party_of(entities, lineage.maker_now),
    )


def network_part_line(finding: Finding) -> NetworkPartLine | None:
    """The inventory's network part, or the one its category implies."""
    found = network_part_of(finding.context, finding.attribution)
    if found.part is None:
        return None
    source = f"category {found.category}" if found.inferred else "inventory"
    return NetworkPartLine(str(found.part), found.inferred, source)


def identifiers(finding: Finding) -> Identifiers:
    """MACs, IPs, hostname and serial seen for the asset."""
    obs = finding.observations
    return Identifiers(
        tuple(sorted({o.mac for o in obs if o.mac})),
        tuple(sorted({o.ip for o in obs if o.ip})),
        next((o.hostname for o in obs if o.hostname), None),
        next((o.serial for o in obs if o.serial), None),
    )


def controller_of(
    finding: Finding, entities: Mapping[str, Entity], graph: OwnershipGraph, as_of: date
) -> Party | None:
    """Who controls the maker on the day, when that is another entity."""
    maker = finding.attribution.manufacturer
    controller = graph.controller(maker, as_of) if maker is not None and maker in graph.entities else None
    return party_of(entities, controller) if controller and controller != maker else None


def record_of(
    finding: Finding, entities: Mapping[str, Entity], graph: OwnershipGraph, as_of: date
) -> FindingRecord:
    """The typed contract record of one finding, resolved against the kb."""
    attr, ctx, first = finding.attribution, finding.context, finding.observations[0]
    return FindingRecord(
        asset=finding.asset,
        sources=tuple(o.source for o in finding.observations),
        identifiers=identifiers(finding),
        manufacturer=party_of(entities, attr.manufacturer),
        controller=controller_of(finding, entities, graph, as_of),
        brand=attr.brand,
        model=attr.model,
        category=str(attr.category) if attr.category else None,
        country_of_production=attr.country_of_production,
        confidence=attr.confidence,
        evidence=tuple(evidence_line(e) for e in attr.evidence),
        contradictions=attr.contradictions,
        lineage=lineage_line(entities, attr.lineage, ctx.acquired),
        unknown_reason=explain_unknown(attr, finding.observations),
        site=first.site,
        intended_use=ctx.use_text,
        use_class=str(ctx.use),
        acquired=ctx.acquired,
        first_authorized=ctx.first_authorized,
        conditional_approval=ctx.conditional_approval,
        funding=ctx.funding,
        cost=first.cost,
        network_part=network_part_line(finding),
        generation=tuple(str(g) for g in ctx.generation),
        determinations=finding.determinations,
        verdict=finding.verdict,
        **service_fields(finding, entities, as_of),
        review=finding.review,
        mitigation=finding.mitigation,
    )


class ServiceFields(TypedDict):
    """The record's service fields, as keyword arguments of FindingRecord."""

    service: str | None
    service_text: str | None
    serviced_by: Party | None
    contract_end: date | None
    renewal_due: RenewalDue | None


def service_fields(finding: Finding, entities: Mapping[str, Entity], as_of: date) -> ServiceFields:
    """The service fields: which service, who services it, the contract's end and, for a
    covered or review service, the renewal or end that is due (days left as of the as-of date).
    The renewal is judged on the regimes' verdict, before any review decision."""
    ctx, first = finding.context, finding.observations[0]
    end = first.contract_end
    verdict = (
        finding.review.verdict_before if finding.review and finding.review.verdict_before else finding.verdict
    )
    flagged = verdict in (Verdict.COVERED, Verdict.REVIEW) and end is not None
    named = f"org:{first.serviced_by}" if first.serviced_by else None
    return ServiceFields(
        service=str(ctx.service) if ctx.service else None,
        service_text=ctx.service_text,
        serviced_by=party_of(entities, ctx.serviced_by or named),
        contract_end=end,
        renewal_due=RenewalDue(end, (end - as_of).days) if flagged and end else None,
    )


def finding_record(
    finding: Finding, entities: Mapping[str, Entity], graph: OwnershipGraph, as_of: date
) -> Record:
    """The contract object for one finding."""
    return record_of(finding, entities, graph, as_of).to_json()
