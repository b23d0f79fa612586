"""Typed reads the API and the dashboard share: runs, a run's findings (filtered, paged, with the
review decisions in force applied), the difference between two runs, and kept list versions."""

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine, func, select

from netvet.errors import LookupFailure, UsageError
from netvet.findings.record import FindingRecord
from netvet.kb.diff import ListDiff, diff_lists
from netvet.kb.knowledge import KnowledgeBase
from netvet.kb.versions import StoredVersion, pick_version, read_log, version_doc, versions_of
from netvet.review.decisions import DecisionBook, review_record
from netvet.store import read_decisions, run_records
from netvet.store.tables import runs

MAX_PAGE = 500


@dataclass(frozen=True, slots=True)
class RunSummary:
    """One stored run as listed: when, as of which day, how many assets of each verdict."""

    id: int
    started_at: datetime
    finished_at: datetime
    as_of: date
    assets: int
    counts: dict[str, int]
    regimes: tuple[str, ...]
    netvet_version: str


@dataclass(frozen=True, slots=True, kw_only=True)
class FindingFilter:
    """What a findings read keeps; None keeps everything. Text matches case-insensitively in the
    asset key, hostname, IPs, model and manufacturer name."""

    verdict: str | None = None
    regime: str | None = None
    status: str | None = None
    manufacturer: str | None = None
    site: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class FindingsPage:
    """One page of a run's findings and how many matched in all."""

    items: tuple[FindingRecord, ...]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True, slots=True)
class ChangedFinding:
    """An asset in both runs whose verdict or determinations differ."""

    asset: str
    before: FindingRecord
    after: FindingRecord


@dataclass(frozen=True, slots=True)
class RunDiff:
    """What changed from run `against` to run `run`: assets new, gone (resolved) and changed."""

    run: int
    against: int
    new: tuple[FindingRecord, ...]
    resolved: tuple[FindingRecord, ...]
    changed: tuple[ChangedFinding, ...]


def list_runs(engine: Engine) -> list[RunSummary]:
    """Every stored run, newest first."""
    with engine.connect() as conn:
        rows = conn.execute(select(runs).order_by(runs.c.id.desc())).mappings().all()
    return [
        RunSummary(
            id=int(r["id"]),
            started_at=r["started_at"],
            finished_at=r["finished_at"],
            as_of=r["as_of"],
            assets=int(r["assets"]),
            counts=dict(r["counts"]),
            regimes=tuple(r["regimes"]),
            netvet_version=r["netvet_version"],
        )
        for r in rows
    ]


def require_run(engine: Engine, run_id: int) -> None:
    """A LookupFailure naming a run the store does not have."""
    with engine.connect() as conn:
        found = conn.execute(select(func.count()).select_from(runs).where(runs.c.id == run_id)).scalar_one()
    if not found:
        raise LookupFailure(f"no run {run_id} in the store")


def reviewed_records(engine: Engine, run_id: int, day: date) -> list[FindingRecord]:
    """A run's records with the decisions in force on `day` applied (decisions made after the
    scan count too: they persist across runs); a LookupFailure names an unknown run."""
    require_run(engine, run_id)
    book = DecisionBook.build(read_decisions(engine))
    return [review_record(r, book, day) for r in run_records(engine, run_id)]


def names_of(record: FindingRecord) -> list[str]:
    """The texts a free-text filter searches in."""
    maker = record.manufacturer.name if record.manufacturer else None
    found = [record.asset, record.identifiers.hostname, record.model, maker]
    return [t for t in [*found, *record.identifiers.ip] if t]


def is_maker(record: FindingRecord, wanted: str) -> bool:
    """True when the manufacturer's kb id or name (case-insensitively) is the one wanted."""
    maker = record.manufacturer
    return maker is not None and wanted.casefold() in (str(maker.id), maker.name.casefold())


def is_kept(record: FindingRecord, f: FindingFilter) -> bool:
    """True when the record passes every filter given."""
    dets = record.determinations
    checks = (
        f.verdict is None or record.verdict == f.verdict,
        f.regime is None or any(d.regime == f.regime for d in dets),
        f.status is None or any(d.status == f.status and f.regime in (None, d.regime) for d in dets),
        f.manufacturer is None or is_maker(record, f.manufacturer),
        f.site is None or record.site == f.site,
        f.text is None or any(f.text.casefold() in t.casefold() for t in names_of(record)),
    )
    return all(checks)


def read_findings(
    engine: Engine, run_id: int, f: FindingFilter, day: date, offset: int = 0, limit: int = 100
) -> FindingsPage:
    """One page of a run's reviewed findings that pass the filter, in stored order."""
    limit = max(1, min(limit, MAX_PAGE))
    kept = [r for r in reviewed_records(engine, run_id, day) if is_kept(r, f)]
    return FindingsPage(tuple(kept[offset : offset + limit]), len(kept), offset, limit)


def outcome(record: FindingRecord) -> tuple[str, tuple[tuple[str, str, str], ...]]:
    """What a change between runs is judged on: the verdict and each regime's status and entry."""
    dets = sorted((d.regime, str(d.status), d.entry or "") for d in record.determinations)
    return (str(record.verdict), tuple(dets))


def diff_runs(engine: Engine, run_id: int, against: int, day: date) -> RunDiff:
    """New, resolved and changed findings of run_id compared with run `against`, by asset key."""
    now = {r.asset: r for r in reviewed_records(engine, run_id, day)}
    before = {r.asset: r for r in reviewed_records(engine, against, day)}
    changed = tuple(
        ChangedFinding(key, before[key], r)
        for key, r in now.items()
        if key in before and outcome(before[key]) != outcome(r)
    )
    return RunDiff(
        run=run_id,
        against=against,
        new=tuple(r for key, r in now.items() if key not in before),
        resolved=tuple(r for key, r in before.items() if key not in now),
        changed=changed,
    )


@dataclass(frozen=True, slots=True)
class ListSummary:
    """One list the kb screens against: its loaded version and how many versions are kept."""

    id: str
    title: str
    version: date
    sha256: str
    entries: int
    kept_versions: int


def list_summaries(kb: KnowledgeBase, kb_dir: Path | None) -> list[ListSummary]:
    """Every list the kb loaded, sorted by id, with the count of versions kept in kb_dir."""
    kept = read_log(kb_dir) if kb_dir else []
    return [
        ListSummary(
            id=lv.list_id,
            title=lv.title,
            version=lv.version,
            sha256=lv.sha256,
            entries=len(lv.entries),
            kept_versions=sum(1 for v in kept if v.list_id == lv.list_id),
        )
        for lv in sorted(kb.lists.values(), key=lambda lv: lv.list_id)
    ]


def list_versions(kb_dir: Path | None, list_id: str) -> list[StoredVersion]:
    """The kept versions of one list, oldest first (none without a kb folder)."""
    return [v for v in read_log(kb_dir) if v.list_id == list_id] if kb_dir else []


def diff_list(kb_dir: Path | None, list_id: str, old: str | None, new: str | None) -> ListDiff:
    """Entries added, removed and changed between two kept versions of a list (default: the
    latest and the one before it); a UsageError names a list or version that is not kept."""
    if kb_dir is None:
        raise UsageError("no kb folder (NETVET_KB_DIR): list versions are kept in a kb folder of your own")
    kept = versions_of(kb_dir, list_id)
    after = pick_version(kept, new, -1)
    if old is None and kept.index(after) == 0:
        raise UsageError(f"{list_id} has no version before {after.label}: nothing to compare")
    before = pick_version(kept, old, kept.index(after) - 1)
    return diff_lists(version_doc(kb_dir, before), version_doc(kb_dir, after), before.label, after.label)
