"""The service core's costs, measured in one process (medians of ratios; the machine is shared):
a token check per request (GET /api/me against the token-free GET /api/health, under a real
Uvicorn on 127.0.0.1 with one keep-alive client), opening a store that is already up to date
(open_store against a bare create_engine), and the audit chain (appends per second, each its own
transaction in a SQLite file; rows verified per second).

    python bench/service_core.py [--requests 300] [--rows 5000]
"""

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from netvet.service import audit  # noqa: E402
from netvet.service.app import create_app  # noqa: E402
from netvet.service.roles import Role  # noqa: E402
from netvet.service.tokens import create_token  # noqa: E402
from netvet.store import open_store  # noqa: E402
from tests.service.conftest import serve  # noqa: E402


def timed(work: Callable[[], object]) -> float:
    """Seconds one call takes."""
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def request_costs(folder: Path, requests: int) -> None:
    """p50 latency of /api/health and /api/me, and the median ratio of rounds."""
    app = create_app(f"sqlite:///{folder / 'served.db'}")
    secret = create_token(app.state.engine, role=Role.VIEWER, by="bench")[1]
    server = serve(app)
    base = next(server)
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {secret}"}) as client:
        open_lat, auth_lat, ratios = [], [], []
        for _ in range(5):
            free = [timed(lambda: client.get("/api/health")) for _ in range(requests // 5)]
            checked = [timed(lambda: client.get("/api/me")) for _ in range(requests // 5)]
            open_lat += free
            auth_lat += checked
            ratios.append(statistics.median(checked) / statistics.median(free))
    next(server, None)
    print(
        f"GET /api/health p50 {statistics.median(open_lat) * 1000:.2f} ms; GET /api/me (token check) "
        f"p50 {statistics.median(auth_lat) * 1000:.2f} ms; "
        f"ratio me/health median {statistics.median(ratios):.2f}x"
    )


def open_costs(folder: Path) -> None:
    """open_store on an up-to-date store against a bare engine's first query."""
    url = f"sqlite:///{folder / 'ready.db'}"
    open_store(url).dispose()

    def bare() -> None:
        engine = create_engine(url)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()

    pairs = [(timed(lambda: open_store(url).dispose()), timed(bare)) for _ in range(30)]
    ratio = statistics.median(opened / plain for opened, plain in pairs)
    took = statistics.median(opened for opened, _ in pairs) * 1000
    print(f"open_store (up to date): {took:.1f} ms; against a bare engine + SELECT 1: median {ratio:.2f}x")


def audit_costs(folder: Path, rows: int) -> None:
    """Appends per second (one transaction each) and rows verified per second."""
    engine = open_store(f"sqlite:///{folder / 'audit.db'}")

    def append_all() -> None:
        for n in range(rows):
            with engine.begin() as conn:
                audit.append(conn, who="bench", action="bench.row", subject=f"row:{n}", after={"n": n})

    appended = timed(append_all)
    verified = timed(lambda: audit.verify(engine))
    print(f"audit append: {rows / appended:,.0f} rows/s; verify: {rows / verified:,.0f} rows/s ({rows} rows)")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        request_costs(folder, args.requests)
        open_costs(folder)
        audit_costs(folder, args.rows)


if __name__ == "__main__":
    main()
