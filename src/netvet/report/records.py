"""Findings as plain records in the JSON contract of DESIGN.md (one object per asset)."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from netvet.attribute.unknown import explain_unknown
from netvet.model import Determination, Entity, Evidence, Finding, Lineage, OwnershipGraph, Verdict
from netvet.regimes.network_parts import network_part_of

Record = dict[str, Any]


def party(entities: Mapping[str, Entity], entity_id: str | None) -> Record | None:
    """{'id', 'name', 'country'} of a kb entity, or of a registrant the kb does not know."""
    if entity_id is None:
        return None
    if entity_id.startswith("org:"):
        return {"id": None, "name": entity_id.removeprefix("org:"), "country": None}
    found = entities.get(entity_id)
    if found is None:
        return {"id": entity_id, "name": entity_id, "country": None}
    return {"id": found.id, "name": found.name, "country": found.country}


def iso(day: date | None) -> str | None:
    """A date as YYYY-MM-DD, or None."""
    return day.isoformat() if day else None


def evidence_record(ev: Evidence) -> Record:
    """One evidence item."""
    return {
        "kind": ev.kind,
        "rule": ev.rule,
        "value": ev.value,
        "claims": ev.claims,
        "tier": ev.tier.label,
        "reason": ev.reason,
    }


def lineage_record(
    entities: Mapping[str, Entity], lineage: Lineage | None, acquired: date | None
) -> Record | None:
    """The product line that changed hands, its maker on the acquisition date and today."""
    if lineage is None:
        return None
    return {
        "product": lineage.product,
        "acquired": acquired.isoformat() if acquired else None,
        "maker_then": party(entities, lineage.maker_then),
        "maker_now": party(entities, lineage.maker_now),
    }


def determination_record(d: Determination) -> Record:
    """One determination."""
    return {
        "regime": d.regime,
        "status": str(d.status),
        "entry": d.entry,
        "list_version": d.list_version.isoformat() if d.list_version else None,
        "citation": d.citation,
        "reason": d.reason,
        "missing": list(d.missing),
        "path": list(d.path),
        "flags": list(d.flags),
        "informational": d.informational,
        "updates_allowed_until": d.updates_allowed_until.isoformat() if d.updates_allowed_until else None,
        "deadline": iso(d.deadline),
    }


def network_part_record(finding: Finding) -> Record | None:
    """{'value', 'inferred', 'from'}: the inventory's network part, or the one its category implies."""
    found = network_part_of(finding.context, finding.attribution)
    if found.part is None:
        return None
    source = f"category {found.category}" if found.inferred else "inventory"
    return {"value": str(found.part), "inferred": found.inferred, "from": source}


def identifiers(finding: Finding) -> Record:
    """MACs, IPs, hostname and serial seen for the asset."""
    obs = finding.observations
    return {
        "mac": sorted({o.mac for o in obs if o.mac}),
        "ip": sorted({o.ip for o in obs if o.ip}),
        "hostname": next((o.hostname for o in obs if o.hostname), None),
        "serial": next((o.serial for o in obs if o.serial), None),
    }


def finding_record(
    finding: Finding, entities: Mapping[str, Entity], graph: OwnershipGraph, as_of: date
) -> Record:
    """The contract object for one finding."""
    attr = finding.attribution
    maker = attr.manufacturer
    controller = graph.controller(maker, as_of) if maker is not None and maker in graph.entities else None
    first = finding.observations[0]
    return {
        "asset": finding.asset,
        "sources": [{"path": o.source.path, "locator": o.source.locator} for o in finding.observations],
        "identifiers": identifiers(finding),
        "manufacturer": party(entities, maker),
        "controller": party(entities, controller) if controller and controller != maker else None,
        "brand": attr.brand,
        "model": attr.model,
        "category": str(attr.category) if attr.category else None,
        "country_of_production": attr.country_of_production,
        "confidence": attr.confidence,
        "evidence": [evidence_record(e) for e in attr.evidence],
        "contradictions": list(attr.contradictions),
        "lineage": lineage_record(entities, attr.lineage, finding.context.acquired),
        "unknown_reason": explain_unknown(attr, finding.observations),
        "site": first.site,
        "intended_use": finding.context.use_text,
        "use_class": str(finding.context.use),
        "acquired": iso(finding.context.acquired),
        "first_authorized": iso(finding.context.first_authorized),
        "conditional_approval": finding.context.conditional_approval,
        "funding": finding.context.funding,
        "cost": first.cost,
        "network_part": network_part_record(finding),
        "generation": [str(g) for g in finding.context.generation],
        "determinations": [determination_record(d) for d in finding.determinations],
        "verdict": str(finding.verdict),
        **service_record(finding, entities, as_of),
    }


def service_record(finding: Finding, entities: Mapping[str, Entity], as_of: date) -> Record:
    """The service fields: which service, who services it, the contract's end and, for a
    covered or review service, the renewal or end that is due (days left as of the as-of date)."""
    ctx, first = finding.context, finding.observations[0]
    end = first.contract_end
    flagged = finding.verdict in (Verdict.COVERED, Verdict.REVIEW) and end is not None
    due = {"date": end.isoformat(), "days_left": (end - as_of).days} if flagged and end else None
    named = f"org:{first.serviced_by}" if first.serviced_by else None
    return {
        "service": str(ctx.service) if ctx.service else None,
        "service_text": ctx.service_text,
        "serviced_by": party(entities, ctx.serviced_by or named),
        "contract_end": iso(end),
        "renewal_due": due,
    }
