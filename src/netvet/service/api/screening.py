"""POST /api/screen and POST /api/purchase-review (analyst): a CSV upload or JSON rows, answered
with what `netvet screen --json` and `netvet review-purchase --json` print, plus the input issues."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine

from netvet.ids import parse_date
from netvet.kb.knowledge import KnowledgeBase
from netvet.match import DEFAULT_THRESHOLD
from netvet.model import Issue
from netvet.service.api.deps import decision_book, knowledge, store, today
from netvet.service.api.errors import bad_request
from netvet.service.api.uploads import Upload, read_upload
from netvet.service.auth import Role, require

router = APIRouter(tags=["screening"], dependencies=[Depends(require(Role.ANALYST))])
PURPOSES = ("procurement", "export")


def option_date(options: dict[str, str], name: str) -> date:
    """A date option, today when absent; a 400 naming it when it is not a date."""
    text = options.get(name)
    day = parse_date(text) if text else today()
    if day is None:
        raise bad_request(f"not a date: '{text}' (use YYYY-MM-DD)", name)
    return day


def option_number(options: dict[str, str], name: str, default: float) -> float:
    """A number in [0, 1]; a 400 naming it otherwise."""
    try:
        value = float(options.get(name, default))
    except ValueError as exc:
        raise bad_request(f"not a number: '{options[name]}'", name) from exc
    if not 0.0 <= value <= 1.0:
        raise bad_request(f"{name} must be between 0 and 1", name)
    return value


def issue_record(issue: Issue) -> dict[str, Any]:
    """An input issue with its location."""
    return {"path": issue.path, "locator": issue.locator, "field": issue.field, "message": issue.message}


def require_lists(kb: KnowledgeBase, purpose: Any) -> None:
    """Screening for a purpose no loaded list serves is a 400 (as the CLI's usage error), not 'clear'."""
    from netvet.kb.screening import load_screening

    roles = load_screening(kb.directory).roles
    if not any(purpose in roles[i].purposes and kb.lists[i].entries for i in kb.lists if i in roles):
        raise bad_request(
            f"no list for {purpose} screening in the kb: import the Consolidated Screening List first",
            "purpose",
        )


def screened(upload: Upload, kb: KnowledgeBase, engine: Engine) -> dict[str, Any]:
    """The rows screened as `netvet screen` does; the user's cells then netvet's."""
    from netvet.kb.screening import Purpose
    from netvet.screen.party import open_screening, screen_party
    from netvet.screen.rows import added_names, read_parties, row_record

    purpose = upload.options.get("purpose", "procurement")
    if purpose not in PURPOSES:
        raise bad_request("purpose takes procurement or export", "purpose")
    require_lists(kb, Purpose(purpose))
    threshold = option_number(upload.options, "threshold", DEFAULT_THRESHOLD)
    headers, rows, issues = read_parties(
        upload.path, upload.options.get("column"), upload.options.get("country_column")
    )
    s = open_screening(
        kb, Purpose(purpose), option_date(upload.options, "as_of"), threshold, decision_book(engine)
    )
    added = added_names(headers)
    records = [
        row_record(r, screen_party(s, r.name, r.country, r.identifiers, r.service) if r.name else None, added)
        for r in rows
    ]
    return {"rows": records, "issues": [issue_record(i) for i in issues]}


def reviewed_purchases(upload: Upload, kb: KnowledgeBase) -> dict[str, Any]:
    """The lines judged as `netvet review-purchase --json` does."""
    from netvet.ingest.purchase import read_purchase_lines
    from netvet.model import Organisation
    from netvet.pipeline.purchase import review_kb
    from netvet.purchase import review_line
    from netvet.purchase.records import review_record

    day = option_date(upload.options, "as_of")
    lines, issues = read_purchase_lines(upload.path)
    tools, problems = review_kb(kb, day, [])
    org = Organisation(
        flag(upload.options, "federal_contractor"), flag(upload.options, "usf_recipient"), None
    )
    reviews = [review_line(line, tools, org, day) for line in lines]
    return {
        "lines": [review_record(r, kb.entities) for r in reviews],
        "issues": [issue_record(i) for i in [*issues, *problems]],
    }


def flag(options: dict[str, str], name: str) -> bool | None:
    """A yes/no option; absent is unknown; a 400 naming it otherwise."""
    text = options.get(name, "").strip().casefold()
    if not text:
        return None
    if text not in ("true", "false", "yes", "no", "1", "0"):
        raise bad_request(f"{name} takes true or false, not '{text}'", name)
    return text in ("true", "yes", "1")


@router.post("/screen")
async def post_screen(
    request: Request,
    kb: Annotated[KnowledgeBase, Depends(knowledge)],
    engine: Annotated[Engine, Depends(store)],
) -> dict[str, Any]:
    """Screen a supplier or customer list (`file` upload or JSON `rows`; purpose, threshold, as_of)."""
    upload = await read_upload(request)
    try:
        return await run_in_threadpool(screened, upload, kb, engine)
    finally:
        upload.remove()


@router.post("/purchase-review")
async def post_purchase_review(
    request: Request, kb: Annotated[KnowledgeBase, Depends(knowledge)]
) -> dict[str, Any]:
    """Judge proposed purchase lines (`file` upload or JSON `rows`; as_of, federal_contractor,
    usf_recipient)."""
    upload = await read_upload(request)
    try:
        return await run_in_threadpool(reviewed_purchases, upload, kb)
    finally:
        upload.remove()
