"""`netvet scan --engine spark`: the same scan on a Spark cluster (or `local[*]`); records to
stdout/-o as with the other engines, or Parquet partitioned by verdict (--parquet DIR). The run
is not saved in the store: at these volumes the Parquet folder is the record of the run."""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from netvet.cli.common import data_console, err
from netvet.cli.output import open_output, print_issues, print_summary
from netvet.errors import UsageError
from netvet.model import Verdict
from netvet.report import RecordWriter, Tally
from netvet.report.summary import maker_label

if TYPE_CHECKING:
    from netvet.screen.party import Screening
    from netvet.screen.rows import PartyRow
    from netvet.spark.job import SparkScan

FAIL_LEVELS = {"covered": ("covered",), "review": ("covered", "review")}


@dataclass(frozen=True, slots=True)
class SparkOutput:
    """Where the findings go: a format for stdout or -o, and/or a Parquet folder."""

    fmt: str | None
    output: Path | None
    parquet: Path | None
    fail_on: str | None = None


def count_group(tally: Tally, key: str, count: int) -> None:
    """Add one summary group (verdict, maker, each regime's status) counted in Spark."""
    verdict, maker, statuses = orjson.loads(key)
    label = maker_label(tally.entities, maker)
    tally.assets += count
    tally.verdicts[verdict] += count
    for regime, status in statuses:
        tally.regimes.setdefault(regime, Counter())[status] += count
    tally.makers[label] += count
    if verdict == Verdict.COVERED:
        tally.covered_makers[label] += count


def screen_rows(
    s: "Screening", rows: Sequence["PartyRow"], engine: str, master: str | None
) -> list[dict[str, Any] | None]:
    """Each row's screening result (None for a row without a name), here or on Spark."""
    named = [r for r in rows if r.name]
    parties = [(r.name, r.country, r.identifiers, r.service) for r in named]
    if engine == "spark":
        from netvet.spark.screen import screen_spark
        from netvet.spark.session import spark_session

        found = iter(screen_spark(spark_session(master), s, parties))
    else:
        from netvet.screen.party import screen_party
        from netvet.screen.records import party_screen_record

        found = (party_screen_record(screen_party(s, *party)) for party in parties)
    return [next(found) if r.name else None for r in rows]


def check_parquet_folder(folder: Path | None) -> None:
    """A UsageError when --parquet names a folder that already holds files."""
    if folder is not None and folder.exists() and any(folder.iterdir()):
        raise UsageError(f"--parquet {folder}: the folder exists and is not empty")


def spark_scan(
    job: "SparkScan",
    paths: Sequence[str],
    fmt: str,
    overrides: Mapping[str, str] | None,
    out: SparkOutput,
    master: str | None,
) -> int:
    """Run the scan on Spark, write what was asked, print the summary; the exit code."""
    from netvet.spark.scan import scan_spark
    from netvet.spark.session import spark_session

    if fmt not in ("auto", "inventory"):
        raise UsageError(f"--engine spark reads CSV or Parquet inventories, not --format {fmt}")
    check_parquet_folder(out.parquet)
    spark = spark_session(master)
    tally = Tally(job.kb.entities)
    with open_output(out.output if out.fmt else None) as stream:
        writer = RecordWriter(out.fmt, stream) if out.fmt else None
        on_record = writer.write if writer else None
        parquet = str(out.parquet) if out.parquet else None
        result = scan_spark(spark, job, paths, overrides, parquet, on_record)
        if writer:
            writer.close()
    for key, count in result.groups:
        count_group(tally, key, count)
    tally.covered.extend(result.covered)
    if out.fmt is None:
        print_summary(data_console(), tally.summary(len(result.issues)), job.as_of, None)
    print_issues(err, result.issues)
    return 1 if out.fail_on and set(tally.verdicts) & set(FAIL_LEVELS[out.fail_on]) else 0
