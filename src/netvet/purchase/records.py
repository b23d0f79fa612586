"""Line reviews as plain records: the review-purchase JSON contract (one object per line)."""

from collections.abc import Mapping
from typing import Any

from netvet.model import Entity, Observation
from netvet.purchase.model import Fact, LineReview, RegimeDecision
from netvet.regimes.services import category_service, classify_service
from netvet.report.records import determination_record, iso, party

Record = dict[str, Any]


def regime_record(r: RegimeDecision) -> Record:
    """A determination in the scan shape, with the purchase decision and whose answer it is."""
    return {**determination_record(r.determination), "decision": str(r.decision), "party": r.party}


def fact_record(fact: Fact | None) -> Record | None:
    """A register fact: value, decision, reason, reference and missing facts."""
    if fact is None:
        return None
    return {
        "value": fact.value,
        "decision": str(fact.decision),
        "reason": fact.reason,
        "reference": fact.reference,
        "missing": list(fact.missing),
    }


def product_record(review: LineReview, entities: Mapping[str, Entity]) -> Record:
    """What the line says about the product and how it was attributed."""
    obs, attr = review.line.observation, review.attribution
    supplier = review.supplier
    return {
        "supplier": None
        if supplier is None
        else {"name": supplier.text, "entity": party(entities, supplier.entity), "score": supplier.score},
        "manufacturer": party(entities, attr.manufacturer) if attr else None,
        "manufacturer_text": obs.vendor if obs else None,
        "model": obs.model if obs else None,
        "category": str(attr.category) if attr and attr.category else None,
        "country_of_production": attr.country_of_production if attr else None,
        "quantity": review.line.quantity,
        "funding": obs.funding if obs else None,
        "intended_use": obs.intended_use if obs else None,
        "site": obs.site if obs else None,
        "first_authorized": iso(obs.first_authorized) if obs else None,
        "service": obs.service if obs else None,
        "service_type": service_kind(obs),
    }


def service_kind(obs: Observation | None) -> str | None:
    """The kind of service the line buys, if it is a service and its text names a kind."""
    kind = (classify_service(obs.service) or category_service(obs.category)) if obs else None
    return str(kind) if kind else None


def review_record(review: LineReview, entities: Mapping[str, Entity]) -> Record:
    """The contract object for one purchase line."""
    source = review.line.observation.source.path if review.line.observation else None
    return {
        "line": review.line.line,
        "decision": str(review.decision),
        "determinations": [regime_record(r) for r in review.regimes],
        "missing": list(review.missing),
        "reasons": list(review.reasons),
        "source": source,
        **product_record(review, entities),
        "conditional_approval": fact_record(review.approval),
        "qualification": fact_record(review.qualification),
        "issues": [i.describe() for i in review.line.issues],
    }
