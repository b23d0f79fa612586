"""Commerce ICTS rule (15 CFR 791, EO 13873): a transaction is prohibited only by a Final
Determination; a foreign-adversary nexus alone is a risk flag, not a prohibition."""

from datetime import date

from netvet.model import AssetContext, Attribution, Determination, Status
from netvet.regimes.base import RegimeKB
from netvet.regimes.entities import match_entry

REGIME = "icts-791"
LIST_ID = "icts-791"
CITATION = "15 CFR 791.4; 15 CFR 791.109"


def nexus_countries(attr: Attribution, kb: RegimeKB, as_of: date) -> tuple[str, ...]:
    """Foreign adversaries tied to the asset: the maker's and its controller's country of
    incorporation, and the country of production (a §791.100(c) factor)."""
    maker = attr.manufacturer
    controller = (
        kb.graph.controller(maker, as_of) if maker is not None and maker in kb.graph.entities else None
    )
    countries = {kb.country_of(maker), kb.country_of(controller), attr.country_of_production}
    return tuple(sorted(c for c in countries if c and c in kb.adversaries and kb.adversaries[c] <= as_of))


def determine(attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date) -> Determination:
    """Covered under a Final Determination; otherwise not covered, flagged when a nexus exists."""
    final = kb.get_list(LIST_ID)
    found = final_determination(attr, ctx, kb, as_of)
    if found is not None:
        return found
    nexus = nexus_countries(attr, kb, as_of)
    if nexus:
        reason = (
            f"foreign-adversary nexus ({', '.join(nexus)}); no Final Determination covers it, "
            "but such transactions can be reviewed case by case (15 CFR 791.103)"
        )
        flags = ("foreign-adversary-nexus",)
        return Determination(REGIME, Status.NOT_COVERED, reason, CITATION, None, final.version, flags=flags)
    if attr.is_unknown and attr.country_of_production is None:
        reason = "maker and country of production unknown: foreign-adversary nexus cannot be assessed"
        return Determination(REGIME, Status.UNKNOWN, reason, CITATION, None, final.version, ("manufacturer",))
    reason = "no foreign-adversary nexus found in the maker, its controller or the country of production"
    return Determination(REGIME, Status.NOT_COVERED, reason, CITATION, None, final.version)


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
                REGIME, hit.status, reason, entry.citation, entry.id, version, hit.missing, hit.link.path
            )
    return None
