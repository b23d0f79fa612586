"""`netvet report` as a user runs it: bad run ids, kinds and empty stores exit 2 with a message."""

from pathlib import Path

from netvet.store import open_store, read_run
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
