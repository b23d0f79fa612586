"""A stored scan run as the reports read it: what it was computed from, its records and issues."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from netvet.findings.record import FindingRecord
from netvet.model import Determination, Issue, Status


@dataclass(frozen=True, slots=True)
class StoredInput:
    """One input file of a run: its path, sha256, format and observations read."""

    path: str
    sha256: str
    format: str
    observations: int


@dataclass(frozen=True, slots=True)
class StoredRun:
    """A run read back from the store."""

    id: int
    as_of: date
    started_at: datetime
    kb_manifest_sha256: str
    regimes: tuple[str, ...]
    netvet_version: str
    inputs: tuple[StoredInput, ...]
    records: tuple[FindingRecord, ...]
    issues: tuple[Issue, ...]


def determination(record: FindingRecord, regime: str) -> Determination | None:
    """The record's determination under one regime, or None when the run did not ask it."""
    return record.determination(regime)


def records_with(run: StoredRun, regime: str, status: Status) -> Iterator[FindingRecord]:
    """The records whose determination under `regime` has `status`, in run order."""
    for record in run.records:
        found = record.determination(regime)
        if found is not None and found.status == status:
            yield record


def list_versions(records: Sequence[FindingRecord]) -> list[tuple[str, str]]:
    """Every (regime, list version) the records' determinations used, sorted."""
    return sorted(
        {(d.regime, d.list_version.isoformat()) for r in records for d in r.determinations if d.list_version}
    )


def asset_name(record: FindingRecord) -> str:
    """The hostname when known, else the asset key."""
    return record.identifiers.hostname or record.asset


def maker_name(record: FindingRecord) -> str:
    """The manufacturer's name, or an empty string when unknown."""
    return record.manufacturer.name if record.manufacturer else ""


def locator(record: FindingRecord) -> str:
    """Where the asset was read: the first source's path and locator."""
    first = record.sources[0] if record.sources else None
    return f"{first.path}:{first.locator}" if first else ":"
