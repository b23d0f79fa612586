"""The staged output of a Spark scan: each input's output rows are written once, as Parquet files
of at most `STAGE_ROWS` rows, and everything the driver wants (the Parquet by verdict, the
records, the Issues, the summary) is read from there instead of recomputing the scan.

Why the records are read file by file: a Spark job returns each partition's result to the
driver's JVM in one piece. A partition of a 4 MB CSV split carries ~30,000 findings of ~5 KB of
JSON each (~150 MB); fetched as one task result it exhausted the default 1 GB driver heap: the
thread fetching it died of OutOfMemoryError, the scheduler never heard the task had ended, and
`toLocalIterator` waited forever with every process idle. A staged file is bounded by rows, so
each fetch is too (~20 MB), whatever the input's split size."""

import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from netvet.errors import UsageError
from netvet.report.records import Record
from netvet.spark.job import OUTPUT_DDL

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

# Rows per staged file: ~5 KB of JSON a finding, so one file is a ~20 MB fetch for the driver.
STAGE_ROWS = 4096
STAGE_NAME = "_netvet_stage"
PART = re.compile(r"part-(\d+)-.*?(?:-c(\d+))?\.[^/]*$")


def stage_folder(spark: "SparkSession", parquet: str | None) -> str:
    """Where the staged output goes: beside the Parquet output when there is one (`_`-prefixed,
    so readers of the folder skip it), else a temporary folder of this machine, which only a
    local master's executors share."""
    if parquet:
        return f"{parquet.rstrip('/')}/{STAGE_NAME}"
    if not (spark.sparkContext.master or "").startswith("local"):
        raise UsageError("--engine spark on a cluster needs --parquet DIR (storage it and this host share)")
    return Path(tempfile.mkdtemp(prefix="netvet-spark-")).as_uri()


def write_stage(out: "DataFrame", folder: str) -> None:
    """The one pass that runs the scan: its output rows, in files of at most STAGE_ROWS rows."""
    out.write.option("maxRecordsPerFile", STAGE_ROWS).parquet(folder)


def read_stage(spark: "SparkSession", folder: str) -> "DataFrame":
    """The staged output rows (schema given: an empty output needs no inference)."""
    return spark.read.schema(OUTPUT_DDL).parquet(folder)


def file_order(path: str) -> tuple[int, int, str]:
    """A staged file's place in the output: its partition, then its file number within it."""
    found = PART.search(path)
    if not found:
        return (-1, -1, path)
    return (int(found.group(1)), int(found.group(2) or 0), path)


def stream_records(spark: "SparkSession", files: Sequence[str], on_record: Callable[[Record], None]) -> None:
    """Every finding's record in input order, one staged file (one bounded job) at a time."""
    from pyspark.sql import functions as F

    for path in sorted(files, key=file_order):
        rows = read_stage(spark, path).where(F.col("kind") == "finding").select("seq", "record").collect()
        for row in sorted(rows, key=lambda r: int(r["seq"])):
            on_record(orjson.loads(row["record"]))


def remove_stage(spark: "SparkSession", folder: str) -> None:
    """Delete the staged folder on whatever filesystem holds it (through Spark's Hadoop client)."""
    jvm, context = spark.sparkContext._jvm, spark.sparkContext._jsc
    if jvm is None or context is None:
        return
    path = jvm.org.apache.hadoop.fs.Path(folder)
    path.getFileSystem(context.hadoopConfiguration()).delete(path, True)
