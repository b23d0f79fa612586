"""The Spark engine gives the row engine's findings asset for asset (locators aside: the row
engine counts file lines, the batch engines data rows) and the Arrow engine's exactly."""

import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from bench.make_inventory import write_inventory
from netvet.cli import app
from netvet.cli.spark import count_group
from netvet.errors import UsageError
from netvet.kb.loader import KnowledgeBase
from netvet.pipeline.stream import ScanStream
from netvet.report import Tally, finding_record
from netvet.report.records import Record
from netvet.spark.job import SparkScan
from netvet.spark.scan import SparkResult, scan_spark
from tests.conftest import AS_OF, ROOT

SAMPLE = ROOT / "examples" / "carrier_inventory.csv"


def engine_records(kb: KnowledgeBase, path: Path, engine: str) -> tuple[list[Record], ScanStream]:
    stream = ScanStream(kb=kb, as_of=AS_OF, paths=[path], engine=engine)
    records = [finding_record(f, kb.entities, kb.graph, AS_OF) for f in stream.findings()]
    return records, stream


def spark_records(
    spark: Any, job: SparkScan, path: Path, split: str, parquet: Path | None = None
) -> tuple[list[Record], SparkResult]:
    spark.conf.set("spark.sql.files.maxPartitionBytes", split)
    records: list[Record] = []
    result = scan_spark(spark, job, [str(path)], None, str(parquet) if parquet else None, records.append)
    return records, result


def without_sources(records: list[Record]) -> list[Record]:
    return [{k: v for k, v in r.items() if k != "sources"} for r in records]


def test_sample_inventory_equals_row_and_arrow_engines(spark: Any, job: SparkScan, kb: KnowledgeBase) -> None:
    found, result = spark_records(spark, job, SAMPLE, "16k")
    assert spark.read.csv(str(SAMPLE)).rdd.getNumPartitions() > 2  # row numbers cross partitions
    rows, row_stream = engine_records(kb, SAMPLE, "row")
    arrow, arrow_stream = engine_records(kb, SAMPLE, "arrow")
    assert len(found) == len(rows) > 300
    assert without_sources(found) == without_sources(rows)
    assert found == arrow
    assert len([i for i in result.issues if "cells, the header has" in i.message]) == 2
    assert Counter(result.issues) == Counter(arrow_stream.issues)
    assert result.inputs == arrow_stream.inputs


# 200,000 rows in two partitions (one per core): ~100,000 findings, ~500 MB of JSON records, a
# partition. A quarter of that once hung `toLocalIterator` (a partition's records fetched as one
# task result exhausted the driver's heap; see spark/stage.py). The deadline makes a future hang a
# failure, not a stalled suite.
LARGE_DEADLINE = 600


def test_generated_200k_rows_equal_row_engine_and_summary(
    spark: Any,
    job: SparkScan,
    kb: KnowledgeBase,
    shared: Path,
    tmp_path: Path,
    deadline: Callable[[float], AbstractContextManager[None]],
) -> None:
    path = tmp_path / "big.csv"
    write_inventory(path, rows=200_000, seed=13, data_dir=shared)
    with deadline(LARGE_DEADLINE):
        found, result = spark_records(spark, job, path, "16m", tmp_path / "out")
    assert spark.read.csv(str(path)).rdd.getNumPartitions() == 2  # ~100,000 findings a partition
    row_stream = ScanStream(kb=kb, as_of=AS_OF, paths=[path], engine="row")
    by_rows, mismatched, count = Tally(kb.entities), [], 0
    for finding, record in zip(row_stream.findings(), found, strict=True):
        by_rows.add_finding(finding)
        row_record = finding_record(finding, kb.entities, kb.graph, AS_OF)
        count += 1
        if without_sources([row_record]) != without_sources([record]):
            mismatched.append(record["asset"])
    assert count >= 190_000 and mismatched == []
    by_spark = Tally(kb.entities)
    for key, n in result.groups:
        count_group(by_spark, key, n)
    assert (by_spark.verdicts, by_spark.regimes, by_spark.makers) == (
        by_rows.verdicts,
        by_rows.regimes,
        by_rows.makers,
    )
    written = pq.read_table(tmp_path / "out")
    assert Counter(written.column("verdict").to_pylist()) == by_rows.verdicts
    assert len(result.issues) > 0


def test_parquet_input_equals_arrow_engine(
    spark: Any, job: SparkScan, kb: KnowledgeBase, tmp_path: Path
) -> None:
    from pyarrow import csv as pacsv

    table = pacsv.read_csv(
        SAMPLE,
        convert_options=pacsv.ConvertOptions(strings_can_be_null=False),
        parse_options=pacsv.ParseOptions(invalid_row_handler=lambda row: "skip"),
    )
    path = tmp_path / "inventory.parquet"
    pq.write_table(table, path, row_group_size=50)
    found, _ = spark_records(spark, job, path, "16k")
    arrow, _ = engine_records(kb, path, "arrow")
    assert len(found) == len(arrow) > 300
    assert found == arrow


def test_cli_engine_spark_writes_json_and_parquet(spark: Any, tmp_path: Path) -> None:
    out, folder = tmp_path / "findings.json", tmp_path / "by_verdict"
    args = ["scan", str(SAMPLE), "--engine", "spark", "--no-store", "--as-of", AS_OF.isoformat()]
    result = CliRunner().invoke(app, [*args, "--json", "-o", str(out), "--parquet", str(folder)])
    assert result.exit_code == 0, result.output
    written = pq.read_table(folder)
    assert written.num_rows == len(out.read_text().split('"asset"')) - 1 > 300
    assert {p.name for p in folder.iterdir() if p.is_dir()} >= {"verdict=covered", "verdict=clear"}
    again = CliRunner().invoke(app, [*args, "--parquet", str(folder)])
    assert isinstance(again.exception, UsageError) and "not empty" in str(again.exception)


def test_deadline_fails_a_hung_job_and_keeps_the_session(
    spark: Any, deadline: Callable[[float], AbstractContextManager[None]]
) -> None:
    def stall(batches: Iterator[Any]) -> Iterator[Any]:
        time.sleep(120)
        yield from batches

    started = time.monotonic()
    with pytest.raises(pytest.fail.Exception, match="did not finish in 3 s: hung"), deadline(3):
        spark.range(4, numPartitions=1).mapInArrow(stall, "id long").collect()
    assert time.monotonic() - started < 60  # the stalled task sleeps 120 s
    assert spark.range(10).count() == 10  # the stalled job was cancelled, not left to block this


def test_missing_pyspark_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from netvet.errors import UsageError
    from netvet.spark.session import require_pyspark

    monkeypatch.setitem(__import__("sys").modules, "pyspark", None)
    with pytest.raises(UsageError, match=r"netvet\[spark\]"):
        require_pyspark()
