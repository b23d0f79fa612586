"""The audit log (admin): the newest rows first, and whether the hash chain holds."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from netvet.service import audit
from netvet.service.auth import Caller
from netvet.service.roles import Role
from netvet.service.web.access import PageRoute, engine_of, page_caller, render
from netvet.service.web.session import Session

router = APIRouter(route_class=PageRoute)
Admin = Annotated[tuple[Caller, Session], Depends(page_caller(Role.ADMIN))]
SHOWN = 200


@router.get("/audit", include_in_schema=False)
def audit_page(request: Request, who: Admin, verify: Annotated[bool, Query()] = False) -> Response:
    """The last SHOWN rows, newest first; with ?verify=1 the whole chain is checked."""
    rows = list(audit.all_rows(engine_of(request)))
    broken = audit.verify(engine_of(request)) if verify else None
    return render(
        request, "audit.html", who, rows=rows[::-1][:SHOWN], total=len(rows), verified=verify, broken=broken
    )
