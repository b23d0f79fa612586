"""The review queue: a run's `review` findings no decision covers yet, marked in bulk as false
positive or confirmed with a reason and an optional expiry (analyst and admin). Decisions persist
across runs as the CLI's do; each is audited."""

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import RedirectResponse

from netvet.ids import parse_date
from netvet.review.decisions import Decision, DecisionKind
from netvet.service.api.deps import today
from netvet.service.auth import Caller
from netvet.service.decisions import record_decisions
from netvet.service.queries import list_runs, reviewed_records
from netvet.service.responses import request_id
from netvet.service.roles import Role
from netvet.service.web.access import PageRoute, check_form, engine_of, page_caller, render, who_of
from netvet.service.web.session import Session
from netvet.service.web.views import review_queue

router = APIRouter(route_class=PageRoute)
Viewer = Annotated[tuple[Caller, Session], Depends(page_caller(Role.VIEWER))]
Analyst = Annotated[tuple[Caller, Session], Depends(page_caller(Role.ANALYST))]
KINDS = tuple(str(k) for k in DecisionKind)


def queue_page(
    request: Request, who: tuple[Caller, Session], run: int | None, status: int = 200, **values: object
) -> Response:
    """The queue of one run (the newest by default), with a message when there is one."""
    ids = [r.id for r in list_runs(engine_of(request))]
    chosen = run if run is not None else (ids[0] if ids else None)
    queue = review_queue(reviewed_records(engine_of(request), chosen, today())) if chosen else []
    can_mark = who[0].role.allows(Role.ANALYST)
    page = render(
        request,
        "review.html",
        who,
        run=chosen,
        runs=ids,
        queue=queue,
        kinds=KINDS,
        can_mark=can_mark,
        **values,
    )
    page.status_code = status
    return page


@router.get("/review", include_in_schema=False)
def show_queue(request: Request, who: Viewer, run: int | None = None, marked: int | None = None) -> Response:
    """The review queue (viewers see it; only analysts and admins get the mark form)."""
    return queue_page(request, who, run, marked=marked)


def decisions_of(picks: list[str], kind: str, reason: str, expires: str, author: str) -> list[Decision] | str:
    """The decisions a bulk form asks for ("maker|asset" per pick), or what is wrong with it."""
    day = parse_date(expires) if expires.strip() else None
    problems = [
        "pick at least one finding" if not picks else "",
        f"the decision must be one of {', '.join(KINDS)}" if kind not in KINDS else "",
        "a reason is required" if not reason.strip() else "",
        f"expiry: not a date: '{expires}' (use YYYY-MM-DD)" if expires.strip() and day is None else "",
    ]
    if any(problems):
        return "; ".join(p for p in problems if p)
    now = datetime.now(UTC)
    pairs = [pick.partition("|") for pick in picks]
    return [
        Decision(asset, maker, DecisionKind(kind), reason.strip(), author, now, day)
        for maker, _, asset in pairs
    ]


@router.post("/review/mark", include_in_schema=False)
def mark(
    request: Request,
    who: Analyst,
    csrf: Annotated[str, Form()] = "",
    run: Annotated[int | None, Form()] = None,
    pick: Annotated[list[str] | None, Form()] = None,
    decision: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
    expires: Annotated[str, Form()] = "",
) -> Response:
    """Record one decision per picked finding, then show the queue again."""
    check_form(who[1], csrf)
    made = decisions_of(pick or [], decision, reason, expires, who[0].token_name)
    if isinstance(made, str):
        return queue_page(request, who, run, error=made, status=400)
    saved = record_decisions(engine_of(request), made, who_of(who[0]), request_id(request))
    return RedirectResponse(f"/review?run={run or ''}&marked={len(saved)}", status_code=303)
