"""The audit chain: every token and webhook change appends a row; a row edited or deleted by
hand in the database breaks the chain there, and `netvet audit verify` says which row."""

import getpass
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from netvet.service import audit
from netvet.service.roles import Role
from netvet.service.tokens import create_token, revoke_token
from netvet.service.webhooks import Event, add_webhook, remove_webhook
from netvet.store import open_store
from netvet.store.tables import audit_log
from tests.store.databases import BACKENDS, empty_database


def netvet(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    """`netvet ARGS --db sqlite:///db` in a subprocess."""
    command = [sys.executable, "-c", "from netvet.cli import main; main()", *args, "--db", f"sqlite:///{db}"]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def changes(engine: Engine) -> None:
    """Four audited changes."""
    create_token(engine, role=Role.ADMIN, by="cli:root", name="boss", request_id="r1")
    revoke_token(engine, "boss", by="cli:root")
    hook, _ = add_webhook(engine, "http://127.0.0.1:9/hook", [Event.RUN_FINISHED], by="boss")
    remove_webhook(engine, hook.id, by="boss")


def test_changes_append_a_holding_chain(store: Engine) -> None:
    changes(store)
    rows = list(audit.all_rows(store))
    assert [r.action for r in rows] == ["token.create", "token.revoke", "webhook.add", "webhook.remove"]
    assert rows[0].prev_hash == audit.GENESIS and rows[1].prev_hash == rows[0].hash
    assert rows[1].before["revoked_at"] is None and rows[1].after["revoked_at"] is not None
    assert rows[0].request_id == "r1" and rows[2].who == "boss"  # the name outlives the token
    assert audit.verify(store) is None
    assert audit.head(store) == (4, rows[-1].hash)


def test_a_failed_transaction_writes_no_row(store: Engine) -> None:
    with pytest.raises(RuntimeError), store.begin() as conn:
        audit.append(conn, who="x", action="scan.store", subject="run:1")
        raise RuntimeError("the request failed after its audit row")
    with store.connect() as conn:
        assert conn.execute(select(func.count()).select_from(audit_log)).scalar_one() == 0


def sqlite3(db: Path, sql: str) -> None:
    """Edit the database by hand, as someone with the file and the sqlite3 shell would."""
    subprocess.run(["sqlite3", str(db), sql], check=True, timeout=60)


@pytest.mark.parametrize(
    ("sql", "bad_row"),
    [
        ("UPDATE audit_log SET who = 'someone-else' WHERE id = 2", 2),
        ("UPDATE audit_log SET after = json_set(after, '$.role', 'viewer') WHERE id = 1", 1),
        ("DELETE FROM audit_log WHERE id = 2", 3),
    ],
)
def test_a_hand_edit_is_found(tmp_path: Path, sql: str, bad_row: int) -> None:
    db = tmp_path / "audited.db"
    engine = open_store(f"sqlite:///{db}")
    changes(engine)
    engine.dispose()
    holds = netvet("audit", "verify", db=db)
    assert holds.returncode == 0 and "audit chain holds: 4 rows, newest hash " in holds.stderr
    sqlite3(db, sql)
    broken = netvet("audit", "verify", db=db)
    assert broken.returncode == 1
    assert f"audit chain broken at row {bad_row} " in broken.stderr


def test_cli_changes_are_audited_as_the_os_user(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    created = netvet("token", "create", "--role", "analyst", "--name", "ana", db=db)
    assert created.returncode == 0, created.stderr
    secret = created.stdout.strip().splitlines()[-1]
    assert secret.startswith("nvt_")
    assert netvet("token", "revoke", "ana", db=db).returncode == 0
    listed = netvet("token", "list", "--json", db=db)
    assert '"revoked_at": null' not in listed.stdout and secret not in listed.stdout
    engine = open_store(f"sqlite:///{db}")
    try:
        rows = list(audit.all_rows(engine))
    finally:
        engine.dispose()
    user = getpass.getuser()
    assert [(r.who, r.action, r.subject) for r in rows] == [
        (f"cli:{user}", "token.create", "token:ana"),
        (f"cli:{user}", "token.revoke", "token:ana"),
    ]


@pytest.fixture(params=BACKENDS)
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A new store on each backend."""
    with empty_database(request.param, tmp_path) as url:
        engine = open_store(url)
        yield engine
        engine.dispose()


def test_concurrent_writers_keep_one_chain(any_store: Engine) -> None:
    def make(worker: int) -> None:
        for n in range(5):
            create_token(any_store, role=Role.VIEWER, by=f"w{worker}", name=f"w{worker}-{n}")

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(make, range(4)))
    rows = list(audit.all_rows(any_store))
    assert len(rows) == 20 and audit.verify(any_store) is None
