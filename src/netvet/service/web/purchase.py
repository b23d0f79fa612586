"""The purchase gate (analyst): upload purchase lines (CSV or XLSX) with the organisation's facts
and see each line's decision, as `netvet review-purchase` gives it."""

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile

from netvet.cli.purchase import review_kb
from netvet.errors import SourceError
from netvet.ids import parse_date
from netvet.ingest.purchase import read_purchase_lines
from netvet.model import Issue
from netvet.model.finding import Organisation
from netvet.purchase import review_line, review_record
from netvet.report.records import Record
from netvet.service.auth import Caller
from netvet.service.roles import Role
from netvet.service.web.access import PageRoute, check_form, page_caller, render
from netvet.service.web.lists import kb_of
from netvet.service.web.runs import today
from netvet.service.web.session import Session

router = APIRouter(route_class=PageRoute)
Analyst = Annotated[tuple[Caller, Session], Depends(page_caller(Role.ANALYST))]
SUFFIXES = (".csv", ".xlsx", ".xlsm", ".txt")
ANSWERS = {"yes": True, "no": False}


@router.get("/purchase", include_in_schema=False)
def purchase_form(request: Request, who: Analyst) -> Response:
    """The upload form."""
    return render(request, "purchase.html", who, lines=None, issues=[], error=None)


def organisation_of(contractor: str, usf: str, customers: str) -> Organisation:
    """The organisation's facts as the form gives them; unknown stays None."""
    count = customers.strip()
    return Organisation(ANSWERS.get(contractor), ANSWERS.get(usf), int(count) if count.isdigit() else None)


def reviewed_lines(
    request: Request, path: Path, org: Organisation, as_of: str
) -> tuple[list[Record], Sequence[Issue]]:
    """Each line's review record and the file's issues, judged as of the day given (or today)."""
    day = parse_date(as_of) or today()
    lines, issues = read_purchase_lines(path)
    kb = kb_of(request)
    tools, problems = review_kb(kb, day, [])
    return [review_record(review_line(line, tools, org, day), kb.entities) for line in lines], [
        *issues,
        *problems,
    ]


@router.post("/purchase", include_in_schema=False)
def review_upload(
    request: Request,
    who: Analyst,
    lines: Annotated[UploadFile, File()],
    csrf: Annotated[str, Form()] = "",
    as_of: Annotated[str, Form()] = "",
    federal_contractor: Annotated[str, Form()] = "",
    usf_recipient: Annotated[str, Form()] = "",
    customers: Annotated[str, Form()] = "",
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
    org = organisation_of(federal_contractor, usf_recipient, customers)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(lines.file.read())
        try:
            records, issues = reviewed_lines(request, path, org, as_of)
        except SourceError as exc:
            message = f"{lines.filename}: {exc}".replace(str(path), lines.filename or "upload")
            return render(request, "purchase.html", who, lines=None, issues=[], error=message)
    return render(request, "purchase.html", who, lines=records, issues=issues, error=None)
