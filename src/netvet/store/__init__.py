"""The store: scan runs in SQLite or PostgreSQL through SQLAlchemy Core.

Its names are imported on first use (PEP 562): SQLAlchemy takes a third of a second to import,
and a command whose store holds nothing yet (`store.urls.holds_nothing_yet`) never needs it."""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine  # the store's handle, named for adapters that hold one

    from netvet.store.decisions import decisions_at, read_decisions, save_decision
    from netvet.store.runs import RunHeader, list_runs, load_findings, open_store, run_records, save_run
    from netvet.store.stored_runs import latest_run_id, read_run

HOMES = {  # name -> the module it comes from
    "Engine": "sqlalchemy",
    "decisions_at": "netvet.store.decisions",
    "read_decisions": "netvet.store.decisions",
    "save_decision": "netvet.store.decisions",
    "RunHeader": "netvet.store.runs",
    "list_runs": "netvet.store.runs",
    "load_findings": "netvet.store.runs",
    "open_store": "netvet.store.runs",
    "run_records": "netvet.store.runs",
    "save_run": "netvet.store.runs",
    "latest_run_id": "netvet.store.stored_runs",
    "read_run": "netvet.store.stored_runs",
}

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


def __getattr__(name: str) -> Any:
    """A store name, imported from its module on first use."""
    if name not in HOMES:
        raise AttributeError(f"module 'netvet.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(HOMES[name]), name)
    globals()[name] = value
    return value
