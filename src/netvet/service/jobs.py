"""Background jobs of the service (scans): a board of their states, updated by the worker thread
and read by GET /api/jobs/{id}. One worker: a scan uses a whole core."""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from uuid import uuid4


class JobState(StrEnum):
    """Where a job is."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Job:
    """A job as last reported: its progress (observations read), and when done its run id and
    counts; when failed, the error (nothing was stored)."""

    id: str
    kind: str
    owner: str
    state: JobState
    created_at: datetime
    progress: int = 0
    run_id: int | None = None
    result: dict[str, Any] | None = None
    error: str | None = None

    def record(self) -> dict[str, Any]:
        """The job as the API shows it."""
        return {**asdict(self), "state": str(self.state), "created_at": self.created_at.isoformat()}


class JobBoard:
    """Every job of this process by id; one worker thread runs them in order."""

    def __init__(self, workers: int = 1) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="netvet-job")

    def get(self, job_id: str) -> Job | None:
        """The job's latest state, or None when this process has none of that id."""
        with self._lock:
            return self._jobs.get(job_id)

    def update(self, job_id: str, **changes: Any) -> None:
        """Replace a job's state with some fields changed."""
        with self._lock:
            self._jobs[job_id] = replace(self._jobs[job_id], **changes)

    def submit(self, kind: str, owner: str, work: Callable[[str], None]) -> Job:
        """Queue work (called with the job id); the queued job."""
        job = Job(uuid4().hex, kind, owner, JobState.QUEUED, datetime.now(UTC))
        with self._lock:
            self._jobs[job.id] = job
        self._pool.submit(self.run, job.id, work)
        return job

    def run(self, job_id: str, work: Callable[[str], None]) -> None:
        """Run one job, recording failure as the job's error (the work stores nothing then)."""
        self.update(job_id, state=JobState.RUNNING)
        try:
            work(job_id)
        except Exception as exc:  # a job's failure is reported through GET /api/jobs, never lost
            self.update(job_id, state=JobState.FAILED, error=f"{type(exc).__name__}: {exc}")

    def shutdown(self) -> None:
        """Wait for running jobs and stop the worker."""
        self._pool.shutdown(wait=True)
