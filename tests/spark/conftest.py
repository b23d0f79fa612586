"""One local[2] SparkSession for every Spark test (starting Java is the slow part), and a
deadline that turns a hung Spark job into a failing test."""

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest

from netvet.mitigation import AgreementBook
from netvet.review.decisions import EMPTY_BOOK
from netvet.spark.job import SparkScan
from tests.conftest import AS_OF

pytest.importorskip("pyspark", reason="the Spark tests need the [spark] extra")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """A local[2] session; small file splits so even the sample inventory spans partitions."""
    from netvet.spark.session import spark_session

    session = spark_session("local[2]", {"spark.sql.shuffle.partitions": "2"})
    yield session
    session.stop()


@pytest.fixture(scope="session")
def job(kb: Any) -> SparkScan:
    """The scan every Spark test runs: the packaged kb, no decisions, no agreements."""
    from netvet.regimes import REGIMES

    return SparkScan(kb, AS_OF, tuple(REGIMES), EMPTY_BOOK, AgreementBook((), {}, {}))


def cancel_until(spark: Any, done: threading.Event, grace: float) -> bool:
    """Cancel every Spark job every 2 s (a job submitted after a cancel is not cancelled by it)
    until `done` is set or `grace` seconds pass; whether it was set."""
    stop = time.monotonic() + grace
    while time.monotonic() < stop:
        spark.sparkContext.cancelAllJobs()
        if done.wait(2):
            return True
    return False


@contextmanager
def spark_deadline(spark: Any, seconds: float, grace: float = 60) -> Iterator[None]:
    """Fail the test when the block runs longer than `seconds`. A watchdog thread cancels
    Spark's jobs, which unblocks the driver wherever it waits on one (the hang seen here was a
    job that never ended); if the block still has not returned after `grace` seconds, the
    watchdog interrupts the main thread (SIGINT, as Ctrl-C), so pytest reports where it was stuck
    and CI stops instead of stalling."""
    expired, done = threading.Event(), threading.Event()

    def watch() -> None:
        if done.wait(seconds):
            return
        expired.set()
        if not cancel_until(spark, done, grace):
            signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)

    threading.Thread(target=watch, name="spark-deadline", daemon=True).start()
    try:
        yield
    except Exception as exc:
        if expired.is_set():
            pytest.fail(f"Spark did not finish in {seconds:.0f} s: hung, its jobs cancelled ({exc!r:.200})")
        raise
    finally:
        done.set()
    if expired.is_set():
        pytest.fail(f"Spark did not finish in {seconds:.0f} s: hung, it ended as its jobs were cancelled")


@pytest.fixture
def deadline(spark: Any) -> Callable[[float], AbstractContextManager[None]]:
    """`with deadline(seconds):` fails the test instead of hanging the suite."""
    return lambda seconds: spark_deadline(spark, seconds)
