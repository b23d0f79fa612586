"""A real Uvicorn server on 127.0.0.1 over a store holding two scans of the sample inventory (as
of 2020-06-01, then the demo's 2026-11-23), with one token per role; and Debian's Chromium driven
by Playwright."""

import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from netvet.service.app import create_app
from netvet.service.roles import Role
from netvet.service.tokens import create_token
from tests.conftest import ROOT, run_netvet

SAMPLE = ROOT / "examples" / "carrier_inventory.csv"
PROFILE = ROOT / "examples" / "purchase_profile.yaml"
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "out" / "screenshots"


@dataclass(frozen=True, slots=True)
class Served:
    """The running dashboard: its base URL, store URL, a token secret per role, and the app."""

    url: str
    db: str
    tokens: dict[Role, str]
    app: FastAPI


def scan_into(url: str, *args: str) -> None:
    """One stored scan of the sample inventory."""
    done = run_netvet("scan", str(SAMPLE), "--no-auto-rules", "--db", url, *args, cwd=ROOT)
    assert done.returncode in (0, 1), done.stderr


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Two runs: the older one judged before most listings, the newer one as the demo."""
    url = f"sqlite:///{tmp_path_factory.mktemp('dashboard') / 'demo.db'}"
    scan_into(url, "--as-of", "2020-06-01")
    scan_into(url, "--as-of", "2026-11-23", "--profile", str(PROFILE))
    return url


def started(server: uvicorn.Server) -> int:
    """Wait for the server to listen; its port."""
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise TimeoutError("uvicorn did not start")
        time.sleep(0.05)
    return int(server.servers[0].sockets[0].getsockname()[1])


@pytest.fixture(scope="session")
def served(demo_store: str) -> Iterator[Served]:
    """The app over the demo store, served by Uvicorn on 127.0.0.1 (a free port)."""
    app = create_app(demo_store, secret=b"dashboard-tests")
    tokens = {
        role: create_token(app.state.engine, role=role, by="tests", name=f"{role}-user")[1] for role in Role
    }
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", ws="none", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    port = started(server)
    yield Served(f"http://127.0.0.1:{port}", demo_store, tokens, app)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless (Playwright's own browser download cannot work offline)."""
    if shutil.which(CHROMIUM) is None:
        pytest.skip("Debian's chromium is not installed (make test-tools installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def screenshot(page: object, name: str) -> Path:
    """Keep a full-page screenshot as a test artifact under out/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path
