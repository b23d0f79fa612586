"""The store's schema revisions (Alembic, SQLite and PostgreSQL). `open_store` brings every
store up to date on open: a new, empty database gets today's tables at once (and is stamped with
the newest revision); a store of an older release, with or without a revision, is migrated in
place. `netvet db upgrade` does the same explicitly (e.g. before a service starts)."""

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from netvet.errors import StoreError
from netvet.store.tables import metadata

HEAD = "0002"
MIGRATIONS = Path(__file__).with_name("migrations")
# Any fixed number: the PostgreSQL advisory lock that keeps two upgraders from racing.
PG_LOCK_KEY = 0x6E657476


def stored_revision(conn: Connection) -> str | None:
    """The store's revision; None when it has none (new, or made before migrations existed)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def lock_schema(conn: Connection) -> None:
    """Hold the schema lock until the transaction ends: a second process opening the same new
    store waits, then finds it up to date."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
    elif conn.dialect.name == "sqlite":
        # pysqlite opens a transaction only before DML; this one takes the write lock now and
        # makes the DDL that follows part of it.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def alembic_config(conn: Connection) -> Any:
    """Alembic's configuration for the migrations shipped in the package, on this connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def migrate(conn: Connection, before: str | None) -> None:
    """Bring the schema on `conn` from `before` to HEAD."""
    from alembic import command

    # Agreements and ICTS cases define their tables on the same metadata: imported so they exist.
    import netvet.store.agreements
    import netvet.store.cases  # noqa: F401

    if before is None and not inspect(conn).get_table_names():
        metadata.create_all(conn)
        command.stamp(alembic_config(conn), HEAD)
    else:
        command.upgrade(alembic_config(conn), HEAD)


def upgrade_engine(engine: Engine) -> tuple[str | None, str]:
    """The revision before and after bringing the store up to date (a no-op when it is)."""
    with engine.connect() as conn:
        before = stored_revision(conn)
    if before == HEAD:
        return before, HEAD
    if before is not None and not any((MIGRATIONS / "versions").glob(f"r{before}_*.py")):
        raise StoreError(f"the store is at revision {before}, newer than this netvet knows ({HEAD})")
    with engine.begin() as conn:
        lock_schema(conn)
        before = stored_revision(conn)
        if before != HEAD:
            migrate(conn, before)
    return before, HEAD


def upgrade_store(url: str) -> tuple[str | None, str]:
    """`netvet db upgrade`: open the store at url (which upgrades it); revisions before and after."""
    from netvet.store.runs import create_engine_for

    engine = create_engine_for(url)
    try:
        return upgrade_engine(engine)
    except SQLAlchemyError as exc:
        raise StoreError(f"store not upgraded (nothing changed): {exc}") from exc
    finally:
        engine.dispose()
