"""ICTS cases and mitigation agreements in the store, SQLite and (when CI starts it) PostgreSQL:
written whole or not at all, entries and events only ever added."""

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from netvet.errors import StoreError
from netvet.findings.record import FindingRecord
from netvet.icts.model import AssetLink, CaseEntry, EntryKind, Step
from netvet.mitigation import Agreement, AgreementEvent, AgreementKind, EventKind
from netvet.store import RunHeader, open_store, save_run
from netvet.store.agreements import add_event, read_agreements, save_agreements
from netvet.store.cases import add_entry, linked_records, list_cases, read_case, save_case
from tests.icts.factories import case_with

PG_URL = os.environ.get("NETVET_TEST_PG_URL")
BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]
MINE = ("icts_case_entries", "icts_cases", "mitigation_events", "mitigation_agreements")
FIELDS = {"asset": "serial:5KPG861DK2", "verdict": "covered", "manufacturer": None, "model": None}
DETERMINATION = {
    "regime": "icts-791",
    "status": "not-covered",
    "entry": None,
    "list_version": None,
    "reason": "x",
}
RECORD = FindingRecord.from_json(
    FIELDS | {"category": None, "confidence": 0.9, "determinations": [DETERMINATION]}
)


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'store.db'}" if request.param == "sqlite" else str(PG_URL)
    opened = open_store(url)
    if request.param == "postgresql":
        with opened.begin() as conn:
            for table in MINE:
                conn.execute(text(f"delete from {table}"))
    yield opened
    opened.dispose()


def count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(f"select count(*) from {table}")).scalar_one())


def test_a_case_is_stored_and_read_back(engine: Engine) -> None:
    saved = save_case(engine, case_with({"referral": date(2026, 3, 2), "accept": date(2026, 3, 16)}))
    back = read_case(engine, saved.number)
    assert [(e.step, e.day) for e in back.decisions()] == [
        (Step.REFERRAL, date(2026, 3, 2)),
        (Step.ACCEPT, date(2026, 3, 16)),
    ]
    assert back.transaction.parties == ("Rifle Valley Telephone", "ZTE USA")
    assert back.opened_at == saved.opened_at and back.opened_at.tzinfo is not None


def test_generated_numbers_count_up_per_year(engine: Engine) -> None:
    made = [save_case(engine, case_with({}, number="")) for _ in range(3)]
    assert [c.number for c in made] == ["ICTS-2026-001", "ICTS-2026-002", "ICTS-2026-003"]
    assert [c.number for c in list_cases(engine)] == [c.number for c in made]


def test_a_taken_number_writes_nothing(engine: Engine) -> None:
    save_case(engine, case_with({"referral": date(2026, 3, 2)}))
    before = (count(engine, "icts_cases"), count(engine, "icts_case_entries"))
    with pytest.raises(StoreError, match="nothing written"):
        save_case(engine, case_with({"referral": date(2026, 3, 2), "accept": date(2026, 3, 3)}))
    assert (count(engine, "icts_cases"), count(engine, "icts_case_entries")) == before


def test_entries_are_added_never_changed(engine: Engine) -> None:
    number = save_case(engine, case_with({"referral": date(2026, 3, 2)})).number
    note = add_entry(engine, number, CaseEntry(EntryKind.NOTE, "b", datetime.now(UTC), "asked for a meeting"))
    again = add_entry(engine, number, CaseEntry(EntryKind.NOTE, "c", datetime.now(UTC), "meeting held"))
    assert note.id is not None and again.id is not None and again.id > note.id
    assert [e.text for e in read_case(engine, number).entries][-2:] == ["asked for a meeting", "meeting held"]
    with pytest.raises(StoreError, match="no ICTS case 'ICTS-1999-404'"):
        add_entry(engine, "ICTS-1999-404", note)


def test_linked_assets_come_from_stored_runs(engine: Engine) -> None:
    header = RunHeader(date(2026, 11, 23), "a" * 64, ["icts-791"], [], datetime.now(UTC))
    run_id = save_run(engine, header, [RECORD], [])
    found, missing = linked_records(engine, [AssetLink(run_id, RECORD.asset), AssetLink(run_id, "nope")])
    assert [(link.asset, record.verdict) for link, record in found] == [(RECORD.asset, "covered")]
    assert missing == [AssetLink(run_id, "nope")]


def agreement(key: str, **extra: object) -> Agreement:
    return Agreement(key, AgreementKind.NO_SPY, "no-spy", "ZTE USA", date(2026, 6, 1), **extra)  # type: ignore[arg-type]


def test_agreements_and_events_round_trip(engine: Engine) -> None:
    breach = AgreementEvent(EventKind.BREACH, date(2026, 10, 1), "aud", "remote session without escort")
    saved = save_agreements(
        engine, [agreement("NSA-1", suppliers=("zte-corporation",), audit_every_months=3, events=(breach,))]
    )
    assert saved == 1
    add_event(
        engine, "NSA-1", AgreementEvent(EventKind.AUDIT, date(2026, 8, 20), "aud", "logs reviewed", "pass")
    )
    (back,) = read_agreements(engine)
    assert back.suppliers == ("zte-corporation",) and back.audit_every_months == 3
    assert sorted((e.kind, e.day) for e in back.events) == [
        (EventKind.AUDIT, date(2026, 8, 20)),
        (EventKind.BREACH, date(2026, 10, 1)),
    ]


def test_an_import_with_a_taken_key_writes_nothing(engine: Engine) -> None:
    save_agreements(engine, [agreement("NSA-1")])
    with pytest.raises(StoreError, match="nothing written"):
        save_agreements(engine, [agreement("NSA-2"), agreement("NSA-1")])
    assert [a.key for a in read_agreements(engine)] == ["NSA-1"]
    with pytest.raises(StoreError, match="no mitigation agreement 'NSA-9'"):
        add_event(engine, "NSA-9", AgreementEvent(EventKind.AUDIT, date(2026, 8, 20), "aud", "x"))
