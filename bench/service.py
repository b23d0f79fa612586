#!/usr/bin/env python3
"""The service's speed, measured over HTTP against a real Uvicorn server on 127.0.0.1 (started in
a subprocess, so client and server do not share a GIL):

* POST /api/match latency, p50 and p95, for single queries and for batches of 100 (queries are
  names from the kb and made-up names, half each);
* scan-upload throughput: rows per second from POST /api/scans to the job's `done`, for a
  synthetic inventory, and the same file scanned and stored in process with the function the job
  runs (the ratio is the service's overhead).

    python bench/service.py --data ../shared/data [--rows 5000] [--single 200] [--batches 15]

yente publishes no latency figures; its scaling page gives rough throughput per vCPU for /match
(logic-v2 default ~4 requests/s, logic-v1 ~15, logic-v1 with 3 candidates ~30): printed beside
netvet's figures, which are measured on this machine, not on yente's.
"""

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

YENTE = {
    "source": "yente documentation, 'Scaling' (https://yente.followthemoney.tech/deploy/scaling/), "
    "retrieved 2026-12-03",
    "figures": "single GCE N4 vCPU, requests/s: logic-v2 (default) ~4, logic-v1 ~15, "
    "logic-v1 with 3 candidates ~30",
}
SERVE = "import sys, uvicorn; from netvet.service.app import create_app; uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')"  # noqa: E501


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def admin_token(url: str) -> str:
    """A new admin token in the store."""
    from netvet.service.roles import Role
    from netvet.service.tokens import create_token
    from netvet.store import open_store

    engine = open_store(url)
    try:
        return create_token(engine, role=Role.ADMIN, by="bench", name="bench")[1]
    finally:
        engine.dispose()


def started_server(url: str, port: int) -> subprocess.Popen[bytes]:
    """Uvicorn serving the app over the store, once /api/health answers."""
    server = subprocess.Popen([sys.executable, "-c", SERVE, url, str(port)])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def query_names(count: int, seed: int) -> list[str]:
    """Half names of kb entities, half made-up company names."""
    from netvet.kb.loader import load_kb

    rng = random.Random(seed)
    known = sorted(e.name for e in load_kb().entities.values())
    made = [
        f"{rng.choice(['Blue', 'North', 'Quiet', 'Iron'])} {rng.choice(['River', 'Peak', 'Field'])} "
        f"{rng.choice(['Networks', 'Trading', 'Systems'])} {i} LLC"
        for i in range(count)
    ]
    return [rng.choice(known) if i % 2 == 0 else made[i] for i in range(count)]


def timed_posts(client: httpx.Client, bodies: list[dict[str, object]]) -> list[float]:
    """Seconds per POST /api/match, one after the other."""
    times = []
    for body in bodies:
        start = time.perf_counter()
        answer = client.post("/api/match", json=body)
        times.append(time.perf_counter() - start)
        answer.raise_for_status()
    return times


def percentiles(times: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    cuts = statistics.quantiles(times, n=20)
    return statistics.median(times) * 1000, cuts[18] * 1000


def body_of(names: list[str]) -> dict[str, object]:
    return {
        "queries": {f"q{i}": {"schema": "Company", "properties": {"name": [n]}} for i, n in enumerate(names)}
    }


def bench_match(client: httpx.Client, single: int, batches: int) -> None:
    """Latency of single queries and batches of 100."""
    names = query_names(max(single, 100 * batches) + 10, 7)
    client.post("/api/match", json=body_of(names[:5])).raise_for_status()  # warm the kb and matcher
    p50, p95 = percentiles(timed_posts(client, [body_of([n]) for n in names[:single]]))
    print(
        f"match, 1 query:      p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
        f"({1000 / p50:.0f} requests/s at p50), n={single}"
    )
    chunks = [names[i * 100 : (i + 1) * 100] for i in range(batches)]
    b50, b95 = percentiles(timed_posts(client, [body_of(c) for c in chunks]))
    print(
        f"match, 100 queries:  p50 {b50:7.1f} ms  p95 {b95:7.1f} ms  "
        f"({100_000 / b50:.0f} queries/s at p50), n={batches}"
    )
    print(f"peer: {YENTE['figures']}; no published latency. Source: {YENTE['source']}")


def in_process_rate(url: str, path: Path, rows: int) -> float:
    """Rows/s of the job's own function (scan and store) called in process."""
    from netvet.kb.loader import load_kb
    from netvet.mitigation import AgreementBook
    from netvet.pipeline.stored import scan_to_store
    from netvet.pipeline.stream import ScanStream
    from netvet.review.decisions import EMPTY_BOOK

    kb = load_kb()
    start = time.perf_counter()
    scan_to_store(
        ScanStream(kb=kb, as_of=date(2026, 11, 23), paths=[path]),
        url,
        EMPTY_BOOK,
        AgreementBook((), {}, {}),
        datetime.now(UTC),
    )
    return rows / (time.perf_counter() - start)


def upload_rate(client: httpx.Client, path: Path, rows: int) -> float:
    """Rows/s from POST /api/scans to the job being done."""
    start = time.perf_counter()
    with path.open("rb") as fh:
        answer = client.post(
            "/api/scans", files={"files": (path.name, fh, "text/csv")}, data={"as_of": "2026-11-23"}
        )
    answer.raise_for_status()
    while (job := client.get(answer.json()["href"]).json())["state"] not in ("done", "failed"):
        time.sleep(0.05)
    if job["state"] != "done":
        raise SystemExit(f"scan job failed: {job['error']}")
    return rows / (time.perf_counter() - start)


def bench_upload(client: httpx.Client, url: str, data: Path, rows: int, rounds: int) -> None:
    """Upload throughput and its ratio to the in-process function, median of rounds."""
    from bench.make_inventory import write_inventory

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "inventory.csv"
        write_inventory(str(path), rows=rows, seed=7, data_dir=str(data))
        pairs = [(upload_rate(client, path, rows), in_process_rate(url, path, rows)) for _ in range(rounds)]
    api = statistics.median(p[0] for p in pairs)
    ratio = statistics.median(p[0] / p[1] for p in pairs)
    print(
        f"scan upload: {api:,.0f} rows/s over HTTP ({rows:,} rows, median of {rounds}); "
        f"{ratio:.2f}x the in-process scan-and-store (median of ratios)"
    )
    print("peer: yente has no scan upload; no published figure to compare")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--single", type=int, default=200)
    parser.add_argument("--batches", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url, port = f"sqlite:///{Path(folder) / 'bench.db'}", free_port()
        token = admin_token(url)
        server = started_server(url, port)
        try:
            headers = {"Authorization": f"Bearer {token}"}
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers, timeout=600) as client:
                bench_match(client, args.single, args.batches)
                bench_upload(client, url, args.data, args.rows, args.rounds)
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
