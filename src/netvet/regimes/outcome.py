"""Answers shared by the regimes: nothing attributed, no entry applies, evidence disagrees."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from netvet.model import AssetContext, Attribution, Designation, Determination, Status
from netvet.regimes.base import RegimeKB
from netvet.regimes.entities import match_entry

SEVERITY = {Status.NOT_COVERED: 0, Status.UNKNOWN: 1, Status.REVIEW: 2, Status.COVERED: 3}


def unattributed(regime: str, citation: str, version: date | None, attr: Attribution) -> Determination:
    """No maker (and no category entry applies): the asset cannot be ruled in or out."""
    if attr.category is None:
        reason = "no manufacturer or category could be attributed from the evidence"
    else:
        reason = f"maker unknown; its category ({attr.category}) decides nothing alone"
    return Determination(regime, Status.UNKNOWN, reason, citation, None, version, ("manufacturer",))


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
    reason = (
        f"made by {maker_name(kb, attr)}{category}: no entry in force "
        f"on {as_of.isoformat()} names it, its owners or its category"
    )
    return Determination(regime, Status.NOT_COVERED, reason, citation, None, version)


def disagreement(
    regime: str,
    citation: str,
    kb: RegimeKB,
    attr: Attribution,
    entries: Sequence[Designation],
    ctx: AssetContext,
    as_of: date,
    version: date | None,
) -> Determination | None:
    """Review when weaker evidence points at a listed maker the winning evidence does not."""
    for alternate in attr.alternates:
        other = replace(attr, manufacturer=alternate, alternates=())
        for entry in entries:
            hit = match_entry(kb.graph, other, ctx, entry, as_of)
            if hit is not None and hit.status != Status.NOT_COVERED:
                reason = (
                    f"evidence disagrees: {'; '.join(attr.contradictions)}; the "
                    f"other maker is named by entry {entry.id}"
                )
                return Determination(
                    regime,
                    Status.REVIEW,
                    reason,
                    citation,
                    entry.id,
                    version,
                    ("manufacturer (evidence disagrees)",),
                )
    return None


def component_doubt(
    regime: str,
    citation: str,
    kb: RegimeKB,
    attr: Attribution,
    entries: Sequence[Designation],
    ctx: AssetContext,
    as_of: date,
    version: date | None,
) -> Determination | None:
    """Review when a listed company made a part inside the device: §889 reaches covered
    equipment used as a substantial or essential component, and FCC 25-71 bars hosts of covered
    modular transmitters; whether this part is such a component is for a person to decide."""
    for entity, name in attr.components:
        part = replace(attr, manufacturer=entity, alternates=(), components=(), category=None)
        for entry in entries:
            hit = match_entry(kb.graph, part, ctx, entry, as_of)
            if hit is not None and hit.status != Status.NOT_COVERED:
                reason = f"contains {name}, {hit.reason}; is that part substantial or essential?"
                missing = ("whether the component is substantial or essential",)
                return Determination(
                    regime, Status.REVIEW, reason, citation, entry.id, version, missing, hit.link.path
                )
    return None


def doubts(
    regime: str,
    citation: str,
    kb: RegimeKB,
    attr: Attribution,
    entries: Sequence[Designation],
    ctx: AssetContext,
    as_of: date,
    version: date | None,
) -> Determination | None:
    """The first reason to review an asset no entry names: disagreeing evidence, then parts."""
    args = (regime, citation, kb, attr, entries, ctx, as_of, version)
    return disagreement(*args) or component_doubt(*args)
