"""Errors as JSON `{"error": message, "field": name or null}` with the status they mean, and a
request id on every request (taken from X-Request-ID or made up) for the audit log."""

import uuid
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from netvet.errors import (
    AccessError,
    LookupFailure,
    NetvetError,
    RecordError,
    RoleError,
    StoreError,
)

REQUEST_ID_HEADER = "X-Request-ID"
# The most specific class first: RoleError is an AccessError, RecordError a SourceError.
STATUS_OF = (
    (RoleError, 403),
    (AccessError, 401),
    (LookupFailure, 404),
    (StoreError, 503),
    (NetvetError, 400),
)


def json_error(status: int, message: str, field: str | None = None) -> JSONResponse:
    """The one shape of every error the service answers."""
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"error": message, "field": field}, status_code=status, headers=headers)


def status_of(exc: NetvetError) -> int:
    """The HTTP status a netvet error means."""
    return next(status for kind, status in STATUS_OF if isinstance(exc, kind))


async def netvet_error(_request: Request, exc: Exception) -> Response:
    """A netvet error: its message, and the field when it names one."""
    assert isinstance(exc, NetvetError)
    field = exc.field if isinstance(exc, RecordError) else getattr(exc, "field", None)
    return json_error(status_of(exc), str(exc), field)


async def invalid_request(_request: Request, exc: Exception) -> Response:
    """FastAPI's validation error: the first problem, with the dotted name of its field."""
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
    field = ".".join(str(part) for part in first.get("loc", ())[1:]) or None
    return json_error(400, str(first.get("msg", "invalid request")), field)


async def http_error(_request: Request, exc: Exception) -> Response:
    """Starlette's errors (404 for an unknown path, 405...) in the same shape."""
    assert isinstance(exc, HTTPException)
    return json_error(exc.status_code, str(exc.detail))


async def internal_error(_request: Request, exc: Exception) -> Response:
    """Anything else: a 500 in the same shape, without internals (the server log has them)."""
    return json_error(500, f"internal error ({type(exc).__name__})")


async def with_request_id(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Give the request an id (request.state.request_id) and echo it in the response."""
    given = request.headers.get(REQUEST_ID_HEADER, "")
    request.state.request_id = given[:64] if given.isprintable() and given else uuid.uuid4().hex
    response = await call_next(request)
    response.headers[REQUEST_ID_HEADER] = request.state.request_id
    return response


def request_id(request: Request) -> str:
    """The id given to the request by `with_request_id`."""
    return str(getattr(request.state, "request_id", "")) or uuid.uuid4().hex


def install_handlers(app: FastAPI) -> None:
    """Register the error handlers and the request-id middleware on the app."""
    app.add_exception_handler(NetvetError, netvet_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, internal_error)
    app.middleware("http")(with_request_id)
