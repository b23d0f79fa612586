"""The store: scan runs in SQLite or PostgreSQL through SQLAlchemy Core."""

# ICTS cases and mitigation agreements define their tables on the same metadata: imported here so
# open_store creates them.
from sqlalchemy import Engine  # the store's handle, named for adapters that hold one

import netvet.store.agreements
import netvet.store.cases  # noqa: F401
from netvet.store.decisions import decisions_at, read_decisions, save_decision
from netvet.store.runs import RunHeader, list_runs, load_findings, open_store, run_records, save_run
from netvet.store.stored_runs import latest_run_id, read_run

__all__ = [
    "Engine",
    "RunHeader",
    "decisions_at",
    "latest_run_id",
    "list_runs",
    "load_findings",
    "open_store",
    "read_decisions",
    "read_run",
    "run_records",
    "save_decision",
    "save_run",
]
