"""Save and read review decisions; a decision is inserted once and never updated."""

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import SQLAlchemyError

from netvet.errors import StoreError
from netvet.review.decisions import Decision, DecisionKind, subject_key
from netvet.store.runs import open_store
from netvet.store.tables import review_decisions
from netvet.store.urls import holds_nothing_yet


def save_decision(engine: Engine, decision: Decision) -> Decision:
    """Insert one decision; the stored decision with its id."""
    try:
        with engine.begin() as conn:
            return insert_decision(conn, decision)
    except SQLAlchemyError as exc:
        raise StoreError(f"decision not saved (nothing written): {exc}") from exc


def insert_decision(conn: Connection, decision: Decision) -> Decision:
    """Insert one decision inside the caller's transaction; the stored decision with its id."""
    if not decision.reason.strip() or not decision.author.strip():
        raise StoreError("decision not saved: a reason and an author are required")
    inserted = conn.execute(
        insert(review_decisions).values(
            subject=decision.subject,
            subject_key=subject_key(decision.subject),
            target=decision.target,
            decision=str(decision.kind),
            reason=decision.reason,
            author=decision.author,
            created_at=decision.created_at,
            expires=decision.expires,
        )
    )
    new_id = int(inserted.inserted_primary_key[0])  # type: ignore[index]
    return replace(decision, id=new_id)


def read_decisions(engine: Engine) -> list[Decision]:
    """Every decision ever made, oldest first."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(review_decisions).order_by(review_decisions.c.id)).mappings().all()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read review decisions: {exc}") from exc
    return [
        Decision(
            subject=r["subject"],
            target=r["target"],
            kind=DecisionKind(r["decision"]),
            reason=r["reason"],
            author=r["author"],
            created_at=with_zone(r["created_at"]),
            expires=r["expires"],
            id=int(r["id"]),
        )
        for r in rows
    ]


def with_zone(moment: datetime) -> datetime:
    """SQLite returns naive datetimes: they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def decisions_at(url: str) -> list[Decision]:
    """The decisions of a store, or none when the store holds nothing yet (settings.holds_nothing_yet)."""
    if holds_nothing_yet(url):
        return []
    engine = open_store(url)
    try:
        return read_decisions(engine)
    finally:
        engine.dispose()
