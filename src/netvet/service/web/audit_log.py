"""The audit log (admin): the newest rows first, and whether the hash chain holds."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy import Engine, func, select

from netvet.service import audit
from netvet.service.auth import Caller
from netvet.service.roles import Role
from netvet.service.web.access import PageRoute, engine_of, page_caller, render
from netvet.service.web.session import Session
from netvet.store.tables import audit_log

router = APIRouter(route_class=PageRoute)
Admin = Annotated[tuple[Caller, Session], Depends(page_caller(Role.ADMIN))]
SHOWN = 200


def newest_rows(engine: Engine) -> tuple[list[audit.AuditRow], int]:
    """The last SHOWN rows, newest first, and the number of rows (ids are never reused or
    removed: the chain is insert-only)."""
    with engine.connect() as conn:
        last = conn.execute(select(func.max(audit_log.c.id))).scalar() or 0
    rows = audit.read_rows(engine, after_id=max(0, int(last) - SHOWN))
    return rows[::-1], int(last)


@router.get("/audit", include_in_schema=False)
def audit_page(request: Request, who: Admin, verify: Annotated[bool, Query()] = False) -> Response:
    """The newest rows; with ?verify=1 the whole chain is checked."""
    rows, total = newest_rows(engine_of(request))
    broken = audit.verify(engine_of(request)) if verify else None
    return render(request, "audit.html", who, rows=rows, total=total, verified=verify, broken=broken)
