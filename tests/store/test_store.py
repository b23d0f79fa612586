"""Runs are saved whole or not at all, in SQLite and (when CI starts it) PostgreSQL."""

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text, update

from netvet.errors import StoreError
from netvet.findings.record import FindingRecord
from netvet.model import Determination, Issue, Status, Verdict
from netvet.store import RunHeader, list_runs, load_findings, open_store, run_records, save_run
from netvet.store.tables import assets

RECORD = FindingRecord.from_json(
    {
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
)
PG_URL = os.environ.get("NETVET_TEST_PG_URL")
BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]


def header() -> RunHeader:
    inputs = [("inv.csv", "b" * 64, "inventory", 1)]
    return RunHeader(date(2026, 11, 23), "a" * 64, ["fcc-covered-list"], inputs, datetime.now(UTC))


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A store on each backend; pooled connections are closed afterwards."""
    url = f"sqlite:///{tmp_path / 'store.db'}" if request.param == "sqlite" else str(PG_URL)
    opened = open_store(url)
    yield opened
    opened.dispose()


def count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(f"select count(*) from {table}")).scalar_one())


def test_save_and_read_back(engine: Engine) -> None:
    run_id = save_run(
        engine, header(), [RECORD], [Issue("inv.csv", "line 3", "mac", "not a MAC address: 'zz'")]
    )
    assert run_records(engine, run_id) == [RECORD]
    assert list_runs(engine)[0]["id"] == run_id
    assert list_runs(engine)[0]["counts"] == {"covered": 1}


def test_failed_write_leaves_nothing(engine: Engine) -> None:
    before = (count(engine, "runs"), count(engine, "assets"))
    broken = Issue("inv.csv", "line 3", None, None)  # type: ignore[arg-type]  # NOT NULL message
    with pytest.raises(StoreError, match="nothing written"):
        save_run(engine, header(), [RECORD], [broken])
    assert (count(engine, "runs"), count(engine, "assets")) == before


def others() -> list[FindingRecord]:
    """RECORD, a clear asset and an unattributed one, under two regimes."""
    clear = Determination(regime="ndaa-889", status=Status.NOT_COVERED, reason="r", citation="c")
    unknown = replace(clear, status=Status.UNKNOWN)
    return [
        replace(RECORD, determinations=(*RECORD.determinations, clear)),
        replace(RECORD, asset="host:sw1", verdict=Verdict.CLEAR, determinations=(clear,)),
        replace(
            RECORD, asset="host:x", verdict=Verdict.UNKNOWN, manufacturer=None, determinations=(unknown,)
        ),
    ]


def test_load_findings_filters_and_pages_in_run_order(engine: Engine) -> None:
    saved = others()
    run_id = save_run(engine, header(), saved, [])
    assert load_findings(engine, run_id) == saved
    assert load_findings(engine, run_id, verdict=Verdict.CLEAR) == [saved[1]]
    assert load_findings(engine, run_id, regime="fcc-covered-list") == [saved[0]]
    assert load_findings(engine, run_id, regime="ndaa-889", status=Status.NOT_COVERED) == saved[:2]
    assert load_findings(engine, run_id, limit=1, offset=1) == [saved[1]]
    assert list_runs(engine)[0]["counts"] == {"covered": 1, "clear": 1, "unknown": 1}


def test_a_stored_record_that_does_not_parse_names_its_run_and_row(engine: Engine) -> None:
    run_id = save_run(engine, header(), others(), [])
    with engine.begin() as conn:
        conn.execute(
            update(assets).where(assets.c.position == 2).values(record={"asset": "host:x", "verdict": "bad"})
        )
    with pytest.raises(StoreError, match=f"run {run_id}, record 2: verdict: expected one of"):
        load_findings(engine, run_id)
    assert [r.asset for r in load_findings(engine, run_id, limit=2)] == ["mac:00:e0:fc:12:34:56", "host:sw1"]


def test_unknown_run(engine: Engine) -> None:
    with pytest.raises(StoreError, match="no run 424242"):
        run_records(engine, 424242)


def test_bad_url() -> None:
    with pytest.raises(StoreError, match="cannot open store"):
        open_store("nosuchdialect://x")


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL is started by .ci/run (NETVET_TEST_PG_URL)")
def test_postgres_is_really_used() -> None:
    opened = open_store(str(PG_URL))
    assert opened.dialect.name == "postgresql"
    opened.dispose()
