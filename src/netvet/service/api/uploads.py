"""One input file from a request that sends either a multipart upload (field `file`) or JSON
rows ({"rows": [{header: cell, ...}, ...]}, written out as a CSV with the union of the keys as
headers): both go through the same reader the CLI uses. Other fields are the options."""

import csv
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile

from netvet.service.api.errors import bad_request

MAX_ROWS = 100_000


@dataclass(frozen=True, slots=True)
class Upload:
    """The request's file in a folder of its own, and its other fields as text."""

    folder: Path
    path: Path
    options: dict[str, str]

    def remove(self) -> None:
        """Delete the folder."""
        shutil.rmtree(self.folder, ignore_errors=True)


def rows_csv(rows: Any, path: Path) -> None:
    """JSON rows as a CSV; a row that is not an object is a 400 naming it."""
    if not isinstance(rows, list) or not rows or len(rows) > MAX_ROWS:
        raise bad_request(f"rows must be a list of 1 to {MAX_ROWS} objects", "rows")
    bad = next((i for i, r in enumerate(rows) if not isinstance(r, dict)), None)
    if bad is not None:
        raise bad_request("each row must be an object of header: cell", f"rows.{bad}")
    headers = list(dict.fromkeys(str(k) for r in rows for k in r))
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, headers)
        writer.writeheader()
        writer.writerows({str(k): "" if v is None else str(v) for k, v in r.items()} for r in rows)


async def read_upload(request: Request) -> Upload:
    """The request's file and options, whichever way it came."""
    folder = Path(tempfile.mkdtemp(prefix="netvet-upload-"))
    try:
        if request.headers.get("content-type", "").startswith("multipart/form-data"):
            return await from_form(request, folder)
        return await from_json(request, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


async def from_form(request: Request, folder: Path) -> Upload:
    """A multipart request: the `file` field and the text fields."""
    form = await request.form()
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise bad_request("send a CSV as the multipart field 'file', or JSON rows", "file")
        path = folder / (Path(upload.filename or "").name or "upload.csv")
        path.write_bytes(await upload.read())
        options = {k: v for k, v in form.items() if isinstance(v, str)}
    finally:
        await form.close()
    return Upload(folder, path, options)


async def from_json(request: Request, folder: Path) -> Upload:
    """A JSON request: {"rows": [...], option: value, ...}."""
    try:
        body = await request.json()
    except ValueError as exc:
        raise bad_request(f"the body is neither multipart nor JSON: {exc}", "body") from exc
    if not isinstance(body, dict):
        raise bad_request("the JSON body must be an object with 'rows'", "body")
    path = folder / "rows.csv"
    rows_csv(body.get("rows"), path)
    options = {str(k): str(v) for k, v in body.items() if k != "rows" and v is not None}
    return Upload(folder, path, options)
