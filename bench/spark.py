#!/usr/bin/env python3
"""Rows per second per core: the Arrow engine in this process against Spark local[2], on one
generated inventory, both writing findings as Parquet partitioned by verdict (the at-scale output).

    python bench/spark.py --data ../shared/data [--rows 200000] [--runs 3]     (make bench-spark)

Each run times the Arrow engine (one core) and then Spark (two cores) on the same file, in the
same process, and prints the ratio of their per-core rates; the median of the runs is the figure.
Spark's start (JVM, session) is timed apart; the kb broadcast is paid in every run (each run is
a new job), as a cluster job pays it once.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_inventory import write_inventory  # noqa: E402
from netvet.batch.parquet import ParquetWriter  # noqa: E402
from netvet.kb.loader import KnowledgeBase, load_kb  # noqa: E402
from netvet.mitigation import AgreementBook  # noqa: E402
from netvet.pipeline.stream import ScanStream  # noqa: E402
from netvet.regimes import REGIMES  # noqa: E402
from netvet.report import finding_record  # noqa: E402
from netvet.review.decisions import EMPTY_BOOK  # noqa: E402
from netvet.spark.job import SparkScan  # noqa: E402
from netvet.spark.scan import scan_spark  # noqa: E402
from netvet.spark.session import spark_session  # noqa: E402

AS_OF = date(2026, 11, 23)
SPARK_CORES = 2


def arrow_seconds(kb: KnowledgeBase, path: Path, out: Path) -> float:
    """The Arrow engine writing every finding to Parquet: wall seconds."""
    start = time.perf_counter()
    writer = ParquetWriter(out)
    for finding in ScanStream(kb, AS_OF, [path], "arrow").findings():
        writer.write(finding_record(finding, kb.entities, kb.graph, AS_OF))
    writer.close()
    return time.perf_counter() - start


def spark_seconds(spark: object, job: SparkScan, path: Path, out: Path) -> float:
    """Spark writing every finding to Parquet, with the summary aggregated: wall seconds."""
    start = time.perf_counter()
    scan_spark(spark, job, [str(path)], None, str(out))  # type: ignore[arg-type]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="netvet-bench-spark-"))
    try:
        path = work / "inventory.csv"
        write_inventory(path, rows=args.rows, seed=17, data_dir=args.data)
        kb = load_kb()
        started = time.perf_counter()
        spark = spark_session("local[2]", {"spark.sql.files.maxPartitionBytes": str(8 << 20)})
        print(f"spark session start: {time.perf_counter() - started:.1f} s")
        job = SparkScan(kb, AS_OF, tuple(REGIMES), EMPTY_BOOK, AgreementBook((), {}, {}))
        arrow_rates, spark_rates, ratios = [], [], []
        for run in range(args.runs):
            a = arrow_seconds(kb, path, work / f"arrow{run}")
            s = spark_seconds(spark, job, path, work / f"spark{run}")
            arrow_rates.append(args.rows / a)
            spark_rates.append(args.rows / s / SPARK_CORES)
            ratios.append(spark_rates[-1] / arrow_rates[-1])
            print(f"run {run + 1}: arrow {a:.1f} s, spark local[2] {s:.1f} s")
        print(f"rows: {args.rows:,}; medians of {args.runs} runs")
        print(f"arrow engine, 1 core:   {statistics.median(arrow_rates):,.0f} rows/s per core")
        print(f"spark local[2]:         {statistics.median(spark_rates):,.0f} rows/s per core")
        print(f"spark/arrow per core:   {statistics.median(ratios):.2f}x")
        spark.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
