"""`netvet report` as a user runs it: bad run ids, kinds and empty stores exit 2 with a message."""

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from netvet.store import RunHeader, open_store, read_run, save_run
from tests.report.conftest import Store, netvet, report


def test_unknown_run_id_exits_2(store: Store, tmp_path: Path) -> None:
    done = report(store, tmp_path, "fcc-annual", run=4242)
    assert done.returncode == 2
    assert "no run 4242" in done.stderr
    assert not list(tmp_path.iterdir())


def test_unknown_kind_exits_2(store: Store, tmp_path: Path) -> None:
    done = report(store, tmp_path, "fcc-quarterly")
    assert done.returncode == 2
    assert "unknown report 'fcc-quarterly'" in done.stderr


def test_an_empty_store_exits_2(tmp_path: Path) -> None:
    done = netvet("report", "fcc-annual", "--db", f"sqlite:///{tmp_path / 'empty.db'}", cwd=tmp_path)
    assert done.returncode == 2
    assert "no runs" in done.stderr


def test_read_run_defaults_to_the_latest_and_keeps_the_inputs(store: Store) -> None:
    engine = open_store(store.url)
    try:
        latest = read_run(engine)
    finally:
        engine.dispose()
    assert latest.id == store.clean.id > store.carrier.id
    assert [i.format for i in store.carrier.inputs] == ["inventory"]
    assert store.carrier.inputs[0].observations == len(store.carrier.records)
    assert store.carrier.issues and all(
        i.path.endswith("carrier_inventory.csv") for i in store.carrier.issues
    )


PG_URL = os.environ.get("NETVET_TEST_PG_URL")


@pytest.mark.parametrize("backend", ["sqlite", *(["postgresql"] if PG_URL else [])])
def test_read_run_gives_back_what_save_run_wrote(backend: str, store: Store, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'copy.db'}" if backend == "sqlite" else str(PG_URL)
    run = store.carrier
    inputs = [(i.path, i.sha256, i.format, i.observations) for i in run.inputs]
    header = RunHeader(run.as_of, run.kb_manifest_sha256, run.regimes, inputs, datetime.now(UTC))
    engine = open_store(url)
    try:
        run_id = save_run(engine, header, run.records[:5], run.issues)
        back = read_run(engine, run_id)
    finally:
        engine.dispose()
    assert back.records == run.records[:5]
    assert (back.inputs, back.issues, back.regimes) == (run.inputs, run.issues, run.regimes)
    assert back.as_of == run.as_of


def test_the_evidence_pack_lists_review_decisions_the_scan_applied(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'runs.db'}"
    inventory = tmp_path / "inv.csv"
    inventory.write_text("Hostname,Vendor,Model\ncam-9,Hikvision,DS-2CD2143G2-I\n", encoding="utf-8")
    mark = netvet(
        "review", "mark", "host:cam-9", "--entity", "hikvision", "--decision", "false-positive",
        "--reason", "lab unit, never connected", "--author", "R. Analyst", "--db", url, cwd=tmp_path,
    )  # fmt: skip
    assert mark.returncode == 0, mark.stderr
    scanned = netvet("scan", str(inventory), "--as-of", "2026-11-23", "--db", url, "--json", cwd=tmp_path)
    assert scanned.returncode == 0, scanned.stderr
    [record] = json.loads(scanned.stdout)
    assert record["verdict"] == "clear" and record["review"]["decision"] == "false-positive"
    done = netvet("report", "889-evidence", "--db", url, "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert "lab unit, never connected" in html and "R. Analyst" in html
