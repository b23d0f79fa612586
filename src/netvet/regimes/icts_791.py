"""Commerce ICTS rule (15 CFR 791, EO 13873): a transaction is prohibited only by a Final
Determination; a foreign-adversary nexus (by ownership, control, jurisdiction or direction, or by
who services and updates the equipment) is a risk flag with the §791.103(c) criteria scored, not a
prohibition."""

from datetime import date

from netvet.model import AssetContext, Attribution, Determination, Status
from netvet.regimes.base import RegimeKB
from netvet.regimes.entities import match_entry
from netvet.regimes.icts_factors import describe_factors, factor_flags, find_nexus, score_factors

REGIME = "icts-791"
LIST_ID = "icts-791"
CITATION = "15 CFR 791.4; 15 CFR 791.109"
# 15 CFR 791.3(a)(4): transactions initiated, pending or completed on or after 19 Jan 2021.
SCOPE_START = date(2021, 1, 19)


def determine(attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date) -> Determination:
    """Covered under a Final Determination; otherwise not covered, flagged when a nexus exists."""
    final = kb.get_list(LIST_ID)
    found = final_determination(attr, ctx, kb, as_of)
    if found is not None:
        return found
    nexus = find_nexus(attr, ctx, kb, as_of)
    if nexus.limbs:
        scores = score_factors(attr, ctx, nexus)
        limbs = ", ".join(f"{name} ({country})" for name, country in nexus.limbs)
        reason = (
            f"foreign-adversary nexus by {limbs}; no Final Determination covers it, but such "
            f"transactions can be reviewed case by case (15 CFR 791.103); {describe_factors(scores)}"
        )
        flags = factor_flags(nexus, scores) + grandfather_flags(ctx)
        reason += ongoing_note(ctx)
        return Determination(
            regime=REGIME,
            status=Status.NOT_COVERED,
            reason=reason,
            citation=CITATION,
            entry=None,
            list_version=final.version,
            flags=flags,
        )
    if (
        attr.is_unknown
        and attr.country_of_production is None
        and not (ctx.serviced_by or ctx.service_country)
    ):
        reason = "maker and country of production unknown: foreign-adversary nexus cannot be assessed"
        return Determination(
            regime=REGIME,
            status=Status.UNKNOWN,
            reason=reason,
            citation=CITATION,
            entry=None,
            list_version=final.version,
            missing=("manufacturer",),
        )
    reason = (
        "no foreign-adversary nexus found in the maker, its owners, the country of production or its servicer"
    )
    return Determination(
        regime=REGIME,
        status=Status.NOT_COVERED,
        reason=reason,
        citation=CITATION,
        entry=None,
        list_version=final.version,
    )


def grandfather_flags(ctx: AssetContext) -> tuple[str, ...]:
    """Acquired before the rule's scope began: the acquisition is outside it, later acts are not."""
    return ("acquired-before-scope",) if ctx.acquired is not None and ctx.acquired < SCOPE_START else ()


def ongoing_note(ctx: AssetContext) -> str:
    """Updates, repairs and managed services after 2021-01-19 are new ICTS transactions."""
    if ctx.acquired is None or ctx.acquired >= SCOPE_START:
        return ""
    return (
        f"; acquired before {SCOPE_START.isoformat()}, but updates, repairs and managed services "
        "since then are new ICTS transactions (no grandfathering)"
    )


def final_determination(
    attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date
) -> Determination | None:
    """The answer of the first Final Determination in force that reaches the maker."""
    final = kb.get_list(LIST_ID)
    for entry in final.in_force(as_of):
        hit = match_entry(kb.graph, attr, ctx, entry, as_of)
        if hit is not None:
            reason = f"{hit.reason}; Final Determination {entry.id}"
            version = final.version
            return Determination(
                regime=REGIME,
                status=hit.status,
                reason=reason,
                citation=entry.citation,
                entry=entry.id,
                list_version=version,
                missing=hit.missing,
                path=hit.link.path,
            )
    return None


def cutoffs(kb: RegimeKB) -> frozenset[date]:
    """Acquisition days on which the answer can change."""
    return frozenset({SCOPE_START})
