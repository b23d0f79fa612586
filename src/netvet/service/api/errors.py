"""JSON errors that name the field. Every error body is {"error": message, "field": location or
null}; a validation error (422) also lists each problem under "errors" with its own field, the
location joined with dots as FastAPI gives it ("body.queries.q1.schema", "query.limit")."""

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from netvet.errors import LookupFailure, NetvetError, SourceError, StoreError, UsageError


class ApiError(HTTPException):
    """An HTTP error whose body names the field at fault."""

    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        super().__init__(status, message)
        self.field = field


def error_body(message: str, field: str | None, **more: Any) -> dict[str, Any]:
    """The one error shape."""
    return {"error": message, "field": field, **more}


def dotted(location: Sequence[Any]) -> str:
    """('body', 'queries', 'q1') -> 'body.queries.q1'."""
    return ".".join(str(part) for part in location)


def on_validation(_request: Request, exc: Exception) -> JSONResponse:
    """422 with every problem and its field; the first one on top."""
    problems = [
        {"field": dotted(e.get("loc", ())), "error": str(e.get("msg", ""))}
        for e in getattr(exc, "errors", list)()
    ]
    first = problems[0] if problems else {"field": None, "error": "invalid request"}
    return JSONResponse(error_body(first["error"], first["field"], errors=problems), status_code=422)


def on_http(_request: Request, exc: Exception) -> JSONResponse:
    """An HTTPException in the one error shape, with its headers (WWW-Authenticate on 401)."""
    assert isinstance(exc, StarletteHTTPException)
    field = exc.field if isinstance(exc, ApiError) else None
    return JSONResponse(error_body(str(exc.detail), field), status_code=exc.status_code, headers=exc.headers)


def status_of(exc: NetvetError) -> int:
    """400 for bad input, 404 for an unknown run or registry entry, 500 for the store."""
    if isinstance(exc, LookupFailure) or (isinstance(exc, StoreError) and str(exc).startswith("no run")):
        return 404
    return 400 if isinstance(exc, UsageError | SourceError) else 500


def on_netvet(_request: Request, exc: Exception) -> JSONResponse:
    """A netvet error raised by the shared functions: its message, the field when it names one."""
    assert isinstance(exc, NetvetError)
    return JSONResponse(error_body(str(exc), getattr(exc, "field", None)), status_code=status_of(exc))


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error in the one JSON shape."""
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(NetvetError, on_netvet)
