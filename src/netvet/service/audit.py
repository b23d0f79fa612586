"""The audit chain: one insert-only row per change, each row's hash covering the previous row's
hash and its own content, so a row edited, removed or inserted by hand breaks the chain at it."""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, text

from netvet.store.tables import audit_log

GENESIS = "0" * 64
# Rows read per query while verifying: the chain can be long, memory stays flat.
PAGE = 1000


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One change: who (a token name, `cli:<user>` or `web:<token name>`), when, what."""

    id: int
    at: datetime
    who: str
    action: str
    request_id: str | None
    subject: str | None
    before: Any
    after: Any
    prev_hash: str
    hash: str


def utc(moment: datetime) -> datetime:
    """The moment in UTC; a naive moment (SQLite gives those back) is taken as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def row_hash(
    prev_hash: str,
    at: datetime,
    who: str,
    action: str,
    request_id: str | None,
    subject: str | None,
    before: Any,
    after: Any,
) -> str:
    """sha256 of the previous hash and the row's content as canonical JSON."""
    content = [prev_hash, utc(at).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), who, action, request_id, subject]
    body = json.dumps([*content, before, after], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(body.encode()).hexdigest()


def lock_chain(conn: Connection) -> None:
    """Hold the chain's write lock until the caller's transaction ends, so the last hash read
    next is still the last when the new row goes in. SQLite takes its one write lock at the
    first write statement (this one changes nothing); PostgreSQL locks the table."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE"))
    else:
        conn.execute(text("UPDATE audit_log SET id = id WHERE 1 = 0"))


def append(
    conn: Connection,
    *,
    who: str,
    action: str,
    subject: str | None = None,
    before: Any = None,
    after: Any = None,
    request_id: str | None = None,
) -> str:
    """Add one row inside the caller's transaction (a failed request writes nothing); its hash."""
    lock_chain(conn)
    last = conn.execute(select(audit_log.c.hash).order_by(audit_log.c.id.desc()).limit(1)).scalar()
    # Stored as the JSON column gives it back, so the hash verify recomputes is the same.
    row = {"prev_hash": last or GENESIS, "at": datetime.now(UTC), "who": who, "action": action,
           "request_id": request_id, "subject": subject,
           "before": json.loads(json.dumps(before)), "after": json.loads(json.dumps(after))}  # fmt: skip
    row["hash"] = row_hash(**row)
    conn.execute(insert(audit_log).values(**row))
    return str(row["hash"])


def read_rows(engine: Engine, *, after_id: int = 0, limit: int | None = None) -> list[AuditRow]:
    """Rows with an id above `after_id`, oldest first."""
    query = select(audit_log).where(audit_log.c.id > after_id).order_by(audit_log.c.id)
    with engine.connect() as conn:
        rows = conn.execute(query.limit(limit) if limit else query).mappings().all()
    return [AuditRow(**{**row, "at": utc(row["at"])}) for row in rows]


def all_rows(engine: Engine) -> Iterator[AuditRow]:
    """Every row, oldest first, read a page at a time."""
    last = 0
    while page := read_rows(engine, after_id=last, limit=PAGE):
        yield from page
        last = page[-1].id


def is_intact(row: AuditRow, prev_hash: str) -> bool:
    """Whether the row follows `prev_hash` and its hash matches its content."""
    expected = row_hash(
        prev_hash, row.at, row.who, row.action, row.request_id, row.subject, row.before, row.after
    )
    return row.prev_hash == prev_hash and row.hash == expected


def verify(engine: Engine) -> AuditRow | None:
    """The first row that breaks the chain, or None when it holds."""
    prev = GENESIS
    for row in all_rows(engine):
        if not is_intact(row, prev):
            return row
        prev = row.hash
    return None


def head(engine: Engine) -> tuple[int, str]:
    """The number of rows and the newest row's hash: kept somewhere else, it shows rows removed
    from the end, which the chain alone cannot."""
    with engine.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(audit_log)).scalar_one()
        last = conn.execute(select(audit_log.c.hash).order_by(audit_log.c.id.desc()).limit(1)).scalar()
    return int(rows), last or GENESIS
