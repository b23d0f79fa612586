"""ICTS cases in the store: a case row and its insert-only entries (decisions, notes, scores),
each written in one short transaction or not at all."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    and_,
    func,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from netvet.errors import StoreError
from netvet.findings.record import FindingRecord
from netvet.icts.model import AssetLink, Case, CaseEntry, EntryKind, Outcome, Step, Transaction
from netvet.icts.records import transaction_record
from netvet.store.decisions import with_zone
from netvet.store.runs import stored_record
from netvet.store.tables import assets, metadata

icts_cases = Table(
    "icts_cases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("number", String(64), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("opened_by", String(128), nullable=False),
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("referral_source", Text, nullable=False),
    Column("transaction", JSON, nullable=False),
)

# Entries are only ever inserted: the case's history is its own audit trail.
icts_case_entries = Table(
    "icts_case_entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", ForeignKey("icts_cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("author", String(128), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("text", Text, nullable=False),
    Column("step", String(32)),
    Column("day", Date),
    Column("outcome", String(32)),
    Column("until", Date),
    Column("criterion", Integer),
    Column("score", Integer),
    Column("evidence", JSON, nullable=False),
)


def stored_day(data: dict[str, Any], key: str) -> date | None:
    """A stored ISO date, or None."""
    return date.fromisoformat(data[key]) if data.get(key) else None


def transaction_of(data: dict[str, Any]) -> Transaction:
    """A stored transaction read back."""
    return Transaction(
        parties=tuple(data["parties"]),
        item=data["item"],
        kind=data["kind"],
        initiated=stored_day(data, "initiated"),
        completed=stored_day(data, "completed"),
        value=data.get("value"),
        currency=data.get("currency") or "USD",
        suppliers=tuple(data.get("suppliers") or ()),
        assets=tuple(AssetLink(int(a["run"]), a["asset"]) for a in data.get("assets") or ()),
    )


def entry_row(case_id: int, e: CaseEntry) -> dict[str, Any]:
    """The entries row of one entry."""
    return {
        "case_id": case_id,
        "kind": str(e.kind),
        "author": e.author,
        "created_at": e.created_at,
        "text": e.text,
        "step": str(e.step) if e.step else None,
        "day": e.day,
        "outcome": str(e.outcome) if e.outcome else None,
        "until": e.until,
        "criterion": e.criterion,
        "score": e.score,
        "evidence": list(e.evidence),
    }


def entry_of(r: Any) -> CaseEntry:
    """A stored entry read back."""
    return CaseEntry(
        kind=EntryKind(r["kind"]),
        author=r["author"],
        created_at=with_zone(r["created_at"]),
        text=r["text"],
        step=Step(r["step"]) if r["step"] else None,
        day=r["day"],
        outcome=Outcome(r["outcome"]) if r["outcome"] else None,
        until=r["until"],
        criterion=r["criterion"],
        score=r["score"],
        evidence=tuple(r["evidence"] or ()),
        id=int(r["id"]),
    )


def next_number(conn: Any, year: int) -> str:
    """ICTS-YEAR-NNN, one more than the cases numbered so in that year."""
    prefix = f"ICTS-{year}-"
    taken = conn.execute(select(func.count()).where(icts_cases.c.number.like(f"{prefix}%"))).scalar_one()
    return f"{prefix}{int(taken) + 1:03d}"


def save_case(engine: Engine, case: Case) -> Case:
    """Insert a case with its first entries in one transaction; the stored case (number given
    or generated)."""
    if not case.opened_by.strip() or not case.transaction.parties or not case.transaction.item.strip():
        raise StoreError("case not saved: an author, at least one party and the ICTS item are required")
    try:
        with engine.begin() as conn:
            number = case.number or next_number(conn, case.opened_at.year)
            inserted = conn.execute(
                insert(icts_cases).values(
                    number=number,
                    title=case.title,
                    opened_by=case.opened_by,
                    opened_at=case.opened_at,
                    referral_source=case.referral_source,
                    transaction=transaction_record(case.transaction),
                )
            )
            case_id = int(inserted.inserted_primary_key[0])  # type: ignore[index]
            if case.entries:
                conn.execute(insert(icts_case_entries), [entry_row(case_id, e) for e in case.entries])
    except IntegrityError as exc:
        raise StoreError(f"case not saved (nothing written): number {case.number!r} is taken") from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"case not saved (nothing written): {exc}") from exc
    return read_case(engine, number)


def case_id_of(conn: Any, number: str) -> int:
    """The row id of a case number; a StoreError names an unknown one."""
    found = conn.execute(select(icts_cases.c.id).where(icts_cases.c.number == number)).scalar_one_or_none()
    if found is None:
        raise StoreError(f"no ICTS case {number!r} in the store")
    return int(found)


def add_entry(engine: Engine, number: str, entry: CaseEntry) -> CaseEntry:
    """Insert one entry on a case; the stored entry with its id."""
    if not entry.author.strip() or not entry.text.strip():
        raise StoreError("entry not saved: an author and a text are required")
    try:
        with engine.begin() as conn:
            inserted = conn.execute(
                insert(icts_case_entries).values(entry_row(case_id_of(conn, number), entry))
            )
    except SQLAlchemyError as exc:
        raise StoreError(f"entry not saved (nothing written): {exc}") from exc
    return replace(entry, id=int(inserted.inserted_primary_key[0]))  # type: ignore[index]


def case_of(conn: Any, row: Any) -> Case:
    """A case row and its entries as a Case."""
    entries = conn.execute(
        select(icts_case_entries)
        .where(icts_case_entries.c.case_id == row["id"])
        .order_by(icts_case_entries.c.id)
    ).mappings()
    return Case(
        number=row["number"],
        title=row["title"],
        transaction=transaction_of(row["transaction"]),
        opened_by=row["opened_by"],
        opened_at=with_zone(row["opened_at"]),
        referral_source=row["referral_source"],
        entries=tuple(entry_of(e) for e in entries),
        id=int(row["id"]),
    )


def read_case(engine: Engine, number: str) -> Case:
    """One case with every entry; a StoreError names an unknown number."""
    try:
        with engine.connect() as conn:
            row = conn.execute(select(icts_cases).where(icts_cases.c.number == number)).mappings().first()
            if row is None:
                raise StoreError(f"no ICTS case {number!r} in the store")
            return case_of(conn, row)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read case {number!r}: {exc}") from exc


def list_cases(engine: Engine) -> list[Case]:
    """Every case, oldest first."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(icts_cases).order_by(icts_cases.c.id)).mappings().all()
            return [case_of(conn, r) for r in rows]
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read ICTS cases: {exc}") from exc


def linked_records(
    engine: Engine, links: Sequence[AssetLink]
) -> tuple[list[tuple[AssetLink, FindingRecord]], list[AssetLink]]:
    """The stored scan records of the linked assets, and the links no stored run holds."""
    found: list[tuple[AssetLink, FindingRecord]] = []
    missing: list[AssetLink] = []
    with engine.connect() as conn:
        for link in links:
            row = conn.execute(
                select(assets.c.position, assets.c.record).where(
                    and_(assets.c.run_id == link.run, assets.c.asset == link.asset)
                )
            ).first()
            if row is None:
                missing.append(link)
            else:
                found.append((link, stored_record(row.record, link.run, row.position)))
    return found, missing
