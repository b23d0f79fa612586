"""The driver side of `netvet scan --engine spark`: read each input as a DataFrame, broadcast
the scan once, run the Arrow engine through `mapInArrow` once into a staged Parquet folder
(stage.py), and bring back from it what was asked: records, Parquet partitioned by verdict,
Issues, and the summary's counts (aggregated in Spark).

The plan has no shuffle but the summary's small group-by: each partition is read, decided and
written where it is. Row numbers equal the Arrow engine's because a first pass counts the rows
of every partition (partitions of one file follow the file's order)."""

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
import pyarrow as pa

from netvet.batch.parquet import FLAT_COLUMNS, PARTITION
from netvet.batch.reader import header_of
from netvet.ingest.columns import duplicate_issues, map_columns
from netvet.ingest.files import is_parquet
from netvet.ingest.inventory import require_identifying_column
from netvet.model import Issue
from netvet.pipeline.scan import InputFile, sha256_file
from netvet.report.records import Record
from netvet.spark.job import CORRUPT, OUTPUT_DDL, SparkInput, SparkScan, issue_of, scan_partition
from netvet.spark.stage import file_order, read_stage, remove_stage, stage_folder, stream_records, write_stage

if TYPE_CHECKING:
    from pyspark import Broadcast
    from pyspark.sql import DataFrame, SparkSession

COVERED_SHOWN = 50
JAVA_CHARSETS = {"utf8": "utf-8", "cp1252": "windows-1252"}


@dataclass(slots=True)
class SparkResult:
    """What the driver keeps of a Spark scan: inputs, Issues, summary groups, covered lines."""

    inputs: list[InputFile] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    groups: list[tuple[str, int]] = field(default_factory=list)
    covered: list[tuple[str, str, str]] = field(default_factory=list)


def read_csv(spark: "SparkSession", path: str) -> tuple["DataFrame", list[str], str]:
    """A CSV as text columns (positional names) plus the corrupt-record column; its header and
    delimiter (sniffed from a local file; a remote one is taken as comma-separated UTF-8)."""
    from pyspark.sql.types import StringType, StructField, StructType

    local = Path(path)
    if local.is_file():
        header, delimiter, encoding = header_of(local)
    else:
        header, delimiter, encoding = spark.read.option("header", True).csv(path).columns, ",", "utf-8"
    encoding = JAVA_CHARSETS.get(encoding, encoding)
    names = [f"c{i}" for i in range(len(header))] + [CORRUPT]
    schema = StructType([StructField(n, StringType()) for n in names])
    options: dict[str, str | bool] = {
        "header": True,
        "sep": delimiter,
        "encoding": encoding,
        "escape": '"',
        "mode": "PERMISSIVE",
    }
    df = spark.read.schema(schema).options(**options, columnNameOfCorruptRecord=CORRUPT).csv(path)
    return df, header, delimiter


def read_input(spark: "SparkSession", path: str) -> tuple["DataFrame", list[str], str]:
    """The input as a DataFrame, its header and delimiter: Parquet by its name, else CSV."""
    if is_parquet(Path(path)):
        df = spark.read.parquet(path)
        return df, list(df.columns), ","
    return read_csv(spark, path)


def partition_offsets(df: "DataFrame") -> tuple[tuple[int, ...], int]:
    """The first row number of every partition (the rows before it, corrupt ones aside), and
    the input's number of rows."""
    from pyspark.sql import functions as F

    if CORRUPT in df.columns:
        # x * 0 keeps a data column in the query: Spark refuses one that reads only the corrupt column.
        good = F.when(F.col(CORRUPT).isNull(), 1).otherwise(F.length(df.columns[0]) * 0)
    else:
        good = F.lit(1)
    counted = df.select(F.spark_partition_id().alias("p"), good.alias("n"))
    rows = {r["p"]: int(r["n"] or 0) for r in counted.groupBy("p").agg(F.sum("n").alias("n")).collect()}
    offsets, total = [], 0
    for p in range(df.rdd.getNumPartitions()):
        offsets.append(total)
        total += rows.get(p, 0)
    return tuple(offsets), total


def scanned(df: "DataFrame", job: "Broadcast[SparkScan]", source: SparkInput) -> "DataFrame":
    """The output rows of one input: findings and Issues, decided on the executors."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from pyspark import TaskContext

        context = TaskContext.get()
        partition = context.partitionId() if context else 0
        yield from scan_partition(job.value, source, partition, batches)

    return df.mapInArrow(run, OUTPUT_DDL)


def prepare(
    spark: "SparkSession", path: str, overrides: Mapping[str, str] | None, result: SparkResult
) -> tuple["DataFrame", SparkInput]:
    """One input read and checked as the Arrow engine checks it (header Issues into result)."""
    df, header, delimiter = read_input(spark, path)
    columns = map_columns(header, overrides)
    fields = dict(columns.fields)
    result.issues += duplicate_issues(path, 1, header, columns)
    require_identifying_column(Path(path), 1, header, fields)
    offsets, total = partition_offsets(df)
    return df, SparkInput(path, fields, delimiter, offsets, total)


def ordered_issues(staged: "DataFrame") -> list[Issue]:
    """The Issues in output order: by staged file (partition order), then by row in the file."""
    from pyspark.sql import functions as F

    issues = staged.where(F.col("kind") == "issue")
    order = [F.input_file_name().alias("file"), F.monotonically_increasing_id().alias("n")]
    rows = issues.select(*order, "record").collect()
    return [issue_of(r["record"]) for r in sorted(rows, key=lambda r: (file_order(r["file"]), r["n"]))]


def scan_input(
    staged: "DataFrame",
    parquet: str | None,
    on_record: Callable[[Record], None] | None,
    result: SparkResult,
) -> None:
    """What is asked of one input's staged output: Parquet, records, Issues, summary, covered."""
    from pyspark.sql import functions as F

    findings = staged.where(F.col("kind") == "finding")
    if parquet:
        written = findings.select(*FLAT_COLUMNS, "record", F.col("verdict").alias(PARTITION))
        written.write.mode("append").partitionBy(PARTITION).parquet(parquet)
    if on_record:
        stream_records(staged.sparkSession, staged.inputFiles(), on_record)
    result.issues += ordered_issues(staged)
    result.groups += [(r["tally"], int(r["count"])) for r in findings.groupBy("tally").count().collect()]
    room = COVERED_SHOWN - len(result.covered)
    if room > 0:
        shown = findings.where(F.col("covered").isNotNull()).orderBy("seq").limit(room).collect()
        result.covered += [tuple(orjson.loads(r["covered"])) for r in shown]


def scan_spark(
    spark: "SparkSession",
    job: SparkScan,
    paths: Sequence[str],
    overrides: Mapping[str, str] | None = None,
    parquet: str | None = None,
    on_record: Callable[[Record], None] | None = None,
) -> SparkResult:
    """Every input in turn, with the scan broadcast once for all of them; each input's scan runs
    once, into a staged folder (see stage.py) that the rest reads and that is removed after."""
    stage = stage_folder(spark, parquet)
    result, shared = SparkResult(), spark.sparkContext.broadcast(job)
    try:
        for n, path in enumerate(paths):
            df, source = prepare(spark, path, overrides, result)
            write_stage(scanned(df, shared, source), f"{stage}/{n}")
            scan_input(read_stage(spark, f"{stage}/{n}"), parquet, on_record, result)
            local = Path(path)
            digest = sha256_file(local) if local.is_file() else ""
            result.inputs.append(InputFile(path, digest, "inventory", source.rows))
    finally:
        remove_stage(spark, stage)
        shared.destroy()
    return result
