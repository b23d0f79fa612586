"""Review decisions in the store: inserted, never updated, read back whole, on SQLite and
(when CI starts it) PostgreSQL."""

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from netvet.errors import StoreError
from netvet.review.decisions import Decision, DecisionBook, DecisionKind
from netvet.store import decisions_at, open_store, read_decisions, save_decision

PG_URL = os.environ.get("NETVET_TEST_PG_URL")
BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'store.db'}" if request.param == "sqlite" else str(PG_URL)
    opened = open_store(url)
    if request.param == "postgresql":
        with opened.begin() as conn:
            conn.execute(text("delete from review_decisions"))
    yield opened
    opened.dispose()


def made(kind: DecisionKind, reason: str, expires: date | None = None) -> Decision:
    return Decision("Hangzhou Ezviz Software", "ezviz", kind, reason, "auditor", datetime.now(UTC), expires)


def test_decisions_are_kept_and_the_latest_applies(engine: Engine) -> None:
    first = save_decision(engine, made(DecisionKind.FALSE_POSITIVE, "a different Ezviz", date(2027, 1, 1)))
    second = save_decision(engine, made(DecisionKind.CONFIRMED, "same company after all"))
    assert first.id is not None and second.id is not None and second.id > first.id
    stored = read_decisions(engine)
    assert [(d.kind, d.reason, d.expires) for d in stored] == [
        (DecisionKind.FALSE_POSITIVE, "a different Ezviz", date(2027, 1, 1)),
        (DecisionKind.CONFIRMED, "same company after all", None),
    ]
    book = DecisionBook.build(stored)
    current = book.current("hangzhou  EZVIZ software", "ezviz", date(2026, 11, 23))
    assert current is not None and current.id == second.id
    assert book.state_of(stored[0], date(2026, 11, 23)) == "superseded"


def test_many_decisions_are_all_kept(engine: Engine) -> None:
    for n in range(120):
        save_decision(
            engine,
            Decision(f"supplier {n}", "ezviz", DecisionKind.FALSE_POSITIVE, "r", "a", datetime.now(UTC)),
        )
    assert len(read_decisions(engine)) == 120


def test_a_decision_needs_a_reason_and_an_author(engine: Engine) -> None:
    with pytest.raises(StoreError, match="reason and an author"):
        save_decision(engine, made(DecisionKind.CONFIRMED, "  "))
    assert read_decisions(engine) == []


def test_no_store_file_means_no_decisions_and_no_file(tmp_path: Path) -> None:
    assert decisions_at(f"sqlite:///{tmp_path / 'none.db'}") == []
    assert not (tmp_path / "none.db").exists()
