"""GET /api/audit (admin): the audit chain, newest first, paged; GET /api/audit/verify (admin):
whether the chain holds, naming the first row that does not."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import Engine

from netvet.service import audit
from netvet.service.api.deps import store
from netvet.service.auth import Role, require

router = APIRouter(tags=["audit"], dependencies=[Depends(require(Role.ADMIN))])


@router.get("/audit")
def get_audit(
    engine: Annotated[Engine, Depends(store)],
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """One page of audit rows, newest first."""
    rows = audit.read_rows(engine, offset, limit)
    return {"items": rows, "offset": offset, "limit": limit}


@router.get("/audit/verify")
def get_verify(engine: Annotated[Engine, Depends(store)]) -> dict[str, Any]:
    """{"ok": true, "rows": n} when every row's hash holds, else the first broken row."""
    return audit.verify_record(engine)
