"""The dashboard under `/` (server-rendered pages, htmx, no JavaScript build step): routes are
added to `router`."""

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from netvet.service.web import audit_log, lists, login, purchase, review, runs

STATIC = Path(__file__).parent / "static"

router = APIRouter()
for pages in (login, runs, review, lists, purchase, audit_log):
    router.include_router(pages.router)


@router.get("/static/htmx.min.js", include_in_schema=False)
def htmx_script() -> FileResponse:
    """The vendored htmx (see static/htmx.VERSION), cached for a day."""
    return FileResponse(
        STATIC / "htmx.min.js",
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=86400"},
    )
