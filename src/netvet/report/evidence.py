"""The §889 reasonable-inquiry evidence pack: scope, sources and their hashes, list versions, what
was found and not found, qualifiers and exceptions applied, review decisions, the FAR
52.204-24(e) disclosure table and the 52.204-25(d) report clocks."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from netvet.errors import UsageError
from netvet.findings.record import FindingRecord
from netvet.model import Entity, ListVersion, Status
from netvet.regimes.holidays import add_business_days
from netvet.report.run import (
    StoredInput,
    StoredRun,
    asset_name,
    determination,
    list_versions,
    locator,
    maker_name,
    records_with,
)

REGIME = "ndaa-889"
FIRST_REPORT_DAYS, FURTHER_REPORT_DAYS = 1, 10


@dataclass(frozen=True, slots=True)
class ReviewDecision:
    """A person's decision on one asset: what was decided, by whom, when and why."""

    asset: str
    decision: str
    by: str
    at: str
    reason: str


@dataclass(frozen=True, slots=True)
class Clock:
    """One 52.204-25(d) reporting deadline counted in business days from discovery."""

    name: str
    business_days: int
    due: date
    holidays_skipped: tuple[tuple[date, str], ...]


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One asset as the pack shows it."""

    asset: str
    maker: str
    model: str
    category: str
    site: str
    use: str
    status: str
    entry: str
    reason: str
    missing: str
    flags: str
    source: str


@dataclass(frozen=True, slots=True)
class EvidencePack:
    """Everything a §889 reasonable inquiry rests on, for one run."""

    run: StoredRun
    kb_sha_now: str | None
    inputs: tuple[StoredInput, ...]
    versions: tuple[tuple[str, str, str], ...]
    found: tuple[EvidenceItem, ...]
    review: tuple[EvidenceItem, ...]
    qualified: tuple[EvidenceItem, ...]
    unattributed: int
    cleared: int
    not_found: tuple[tuple[str, str], ...]
    list_entries: int
    decisions: tuple[ReviewDecision, ...]
    disclosure: tuple[tuple[str, ...], ...]
    discovered: date
    clocks: tuple[Clock, ...]


DISCLOSURE_COLUMNS = (
    "Producer",
    "UEI",
    "CAGE",
    "OEM or distributor",
    "Brand",
    "Model number",
    "Item description",
    "Proposed use",
    "Why the use is permissible",
)


def evidence_item(record: FindingRecord) -> EvidenceItem:
    """An asset with its §889 determination."""
    d = determination(record, REGIME)
    use = record.intended_use or ""
    return EvidenceItem(
        asset_name(record),
        maker_name(record) or "unknown",
        record.model or "",
        record.category or "",
        record.site or "",
        f"{use} ({record.use_class})" if use else (record.use_class or "unknown"),
        str(d.status) if d else "",
        (d.entry if d else None) or "",
        d.reason if d else "",
        ", ".join(d.missing if d else ()),
        ", ".join([*(d.flags if d else ()), *agreement_flag(record)]),
        locator(record),
    )


def agreement_flag(record: FindingRecord) -> list[str]:
    """The mitigation agreement the finding rests on (informational under §889), as a flag."""
    found = record.mitigation
    return [f"agreement {found.agreement} ({found.status}; informational)"] if found else []


def is_qualified(record: FindingRecord) -> bool:
    """A listed entry matched but the item is not covered: a use qualifier or an exception applied."""
    d = determination(record, REGIME)
    return d is not None and bool(d.entry) and d.status == Status.NOT_COVERED


def identifier(entities: Mapping[str, Entity], entity_id: str | None, kind: str) -> str:
    """An entity's identifier of one kind (uei, cage) from the kb, or a note to look it up."""
    found = entities.get(entity_id or "")
    value = dict(found.identifiers).get(kind) if found else None
    return value or "not in the kb: look up in SAM.gov"


def disclosure_row(record: FindingRecord, entities: Mapping[str, Entity]) -> tuple[str, ...]:
    """The 52.204-24(e)(1) equipment disclosure of one covered item."""
    maker_id = record.manufacturer.id if record.manufacturer else None
    item = " ".join(x for x in (record.category, asset_name(record), f"at {record.site}") if x)
    return (
        maker_name(record) or "unknown",
        identifier(entities, maker_id, "uei"),
        identifier(entities, maker_id, "cage"),
        "OEM" if maker_id else "unknown",
        record.brand or "",
        record.model or "",
        item,
        record.intended_use or "",
        "",
    )


def clocks_from(discovered: date) -> tuple[Clock, ...]:
    """The 52.204-25(d)(2)(i) and (ii) deadlines from the day of discovery; a UsageError naming
    --discovered when they would end after the calendar's last day."""
    try:
        first, skipped_first = add_business_days(discovered, FIRST_REPORT_DAYS)
        further, skipped_further = add_business_days(discovered, FURTHER_REPORT_DAYS)
    except UsageError as exc:
        raise UsageError(f"--discovered (default the run's as-of date): the report clocks: {exc}") from exc
    return (
        Clock("Report (FAR 52.204-25(d)(2)(i))", FIRST_REPORT_DAYS, first, skipped_first),
        Clock("Further report (FAR 52.204-25(d)(2)(ii))", FURTHER_REPORT_DAYS, further, skipped_further),
    )


def not_found(listed: ListVersion | None, found: Sequence[EvidenceItem]) -> tuple[tuple[str, str], ...]:
    """The list's entries no asset of the run fell under."""
    hit = {item.entry for item in found}
    return tuple((e.id, e.text) for e in (listed.entries if listed else ()) if e.id not in hit)


def list_hash(regime: str, hashes: Mapping[str, str], same_kb: bool) -> str:
    """The sha256 of the list file a regime read, or why none is shown."""
    if not same_kb:
        return "not shown: the kb installed now is not the run's"
    return hashes.get(regime) or "no list file of its own: it reads another regime's list"


def decisions_in(run: StoredRun) -> tuple[ReviewDecision, ...]:
    """The review decisions the scan applied, as stored with each asset's record."""
    found = []
    for record in run.records:
        if (review := record.review) is not None:
            d = review.decision
            verdict = f" (verdict {review.verdict_before} -> clear)" if review.verdict_before else ""
            what = f"{d.kind} on {d.target}{verdict}"
            made = d.created_at.isoformat(timespec="seconds")
            found.append(ReviewDecision(record.asset, what, d.author, made, d.reason))
    return tuple(found)


def build_evidence(
    run: StoredRun,
    entities: Mapping[str, Entity],
    listed: ListVersion | None,
    discovered: date,
    *,
    kb_sha_now: str | None = None,
    list_hashes: Mapping[str, str] | None = None,
    decisions: Sequence[ReviewDecision] = (),
) -> EvidencePack:
    """The evidence pack of a stored run, with the clocks counted from the discovery date; list
    file hashes are shown only when the kb installed now is the one the run used."""
    same_kb = kb_sha_now == run.kb_manifest_sha256
    hashes = list_hashes if list_hashes is not None and same_kb else {}
    covered = list(records_with(run, REGIME, Status.COVERED))
    found = tuple(evidence_item(r) for r in covered)
    qualified = tuple(evidence_item(r) for r in run.records if is_qualified(r))
    review = tuple(evidence_item(r) for r in records_with(run, REGIME, Status.REVIEW))
    return EvidencePack(
        run=run,
        kb_sha_now=kb_sha_now,
        inputs=run.inputs,
        versions=tuple((r, v, list_hash(r, hashes, same_kb)) for r, v in list_versions(run.records)),
        found=found,
        review=review,
        qualified=qualified,
        unattributed=sum(1 for _ in records_with(run, REGIME, Status.UNKNOWN)),
        cleared=sum(1 for _ in records_with(run, REGIME, Status.NOT_COVERED)),
        not_found=not_found(listed, found + review + qualified),
        list_entries=len(listed.entries) if listed else 0,
        decisions=tuple(decisions) or decisions_in(run),
        disclosure=tuple(disclosure_row(r, entities) for r in covered),
        discovered=discovered,
        clocks=clocks_from(discovered),
    )
