"""List versions: every list the kb screens against, the kept versions of one, what changed
between two of them, and the findings of the newest run that rest on an entry the change added
or changed."""

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from netvet.errors import UsageError
from netvet.service.api.deps import knowledge, settings, today
from netvet.service.auth import Caller
from netvet.service.queries import diff_list, list_runs, list_summaries, list_versions, reviewed_records
from netvet.service.roles import Role
from netvet.service.web.access import PageRoute, engine_of, page_caller, render
from netvet.service.web.session import Session
from netvet.service.web.views import hit_by_change

router = APIRouter(route_class=PageRoute)
Viewer = Annotated[tuple[Caller, Session], Depends(page_caller(Role.VIEWER))]


def kb_dir_of(request: Request) -> Path | None:
    """The user's kb folder, where imported list versions are kept."""
    return settings(request).kb_dir


@router.get("/lists", include_in_schema=False)
def lists_page(request: Request, who: Viewer) -> Response:
    """Every list with its loaded version and the number of kept versions."""
    return render(request, "lists.html", who, lists=list_summaries(knowledge(request), kb_dir_of(request)))


@router.get("/lists/{list_id}", include_in_schema=False)
def list_page(
    request: Request, list_id: str, who: Viewer, old: str | None = None, new: str | None = None
) -> Response:
    """One list's kept versions, the diff of two, and the newest run's findings the change hits."""
    versions = list_versions(kb_dir_of(request), list_id)
    diff, problem, hits = None, None, []
    if len(versions) > 1 or old or new:
        try:
            diff = diff_list(kb_dir_of(request), list_id, old, new)
        except UsageError as exc:
            problem = str(exc)
    runs = list_runs(engine_of(request))
    if diff is not None and runs:
        hits = hit_by_change(reviewed_records(engine_of(request), runs[0].id, today()), diff)
    run_id = runs[0].id if runs else None
    return render(
        request,
        "list.html",
        who,
        list_id=list_id,
        versions=versions,
        diff=diff,
        problem=problem,
        hits=hits,
        run_id=run_id,
    )
