"""The store: scan runs in SQLite or PostgreSQL through SQLAlchemy Core."""

from netvet.store.runs import RunHeader, list_runs, open_store, run_records, save_run

__all__ = ["RunHeader", "list_runs", "open_store", "run_records", "save_run"]
