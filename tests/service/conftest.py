"""A real Uvicorn server on 127.0.0.1 (a free port) over a fresh store, and one-line factories."""

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine

from netvet.service.app import create_app
from netvet.service.roles import Role
from netvet.service.tokens import create_token
from netvet.store import open_store


@dataclass(frozen=True, slots=True)
class Served:
    """A running server: its base URL and the app (whose engine tests may use)."""

    base: str
    app: FastAPI

    @property
    def engine(self) -> Engine:
        """The store the server uses."""
        return self.app.state.engine  # type: ignore[no-any-return]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Engine]:
    """A new SQLite store."""
    engine = open_store(f"sqlite:///{tmp_path / 'service.db'}")
    yield engine
    engine.dispose()


def token(engine: Engine, role: Role, name: str | None = None) -> str:
    """The secret of a new token of that role."""
    return create_token(engine, role=role, by="test", name=name)[1]


def serve(app: FastAPI) -> Iterator[str]:
    """Run app under Uvicorn on 127.0.0.1 in a thread; its base URL until the test ends."""
    # proto given, so asyncio sets TCP_NODELAY on accepted connections as uvicorn.run's own
    # socket gets it (with proto 0 each keep-alive response waits ~40 ms for a delayed ACK).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FastAPI]:
    """The service's app over a new store."""
    built = create_app(f"sqlite:///{tmp_path / 'served.db'}")
    yield built
    built.state.engine.dispose()
