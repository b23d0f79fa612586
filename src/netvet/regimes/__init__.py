"""The regimes: one module each, one determination each, as of a date."""

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
from netvet.regimes.base import Determine, RegimeKB
from netvet.regimes.funding import FundingKind, classify_funding, funding_group, funding_kind
from netvet.regimes.jurisdiction import JURISDICTIONS, instrument_regime, regimes_for
from netvet.regimes.listed import covered_list_answer
from netvet.regimes.uses import UseRules, classify_use

REGIMES: dict[str, Determine] = {
    fcc_covered_list.REGIME: covered_list_answer,
    fcc_subsidy.REGIME: fcc_subsidy.determine,
    fcc_annual_report.REGIME: fcc_annual_report.determine,
    fcc_reimbursement.REGIME: fcc_reimbursement.determine,
    ndaa_889.REGIME: ndaa_889.determine,
    icts_791.REGIME: icts_791.determine,
    ear_entity_list.REGIME: ear_entity_list.determine,
    dod_1260h.REGIME: dod_1260h.determine,
}

__all__ = [
    "JURISDICTIONS",
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
    """One determination per regime, in registry order."""
    return tuple(get_regime(r)(attr, ctx, kb, as_of) for r in regimes)


def acquisition_cutoffs(kb: RegimeKB) -> frozenset[date]:
    """Every acquisition day on which some regime's answer can change (besides ownership changes):
    the batch engine groups acquisition dates between these days."""
    return (
        fcc_annual_report.cutoffs(kb)
        | fcc_reimbursement.cutoffs(kb)
        | icts_791.cutoffs(kb)
        | jurisdiction.cutoffs(kb)
    )
