"""FCC Supply Chain Annual Report (47 CFR 1.50007, Secure Networks Act §5): providers of advanced
communications service report covered equipment obtained on or after 2018-08-14, or for items
added to the Covered List later, on or after 60 days after the addition. `covered` = report it."""

from datetime import date

from netvet.model import AssetContext, Attribution, Designation, Determination, Status
from netvet.model.vocab import Flag
from netvet.regimes import fcc_covered_list
from netvet.regimes.base import RegimeKB
from netvet.regimes.listed import INITIAL_LIST, carried, clock_days, effective_from, entry_of

REGIME = "fcc-annual-report"
CITATION = "47 CFR 1.50007; 47 U.S.C. 1604"
# Secure Networks Act §5(b)(1): equipment obtained on or after August 14, 2018.
LOOKBACK = date(2018, 8, 14)


def reporting_from(entry: Designation | None) -> date:
    """The first acquisition day that must be reported for an entry."""
    if entry is None or entry.date_added <= INITIAL_LIST:
        return LOOKBACK
    return effective_from(entry)


def determine(attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date) -> Determination:
    """Covered when a Covered List item was obtained on or after its reporting day."""
    return determine_on(attr, ctx, kb, as_of, fcc_covered_list.determine(attr, ctx, kb, as_of))


def determine_on(
    attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date, listed: Determination
) -> Determination:
    """The reporting duty's answer, given the Covered List's answer for the asset on the day."""
    if listed.status in (Status.NOT_COVERED, Status.UNKNOWN):
        return carried(listed, REGIME, CITATION)
    start = reporting_from(entry_of(kb, listed.entry))
    if ctx.acquired is None:
        reason = f"{listed.reason}; reportable if obtained on or after {start.isoformat()}: date unknown"
        missing = tuple(dict.fromkeys((*listed.missing, "acquisition date")))
        return answer(listed, Status.REVIEW, reason, missing)
    if ctx.acquired < start:
        reason = f"{listed.reason}; obtained before {start.isoformat()}: not reportable"
        return answer(listed, Status.NOT_COVERED, reason, ())
    reason = (
        f"{listed.reason}; obtained on or after {start.isoformat()}: list it in the Supply Chain "
        "Annual Report (due 31 March, status as of 31 December) until removed"
    )
    flags = (Flag.REPORTABLE,) if listed.status == Status.COVERED else ()
    return answer(listed, listed.status, reason, listed.missing, flags)


def answer(
    listed: Determination, status: Status, reason: str, missing: tuple[str, ...], flags: tuple[str, ...] = ()
) -> Determination:
    """This regime's answer, keeping the Covered List's entry, version and ownership path."""
    return Determination(
        regime=REGIME,
        status=status,
        reason=reason,
        citation=CITATION,
        entry=listed.entry,
        list_version=listed.list_version,
        missing=missing,
        path=listed.path,
        flags=flags,
    )


def cutoffs(kb: RegimeKB) -> frozenset[date]:
    """Acquisition days on which the answer can change."""
    return clock_days(kb) | {LOOKBACK}
