"""The service under a real Uvicorn: health needs no token; a protected route answers 401 for
no, a bad, an expired or a revoked token and 403 for a role too low, as JSON naming the problem."""

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import httpx
import pytest
from fastapi import APIRouter, Depends, FastAPI

from netvet.service.auth import Caller, require
from netvet.service.roles import Role
from netvet.service.tokens import create_token, revoke_token
from tests.service.conftest import serve, token


@pytest.fixture
def base(app: FastAPI) -> Iterator[str]:
    """The app with one admin-only route added (the API's own live on other branches)."""
    admin_only = APIRouter()

    @admin_only.get("/broken")
    def read_broken() -> None:
        raise ZeroDivisionError("a bug")

    @admin_only.get("/admin-only")
    def read_admin_only(caller: Annotated[Caller, Depends(require(Role.ADMIN))]) -> dict[str, str]:
        return {"name": caller.token_name}

    app.include_router(admin_only, prefix="/api")
    yield from serve(app)


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def test_health_needs_no_token(base: str) -> None:
    answer = httpx.get(f"{base}/api/health")
    assert answer.status_code == 200 and answer.json()["status"] == "ok"
    assert httpx.get(f"{base}/docs").status_code == 200
    assert "/api/health" in httpx.get(f"{base}/openapi.json").json()["paths"]


def test_me_names_the_caller(base: str, app: FastAPI) -> None:
    secret = token(app.state.engine, Role.ANALYST, "ana")
    answer = httpx.get(f"{base}/api/me", headers=bearer(secret))
    assert answer.status_code == 200
    assert answer.json() == {"token": "ana", "role": "analyst"}


def test_missing_and_bad_tokens_are_401(base: str, app: FastAPI) -> None:
    secret = token(app.state.engine, Role.ADMIN)
    for headers in ({}, bearer("nvt_nope"), bearer(secret + "x"), {"Authorization": f"Basic {secret}"}):
        answer = httpx.get(f"{base}/api/me", headers=headers)
        assert answer.status_code == 401, headers
        assert answer.headers["WWW-Authenticate"] == "Bearer"
        assert set(answer.json()) == {"error", "field"} and answer.json()["error"]


def test_revoked_and_expired_tokens_are_401(base: str, app: FastAPI) -> None:
    engine = app.state.engine
    revoked = token(engine, Role.ADMIN, "gone")
    assert httpx.get(f"{base}/api/me", headers=bearer(revoked)).status_code == 200
    revoke_token(engine, "gone", by="test")
    assert httpx.get(f"{base}/api/me", headers=bearer(revoked)).status_code == 401
    today = date.today()
    _, lapsed = create_token(engine, role=Role.ADMIN, by="test", expires=today - timedelta(days=1))
    _, last_day = create_token(engine, role=Role.ADMIN, by="test", expires=today)
    assert httpx.get(f"{base}/api/me", headers=bearer(lapsed)).status_code == 401
    assert httpx.get(f"{base}/api/me", headers=bearer(last_day)).status_code == 200


def test_a_role_too_low_is_403(base: str, app: FastAPI) -> None:
    engine = app.state.engine
    for role, status in ((Role.VIEWER, 403), (Role.ANALYST, 403), (Role.ADMIN, 200)):
        answer = httpx.get(f"{base}/api/admin-only", headers=bearer(token(engine, role)))
        assert answer.status_code == status, role
    denied = httpx.get(f"{base}/api/admin-only", headers=bearer(token(engine, Role.VIEWER)))
    assert "admin" in denied.json()["error"] and denied.json()["field"] is None


def test_errors_and_request_ids(base: str) -> None:
    answer = httpx.get(f"{base}/api/no-such-route", headers={"X-Request-ID": "req-42"})
    assert answer.status_code == 404 and answer.json() == {"error": "Not Found", "field": None}
    assert answer.headers["X-Request-ID"] == "req-42"
    assert len(httpx.get(f"{base}/api/health").headers["X-Request-ID"]) == 32
    broken = httpx.get(f"{base}/api/broken")
    assert broken.status_code == 500
    assert broken.json() == {"error": "internal error (ZeroDivisionError)", "field": None}


def test_netvet_serve_starts_uvicorn(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-c", "from netvet.cli import main; main()", "serve"]
    command += ["--db", f"sqlite:///{tmp_path / 'served.db'}", "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline, answer = time.monotonic() + 120, None
        while answer is None and time.monotonic() < deadline and server.poll() is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/health")
            except httpx.ConnectError:
                time.sleep(0.2)
        assert answer is not None and answer.json()["status"] == "ok"
    finally:
        server.terminate()
        server.wait(timeout=60)
