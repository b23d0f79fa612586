"""One local[2] SparkSession for every Spark test (starting Java is the slow part)."""

from collections.abc import Iterator
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
