"""FCC subsidy bans (47 CFR 54.9, 54.10): Universal Service Fund support, and any FCC-administered
subsidy for capital expenditures, may not be used to purchase, obtain *or maintain* covered
equipment or services; 54.10 applies from 60 days after the item was placed on the Covered List,
54.9 from the final designations of Huawei and ZTE (2020-06-30)."""

from datetime import date

from netvet.model import AssetContext, Attribution, Determination, Status
from netvet.regimes import fcc_covered_list
from netvet.regimes.base import RegimeKB
from netvet.regimes.entities import match_entry
from netvet.regimes.funding import AMBIGUITY, FundingKind, Program, classify_funding
from netvet.regimes.listed import INITIAL_LIST, carried, effective_from, entry_of

REGIME = "fcc-subsidy"
CITATION = "47 CFR 54.9; 47 CFR 54.10"
# PSHSB final designations of Huawei and ZTE under 54.9 (REGIME.md §3.1; [M] on the exact day).
USF_DESIGNATION = date(2020, 6, 30)
DESIGNATED = ("huawei-2021-03-12", "zte-2021-03-12")


def determine(attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date) -> Determination:
    """Covered when FCC subsidy funds pay for (or maintain) an item the ban reaches on the day."""
    return determine_on(attr, ctx, kb, as_of, fcc_covered_list.determine(attr, ctx, kb, as_of))


def determine_on(
    attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date, on_list: Determination
) -> Determination:
    """The subsidy bans' answer, given the Covered List's answer for the asset on the day."""
    listed = designated_before_list(attr, ctx, kb, as_of) or on_list
    if listed.status in (Status.NOT_COVERED, Status.UNKNOWN):
        return carried(listed, REGIME, CITATION)
    found = classify_funding(ctx.funding)
    start = ban_start(kb, listed, found)
    if as_of < start:
        reason = f"{listed.reason}; the subsidy ban on this entry applies from {start.isoformat()}"
        return Determination(
            regime=REGIME,
            status=Status.NOT_COVERED,
            reason=reason,
            citation=CITATION,
            entry=listed.entry,
            list_version=listed.list_version,
        )
    if found is None:
        return unknown_funding(listed, ctx, start)
    if found.kind == FundingKind.NOT_FCC:
        return own_money(listed, ctx, found)
    if found.kind == FundingKind.AMBIGUOUS:
        reason = f"{listed.reason}; {AMBIGUITY[found.name]}"
        return review(listed, reason, ("whether the funding is an FCC subsidy",))
    reason = (
        f"{listed.reason}; paid with {found.name}: {found.rule} bar using it to "
        f"purchase, obtain or maintain covered equipment or services from {start.isoformat()}"
    )
    return restated(listed, listed.status, reason, (*listed.missing,), ("subsidy-funded",))


def designated_before_list(
    attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date
) -> Determination | None:
    """Before the Covered List existed, 54.9 already barred USF support of Huawei and ZTE items."""
    if as_of >= INITIAL_LIST or as_of < USF_DESIGNATION:
        return None
    for entry_id in DESIGNATED:
        entry = entry_of(kb, entry_id)
        hit = match_entry(kb.graph, attr, ctx, entry, as_of) if entry else None
        if entry is not None and hit is not None:
            reason = f"{hit.reason} (designated under 47 CFR 54.9 on {USF_DESIGNATION.isoformat()})"
            version = kb.get_list("fcc-covered-list").version
            return Determination(
                regime=REGIME,
                status=hit.status,
                reason=reason,
                citation=CITATION,
                entry=entry.id,
                list_version=version,
                missing=hit.missing,
            )
    return None


def ban_start(kb: RegimeKB, listed: Determination, found: Program | None) -> date:
    """54.10: 60 days after listing; 54.9 reaches USF support of Huawei and ZTE from 2020-06-30."""
    entry = entry_of(kb, listed.entry)
    start = effective_from(entry) if entry else INITIAL_LIST
    usf = found is None or found.kind == FundingKind.USF
    return USF_DESIGNATION if usf and listed.entry in DESIGNATED else start


def unknown_funding(listed: Determination, ctx: AssetContext, start: date) -> Determination:
    """No funding source given: it decides, unless the organisation takes no FCC subsidy at all."""
    if ctx.organisation.usf_recipient is False:
        reason = f"{listed.reason}; the organisation receives no USF or other FCC subsidy"
        return restated(listed, Status.NOT_COVERED, reason, ())
    if ctx.funding and ctx.funding.strip():
        reason = (
            f"{listed.reason}; the funding source names no program netvet knows: "
            "if it is USF or an FCC capital subsidy, it may not purchase, obtain or maintain it"
        )
        return review(listed, reason, ("whether the funding is an FCC subsidy",))
    reason = (
        f"{listed.reason}; USF and FCC capital subsidies may not purchase, obtain or maintain it "
        f"from {start.isoformat()}, and the funding source is unknown"
    )
    return review(listed, reason, ("funding source",))


def own_money(listed: Determination, ctx: AssetContext, found: Program) -> Determination:
    """Not bought with FCC subsidy money: outside the ban, but a USF recipient may not spend
    support on maintaining it (54.9, 54.10(a)(2))."""
    reason = f"{listed.reason}; paid with {found.name}, not an FCC subsidy"
    if ctx.organisation.usf_recipient:
        reason += "; as a USF recipient, support may not pay for maintaining it either"
        return restated(listed, Status.NOT_COVERED, reason, (), ("maintenance-guard",))
    return restated(listed, Status.NOT_COVERED, reason, ())


def review(listed: Determination, reason: str, missing: tuple[str, ...]) -> Determination:
    """Review naming the missing facts, the Covered List's own first."""
    return restated(listed, Status.REVIEW, reason, tuple(dict.fromkeys((*listed.missing, *missing))))


def restated(
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
