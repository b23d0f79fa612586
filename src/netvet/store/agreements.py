"""Mitigation agreements in the store: an agreement row and its insert-only events (audits,
reports, breaches, cures); an import of many agreements is one transaction, all or nothing."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
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
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from netvet.errors import StoreError
from netvet.mitigation.model import Agreement, AgreementEvent, AgreementKind, EventKind
from netvet.store.decisions import with_zone
from netvet.store.tables import metadata
from netvet.store.urls import holds_nothing_yet

mitigation_agreements = Table(
    "mitigation_agreements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(128), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
    Column("title", Text, nullable=False),
    Column("counterparty", Text, nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date),
    Column("suppliers", JSON, nullable=False),
    Column("assets", JSON, nullable=False),
    Column("case_number", String(64), nullable=False),
    Column("obligations", JSON, nullable=False),
    Column("audit_every_months", Integer),
    Column("report_every_months", Integer),
)

mitigation_events = Table(
    "mitigation_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "agreement_id", ForeignKey("mitigation_agreements.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("kind", String(16), nullable=False),
    Column("day", Date, nullable=False),
    Column("author", String(128), nullable=False),
    Column("text", Text, nullable=False),
    Column("result", String(32), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


def agreement_row(a: Agreement) -> dict[str, Any]:
    """The agreements row of one agreement."""
    return {
        "key": a.key,
        "kind": str(a.kind),
        "title": a.title,
        "counterparty": a.counterparty,
        "start": a.start,
        "end": a.end,
        "suppliers": list(a.suppliers),
        "assets": list(a.assets),
        "case_number": a.case,
        "obligations": list(a.obligations),
        "audit_every_months": a.audit_every_months,
        "report_every_months": a.report_every_months,
    }


def event_row(agreement_id: int, e: AgreementEvent) -> dict[str, Any]:
    """The events row of one event."""
    return {
        "agreement_id": agreement_id,
        "kind": str(e.kind),
        "day": e.day,
        "author": e.author,
        "text": e.text,
        "result": e.result,
        "created_at": e.created_at or datetime.now(UTC),
    }


def save_agreements(engine: Engine, agreements: Sequence[Agreement]) -> int:
    """Insert agreements with their events in one transaction; how many were saved."""
    try:
        with engine.begin() as conn:
            for a in agreements:
                inserted = conn.execute(insert(mitigation_agreements).values(agreement_row(a)))
                new_id = int(inserted.inserted_primary_key[0])  # type: ignore[index]
                if a.events:
                    conn.execute(insert(mitigation_events), [event_row(new_id, e) for e in a.events])
    except IntegrityError as exc:
        raise StoreError(
            f"agreements not saved (nothing written): a key is taken or a value missing: {exc.orig}"
        ) from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"agreements not saved (nothing written): {exc}") from exc
    return len(agreements)


def add_event(engine: Engine, key: str, event: AgreementEvent) -> AgreementEvent:
    """Insert one event on an agreement; the stored event with its id."""
    if not event.author.strip() or not event.text.strip():
        raise StoreError("event not saved: an author and a text are required")
    try:
        with engine.begin() as conn:
            found = conn.execute(select(mitigation_agreements.c.id).where(mitigation_agreements.c.key == key))
            agreement_id = found.scalar_one_or_none()
            if agreement_id is None:
                raise StoreError(f"no mitigation agreement {key!r} in the store")
            inserted = conn.execute(insert(mitigation_events).values(event_row(int(agreement_id), event)))
    except SQLAlchemyError as exc:
        raise StoreError(f"event not saved (nothing written): {exc}") from exc
    return replace(event, id=int(inserted.inserted_primary_key[0]))  # type: ignore[index]


def event_of(r: Any) -> AgreementEvent:
    """A stored event read back."""
    return AgreementEvent(
        EventKind(r["kind"]),
        r["day"],
        r["author"],
        r["text"],
        r["result"],
        with_zone(r["created_at"]),
        int(r["id"]),
    )


def agreement_of(r: Any, events: Sequence[AgreementEvent]) -> Agreement:
    """A stored agreement read back."""
    return Agreement(
        key=r["key"],
        kind=AgreementKind(r["kind"]),
        title=r["title"],
        counterparty=r["counterparty"],
        start=r["start"],
        end=r["end"],
        suppliers=tuple(r["suppliers"]),
        assets=tuple(r["assets"]),
        case=r["case_number"],
        obligations=tuple(r["obligations"]),
        audit_every_months=r["audit_every_months"],
        report_every_months=r["report_every_months"],
        events=tuple(events),
        id=int(r["id"]),
    )


def read_agreements(engine: Engine) -> list[Agreement]:
    """Every agreement with its events, in the order they were added."""
    try:
        with engine.connect() as conn:
            rows = (
                conn.execute(select(mitigation_agreements).order_by(mitigation_agreements.c.id))
                .mappings()
                .all()
            )
            events = conn.execute(select(mitigation_events).order_by(mitigation_events.c.id)).mappings().all()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read mitigation agreements: {exc}") from exc
    by_agreement: dict[int, list[AgreementEvent]] = {}
    for e in events:
        by_agreement.setdefault(int(e["agreement_id"]), []).append(event_of(e))
    return [agreement_of(r, by_agreement.get(int(r["id"]), [])) for r in rows]


def agreements_at(url: str) -> list[Agreement]:
    """The agreements of a store, or none when the store holds nothing yet (settings.holds_nothing_yet)."""
    from netvet.store.runs import open_store

    if holds_nothing_yet(url):
        return []
    engine = open_store(url)
    try:
        return read_agreements(engine)
    finally:
        engine.dispose()
