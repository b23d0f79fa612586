#!/usr/bin/env python3
"""The dashboard's page time against the API's JSON for the same read, over HTTP against a real
Uvicorn server on 127.0.0.1 (a subprocess): a page of 50 findings of the sample inventory's run as
HTML (`GET /runs/1`, session cookie) and as JSON (`GET /api/runs/1/findings?limit=50`, bearer),
alternated, so the ratio is the cost of rendering the page. Also the filtered CSV export.

    python bench/dashboard.py [--rounds 40]
"""

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.service import admin_token, free_port, started_server  # noqa: E402

SAMPLE = ROOT / "examples" / "carrier_inventory.csv"


def stored_sample(url: str) -> None:
    """One stored scan of the sample inventory, as the CLI does it."""
    scan = ["scan", str(SAMPLE), "--as-of", "2026-11-23", "--no-auto-rules", "--db", url]
    subprocess.run([sys.executable, "-c", "from netvet.cli import main; main()", *scan], capture_output=True)


def logged_in(base: str, token: str) -> httpx.Client:
    """A client holding a dashboard session."""
    client = httpx.Client(base_url=base, timeout=300)
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text)
    assert csrf, "no login form"
    client.post("/login", data={"token": token, "csrf": csrf.group(1)})
    return client


def seconds(client: httpx.Client, path: str, headers: dict[str, str] | None = None) -> float:
    """Wall time of one GET that must answer 200."""
    start = time.perf_counter()
    answer = client.get(path, headers=headers)
    elapsed = time.perf_counter() - start
    assert answer.status_code == 200, (path, answer.status_code)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=40)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        stored_sample(url)
        token, port = admin_token(url), free_port()
        server = started_server(url, port)
        try:
            client = logged_in(f"http://127.0.0.1:{port}", token)
            bearer = {"Authorization": f"Bearer {token}"}
            seconds(client, "/runs/1"), seconds(client, "/api/runs/1/findings?limit=50", bearer)  # warm up
            page, api, csv = [], [], []
            for _ in range(rounds):
                page.append(seconds(client, "/runs/1"))
                api.append(seconds(client, "/api/runs/1/findings?limit=50", bearer))
                csv.append(seconds(client, "/runs/1/findings.csv?verdict=covered"))
        finally:
            server.terminate()
            server.wait(timeout=30)
    ratio = statistics.median(p / a for p, a in zip(page, api, strict=True))
    print(f"dashboard findings page (50 rows, HTML): median {statistics.median(page) * 1000:.0f} ms")
    print(f"API findings (50 items, JSON):           median {statistics.median(api) * 1000:.0f} ms")
    print(f"page / API, median of per-round ratios:  {ratio:.2f}x over {rounds} rounds")
    print(f"CSV export of the covered findings:      median {statistics.median(csv) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
