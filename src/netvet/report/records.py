"""Findings as plain records in the JSON contract of DESIGN.md (one object per asset)."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from netvet.attribute.unknown import explain_unknown
from netvet.model import Determination, Entity, Evidence, Finding, Lineage, OwnershipGraph

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


def lineage_record(entities: Mapping[str, Entity], lineage: Lineage | None) -> Record | None:
    """The product line that changed hands, its maker on the acquisition date and today."""
    if lineage is None:
        return None
    return {
        "product": lineage.product,
        "acquired": lineage.day.isoformat(),
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
    }


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
        "lineage": lineage_record(entities, attr.lineage),
        "unknown_reason": explain_unknown(attr, finding.observations),
        "site": first.site,
        "intended_use": finding.context.use_text,
        "use_class": str(finding.context.use),
        "acquired": iso(finding.context.acquired),
        "first_authorized": iso(finding.context.first_authorized),
        "conditional_approval": finding.context.conditional_approval,
        "funding": finding.context.funding,
        "cost": first.cost,
        "determinations": [determination_record(d) for d in finding.determinations],
        "verdict": str(finding.verdict),
    }
