"""GET /api/audit (admin): the audit chain, oldest first, paged by id; GET /api/audit/verify
(admin): whether the chain holds, naming the first row that does not."""

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import Engine

from netvet.service import audit
from netvet.service.api.deps import store
from netvet.service.auth import Role, require

router = APIRouter(tags=["audit"], dependencies=[Depends(require(Role.ADMIN))])


def row_record(row: audit.AuditRow) -> dict[str, Any]:
    """An audit row as JSON values."""
    return {**asdict(row), "at": row.at.isoformat()}


@router.get("/audit")
def get_audit(
    engine: Annotated[Engine, Depends(store)],
    after_id: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Rows with an id above after_id, oldest first; `next` is the after_id of the next page."""
    rows = audit.read_rows(engine, after_id=after_id, limit=limit)
    return {"items": [row_record(r) for r in rows], "next": rows[-1].id if len(rows) == limit else None}


@router.get("/audit/verify")
def get_verify(engine: Annotated[Engine, Depends(store)]) -> dict[str, Any]:
    """{"ok": true} when every row's hash holds, else ok false and the first broken row."""
    broken = audit.verify(engine)
    return {"ok": broken is None, "first_broken": row_record(broken) if broken else None}
