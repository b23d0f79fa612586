"""Runs (viewer): list them, read a run's findings with filters and paging, compare two runs,
and render a run's filings."""

import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import FileResponse, Response
from sqlalchemy import Engine
from starlette.background import BackgroundTask

from netvet.kb.knowledge import KnowledgeBase
from netvet.service.api.deps import knowledge, store, today
from netvet.service.api.errors import bad_request, not_found
from netvet.service.auth import Role, require
from netvet.service.queries import FindingFilter, diff_runs, list_runs, read_findings, require_run

router = APIRouter(tags=["runs"], dependencies=[Depends(require(Role.VIEWER))])
Store = Annotated[Engine, Depends(store)]
# Each filing's files by format; the first is what a request without ?format gets.
REPORT_FILES = {
    "fcc-annual": {"csv": "fcc-annual-report.csv", "xlsx": "fcc-annual-report.xlsx"},
    "889-evidence": {"html": "889-evidence.html", "pdf": "889-evidence.pdf"},
    "rip-and-replace": {"html": "rip-and-replace.html", "pdf": "rip-and-replace.pdf"},
}


@router.get("/runs")
def get_runs(engine: Store) -> dict[str, Any]:
    """Every stored run, newest first, with its counts by verdict."""
    return {"runs": [asdict(r) for r in list_runs(engine)]}


@router.get("/runs/{run_id}/findings")
def get_findings(
    run_id: int,
    engine: Store,
    verdict: str | None = None,
    regime: str | None = None,
    status: str | None = None,
    manufacturer: str | None = None,
    site: str | None = None,
    text: str | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict[str, Any]:
    """One page of a run's findings (the JSON contract objects, review decisions in force
    applied), with the total that pass the filters."""
    kept = FindingFilter(
        verdict=verdict, regime=regime, status=status, manufacturer=manufacturer, site=site, text=text
    )
    page = read_findings(engine, run_id, kept, today(), offset, limit)
    items = [r.to_json() for r in page.items]
    return {"items": items, "total": page.total, "offset": page.offset, "limit": page.limit}


@router.get("/runs/{run_id}/diff")
def get_diff(run_id: int, against: Annotated[int, Query()], engine: Store) -> dict[str, Any]:
    """New, resolved and changed findings of the run compared with run `against`."""
    found = diff_runs(engine, run_id, against, today())
    changed = [
        {"asset": c.asset, "before": c.before.to_json(), "after": c.after.to_json()} for c in found.changed
    ]
    return {
        "run": found.run,
        "against": found.against,
        "new": [r.to_json() for r in found.new],
        "resolved": [r.to_json() for r in found.resolved],
        "changed": changed,
    }


@router.get("/runs/{run_id}/reports/{kind}", response_model=None)
def get_report(
    run_id: int,
    kind: str,
    engine: Store,
    kb: Annotated[KnowledgeBase, Depends(knowledge)],
    format: str | None = None,
) -> Response:
    """One of the three filings of a run, as `netvet report KIND --run ID` writes it."""
    files = REPORT_FILES.get(kind)
    if files is None:
        raise not_found(f"unknown report '{kind}' (known: {', '.join(REPORT_FILES)})")
    chosen = format or next(iter(files))
    if chosen not in files:
        raise bad_request(f"{kind} comes as {', '.join(files)}, not '{chosen}'", "format")
    folder = Path(tempfile.mkdtemp(prefix="netvet-report-"))
    try:
        render_report(kind, engine, run_id, kb, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    cleanup = BackgroundTask(shutil.rmtree, folder, ignore_errors=True)
    return FileResponse(folder / files[chosen], filename=files[chosen], background=cleanup)


def render_report(kind: str, engine: Engine, run_id: int, kb: KnowledgeBase, out: Path) -> list[Path]:
    """Write a filing's files into a folder (no sites file or cost catalogue: the API sends none)."""
    from netvet.report import files as report_files
    from netvet.report.annual import build_annual
    from netvet.report.catalogue import Catalogue
    from netvet.report.evidence import build_evidence
    from netvet.report.plan import build_plan
    from netvet.store import read_run

    require_run(engine, run_id)
    run = read_run(engine, run_id)
    if kind == "fcc-annual":
        return report_files.write_annual(build_annual(run, {}, ()), out)
    if kind == "rip-and-replace":
        return report_files.write_plan(build_plan(run, Catalogue("no cost catalogue given", "USD", {})), out)
    hashes = {list_id: listed.sha256 for list_id, listed in kb.lists.items()}
    pack = build_evidence(
        run,
        kb.entities,
        kb.lists.get("ndaa-889"),
        run.as_of,
        kb_sha_now=kb.manifest_sha256,
        list_hashes=hashes,
    )
    return report_files.write_evidence(pack, out)
