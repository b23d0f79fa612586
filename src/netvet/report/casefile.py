"""The ICTS case file: the transaction, the steps taken, the process clocks with their citations,
the §791.103(c) criteria with their evidence, the linked assets as the scan judged them, the
mitigation measures and agreements, and every note, in the order they were written."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from netvet.findings.record import FindingRecord, Json
from netvet.icts.clocks import Clock, case_clocks
from netvet.icts.criteria import Criterion, score_criteria
from netvet.icts.model import AssetLink, Case, CaseEntry, EntryKind, Step
from netvet.icts.records import case_record


@dataclass(frozen=True, slots=True)
class LinkedAsset:
    """A linked asset with what the stored scan said of it."""

    link: str
    maker: str
    model: str
    verdict: str
    icts: str
    mitigation: str


@dataclass(frozen=True, slots=True)
class CaseFile:
    """Everything the case file prints, as of one day."""

    case: Case
    as_of: date
    status: str
    clocks: tuple[Clock, ...]
    criteria: tuple[Criterion, ...]
    assets: tuple[LinkedAsset, ...]
    missing_assets: tuple[str, ...]
    decisions: tuple[CaseEntry, ...]
    notes: tuple[CaseEntry, ...]
    measures: tuple[CaseEntry, ...]
    agreements: tuple[tuple[str, ...], ...]


AGREEMENT_COLUMNS = ("Agreement", "Kind", "Counterparty", "Status", "Next audit due", "Ends", "Breaches")


def case_status(case: Case) -> str:
    """The case's stage: its latest process step (a mitigation measure or an extension is not a
    stage), or 'opened'."""
    staged = [e for e in case.decisions() if e.step not in (Step.MITIGATION, Step.EXTEND)]
    if not staged:
        return "opened"
    last = staged[-1]
    return f"{last.step}" + (f" ({last.outcome})" if last.outcome else "") + f" on {last.day}"


def mitigation_text(record: FindingRecord) -> str:
    """The agreement a scan record rests on, as one line."""
    found = record.mitigation
    return f"{found.agreement} ({found.status})" if found else ""


def linked_asset(link: AssetLink, record: FindingRecord) -> LinkedAsset:
    """One linked asset."""
    maker = (record.manufacturer.name if record.manufacturer else None) or "unknown"
    icts = record.determination("icts-791")
    reason = f"{icts.status}: {icts.reason}" if icts else "not evaluated in that run"
    return LinkedAsset(
        str(link), maker, record.model or "", str(record.verdict), reason, mitigation_text(record)
    )


def build_casefile(
    case: Case,
    as_of: date,
    linked: Sequence[tuple[AssetLink, FindingRecord]],
    missing: Sequence[AssetLink] = (),
    agreements: Sequence[tuple[str, ...]] = (),
) -> CaseFile:
    """The case file of a case as of a day."""
    return CaseFile(
        case=case,
        as_of=as_of,
        status=case_status(case),
        clocks=case_clocks(case, as_of),
        criteria=score_criteria(case, linked),
        assets=tuple(linked_asset(link, record) for link, record in linked),
        missing_assets=tuple(str(m) for m in missing),
        decisions=case.decisions(),
        notes=tuple(e for e in case.entries if e.kind is EntryKind.NOTE),
        measures=tuple(e for e in case.decisions() if e.step is Step.MITIGATION),
        agreements=tuple(agreements),
    )


def casefile_record(file: CaseFile) -> Json:
    """The case file as the JSON record of `netvet icts case show --json`."""
    record = case_record(file.case, file.status, file.as_of, file.clocks, file.criteria)
    keys = ("agreement", "kind", "counterparty", "status", "next_audit_due", "ends", "open_breaches")
    record["agreements"] = [dict(zip(keys, row, strict=True)) for row in file.agreements]
    record["assets"] = [
        {
            "asset": a.link,
            "maker": a.maker,
            "model": a.model,
            "verdict": a.verdict,
            "icts": a.icts,
            "agreement": a.mitigation or None,
        }
        for a in file.assets
    ]
    record["missing_assets"] = list(file.missing_assets)
    return record
