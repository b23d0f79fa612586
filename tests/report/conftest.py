"""A real stored run for the report tests: the example inventory scanned into a temporary SQLite
store (run 1), and a small inventory with nothing covered (run 2)."""

import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from netvet.report.run import StoredRun
from netvet.store import open_store, read_run
from tests.conftest import run_netvet

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CLEAN_INVENTORY = """Hostname,Vendor,Model,Site,Device Type,Purchase Date,Cost (USD)
sw-core-01,Juniper Networks,EX4300-48T,Rifle Central Office,Switch,2023-04-02,4925
rtr-edge-01,Cisco,ASR 1001-X,Meeker Exchange,Router,2022-09-14,18250
"""


def netvet(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, in a subprocess."""
    return run_netvet(*args, cwd=cwd)


@dataclass(frozen=True)
class Store:
    """The temporary store: its URL, its folder, and the two runs read back."""

    url: str
    folder: Path
    carrier: StoredRun
    clean: StoredRun


def without_regime(run: StoredRun, regime: str) -> StoredRun:
    """The run as if it had not asked one regime (as runs stored before that regime existed)."""
    records = tuple(
        replace(r, determinations=tuple(d for d in r.determinations if d.regime != regime))
        for r in run.records
    )
    return replace(run, regimes=tuple(x for x in run.regimes if x != regime), records=records)


def scan_into(url: str, inventory: Path, cwd: Path) -> None:
    done = netvet("scan", str(inventory), "--as-of", "2026-11-23", "--db", url, cwd=cwd)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """Two runs scanned by the real command into a temporary SQLite file."""
    folder = tmp_path_factory.mktemp("reports")
    url = f"sqlite:///{folder / 'runs.db'}"
    scan_into(url, EXAMPLES / "carrier_inventory.csv", folder)
    clean = folder / "clean_inventory.csv"
    clean.write_text(CLEAN_INVENTORY, encoding="utf-8")
    scan_into(url, clean, folder)
    engine = open_store(url)
    try:
        return Store(url, folder, read_run(engine, 1), read_run(engine, 2))
    finally:
        engine.dispose()


def report(store: Store, out: Path, *args: str, run: int | None = 1) -> subprocess.CompletedProcess[str]:
    """`netvet report ...` of a run (the carrier's by default; None: the latest) to `out`."""
    chosen = ["--run", str(run)] if run is not None else []
    return netvet("report", *args, *chosen, "--db", store.url, "-o", str(out), cwd=store.folder)


def pdf_text(path: Path) -> str:
    """The text of a PDF, by Debian's pdftotext."""
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path: Path, folder: Path) -> list[Path]:
    """Every page of a PDF rendered to PNG by Debian's pdftoppm."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))
