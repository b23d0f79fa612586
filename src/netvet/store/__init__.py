"""The store: scan runs in SQLite or PostgreSQL through SQLAlchemy Core."""

from netvet.store.decisions import decisions_at, read_decisions, save_decision
from netvet.store.runs import RunHeader, list_runs, open_store, run_records, save_run

__all__ = [
    "RunHeader",
    "decisions_at",
    "list_runs",
    "open_store",
    "read_decisions",
    "run_records",
    "save_decision",
    "save_run",
]
