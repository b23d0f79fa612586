"""Runs are saved whole or not at all, in SQLite and (when CI starts it) PostgreSQL."""

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from netvet.errors import StoreError
from netvet.model import Issue
from netvet.store import RunHeader, list_runs, open_store, run_records, save_run

RECORD = {
    "asset": "mac:00:e0:fc:12:34:56",
    "verdict": "covered",
    "manufacturer": {"id": "huawei-technologies", "name": "Huawei"},
    "model": "MA5800-X7",
    "category": "olt",
    "confidence": 0.97,
    "determinations": [
        {
            "regime": "fcc-covered-list",
            "status": "covered",
            "entry": "huawei-2021-03-12",
            "list_version": "2026-08-20",
            "reason": "produced by Huawei",
        }
    ],
}


def header() -> RunHeader:
    return RunHeader(
        date(2026, 11, 23),
        "a" * 64,
        ["fcc-covered-list"],
        [("inv.csv", "b" * 64, "inventory", 1)],
        datetime.now(UTC),
    )


def urls(tmp_path: Path) -> list[str]:
    found = [f"sqlite:///{tmp_path / 'store.db'}"]
    if os.environ.get("NETVET_TEST_PG_URL"):
        found.append(os.environ["NETVET_TEST_PG_URL"])
    return found


def test_save_and_read_back(tmp_path: Path) -> None:
    for url in urls(tmp_path):
        engine = open_store(url)
        run_id = save_run(
            engine, header(), [RECORD], [Issue("inv.csv", "line 3", "mac", "not a MAC address: 'zz'")]
        )
        assert run_records(engine, run_id) == [RECORD]
        assert list_runs(engine)[0]["id"] == run_id


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    for url in urls(tmp_path):
        engine = open_store(url)
        with engine.connect() as conn:
            before = conn.execute(text("select count(*) from runs")).scalar_one()
        broken = Issue("inv.csv", "line 3", None, None)  # type: ignore[arg-type]  # NOT NULL message
        with pytest.raises(StoreError, match="nothing written"):
            save_run(engine, header(), [RECORD], [broken])
        with engine.connect() as conn:
            assert conn.execute(text("select count(*) from runs")).scalar_one() == before
            assert conn.execute(text("select count(*) from assets")).scalar_one() == before


def test_unknown_run_and_bad_url(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 's.db'}")
    with pytest.raises(StoreError, match="no run 42"):
        run_records(engine, 42)
    with pytest.raises(StoreError, match="cannot open store"):
        open_store("nosuchdialect://x")


@pytest.mark.skipif(
    not os.environ.get("NETVET_TEST_PG_URL"), reason="PostgreSQL is started by .ci/run (NETVET_TEST_PG_URL)"
)
def test_postgres_is_really_used() -> None:
    engine = open_store(os.environ["NETVET_TEST_PG_URL"])
    assert engine.dialect.name == "postgresql"
