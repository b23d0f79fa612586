"""Issue 10 store faults, as real subprocesses: a review mark and a report while a long scan
writes (WAL, a busy timeout, the run written in one short transaction at the end), a scan killed
with SIGKILL (no partial run), and a PostgreSQL URL without its driver (a clear message)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bench.make_inventory import write_inventory
from tests.conftest import SHARED, run_netvet

ROOT = Path(__file__).resolve().parents[2]
INVENTORY = ROOT / "examples" / "carrier_inventory.csv"
COMMAND = [sys.executable, "-c", "from netvet.cli import main; main()"]
ROWS = 8000  # a scan of tens of seconds here: far longer than SQLite's old 5 s lock wait


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "inventory.csv"
    write_inventory(path, rows=ROWS, seed=11, data_dir=SHARED)
    return path


@pytest.fixture
def store(tmp_path: Path) -> str:
    """A SQLite store holding one run of the example inventory."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    done = run_netvet("scan", str(INVENTORY), "--db", url, "--as-of", "2026-11-23", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return url


def start(cwd: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*COMMAND, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, stderr = process.communicate(timeout=900)
    return process.returncode, stderr


def scalar(url: str, sql: str) -> object:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar_one()
    finally:
        engine.dispose()


def test_a_review_mark_and_a_report_run_while_a_long_scan_writes(
    store: str, big: Path, tmp_path: Path
) -> None:
    scan = start(tmp_path, "scan", str(big), "--db", store, "--as-of", "2026-11-23")
    time.sleep(3)
    assert scan.poll() is None
    mark = start(
        tmp_path, "review", "mark", "Acme Widgets", "--entity", "user-x/acme", "--decision", "false-positive",
        "--reason", "not them", "--author", "tester", "--db", store,
    )  # fmt: skip
    report = start(tmp_path, "report", "fcc-annual", "--run", "1", "--db", store, "-o", str(tmp_path / "out"))
    marked, reported = finish(mark), finish(report)
    still_scanning = scan.poll() is None
    assert marked[0] == 0 and reported[0] == 0, (marked, reported)
    assert still_scanning  # they did not wait for the scan
    assert finish(scan)[0] == 0
    assert scalar(store, "select count(*) from runs") == 2
    assert scalar(store, "select assets from runs where id = 2") == scalar(
        store, "select count(*) from assets where run_id = 2"
    )
    assert scalar(store, "select count(*) from review_decisions") == 1
    assert scalar(store, "pragma journal_mode") == "wal"


def test_a_scan_killed_with_sigkill_leaves_no_partial_run(store: str, big: Path, tmp_path: Path) -> None:
    runs, assets = scalar(store, "select count(*) from runs"), scalar(store, "select count(*) from assets")
    scan = start(tmp_path, "scan", str(big), "--db", store)
    time.sleep(6)
    scan.send_signal(signal.SIGKILL)
    assert finish(scan)[0] == -signal.SIGKILL
    assert scalar(store, "pragma integrity_check") == "ok"
    assert (scalar(store, "select count(*) from runs"), scalar(store, "select count(*) from assets")) == (
        runs,
        assets,
    )
    mark = run_netvet(
        "review", "mark", "Acme", "--entity", "user-x/acme", "--decision", "confirmed", "--reason", "r",
        "--author", "a", "--db", store, cwd=tmp_path,
    )  # fmt: skip
    assert mark.returncode == 0, mark.stderr


def test_a_postgresql_url_without_psycopg_is_a_clear_error(tmp_path: Path) -> None:
    hide = "import sys; sys.modules['psycopg'] = None; from netvet.cli import main; main()"
    url = "postgresql+psycopg://netvet:secret@127.0.0.1:9/netvet"
    for args in (["report", "fcc-annual", "--db", url], ["review", "list", "--db", url]):
        done = subprocess.run(
            [sys.executable, "-c", hide, *args], cwd=tmp_path, capture_output=True, text=True, timeout=300,
            env=os.environ.copy(),
        )  # fmt: skip
        assert done.returncode == 2, done.stderr
        assert (
            "database driver 'psycopg' is not installed" in done.stderr
            and "pip install psycopg" in done.stderr
        )
        assert "Traceback" not in done.stderr and "secret" not in done.stderr
