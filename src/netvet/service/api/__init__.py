"""The `/api` endpoints (JSON, bearer tokens): one module per endpoint group, all included in
`router`."""

from fastapi import APIRouter

from netvet.service.api import audit_log, decisions, lists, match, runs, scans, screening

router = APIRouter()
for group in (runs, scans, match, screening, decisions, lists, audit_log):
    router.include_router(group.router)
