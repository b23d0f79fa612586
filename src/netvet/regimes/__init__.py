"""The regimes: one module each, one determination each, as of a date."""

from collections.abc import Callable
from datetime import date

from netvet.errors import registry_entry
from netvet.model import AssetContext, Attribution, Determination
from netvet.regimes import (
    dod_1260h,
    ear_entity_list,
    fcc_annual_report,
    fcc_covered_list,
    fcc_reimbursement,
    fcc_subsidy,
    icts_791,
    jurisdiction,
    ndaa_889,
)
from netvet.regimes.base import Determine, DetermineOnList, RegimeKB
from netvet.regimes.funding import FundingKind, classify_funding, funding_group, funding_kind
from netvet.regimes.jurisdiction import JURISDICTIONS, instrument_regime, regimes_for
from netvet.regimes.uses import UseRules, classify_use

REGIMES: dict[str, Determine] = {
    fcc_covered_list.REGIME: fcc_covered_list.determine,
    fcc_subsidy.REGIME: fcc_subsidy.determine,
    fcc_annual_report.REGIME: fcc_annual_report.determine,
    fcc_reimbursement.REGIME: fcc_reimbursement.determine,
    ndaa_889.REGIME: ndaa_889.determine,
    icts_791.REGIME: icts_791.determine,
    ear_entity_list.REGIME: ear_entity_list.determine,
    dod_1260h.REGIME: dod_1260h.determine,
}
# The regimes built on the Covered List's answer: determine_all computes that answer once per
# asset and hands it to each of them (no memo hides inside the kb).
ON_COVERED_LIST: dict[str, DetermineOnList] = {
    fcc_subsidy.REGIME: fcc_subsidy.determine_on,
    fcc_annual_report.REGIME: fcc_annual_report.determine_on,
}

__all__ = [
    "CUTOFFS",
    "JURISDICTIONS",
    "ON_COVERED_LIST",
    "REGIMES",
    "FundingKind",
    "RegimeKB",
    "UseRules",
    "acquisition_cutoffs",
    "classify_funding",
    "classify_use",
    "determine_all",
    "funding_group",
    "funding_kind",
    "get_regime",
    "jurisdiction_regimes",
]


def get_regime(regime_id: str) -> Determine:
    """A regime's determine function by its stable id; ids that begin with another
    jurisdiction's code ('uk-', 'de-', ...) read their instrument record from the kb."""
    if regime_id.split("-", 1)[0] in JURISDICTIONS[1:]:
        return instrument_regime(regime_id)
    return registry_entry(REGIMES, regime_id, "regime")


def jurisdiction_regimes(codes: tuple[str, ...], kb: RegimeKB) -> tuple[str, ...]:
    """The regime ids of the chosen jurisdictions ('us' is the US regimes of this registry)."""
    return regimes_for(codes, kb, tuple(REGIMES))


def determine_all(
    attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date, regimes: tuple[str, ...] = tuple(REGIMES)
) -> tuple[Determination, ...]:
    """One determination per regime, in the order asked; the Covered List's answer is computed
    once and handed to the regimes built on it."""
    builds_on_list = any(r in ON_COVERED_LIST for r in regimes)
    listed = fcc_covered_list.determine(attr, ctx, kb, as_of) if builds_on_list else None
    return tuple(determine_one(r, attr, ctx, kb, as_of, listed) for r in regimes)


def determine_one(
    regime_id: str,
    attr: Attribution,
    ctx: AssetContext,
    kb: RegimeKB,
    as_of: date,
    listed: Determination | None,
) -> Determination:
    """One regime's determination, reusing the Covered List's answer when it was computed."""
    if listed is not None and regime_id == fcc_covered_list.REGIME:
        return listed
    if listed is not None and regime_id in ON_COVERED_LIST:
        return ON_COVERED_LIST[regime_id](attr, ctx, kb, as_of, listed)
    return get_regime(regime_id)(attr, ctx, kb, as_of)


# The acquisition days each regime compares a purchase date with; other jurisdictions'
# instruments compare it with their obligations' days (jurisdiction.cutoffs).
CUTOFFS: dict[str, Callable[[RegimeKB], frozenset[date]]] = {
    fcc_annual_report.REGIME: fcc_annual_report.cutoffs,
    fcc_reimbursement.REGIME: fcc_reimbursement.cutoffs,
    icts_791.REGIME: icts_791.cutoffs,
}


def acquisition_cutoffs(kb: RegimeKB, regimes: tuple[str, ...] = tuple(REGIMES)) -> frozenset[date]:
    """Every acquisition day on which the answer of one of the regimes asked can change (besides
    ownership changes): the batch engine groups acquisition dates between these days."""
    days = frozenset(d for r in regimes if r in CUTOFFS for d in CUTOFFS[r](kb))
    return days | jurisdiction.cutoffs(kb) if any(r not in REGIMES for r in regimes) else days
