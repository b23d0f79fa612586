"""Alembic migrations: a store made by netvet 0.1.0 upgrades in place with its runs and review
decisions, migrating from nothing gives exactly today's tables, and two processes opening one new
store at once both succeed. SQLite here; PostgreSQL too when CI starts it (NETVET_TEST_PG_URL)."""

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, create_engine, text

from netvet.errors import StoreError
from netvet.review.decisions import DecisionKind
from netvet.store import list_runs, open_store, read_decisions, read_run
from netvet.store.migrate import HEAD, alembic_config, stored_revision, upgrade_store
from netvet.store.tables import metadata
from tests.conftest import DATA
from tests.store.databases import BACKENDS, empty_database

RELEASE_DB = DATA / "store" / "release-0.1.0.db"


@pytest.fixture(params=BACKENDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database on each backend."""
    with empty_database(request.param, tmp_path) as url:
        yield url


def schema_drift(engine: Engine) -> list[object]:
    """Alembic's differences between the database and today's tables (none when they agree)."""
    with engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), metadata))


@pytest.fixture
def release_copy(tmp_path: Path) -> Path:
    """A copy of the store netvet 0.1.0 made (two runs, two review decisions)."""
    return Path(shutil.copy(RELEASE_DB, tmp_path / "old.db"))


def test_a_release_store_upgrades_in_place_on_open(release_copy: Path) -> None:
    engine = open_store(f"sqlite:///{release_copy}")
    try:
        with engine.connect() as conn:
            assert stored_revision(conn) == HEAD
        assert schema_drift(engine) == []
        runs = list_runs(engine)
        assert [r["as_of"].isoformat() for r in runs] == ["2026-11-30", "2026-11-23"]
        assert len(read_run(engine, runs[-1]["id"]).records) == 40
        decisions = read_decisions(engine)
        assert [(d.author, d.kind) for d in decisions] == [
            ("alice", DecisionKind.FALSE_POSITIVE),
            ("bob", DecisionKind.CONFIRMED),
        ]
    finally:
        engine.dispose()


def test_db_upgrade_command_names_the_revisions(release_copy: Path) -> None:
    url = f"sqlite:///{release_copy}"
    done = subprocess.run(
        [sys.executable, "-c", "from netvet.cli import main; main()", "db", "upgrade", "--db", url],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert f"store at revision {HEAD} (was empty)" in done.stderr
    assert upgrade_store(url) == (HEAD, HEAD)  # a second upgrade changes nothing


def test_migrating_from_nothing_gives_todays_tables(empty_url: str) -> None:
    engine = create_engine(empty_url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        assert schema_drift(engine) == []
        with engine.connect() as conn:
            assert stored_revision(conn) == HEAD
    finally:
        engine.dispose()


def test_a_new_store_is_created_and_stamped(empty_url: str) -> None:
    engine = open_store(empty_url)
    try:
        assert schema_drift(engine) == []
        with engine.connect() as conn:
            assert stored_revision(conn) == HEAD
    finally:
        engine.dispose()


def test_a_release_schema_without_revision_is_adopted(empty_url: str) -> None:
    engine = create_engine(empty_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.execute(text("DROP TABLE alembic_version"))  # as 0.1.0 left it: no revision at all
    engine.dispose()
    opened = open_store(empty_url)
    try:
        assert schema_drift(opened) == []
    finally:
        opened.dispose()


def test_a_store_newer_than_this_netvet_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'future.db'}"
    open_store(url).dispose()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="revision 9999, newer than this netvet"):
        open_store(url)


OPEN_AND_LIST = """
import sys
from netvet.store import open_store, list_runs
engine = open_store(sys.argv[1])
print(len(list_runs(engine)))
"""


def test_two_processes_opening_one_new_store_both_succeed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'raced.db'}"
    started = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AND_LIST, url], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(3)
    ]
    results = [(p.communicate(timeout=300), p.returncode) for p in started]
    assert all(code == 0 and out.strip() == b"0" for (out, _), code in results), results
