"""Secure and Trusted Communications Networks Reimbursement Program (47 U.S.C. 1603; 47 CFR
1.50004): equipment produced by Huawei or ZTE (not the other Covered List entities) obtained on or
before 2020-06-30, removed by a provider with at most 10 million customers including its
affiliates (2 million before the Consolidated Appropriations Act, 2021). `covered` = eligible."""

from datetime import date, timedelta

from netvet.model import AssetContext, Attribution, Determination, Status
from netvet.regimes.base import RegimeKB
from netvet.regimes.entities import EntityHit, match_entry
from netvet.regimes.listed import entry_of
from netvet.regimes.outcome import maker_name, unattributed

REGIME = "fcc-reimbursement"
CITATION = "47 U.S.C. 1603; 47 CFR 1.50004"
PROGRAM_START = date(2020, 3, 12)  # Secure Networks Act signed (Pub. L. 116-124)
CAP_RAISED = date(2020, 12, 27)  # Consolidated Appropriations Act, 2021 §901: 2M -> 10M customers
OBTAINED_BY = date(2020, 6, 30)  # 47 CFR 1.50004(b): obtained on or before June 30, 2020
ELIGIBLE_ENTRIES = ("huawei-2021-03-12", "zte-2021-03-12")


def customer_cap(as_of: date) -> int:
    """The largest eligible provider (customers including affiliates) on the day."""
    return 10_000_000 if as_of >= CAP_RAISED else 2_000_000


def determine(attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date) -> Determination:
    """Eligible, not eligible, or review naming the fact that decides."""
    version = kb.get_list("fcc-covered-list").version
    if as_of < PROGRAM_START:
        reason = (
            f"the reimbursement program starts with the Secure Networks Act ({PROGRAM_START.isoformat()})"
        )
        return Determination(
            regime=REGIME,
            status=Status.NOT_COVERED,
            reason=reason,
            citation=CITATION,
            entry=None,
            list_version=version,
        )
    hit = huawei_or_zte(attr, ctx, kb, as_of)
    if hit is None:
        if attr.is_unknown:
            return unattributed(REGIME, CITATION, version, attr)
        reason = f"made by {maker_name(kb, attr)}: only Huawei and ZTE equipment is reimbursable"
        return answer(None, Status.NOT_COVERED, reason, (), version)
    if hit.status != Status.COVERED:
        return answer(hit, hit.status, hit.reason, hit.missing, version)
    return eligibility(hit, ctx, as_of, version)


def huawei_or_zte(attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date) -> EntityHit | None:
    """The Huawei or ZTE entry that reaches the maker (ownership read on the acquisition day)."""
    for entry_id in ELIGIBLE_ENTRIES:
        entry = entry_of(kb, entry_id)
        hit = match_entry(kb.graph, attr, ctx, entry, as_of) if entry else None
        if hit is not None:
            return hit
    return None


def eligibility(hit: EntityHit, ctx: AssetContext, as_of: date, version: date) -> Determination:
    """The acquisition day and the provider's size decide a Huawei or ZTE item."""
    customers, cap = ctx.organisation.customers, customer_cap(as_of)
    if ctx.acquired is None:
        reason = (
            f"{hit.reason}; eligible only if obtained on or before {OBTAINED_BY.isoformat()}: date unknown"
        )
        return answer(hit, Status.REVIEW, reason, ("acquisition date",), version)
    if ctx.acquired > OBTAINED_BY:
        reason = f"{hit.reason}; obtained after {OBTAINED_BY.isoformat()}: not reimbursable"
        return answer(hit, Status.NOT_COVERED, reason, (), version)
    if customers is None:
        reason = f"{hit.reason}; eligible if the provider has at most {cap:,} customers incl. affiliates"
        return answer(hit, Status.REVIEW, reason, ("customer count (including affiliates)",), version)
    if customers > cap:
        reason = f"{hit.reason}; the provider has {customers:,} customers, above the {cap:,} limit"
        return answer(hit, Status.NOT_COVERED, reason, (), version)
    reason = (
        f"{hit.reason}; obtained on or before {OBTAINED_BY.isoformat()} by a provider with {customers:,} "
        f"customers (limit {cap:,}): eligible for reimbursement of its removal and replacement"
    )
    return answer(hit, Status.COVERED, reason, (), version, ("eligible",))


def answer(
    hit: EntityHit | None,
    status: Status,
    reason: str,
    missing: tuple[str, ...] = (),
    version: date | None = None,
    flags: tuple[str, ...] = (),
) -> Determination:
    """This regime's answer for a hit (or for no hit)."""
    entry = hit.entry.id if hit else None
    path = hit.link.path if hit else ()
    version = version or (hit.entry.list_version if hit else None)
    return Determination(
        regime=REGIME,
        status=status,
        reason=reason,
        citation=CITATION,
        entry=entry,
        list_version=version,
        missing=missing,
        path=path,
        flags=flags,
    )


def cutoffs(kb: RegimeKB) -> frozenset[date]:
    """Acquisition days on which the answer can change."""
    return frozenset({OBTAINED_BY + timedelta(days=1)})
