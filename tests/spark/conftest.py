"""One local[2] SparkSession for every Spark test (starting Java is the slow part), and a
deadline that turns a hung Spark job into a failing test."""

import signal
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from types import FrameType
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


class SparkTimeout(BaseException):
    """Raised by the alarm: a BaseException, so py4j and PySpark do not catch it on the way up."""


@contextmanager
def spark_deadline(spark: Any, seconds: int) -> Iterator[None]:
    """Fail the test when the block runs longer than `seconds`: SIGALRM interrupts the driver
    where it waits (a socket read for a Spark job), and every Spark job is cancelled so the
    session serves the next test."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise SparkTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    except SparkTimeout:
        spark.sparkContext.cancelAllJobs()
        pytest.fail(f"Spark did not finish in {seconds} s: hung (all jobs cancelled)", pytrace=True)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def deadline(spark: Any) -> Callable[[int], AbstractContextManager[None]]:
    """`with deadline(seconds):` fails the test instead of hanging the suite."""
    return lambda seconds: spark_deadline(spark, seconds)
