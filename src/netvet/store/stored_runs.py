"""Read a whole stored run back for the reports: header, inputs, typed records and issues."""

from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError

from netvet.errors import StoreError
from netvet.model import Issue
from netvet.model.vocab import IssueSeverity
from netvet.report.run import StoredInput, StoredRun
from netvet.store.runs import stored_record
from netvet.store.tables import assets, inputs, issues, runs


def latest_run_id(engine: Engine) -> int:
    """The id of the newest run; a StoreError when the store has none."""
    with engine.connect() as conn:
        newest = conn.execute(select(func.max(runs.c.id))).scalar_one()
    if newest is None:
        raise StoreError("the store has no runs: run `netvet scan` first")
    return int(newest)


def read_run(engine: Engine, run_id: int | None = None) -> StoredRun:
    """One stored run (the newest when no id is given); a StoreError names an unknown id."""
    try:
        wanted = latest_run_id(engine) if run_id is None else run_id
        with engine.connect() as conn:
            head = conn.execute(select(runs).where(runs.c.id == wanted)).mappings().first()
            if head is None:
                raise StoreError(f"no run {wanted} in the store")
            return stored_run(conn, dict(head))
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read run {run_id}: {exc}") from exc


def stored_run(conn: Any, head: dict[str, Any]) -> StoredRun:
    """A run's rows as a StoredRun."""
    run_id = head["id"]
    found = conn.execute(select(inputs).where(inputs.c.run_id == run_id).order_by(inputs.c.position))
    records = conn.execute(
        select(assets.c.position, assets.c.record)
        .where(assets.c.run_id == run_id)
        .order_by(assets.c.position)
    )
    problems = conn.execute(select(issues).where(issues.c.run_id == run_id).order_by(issues.c.position))
    return StoredRun(
        id=int(run_id),
        as_of=head["as_of"],
        started_at=head["started_at"],
        kb_manifest_sha256=head["kb_manifest_sha256"],
        regimes=tuple(head["regimes"]),
        netvet_version=head["netvet_version"],
        inputs=tuple(StoredInput(i.path, i.sha256, i.format, i.observations) for i in found),
        records=tuple(stored_record(r, int(run_id), p) for p, r in records),
        issues=tuple(
            Issue(x.path, x.locator, x.field, x.message, IssueSeverity(x.severity)) for x in problems
        ),
    )
