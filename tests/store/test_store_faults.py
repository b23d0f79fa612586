"""Issue 10 store faults, as real subprocesses: a review mark and a report while a long scan
writes (WAL, a busy timeout, the run written in one short transaction at the end), a scan killed
with SIGKILL while it scans and while it writes its run (no partial run), and a PostgreSQL URL
without its driver (a clear message).

The kills are timed by the store's write-ahead log, not by the clock: the scan opens the store
(an empty `-wal` file appears) before it scans, and writes its run only at the end (the file
grows), so the test sees which of the two it interrupts on any machine, however fast."""

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
ROWS = 8000  # a scan of seconds, whose run takes tens of megabytes to write
LONG_ROWS = 30000  # a scan of tens of seconds: far longer than a mark, a report or SQLite's old 5 s lock wait


def inventory(factory: pytest.TempPathFactory, rows: int) -> Path:
    path = factory.mktemp("big") / "inventory.csv"
    write_inventory(path, rows=rows, seed=11, data_dir=SHARED)
    return path


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return inventory(tmp_path_factory, ROWS)


@pytest.fixture(scope="module")
def long(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return inventory(tmp_path_factory, LONG_ROWS)


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


def wal_size(url: str) -> int | None:
    """The size of the store's write-ahead log; None while no connection has it open."""
    try:
        return Path(url.removeprefix("sqlite:///") + "-wal").stat().st_size
    except FileNotFoundError:
        return None


def wait_for_wal(scan: subprocess.Popen[str], url: str, *, grown: bool) -> None:
    """Wait until the scan holds the store open with nothing written yet (`grown` false), or until
    it has begun to write its run (`grown` true). Fails if the scan ends first."""
    while scan.poll() is None:
        size = wal_size(url)
        if size is not None and (size > 0) == grown:
            return
        time.sleep(0.001)
    pytest.fail(
        f"the scan ended (exit {scan.returncode}) before its store's log was {'written' if grown else 'open'}"
    )


def scalar(url: str, sql: str) -> object:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar_one()
    finally:
        engine.dispose()


def test_a_review_mark_and_a_report_run_while_a_long_scan_writes(
    store: str, long: Path, tmp_path: Path
) -> None:
    scan = start(tmp_path, "scan", str(long), "--db", store, "--as-of", "2026-11-23")
    wait_for_wal(scan, store, grown=False)
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


def counts(url: str) -> tuple[int, int]:
    runs, assets = scalar(url, "select count(*) from runs"), scalar(url, "select count(*) from assets")
    assert isinstance(runs, int) and isinstance(assets, int)
    return runs, assets


def kill(scan: subprocess.Popen[str]) -> None:
    scan.send_signal(signal.SIGKILL)
    assert finish(scan)[0] == -signal.SIGKILL


def assert_store_usable(url: str, cwd: Path) -> None:
    assert scalar(url, "pragma integrity_check") == "ok"
    mark = run_netvet(
        "review", "mark", "Acme", "--entity", "user-x/acme", "--decision", "confirmed", "--reason", "r",
        "--author", "a", "--db", url, cwd=cwd,
    )  # fmt: skip
    assert mark.returncode == 0, mark.stderr


def test_a_scan_killed_with_sigkill_while_it_scans_leaves_no_run(
    store: str, big: Path, tmp_path: Path
) -> None:
    before = counts(store)
    scan = start(tmp_path, "scan", str(big), "--db", store)
    wait_for_wal(scan, store, grown=False)  # the store is open, the scan under way, nothing written
    kill(scan)
    assert counts(store) == before
    assert_store_usable(store, tmp_path)


def test_a_scan_killed_with_sigkill_while_it_writes_leaves_no_partial_run(
    store: str, big: Path, tmp_path: Path
) -> None:
    runs, assets = counts(store)
    scan = start(tmp_path, "scan", str(big), "--db", store)
    wait_for_wal(scan, store, grown=True)  # the run's rows are going into the log
    kill(scan)
    after = counts(store)
    # Killed before its commit the store is as it was; a kill that lands after the commit (a
    # slow poll here) must leave the whole run: never a run with some of its assets.
    assert after[0] in (runs, runs + 1)
    if after[0] == runs + 1:
        assert scalar(store, f"select assets from runs where id = {runs + 1}") == scalar(
            store, f"select count(*) from assets where run_id = {runs + 1}"
        )
    else:
        assert after == (runs, assets)
    assert_store_usable(store, tmp_path)


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
