"""A FindingRecord to and from its JSON object: the one place the contract record is written
and read. Parsing is strict about types and lenient about absence: fields added over time (and
absent from older stored runs) take their defaults, a wrong type is a RecordError naming the field."""

from collections.abc import Callable
from typing import TypeVar

from netvet.findings.record import (
    FindingRecord,
    Json,
    LineageLine,
    NetworkPartLine,
    Party,
    RenewalDue,
    iso,
)
from netvet.model.applied import AppliedMitigation, AppliedReview, Decision
from netvet.model.finding import Determination

T = TypeVar("T")


def determination_json(d: Determination) -> Json:
    """One determination."""
    return {
        "regime": d.regime,
        "status": str(d.status),
        "entry": d.entry,
        "list_version": iso(d.list_version),
        "citation": d.citation,
        "reason": d.reason,
        "missing": list(d.missing),
        "path": list(d.path),
        "flags": list(d.flags),
        "informational": d.informational,
        "updates_allowed_until": iso(d.updates_allowed_until),
        "deadline": iso(d.deadline),
    }


def review_json(review: AppliedReview) -> Json:
    """The decision in force on a finding, as outputs show it."""
    return decision_json(review.decision)


def decision_json(d: Decision) -> Json:
    """A review decision as outputs show it (findings, screening answers, decision lists)."""
    return {
        "id": d.id,
        "subject": d.subject,
        "entity": d.target,
        "decision": str(d.kind),
        "reason": d.reason,
        "author": d.author,
        "made": d.created_at.isoformat(timespec="seconds"),
        "expires": iso(d.expires),
    }


def mitigation_json(m: AppliedMitigation) -> Json:
    """The record's `mitigation` object."""
    return {
        "agreement": m.agreement,
        "kind": m.kind,
        "counterparty": m.counterparty,
        "status": m.status,
        "problems": list(m.problems),
        "next_audit_due": iso(m.next_audit_due),
        "next_report_due": iso(m.next_report_due),
        "ends": iso(m.ends),
        "open_breaches": m.open_breaches,
        "case": m.case,
        "mitigates": list(m.mitigates),
        "informational_for": list(m.informational_for),
        "effect": m.effect,
        "also": list(m.also),
    }


def optional(value: T | None, to_json: Callable[[T], Json]) -> Json | None:
    """to_json(value), or None."""
    return None if value is None else to_json(value)


def record_json(r: FindingRecord) -> Json:
    """The contract object of a record, keys in the contract's order."""
    found: Json = {
        "asset": r.asset,
        "sources": [{"path": s.path, "locator": s.locator} for s in r.sources],
        "identifiers": r.identifiers.to_json(),
        "manufacturer": optional(r.manufacturer, Party.to_json),
        "controller": optional(r.controller, Party.to_json),
        "brand": r.brand,
        "model": r.model,
        "category": r.category,
        "country_of_production": r.country_of_production,
        "confidence": r.confidence,
        "evidence": [e.to_json() for e in r.evidence],
        "contradictions": list(r.contradictions),
        "lineage": optional(r.lineage, LineageLine.to_json),
        "unknown_reason": r.unknown_reason,
        "site": r.site,
        "intended_use": r.intended_use,
        "use_class": r.use_class,
        "acquired": iso(r.acquired),
        "first_authorized": iso(r.first_authorized),
        "conditional_approval": r.conditional_approval,
        "funding": r.funding,
        "cost": r.cost,
        "network_part": optional(r.network_part, NetworkPartLine.to_json),
        "generation": list(r.generation),
        "determinations": [determination_json(d) for d in r.determinations],
        "verdict": str(r.verdict),
        "service": r.service,
        "service_text": r.service_text,
        "serviced_by": optional(r.serviced_by, Party.to_json),
        "contract_end": iso(r.contract_end),
        "renewal_due": optional(r.renewal_due, RenewalDue.to_json),
    }
    return found | applied_json(r)


def applied_json(r: FindingRecord) -> Json:
    """The review (and the verdict a false positive cleared) and the mitigation, when set."""
    found: Json = {}
    if r.review is not None:
        found["review"] = review_json(r.review)
        if r.review.verdict_before is not None:
            found["verdict_before_review"] = str(r.review.verdict_before)
    if r.mitigation is not None:
        found["mitigation"] = mitigation_json(r.mitigation)
    return found
