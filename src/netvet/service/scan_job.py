"""The work of a scan job: the same stream and store function `netvet scan --db` runs, the audit
row written in the run's own transaction, then the webhooks. The uploads are removed after."""

import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from sqlalchemy import Engine

from netvet.errors import UsageError
from netvet.kb.knowledge import DATA_DIR, KnowledgeBase
from netvet.mitigation import AgreementBook
from netvet.model import Organisation, Verdict
from netvet.pipeline.stored import StoredScan, scan_to_store
from netvet.pipeline.stream import ScanStream
from netvet.regimes import JURISDICTIONS
from netvet.regimes import jurisdiction_regimes as regimes_for
from netvet.service.api.deps import decision_book, loaded_kb
from netvet.service.audit import append
from netvet.service.jobs import JobBoard, JobState
from netvet.service.queries import diff_runs, list_runs
from netvet.service.webhooks import Event, emit


@dataclass(frozen=True, slots=True)
class ScanOrder:
    """What one scan job runs on: the uploaded files (in a folder of their own) and the options."""

    folder: Path
    paths: tuple[Path, ...]
    as_of: date
    fmt: str
    use: str | None
    facts: tuple[bool | None, bool | None, int | None]
    jurisdiction: str
    who: str
    request_id: str
    kb_dir: Path | None


def regimes_of(text: str, kb: KnowledgeBase) -> tuple[str, ...]:
    """'us,uk' -> the regime ids to run; an unknown code is a usage error."""
    codes = tuple(c.strip().casefold() for c in text.split(",") if c.strip())
    codes = JURISDICTIONS if "all" in codes else codes
    if not codes or set(codes) - set(JURISDICTIONS):
        raise UsageError(f"jurisdiction takes {','.join(JURISDICTIONS)} or all; got '{text}'")
    return regimes_for(codes, kb.regime_kb)


def stream_for(order: ScanOrder, kb: KnowledgeBase, board: JobBoard, job_id: str) -> ScanStream:
    """The scan as the CLI sets it up, its progress reported on the job."""
    read = [0]

    def advance(n: int) -> None:
        read[0] += n
        board.update(job_id, progress=read[0])

    contractor, usf, customers = order.facts
    return ScanStream(
        kb=kb,
        as_of=order.as_of,
        paths=list(order.paths),
        fmt=order.fmt,
        default_use=order.use,
        progress=advance,
        organisation=Organisation(contractor, usf, customers),
        regimes=regimes_of(order.jurisdiction, kb),
    )


def run_scan(app: FastAPI, job_id: str, order: ScanOrder) -> None:
    """Scan, store, audit, notify; the job ends done with its run, or failed with nothing stored."""
    from netvet.store.agreements import agreements_at

    board: JobBoard = app.state.jobs
    engine: Engine = app.state.engine
    url = engine.url.render_as_string(hide_password=False)
    try:
        kb = loaded_kb(order.kb_dir or DATA_DIR)
        stream = stream_for(order, kb, board, job_id)
        agreements = AgreementBook.build(agreements_at(url), order.as_of)
        started = datetime.now(UTC)

        def audit(conn: Any, run_id: int) -> None:
            after = {"run": run_id, "as_of": order.as_of.isoformat(), "inputs": [p.name for p in order.paths]}
            append(
                conn,
                who=order.who,
                action="scan-stored",
                subject=f"run {run_id}",
                after=after,
                request_id=order.request_id,
            )

        stored = scan_to_store(stream, url, decision_book(engine), agreements, started, audit)
    finally:
        shutil.rmtree(order.folder, ignore_errors=True)
    result = {"counts": stored.counts, "issues": stored.issues, "unusable": list(stored.unusable)}
    board.update(job_id, state=JobState.DONE, run_id=stored.run_id, result=result)
    notify(engine, stored)


def newly_covered(engine: Engine, run_id: int) -> list[str]:
    """Asset keys covered in this run and not covered in the run before it (all, for a first run)."""
    earlier = [r.id for r in list_runs(engine) if r.id < run_id]
    if not earlier:
        from netvet.service.queries import reviewed_records

        found_now = reviewed_records(engine, run_id, datetime.now(UTC).date())
        return [r.asset for r in found_now if r.verdict is Verdict.COVERED]
    found = diff_runs(engine, run_id, max(earlier), datetime.now(UTC).date())
    changed = [c.after for c in found.changed if c.before.verdict is not Verdict.COVERED]
    return [r.asset for r in (*found.new, *changed) if r.verdict is Verdict.COVERED]


def notify(engine: Engine, stored: StoredScan) -> None:
    """run-finished always; new-covered when the run has newly covered assets."""
    emit(engine, Event.RUN_FINISHED, {"run": stored.run_id, "counts": stored.counts, "issues": stored.issues})
    assets = newly_covered(engine, stored.run_id)
    if assets:
        emit(engine, Event.NEW_COVERED, {"run": stored.run_id, "assets": assets})
