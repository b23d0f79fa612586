#!/usr/bin/env python3
"""Rows per second per core: the Arrow engine in this process against Spark local[2], on one
generated inventory, both writing findings as Parquet partitioned by verdict (the at-scale output).

    python bench/spark.py --data ../shared/data [--rows 200000] [--runs 3]     (make bench-spark)

Each run times the Arrow engine (one core) and then Spark (two cores) on the same file, in the
same process, and prints the ratio of their per-core rates; the median of the runs is the figure.
Two rates each: rows per wall second (per core: divided by the cores used) and rows per CPU
second (the CPU time of this process and every process it started: the JVM and Spark's Python
workers), which stays meaningful on a machine shared with other work. Spark's start (JVM,
session) is timed apart; the kb broadcast is paid in every run (each run is a new job).
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import psutil

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


def cpu_seconds() -> float:
    """CPU time of this process and of every live process it started (JVM, Python workers)."""
    me = psutil.Process(os.getpid())
    total = sum(me.cpu_times()[:2])
    for child in me.children(recursive=True):
        try:
            total += sum(child.cpu_times()[:2])
        except psutil.NoSuchProcess:
            continue
    return total


def arrow_seconds(kb: KnowledgeBase, path: Path, out: Path) -> tuple[float, float]:
    """The Arrow engine writing every finding to Parquet: wall and CPU seconds."""
    start, cpu = time.perf_counter(), time.process_time()
    writer = ParquetWriter(out)
    for finding in ScanStream(kb=kb, as_of=AS_OF, paths=[path], engine="arrow").findings():
        writer.write(finding_record(finding, kb.entities, kb.graph, AS_OF))
    writer.close()
    return time.perf_counter() - start, time.process_time() - cpu


def spark_seconds(spark: object, job: SparkScan, path: Path, out: Path) -> tuple[float, float]:
    """Spark writing every finding to Parquet, with the summary aggregated: wall and CPU seconds
    (Spark's Python workers outlive the job, so their CPU time is counted)."""
    start, cpu = time.perf_counter(), cpu_seconds()
    scan_spark(spark, job, [str(path)], None, str(out))  # type: ignore[arg-type]
    return time.perf_counter() - start, cpu_seconds() - cpu


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
        rates: dict[str, list[float]] = {k: [] for k in ("arrow", "spark", "arrow_cpu", "spark_cpu")}
        for run in range(args.runs):
            a, a_cpu = arrow_seconds(kb, path, work / f"arrow{run}")
            s, s_cpu = spark_seconds(spark, job, path, work / f"spark{run}")
            rates["arrow"].append(args.rows / a)
            rates["spark"].append(args.rows / s / SPARK_CORES)
            rates["arrow_cpu"].append(args.rows / a_cpu)
            rates["spark_cpu"].append(args.rows / s_cpu)
            print(
                f"run {run + 1}: arrow {a:.1f} s ({a_cpu:.1f} s CPU), "
                f"spark local[2] {s:.1f} s ({s_cpu:.1f} s CPU)"
            )
        wall = [s / a for s, a in zip(rates["spark"], rates["arrow"], strict=True)]
        cpu = [s / a for s, a in zip(rates["spark_cpu"], rates["arrow_cpu"], strict=True)]
        print(f"rows: {args.rows:,}; medians of {args.runs} runs")
        print(
            f"arrow engine, 1 core:  {statistics.median(rates['arrow']):,.0f} rows/s per core (wall), "
            f"{statistics.median(rates['arrow_cpu']):,.0f} rows per CPU second"
        )
        print(
            f"spark local[2]:        {statistics.median(rates['spark']):,.0f} rows/s per core (wall), "
            f"{statistics.median(rates['spark_cpu']):,.0f} rows per CPU second"
        )
        print(
            f"spark/arrow per core:  {statistics.median(wall):.2f}x (wall), "
            f"{statistics.median(cpu):.2f}x (CPU)"
        )
        spark.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
