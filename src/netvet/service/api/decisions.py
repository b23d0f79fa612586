"""Review decisions: GET (viewer) lists every decision with its state; POST (analyst) records
several at once, each with a reason and an optional expiry, all or none, each one appended to
the audit chain in the same transaction. The author is the caller's token name."""

from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from sqlalchemy import Engine

from netvet.review.decisions import Decision, DecisionBook, DecisionKind, decision_record
from netvet.service.api.deps import store, today
from netvet.service.auth import Caller, Role, require
from netvet.service.decisions import record_decisions
from netvet.service.responses import request_id
from netvet.store import read_decisions

router = APIRouter(tags=["review"])
Store = Annotated[Engine, Depends(store)]


class DecisionIn(BaseModel):
    """One decision to record: the subject (a screened name or an asset key), the matched kb
    entity id or list entry, the decision, why, and the day after which it stops applying."""

    subject: str = Field(min_length=1, max_length=2000)
    entity: str = Field(min_length=1, max_length=256)
    decision: DecisionKind
    reason: str = Field(min_length=1, max_length=4000, pattern=r"\S")
    expires: date | None = None


class DecisionsIn(BaseModel):
    """A bulk of decisions, recorded together or not at all."""

    decisions: list[DecisionIn] = Field(min_length=1, max_length=1000)


@router.get("/review-decisions", dependencies=[Depends(require(Role.VIEWER))])
def get_decisions(engine: Store) -> dict[str, Any]:
    """Every decision ever made, oldest first, with whether it is in force, superseded or expired."""
    made = read_decisions(engine)
    book, day = DecisionBook.build(made), today()
    return {"decisions": [{**decision_record(d), "state": book.state_of(d, day)} for d in made]}


@router.post("/review-decisions", status_code=201)
def post_decisions(
    body: DecisionsIn,
    request: Request,
    engine: Store,
    caller: Annotated[Caller, Depends(require(Role.ANALYST))],
) -> dict[str, Any]:
    """Record the decisions (each supersedes an earlier one on the same match); the stored ones."""
    now = datetime.now(UTC)
    made = [
        Decision(d.subject, d.entity, d.decision, d.reason, caller.token_name, now, d.expires)
        for d in body.decisions
    ]
    saved = record_decisions(engine, made, caller.token_name, request_id(request))
    return {"decisions": [decision_record(d) for d in saved]}
