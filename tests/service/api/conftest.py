"""A real Uvicorn server on 127.0.0.1 (a free port, in a thread) over a SQLite store holding one
demo scan, tokens of each role, and an httpx client per role."""

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from netvet.mitigation import AgreementBook
from netvet.pipeline.stored import scan_to_store
from netvet.pipeline.stream import ScanStream
from netvet.review.decisions import EMPTY_BOOK
from netvet.service.app import create_app
from netvet.service.roles import Role
from netvet.service.tokens import create_token
from netvet.store import open_store
from tests.conftest import AS_OF, ROOT

DEMO = ROOT / "examples" / "carrier_inventory.csv"


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def store_demo_run(url: str, kb: object, path: Path = DEMO) -> int:
    """Scan an inventory into the store with the function `netvet scan --db` runs; the run id."""
    stream = ScanStream(kb=kb, as_of=AS_OF, paths=[path])  # type: ignore[arg-type]
    empty = AgreementBook((), {}, {})
    return scan_to_store(stream, url, EMPTY_BOOK, empty, datetime.now(UTC)).run_id


@pytest.fixture(scope="session")
def service_db(tmp_path_factory: pytest.TempPathFactory, kb: object) -> str:
    """A store with one demo run in it."""
    url = f"sqlite:///{tmp_path_factory.mktemp('service') / 'netvet.db'}"
    open_store(url).dispose()
    store_demo_run(url, kb)
    return url


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """The root URL of a Uvicorn server running the app on a free port of 127.0.0.1, in a thread."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def base_url(service_db: str) -> Iterator[str]:
    """The root URL of a Uvicorn server running the app over the store."""
    with serving(create_app(service_db)) as url:
        yield url


@pytest.fixture(scope="session")
def tokens(service_db: str) -> dict[Role, str]:
    """One token secret per role."""
    engine = open_store(service_db)
    try:
        return {role: create_token(engine, role=role, by="test", name=f"test-{role}")[1] for role in Role}
    finally:
        engine.dispose()


def client_for(base_url: str, secret: str | None) -> httpx.Client:
    """An httpx client sending the token (none when None)."""
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    return httpx.Client(base_url=base_url, headers=headers, timeout=120)


@pytest.fixture(scope="session")
def anonymous(base_url: str) -> Iterator[httpx.Client]:
    with client_for(base_url, None) as client:
        yield client


@pytest.fixture(scope="session")
def viewer(base_url: str, tokens: dict[Role, str]) -> Iterator[httpx.Client]:
    with client_for(base_url, tokens[Role.VIEWER]) as client:
        yield client


@pytest.fixture(scope="session")
def analyst(base_url: str, tokens: dict[Role, str]) -> Iterator[httpx.Client]:
    with client_for(base_url, tokens[Role.ANALYST]) as client:
        yield client


@pytest.fixture(scope="session")
def admin(base_url: str, tokens: dict[Role, str]) -> Iterator[httpx.Client]:
    with client_for(base_url, tokens[Role.ADMIN]) as client:
        yield client


def wait_for_job(client: httpx.Client, href: str, seconds: float = 300) -> dict[str, object]:
    """Poll a job until it is done or failed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job: dict[str, object] = client.get(href).json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {href} did not finish in {seconds}s")


class Receiver(BaseHTTPRequestHandler):
    """Keeps every POSTed JSON body in `received`."""

    received: list[dict[str, object]] = []

    def do_POST(self) -> None:  # noqa: N802 (the http.server name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture(scope="session")
def receiver() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    server.shutdown()
    server.server_close()


def received(event: str, count: int, seconds: float = 30) -> list[dict[str, object]]:
    """The bodies of `event` the receiver got, once there are `count` of them (or time is up)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = [b for b in Receiver.received if b["event"] == event]
        if len(found) >= count:
            return found
        time.sleep(0.1)
    return [b for b in Receiver.received if b["event"] == event]
