"""POST /api/scans (analyst): upload inputs, get 202 and a job; the job runs the function
`netvet scan --db` runs and stores the run with its input issues (a malformed row is an issue,
as in the CLI), the audit row in the same transaction; then the run-finished webhook, and
new-covered when assets are covered that the previous run did not have covered.
GET /api/jobs/{id} (viewer) reports progress."""

import shutil
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse

from netvet.regimes import JURISDICTIONS
from netvet.service.api.deps import settings
from netvet.service.api.errors import bad_request, not_found
from netvet.service.auth import Caller, Role, require
from netvet.service.jobs import JobBoard
from netvet.service.responses import request_id
from netvet.service.scan_job import ScanOrder, run_scan

router = APIRouter(tags=["scans"])


def job_board(request: Request) -> JobBoard:
    """The app's job board, made on first use."""
    state = request.app.state
    if getattr(state, "jobs", None) is None:
        state.jobs = JobBoard()
    board: JobBoard = state.jobs
    return board


def saved_uploads(files: list[UploadFile]) -> tuple[Path, tuple[Path, ...]]:
    """The uploads written to a new folder under their own base names (numbered when repeated)."""
    folder = Path(tempfile.mkdtemp(prefix="netvet-scan-"))
    paths = []
    for i, upload in enumerate(files):
        name = Path(upload.filename or "").name or f"upload-{i}"
        path = folder / (name if not (folder / name).exists() else f"{i}-{name}")
        with path.open("wb") as out:
            shutil.copyfileobj(upload.file, out)
        paths.append(path)
    return folder, tuple(paths)


def check_options(fmt: str, jurisdiction: str) -> None:
    """A 400 naming an unknown format or jurisdiction, before any upload is kept."""
    from netvet.ingest import READERS

    if fmt != "auto" and fmt not in READERS:
        raise bad_request(f"unknown format '{fmt}' (known: auto, {', '.join(READERS)})", "format")
    codes = {c.strip().casefold() for c in jurisdiction.split(",") if c.strip()}
    if not codes or codes - {*JURISDICTIONS, "all"}:
        raise bad_request(f"jurisdiction takes {','.join(JURISDICTIONS)} or all", "jurisdiction")


@router.post("/scans", status_code=202)
def post_scan(
    request: Request,
    caller: Annotated[Caller, Depends(require(Role.ANALYST))],
    files: Annotated[
        list[UploadFile], File(description="Inventories, scans, walks: as `netvet scan` reads.")
    ],
    as_of: Annotated[date | None, Form()] = None,
    format: Annotated[str, Form()] = "auto",
    use: Annotated[str | None, Form()] = None,
    federal_contractor: Annotated[bool | None, Form()] = None,
    usf_recipient: Annotated[bool | None, Form()] = None,
    customers: Annotated[int | None, Form(ge=0)] = None,
    jurisdiction: Annotated[str, Form()] = "us",
) -> JSONResponse:
    """Queue a scan of the uploaded files; 202 with the job and where to follow it."""
    check_options(format, jurisdiction)
    folder, paths = saved_uploads(files)
    facts = (federal_contractor, usf_recipient, customers)
    day = as_of or datetime.now(UTC).date()
    who, rid, kb_dir = caller.token_name, request_id(request), settings(request).kb_dir
    order = ScanOrder(folder, paths, day, format, use, facts, jurisdiction, who, rid, kb_dir)
    app = request.app
    job = job_board(request).submit("scan", caller.token_name, lambda job_id: run_scan(app, job_id, order))
    body = {**job.record(), "href": f"/api/jobs/{job.id}"}
    return JSONResponse(body, status_code=202, headers={"Location": body["href"]})


@router.get("/jobs/{job_id}", dependencies=[Depends(require(Role.VIEWER))])
def get_job(job_id: str, request: Request) -> dict[str, Any]:
    """A job's state and progress; done jobs name their run."""
    job = job_board(request).get(job_id)
    if job is None:
        raise not_found(f"no job {job_id}")
    return job.record()
