"""Answers shared by the regimes: nothing attributed, no entry applies, evidence disagrees."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from netvet.model import AssetContext, Attribution, Designation, Determination, Status
from netvet.regimes.base import RegimeKB
from netvet.regimes.entities import EntityHit, match_entry

SEVERITY = {Status.NOT_COVERED: 0, Status.UNKNOWN: 1, Status.REVIEW: 2, Status.COVERED: 3}


def unattributed(regime: str, citation: str, version: date | None, attr: Attribution) -> Determination:
    """No maker (and no category entry applies): the asset cannot be ruled in or out."""
    if attr.category is None:
        reason = "no manufacturer or category could be attributed from the evidence"
    else:
        reason = f"maker unknown; its category ({attr.category}) decides nothing alone"
    return Determination(
        regime=regime,
        status=Status.UNKNOWN,
        reason=reason,
        citation=citation,
        entry=None,
        list_version=version,
        missing=("manufacturer",),
    )


def maker_name(kb: RegimeKB, attr: Attribution) -> str:
    """The maker's kb name, or the registry name of an unresolved maker."""
    maker = attr.manufacturer or ""
    found = kb.graph.entities.get(maker)
    return found.name if found else maker.removeprefix("org:")


def no_entry(
    regime: str, citation: str, kb: RegimeKB, attr: Attribution, version: date | None, as_of: date
) -> Determination:
    """The maker is attributed and no entry in force names it or its category."""
    category = f" ({attr.category})" if attr.category else ""
    own = (attr.manufacturer or "").startswith("org:") and attr.manufacturer not in kb.graph.entities
    unlisted = ", which matches no listed entity (screened, not listed)" if own else ""
    reason = (
        f"made by {maker_name(kb, attr)}{category}{unlisted}: no entry in force "
        f"on {as_of.isoformat()} names it, its owners or its category"
    )
    return Determination(
        regime=regime,
        status=Status.NOT_COVERED,
        reason=reason,
        citation=citation,
        entry=None,
        list_version=version,
    )


@dataclass(frozen=True, slots=True)
class Question:
    """One regime's question about one asset: what the doubt checks read."""

    regime: str
    citation: str
    kb: RegimeKB
    attr: Attribution
    entries: Sequence[Designation]
    ctx: AssetContext
    as_of: date
    version: date | None


def first_hit(q: Question, maker: Attribution) -> tuple[Designation, EntityHit] | None:
    """The first entry that reaches a (hypothetical) maker with covered or review."""
    for entry in q.entries:
        hit = match_entry(q.kb.graph, maker, q.ctx, entry, q.as_of)
        if hit is not None and hit.status != Status.NOT_COVERED:
            return entry, hit
    return None


def disagreement(q: Question) -> Determination | None:
    """Review when weaker evidence points at a listed maker the winning evidence does not."""
    for alternate in q.attr.alternates:
        found = first_hit(q, replace(q.attr, manufacturer=alternate, alternates=()))
        if found is not None:
            entry = found[0]
            why = "; ".join(q.attr.contradictions)
            reason = f"evidence disagrees: {why}; the other maker is named by entry {entry.id}"
            missing = ("manufacturer (evidence disagrees)",)
            return Determination(
                regime=q.regime,
                status=Status.REVIEW,
                reason=reason,
                citation=q.citation,
                entry=entry.id,
                list_version=q.version,
                missing=missing,
            )
    return None


def component_doubt(q: Question) -> Determination | None:
    """Review when a listed company made a part inside the device: §889 reaches covered
    equipment used as a substantial or essential component, and FCC 25-71 bars hosts of covered
    modular transmitters; whether this part is such a component is for a person to decide."""
    for entity, name in q.attr.components:
        part = replace(q.attr, manufacturer=entity, alternates=(), components=(), category=None)
        found = first_hit(q, part)
        if found is not None:
            entry, hit = found
            reason = f"contains {name}, {hit.reason}; is that part substantial or essential?"
            missing = ("whether the component is substantial or essential",)
            return Determination(
                regime=q.regime,
                status=Status.REVIEW,
                reason=reason,
                citation=q.citation,
                entry=entry.id,
                list_version=q.version,
                missing=missing,
                path=hit.link.path,
            )
    return None


def doubts(q: Question) -> Determination | None:
    """The first reason to review an asset no entry names: disagreeing evidence, then parts."""
    return disagreement(q) or component_doubt(q)
