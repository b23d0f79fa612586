"""The regimes: one module each, one determination each, as of a date."""

from datetime import date

from netvet.errors import registry_entry
from netvet.model import AssetContext, Attribution, Determination
from netvet.regimes import dod_1260h, fcc_covered_list, icts_791, ndaa_889
from netvet.regimes.base import Determine, RegimeKB
from netvet.regimes.uses import UseRules, classify_use

REGIMES: dict[str, Determine] = {
    fcc_covered_list.REGIME: fcc_covered_list.determine,
    ndaa_889.REGIME: ndaa_889.determine,
    icts_791.REGIME: icts_791.determine,
    dod_1260h.REGIME: dod_1260h.determine,
}

__all__ = ["REGIMES", "RegimeKB", "UseRules", "classify_use", "determine_all", "get_regime"]


def get_regime(regime_id: str) -> Determine:
    """A regime's determine function by its stable id."""
    return registry_entry(REGIMES, regime_id, "regime")


def determine_all(
    attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date, regimes: tuple[str, ...] = tuple(REGIMES)
) -> tuple[Determination, ...]:
    """One determination per regime, in registry order."""
    return tuple(get_regime(r)(attr, ctx, kb, as_of) for r in regimes)
