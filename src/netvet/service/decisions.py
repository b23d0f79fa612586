"""Record review decisions from the service: every decision of one request and its audit rows go
in one transaction, so a failed request leaves nothing half-written."""

from collections.abc import Sequence

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from netvet.errors import StoreError
from netvet.review.decisions import Decision, decision_record
from netvet.service import audit
from netvet.store.decisions import insert_decision


def record_decisions(
    engine: Engine, decisions: Sequence[Decision], who: str, request_id: str
) -> list[Decision]:
    """Insert the decisions, each with an audit row naming its subject and what was decided; the
    stored decisions with their ids."""
    saved = []
    try:
        with engine.begin() as conn:
            for decision in decisions:
                stored = insert_decision(conn, decision)
                audit.append(
                    conn,
                    who=who,
                    action="review-decision",
                    subject=f"{stored.subject} x {stored.target}",
                    after=decision_record(stored),
                    request_id=request_id,
                )
                saved.append(stored)
    except SQLAlchemyError as exc:
        raise StoreError(f"decisions not saved (nothing written): {exc}") from exc
    return saved
