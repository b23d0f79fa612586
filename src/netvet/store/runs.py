"""Save and read scan runs; a run is written in one short transaction or not at all."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, bindparam, create_engine, event, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from netvet import __version__
from netvet.errors import RecordError, StoreError
from netvet.findings.record import FindingRecord
from netvet.model import Issue, Status, Verdict
from netvet.store.spool import CHUNK, EncodedJSON, batched, spooled, with_run
from netvet.store.tables import assets, determinations, inputs, issues, runs

T = TypeVar("T")
ENCODED_ASSETS = insert(assets).values(record=bindparam("record", type_=EncodedJSON()))
# Seconds a writer waits for another's lock: a scan's final insert of a large run takes seconds.
BUSY_TIMEOUT = 60.0
DRIVER_HINTS = {
    "psycopg": ": install psycopg 3 (`pip install psycopg`, or netvet's `postgres` extra)",
    "psycopg2": ": netvet uses psycopg 3, write the URL as postgresql+psycopg://...",
}


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
    """An engine on a store brought up to date (netvet.store.migrate); errors name the URL
    (without credentials). SQLite runs in WAL mode with a busy timeout, so a report reads while
    a scan writes and a second writer waits for the first instead of failing at once."""
    from netvet.store.migrate import upgrade_engine

    engine = create_engine_for(url)
    try:
        upgrade_engine(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot open store {safe_url(url)}: {exc}") from exc
    return engine


def create_engine_for(url: str) -> Engine:
    """An engine on the store at url, its schema as it is."""
    try:
        engine = create_engine(url, future=True, **engine_options(url))
    except ImportError as exc:
        raise StoreError(
            f"cannot open store {safe_url(url)}: its database driver '{exc.name}' is not installed"
            f"{DRIVER_HINTS.get(exc.name or '', '')}"
        ) from exc
    except (SQLAlchemyError, ValueError) as exc:
        raise StoreError(f"cannot open store {safe_url(url)}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", sqlite_pragmas)
    return engine


def engine_options(url: str) -> dict[str, Any]:
    """Driver options: SQLite's busy timeout (seconds to wait for another writer's lock)."""
    return {"connect_args": {"timeout": BUSY_TIMEOUT}} if url.startswith("sqlite") else {}


def sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL: readers never wait for a writer, and a writer only for another writer."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
    cursor.close()


def safe_url(url: str) -> str:
    """The URL with any password hidden."""
    head, at, tail = url.rpartition("@")
    return f"{head.split(':')[0]}:***@{tail}" if at else url


def save_run(
    engine: Engine,
    header: RunHeader,
    records: Iterable[FindingRecord],
    found: Late[Issue],
    also: Callable[[Any, int], None] | None = None,
) -> int:
    """Insert a run, its inputs, assets, determinations and issues in one short transaction; its
    id. Records may be a stream: it is consumed into prepared rows first, so the write lock is
    held only while the rows are copied in; inputs and issues may be callables read after it.
    `also` writes more in the same transaction (the service's audit row), given the run id."""
    with spooled(records) as spool:
        read, problems = settled(header.inputs), settled(found)
        try:
            with engine.begin() as conn:
                run_id = insert_run(conn, header, spool.counts)
                for rows, determined in spool.chunks():
                    conn.execute(ENCODED_ASSETS, with_run(rows, run_id))
                    if determined:
                        conn.execute(insert(determinations), with_run(determined, run_id))
                write_inputs_and_issues(conn, run_id, read, problems)
                if also is not None:
                    also(conn, run_id)
        except SQLAlchemyError as exc:
            raise StoreError(f"run not saved (nothing written): {exc}") from exc
    return run_id


def insert_run(conn: Any, header: RunHeader, counts: dict[str, int]) -> int:
    """The runs row, with its final counts; its id."""
    inserted = conn.execute(
        insert(runs).values(
            started_at=header.started_at,
            finished_at=datetime.now(UTC),
            as_of=header.as_of,
            kb_manifest_sha256=header.kb_manifest_sha256,
            regimes=list(header.regimes),
            netvet_version=__version__,
            assets=sum(counts.values()),
            counts=counts,
        )
    )
    return int(inserted.inserted_primary_key[0])


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


def list_runs(engine: Engine) -> list[dict[str, Any]]:
    """Every run, newest first."""
    with engine.connect() as conn:
        rows = conn.execute(select(runs).order_by(runs.c.id.desc())).mappings().all()
    return [dict(r) for r in rows]


def run_records(engine: Engine, run_id: int) -> list[FindingRecord]:
    """The stored records of one run, in order (`load_findings` without filters)."""
    return load_findings(engine, run_id)


def load_findings(
    engine: Engine,
    run_id: int,
    *,
    verdict: Verdict | None = None,
    regime: str | None = None,
    status: Status | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[FindingRecord]:
    """The typed findings of one stored run, in run order: the store's read API for reports and
    the service. `verdict` keeps those with that verdict; `regime` (with `status`) those with a
    determination under that regime (of that status); `limit`/`offset` page through them.
    A StoreError names an unknown run or a stored record that no longer parses."""
    query = select(assets.c.position, assets.c.record).where(assets.c.run_id == run_id)
    if verdict is not None:
        query = query.where(assets.c.verdict == str(verdict))
    if regime is not None:
        wanted = select(determinations.c.position).where(
            determinations.c.run_id == run_id, determinations.c.regime == regime
        )
        if status is not None:
            wanted = wanted.where(determinations.c.status == str(status))
        query = query.where(assets.c.position.in_(wanted))
    query = query.order_by(assets.c.position).offset(offset).limit(limit)
    with engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(runs).where(runs.c.id == run_id)).scalar_one() == 0:
            raise StoreError(f"no run {run_id} in the store")
        rows = conn.execute(query).all()
    return [stored_record(record, run_id, position) for position, record in rows]


def stored_record(record: object, run_id: int, position: int) -> FindingRecord:
    """A stored record parsed; a StoreError names the run and the row."""
    try:
        return FindingRecord.from_json(record)
    except RecordError as exc:
        raise StoreError(f"run {run_id}, record {position}: {exc}") from exc
