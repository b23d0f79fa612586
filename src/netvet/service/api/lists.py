"""Lists: GET /api/lists, /api/lists/{id}/versions and /api/lists/{id}/diff (viewer); POST
/api/lists/{id}/import (admin) loads a new official file as `netvet kb import` does, into the kb
folder the service was started with (NETVET_KB_DIR), then audits it and emits list-changed.
`{id}` is an import kind (fcc-covered-list, dod-1260h, csl, ieee) or, for any other id, the id of
a user list."""

import tempfile
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from sqlalchemy import Engine

from netvet.kb.diff import diff_record
from netvet.kb.knowledge import KnowledgeBase
from netvet.service.api.deps import knowledge, loaded_kb, settings, store, today
from netvet.service.api.errors import bad_request
from netvet.service.audit import append
from netvet.service.auth import Caller, Role, require
from netvet.service.queries import diff_list, list_summaries, list_versions
from netvet.service.responses import request_id
from netvet.service.webhooks import Event, emit

router = APIRouter(tags=["lists"])
Viewer = [Depends(require(Role.VIEWER))]
OFFICIAL = ("fcc-covered-list", "dod-1260h", "csl", "ieee")


@router.get("/lists", dependencies=Viewer)
def get_lists(request: Request, kb: Annotated[KnowledgeBase, Depends(knowledge)]) -> dict[str, Any]:
    """Every list the kb screens against, with its loaded version and kept versions."""
    return {"lists": [asdict(s) for s in list_summaries(kb, settings(request).kb_dir)]}


@router.get("/lists/{list_id}/versions", dependencies=Viewer)
def get_versions(list_id: str, request: Request) -> dict[str, Any]:
    """The kept versions of a list, oldest first."""
    kept = list_versions(settings(request).kb_dir, list_id)
    return {"list": list_id, "versions": [{**asdict(v), "label": v.label} for v in kept]}


@router.get("/lists/{list_id}/diff", dependencies=Viewer)
def get_diff(
    list_id: str, request: Request, old: str | None = None, new: str | None = None
) -> dict[str, Any]:
    """Entries added, removed and changed between two kept versions (default: the last two)."""
    return diff_record(diff_list(settings(request).kb_dir, list_id, old, new))


def import_file(
    request: Request, list_id: str, source: Path, version: date, purposes: list[str]
) -> list[Any]:
    """Run the CLI's import into the service's kb folder; its issues."""
    from netvet.kb.imports import import_official

    kb_dir = settings(request).kb_dir
    if kb_dir is None:
        raise bad_request("the service has no kb folder of its own (start it with NETVET_KB_DIR)", "list_id")
    kind = list_id if list_id in OFFICIAL else "user-list"
    found = import_official(
        kind, source, kb_dir, version, list_id=None if kind != "user-list" else list_id, purposes=purposes
    )
    loaded_kb.cache_clear()
    return found


@router.post("/lists/{list_id}/import", status_code=201)
def post_import(
    list_id: str,
    request: Request,
    engine: Annotated[Engine, Depends(store)],
    caller: Annotated[Caller, Depends(require(Role.ADMIN))],
    file: Annotated[UploadFile, File(description="The official file, as `netvet kb import` takes it.")],
    version: Annotated[date | None, Form()] = None,
    purpose: Annotated[list[str] | None, Form()] = None,
) -> dict[str, Any]:
    """Import a new version of a list; the versions kept afterwards, and the import's issues."""
    before = {v.sha256 for v in list_versions(settings(request).kb_dir, list_id)}
    with tempfile.TemporaryDirectory(prefix="netvet-import-") as folder:
        source = Path(folder) / (Path(file.filename or "").name or "list")
        source.write_bytes(file.file.read())
        issues = import_file(request, list_id, source, version or today(), purpose or [])
    kept = list_versions(settings(request).kb_dir, list_id)
    added = [{**asdict(v), "label": v.label} for v in kept if v.sha256 not in before]
    after = {"list": list_id, "versions": [v["label"] for v in added], "issues": len(issues)}
    with engine.begin() as conn:
        append(
            conn,
            who=caller.token_name,
            action="list-imported",
            subject=list_id,
            after=after,
            request_id=request_id(request),
        )
    if added:
        emit(engine, Event.LIST_CHANGED, {"list": list_id, "versions": after["versions"]})
    return {"list": list_id, "added": added, "issues": [str(i.describe()) for i in issues]}
