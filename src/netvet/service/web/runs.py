"""The runs page (counts and the trend across runs), a run's findings (filters, search, paging,
CSV export), one asset, and what changed between two runs. Reads go through
`service/queries.py`, the same functions the API calls."""

import io
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request, Response

from netvet.errors import LookupFailure
from netvet.report import RecordWriter
from netvet.service.api.deps import today
from netvet.service.auth import Caller
from netvet.service.queries import (
    FindingFilter,
    diff_runs,
    is_kept,
    list_runs,
    read_findings,
    reviewed_records,
)
from netvet.service.roles import Role
from netvet.service.web.access import PageRoute, engine_of, page_caller, render
from netvet.service.web.session import Session
from netvet.service.web.views import (
    FILTER_FIELDS,
    VERDICTS,
    find_asset,
    finding_filter,
    list_versions_used,
    ownership_path,
    trend_chart,
)

router = APIRouter(route_class=PageRoute)
Viewer = Annotated[tuple[Caller, Session], Depends(page_caller(Role.VIEWER))]
PAGE = 50


@router.get("/", include_in_schema=False)
def runs_page(request: Request, who: Viewer) -> Response:
    """Every run with its counts, and the trend chart."""
    runs = list_runs(engine_of(request))
    chart = trend_chart(runs) if runs else ""
    return render(request, "runs.html", who, runs=runs, chart=chart, verdicts=VERDICTS)


def filter_values(request: Request) -> dict[str, str]:
    """The filter fields of the query string, as typed."""
    return {k: request.query_params.get(k, "") for k in FILTER_FIELDS}


@router.get("/runs/{run_id}", include_in_schema=False)
def findings_page(
    request: Request, run_id: int, who: Viewer, offset: Annotated[int, Query(ge=0)] = 0
) -> Response:
    """One page of a run's findings that pass the filters."""
    values = filter_values(request)
    found = read_findings(engine_of(request), run_id, finding_filter(values), today(), offset, PAGE)
    query = urlencode({k: v for k, v in values.items() if v})
    return render(
        request,
        "findings.html",
        who,
        run_id=run_id,
        page=found,
        values=values,
        verdicts=VERDICTS,
        query=query,
    )


@router.get("/runs/{run_id}/findings.csv", include_in_schema=False)
def findings_csv(request: Request, run_id: int, who: Viewer) -> Response:
    """Every finding that passes the filters, as the CLI's CSV."""
    chosen: FindingFilter = finding_filter(filter_values(request))
    out = io.StringIO()
    writer = RecordWriter("csv", out)
    for record in reviewed_records(engine_of(request), run_id, today()):
        if is_kept(record, chosen):
            writer.write(record.to_json())
    writer.close()
    headers = {"Content-Disposition": f'attachment; filename="run-{run_id}-findings.csv"'}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/runs/{run_id}/assets/{key:path}", include_in_schema=False)
def asset_page(request: Request, run_id: int, key: str, who: Viewer) -> Response:
    """One asset: evidence, determinations with citations, the ownership path, list versions."""
    record = find_asset(reviewed_records(engine_of(request), run_id, today()), key)
    if record is None:
        raise LookupFailure(f"no asset '{key}' in run {run_id}")
    return render(
        request,
        "asset.html",
        who,
        run_id=run_id,
        r=record,
        path=ownership_path(record),
        versions=list_versions_used(record),
    )


@router.get("/changes", include_in_schema=False)
def changes_page(
    request: Request, who: Viewer, run: int | None = None, against: int | None = None
) -> Response:
    """What changed between two runs (default: the newest and the one before it)."""
    runs = list_runs(engine_of(request))
    ids = [r.id for r in runs]
    run = run if run is not None else (ids[0] if ids else None)
    against = against if against is not None else next((i for i in ids if run is not None and i < run), None)
    diff = diff_runs(engine_of(request), run, against, today()) if run and against else None
    return render(request, "changes.html", who, runs=runs, run=run, against=against, diff=diff)
