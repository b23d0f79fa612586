"""What the regimes built on the Covered List share: its entry, its 60-day clocks, its answer restated."""

from dataclasses import replace
from datetime import date, timedelta

from netvet.model import Designation, Determination, Status
from netvet.regimes import fcc_covered_list
from netvet.regimes.base import RegimeKB

# 47 CFR 54.10(c) and 1.50007: obligations start 60 days after an item is placed on the list;
# items on the initial list count as placed on its publication day (2021-03-12).
EFFECT_DELAY = timedelta(days=60)
INITIAL_LIST = date(2021, 3, 12)


def entry_of(kb: RegimeKB, entry_id: str | None) -> Designation | None:
    """A Covered List entry by id (None when the answer names none)."""
    entries = kb.get_list(fcc_covered_list.LIST_ID).entries
    return next((e for e in entries if e.id == entry_id), None)


def effective_from(entry: Designation) -> date:
    """The day an entry's subsidy ban and reporting duty start: 60 days after it was listed."""
    return entry.date_added + EFFECT_DELAY


def carried(listed: Determination, regime: str, citation: str) -> Determination:
    """The Covered List's not-covered or unknown answer, restated for a regime built on it."""
    prefix = "not on the Covered List" if listed.status == Status.NOT_COVERED else "Covered List"
    return replace(
        listed, regime=regime, citation=citation, reason=f"{prefix}: {listed.reason}", informational=False
    )


def clock_days(kb: RegimeKB) -> frozenset[date]:
    """Every day a 60-day clock of a Covered List entry starts."""
    return frozenset(effective_from(e) for e in kb.get_list(fcc_covered_list.LIST_ID).entries)
