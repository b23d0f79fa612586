"""The purchase gate (analyst): upload purchase lines (CSV or XLSX) with the organisation's facts
and see each line's decision: the API's `POST /api/purchase-review` function, as
`netvet review-purchase` gives it."""

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile

from netvet.errors import NetvetError
from netvet.service.api.deps import knowledge
from netvet.service.api.screening import reviewed_purchases
from netvet.service.api.uploads import Upload
from netvet.service.auth import Caller
from netvet.service.roles import Role
from netvet.service.web.access import PageRoute, check_form, page_caller, render
from netvet.service.web.session import Session

router = APIRouter(route_class=PageRoute)
Analyst = Annotated[tuple[Caller, Session], Depends(page_caller(Role.ANALYST))]
SUFFIXES = (".csv", ".xlsx", ".xlsm", ".txt")


@router.get("/purchase", include_in_schema=False)
def purchase_form(request: Request, who: Analyst) -> Response:
    """The upload form."""
    return render(request, "purchase.html", who, lines=None, issues=[], error=None)


@router.post("/purchase", include_in_schema=False)
def review_upload(
    request: Request,
    who: Analyst,
    lines: Annotated[UploadFile, File()],
    csrf: Annotated[str, Form()] = "",
    as_of: Annotated[str, Form()] = "",
    federal_contractor: Annotated[str, Form()] = "",
    usf_recipient: Annotated[str, Form()] = "",
) -> Response:
    """Judge the uploaded lines and show the decisions."""
    check_form(who[1], csrf)
    suffix = Path(lines.filename or "lines.csv").suffix.lower()
    if suffix not in SUFFIXES:
        return render(
            request,
            "purchase.html",
            who,
            lines=None,
            issues=[],
            error=f"not a CSV or XLSX file: {lines.filename}",
        )
    options = {"as_of": as_of, "federal_contractor": federal_contractor, "usf_recipient": usf_recipient}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(lines.file.read())
        try:
            found = reviewed_purchases(Upload(Path(folder), path, options), knowledge(request))
        except NetvetError as exc:
            message = f"{lines.filename}: {exc}".replace(str(path), lines.filename or "upload")
            return render(request, "purchase.html", who, lines=None, issues=[], error=message)
    return render(request, "purchase.html", who, lines=found["lines"], issues=found["issues"], error=None)
