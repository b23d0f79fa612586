"""Save and read scan runs; a run is written in one transaction or not at all."""

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from netvet import __version__
from netvet.errors import StoreError
from netvet.model import Issue
from netvet.report.records import Record
from netvet.store.tables import assets, determinations, inputs, issues, metadata, runs

CHUNK = 5000
T = TypeVar("T")


# A value known now, or only once the records have streamed through (a scan's inputs and issues).
Late = Sequence[T] | Callable[[], Sequence[T]]


def settled(value: Late[T]) -> Sequence[T]:
    """The value, calling it first when it is only known late."""
    return value() if callable(value) else value


@dataclass(frozen=True, slots=True)
class RunHeader:
    """What a run was computed from."""

    as_of: date
    kb_manifest_sha256: str
    regimes: Sequence[str]
    inputs: Late[tuple[str, str, str, int]]
    started_at: datetime


def open_store(url: str) -> Engine:
    """An engine with the schema created; errors name the URL (without credentials)."""
    try:
        engine = create_engine(url, future=True)
        metadata.create_all(engine)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open store {safe_url(url)}: {exc}") from exc
    return engine


def safe_url(url: str) -> str:
    """The URL with any password hidden."""
    head, at, tail = url.rpartition("@")
    return f"{head.split(':')[0]}:***@{tail}" if at else url


def save_run(
    engine: Engine,
    header: RunHeader,
    records: Iterable[Record],
    found: Late[Issue],
) -> int:
    """Insert a run, its inputs, assets, determinations and issues in one transaction; its id.
    Records may be a stream; inputs and issues may be callables read after it is consumed."""
    try:
        with engine.begin() as conn:
            inserted = conn.execute(
                insert(runs).values(
                    started_at=header.started_at,
                    finished_at=datetime.now(UTC),
                    as_of=header.as_of,
                    kb_manifest_sha256=header.kb_manifest_sha256,
                    regimes=list(header.regimes),
                    netvet_version=__version__,
                    assets=0,
                    counts={},
                )
            )
            run_id = int(inserted.inserted_primary_key[0])  # type: ignore[index]
            counts = write_assets(conn, run_id, records)
            write_inputs_and_issues(conn, run_id, settled(header.inputs), settled(found))
            totals = {"assets": sum(counts.values()), "counts": counts, "finished_at": datetime.now(UTC)}
            conn.execute(update(runs).where(runs.c.id == run_id).values(**totals))
    except SQLAlchemyError as exc:
        raise StoreError(f"run not saved (nothing written): {exc}") from exc
    return run_id


def write_assets(conn: Any, run_id: int, records: Iterable[Record]) -> dict[str, int]:
    """Insert records in chunks as they come; counts by verdict."""
    counts: dict[str, int] = {}
    for chunk in batched(enumerate(records), CHUNK):
        conn.execute(insert(assets), [asset_row(run_id, i, r) for i, r in chunk])
        conn.execute(insert(determinations), [d for i, r in chunk for d in determination_rows(run_id, i, r)])
        for _, r in chunk:
            counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
    return counts


def write_inputs_and_issues(
    conn: Any, run_id: int, read: Sequence[tuple[str, str, str, int]], found: Sequence[Issue]
) -> None:
    """The run's inputs and issues."""
    if read:
        conn.execute(
            insert(inputs),
            [
                {"run_id": run_id, "position": i, "path": p, "sha256": h, "format": f, "observations": n}
                for i, (p, h, f, n) in enumerate(read)
            ],
        )
    for chunk in batched(enumerate(found), CHUNK):
        conn.execute(
            insert(issues),
            [
                {
                    "run_id": run_id,
                    "position": i,
                    "path": x.path,
                    "locator": x.locator,
                    "field": x.field,
                    "severity": x.severity,
                    "message": x.message,
                }
                for i, x in chunk
            ],
        )


def batched(items: Iterable[T], size: int) -> Iterator[tuple[T, ...]]:
    """Tuples of at most `size` items (itertools.batched is Python 3.12+)."""
    it = iter(items)
    while chunk := tuple(islice(it, size)):
        yield chunk


def asset_row(run_id: int, position: int, r: Record) -> dict[str, Any]:
    """The assets row of one record."""
    maker = r["manufacturer"] or {}
    return {
        "run_id": run_id,
        "position": position,
        "asset": r["asset"],
        "verdict": r["verdict"],
        "manufacturer": maker.get("id") or maker.get("name"),
        "model": r["model"],
        "category": r["category"],
        "confidence": r["confidence"],
        "record": r,
    }


def determination_rows(run_id: int, position: int, r: Record) -> Iterator[dict[str, Any]]:
    """The determinations rows of one record."""
    for d in r["determinations"]:
        version = date.fromisoformat(d["list_version"]) if d["list_version"] else None
        yield {
            "run_id": run_id,
            "position": position,
            "regime": d["regime"],
            "status": d["status"],
            "entry": d["entry"],
            "list_version": version,
            "reason": d["reason"],
        }


def list_runs(engine: Engine) -> list[dict[str, Any]]:
    """Every run, newest first."""
    with engine.connect() as conn:
        rows = conn.execute(select(runs).order_by(runs.c.id.desc())).mappings().all()
    return [dict(r) for r in rows]


def run_records(engine: Engine, run_id: int) -> list[Record]:
    """The stored records of one run, in order."""
    with engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(runs).where(runs.c.id == run_id)).scalar_one() == 0:
            raise StoreError(f"no run {run_id} in the store")
        rows = (
            conn.execute(select(assets.c.record).where(assets.c.run_id == run_id).order_by(assets.c.position))
            .scalars()
            .all()
        )
    return [dict(r) for r in rows]
