"""`netvet scan`: a thin adapter over the pipeline; exit codes 0 done, 1 findings at or above
--fail-on, 2 bad input or usage, 3 internal error.

The pipeline, the kb and the store are imported inside the functions that use them, so a usage
error answers before any of them loads."""

from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from netvet.cli.common import (
    Customers,
    FederalContractor,
    Jurisdiction,
    ProfilePath,
    UsfRecipient,
    as_of_date,
    data_console,
    err,
    jurisdiction_regimes,
    organisation,
    output_format,
)
from netvet.errors import UsageError
from netvet.settings import Settings

if TYPE_CHECKING:
    from netvet.cli.spark import SparkOutput
    from netvet.findings.record import FindingRecord
    from netvet.kb.knowledge import KnowledgeBase
    from netvet.mitigation import AgreementBook
    from netvet.model import Organisation
    from netvet.pipeline.stream import ScanStream
    from netvet.report import Tally
    from netvet.review.decisions import DecisionBook

FAIL_LEVELS = {"covered": ("covered",), "review": ("covered", "review")}


def scan(
    paths: Annotated[
        list[str],
        typer.Argument(help="Input files or folders of them (with --engine spark, any URL Spark reads)."),
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format", help="auto|inventory|contracts|snmprec|snmpwalk|mactable|cyclonedx|nmap|dhcp"
        ),
    ] = "auto",
    as_of: Annotated[
        str | None, typer.Option(help="Evaluate the rules as of this date (YYYY-MM-DD).")
    ] = None,
    use: Annotated[str | None, typer.Option(help="Intended use for assets whose input gives none.")] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print a JSON list.")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Print one JSON object per line.")] = False,
    csv_: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write data here, not stdout.")
    ] = None,
    db: Annotated[
        str | None, typer.Option(help="Store URL (default NETVET_DB_URL or sqlite:///netvet.db).")
    ] = None,
    no_store: Annotated[bool, typer.Option("--no-store", help="Do not save the run.")] = False,
    fail_on: Annotated[str | None, typer.Option(help="Exit 1 when any asset is covered (or review).")] = None,
    strict: Annotated[bool, typer.Option(help="Stop at the first bad row.")] = False,
    column: Annotated[list[str] | None, typer.Option("--map", help="FIELD=HEADER column override.")] = None,
    engine: Annotated[
        str,
        typer.Option(help="auto|row|arrow|spark: arrow streams large files in batches; spark runs on Spark."),
    ] = "auto",
    parquet: Annotated[
        Path | None, typer.Option("--parquet", help="Write findings as Parquet here, partitioned by verdict.")
    ] = None,
    spark_master: Annotated[
        str | None,
        typer.Option("--spark-master", help="Spark master URL (default local[*])."),
    ] = None,
    rules: Annotated[
        list[Path] | None,
        typer.Option("--rules", help="Extra fingerprints: netvet YAML, nmap-service-probes or Recog XML."),
    ] = None,
    no_auto_rules: Annotated[
        bool,
        typer.Option(
            "--no-auto-rules", help="Do not use Nmap's probes or a Recog checkout found on this machine."
        ),
    ] = False,
    federal_contractor: FederalContractor = None,
    usf_recipient: UsfRecipient = None,
    customers: Customers = None,
    profile: ProfilePath = None,
    jurisdiction: Jurisdiction = "us",
) -> None:
    """Attribute every asset and determine each regime as of a date."""
    if fail_on is not None and fail_on not in FAIL_LEVELS:
        raise UsageError("--fail-on takes covered or review")
    from netvet.cli.books import decision_book, stored_agreements
    from netvet.cli.output import print_summary, progress_bar
    from netvet.ingest.columns import parse_overrides
    from netvet.ingest.files import expand_inputs
    from netvet.kb.disk_cache import load_kb_cached
    from netvet.kb.knowledge import DATA_DIR
    from netvet.mitigation import AgreementBook
    from netvet.pipeline.stream import ScanStream
    from netvet.report import Tally

    settings = Settings.from_env()
    kb = with_user_rules(
        load_kb_cached(settings.kb_dir or DATA_DIR, settings.cache_dir),
        rules or [],
        settings,
        not no_auto_rules,
    )
    day, fmt_out = as_of_date(as_of), output_format(json_, jsonl, csv_)
    if engine == "spark":
        from netvet.cli.spark import SparkOutput

        out = SparkOutput(fmt_out, output, parquet, fail_on)
        org = organisation(profile, federal_contractor, usf_recipient, customers)
        regimes = jurisdiction_regimes(jurisdiction, kb.regime_kb)
        store_url = db or settings.db_url
        raise typer.Exit(
            run_spark(kb, day, org, regimes, store_url, use, spark_master, fmt, column, out, paths)
        )
    started = datetime.now(UTC)
    tally = Tally(kb.entities)
    with progress_bar(err) as advance:
        stream = ScanStream(
            kb=kb,
            as_of=day,
            paths=expand_inputs([Path(p) for p in paths]),
            engine=engine,
            fmt=fmt,
            strict=strict,
            overrides=parse_overrides(column or []),
            default_use=use,
            progress=advance,
            organisation=organisation(profile, federal_contractor, usf_recipient, customers),
            regimes=jurisdiction_regimes(jurisdiction, kb.regime_kb),
        )
        book = decision_book(db or settings.db_url)
        agreements = AgreementBook.build(stored_agreements(db or settings.db_url), day)
        if fmt_out is None and parquet is None and no_store and not book.by_match and not agreements.held:
            stream.tally_only(tally)
            run_id = None
        else:
            url = None if no_store else db or settings.db_url
            run_id = consume(stream, tally, fmt_out, output, url, started, book, agreements, parquet)
    if fmt_out is None:
        print_summary(data_console(), tally.summary(len(stream.issues)), day, run_id)
    raise typer.Exit(exit_code(stream, tally, fail_on))


def run_spark(
    kb: "KnowledgeBase",
    day: date,
    org: "Organisation",
    regimes: tuple[str, ...],
    url: str,
    use: str | None,
    master: str | None,
    fmt: str,
    column: list[str] | None,
    out: "SparkOutput",
    paths: list[str],
) -> int:
    """`scan --engine spark`: the review decisions and agreements travel with the scan."""
    from netvet.cli.books import decision_book, stored_agreements
    from netvet.cli.spark import spark_scan
    from netvet.ingest.columns import parse_overrides
    from netvet.ingest.files import expand_inputs
    from netvet.mitigation import AgreementBook
    from netvet.spark.job import SparkScan

    agreements = AgreementBook.build(stored_agreements(url), day)
    job = SparkScan(kb, day, regimes, decision_book(url), agreements, use, org)
    # Local folders stand for their files (row numbers are per file); URLs go to Spark as typed.
    inputs = [str(f) for p in paths for f in (expand_inputs([Path(p)]) if Path(p).is_dir() else [p])]
    return spark_scan(job, inputs, fmt, parse_overrides(column or []), out, master)


def with_user_rules(
    kb: "KnowledgeBase", paths: list[Path], settings: Settings, auto: bool = True
) -> "KnowledgeBase":
    """The kb with the user's rule files, and those found on this machine unless turned off;
    rules they hold that cannot run are counted. (No rule files: the kb as it is, and the rule
    readers never imported.)"""
    if not paths and not (auto and settings.auto_rules):
        return kb
    from netvet.kb.user_rules import found_rule_files, load_rule_files

    found = (
        found_rule_files(paths, settings.nmap_dir, settings.recog_dir) if auto and settings.auto_rules else []
    )
    loaded = load_rule_files(kb, paths, settings.cache_dir, optional=found)
    for path in sorted({issue.path for issue in loaded.skipped}):
        mine = [issue for issue in loaded.skipped if issue.path == path]
        err.print(
            f"{path}: {len(mine)} rules skipped (first: {mine[0].describe()})", style="yellow", markup=False
        )
    return loaded.kb


def exit_code(stream: "ScanStream", tally: "Tally", fail_on: str | None) -> int:
    """Print the input issues; 2 when an input was unusable, 1 at or above --fail-on, else 0."""
    from netvet.cli.output import print_issues

    print_issues(err, stream.issues)
    if stream.unusable:
        skipped = ", ".join(stream.unusable)
        err.print(f"[red]error:[/red] {len(stream.unusable)} input(s) could not be read: {skipped}")
        return 2
    return 1 if fail_on and set(tally.verdicts) & set(FAIL_LEVELS[fail_on]) else 0


def consume(
    stream: "ScanStream",
    tally: "Tally",
    fmt: str | None,
    output: Path | None,
    url: str | None,
    started: datetime,
    book: "DecisionBook",
    agreements: "AgreementBook",
    parquet: Path | None = None,
) -> int | None:
    """Drive the stream once: review, resolve and mitigate each finding, count it, write its
    JSON (and Parquet), store the run; the run id when stored."""
    from netvet.batch.parquet import ParquetWriter
    from netvet.cli.books import print_mitigated
    from netvet.cli.output import open_output
    from netvet.pipeline.stored import reviewed_record, store_run
    from netvet.report import RecordWriter

    kb, day = stream.kb, stream.as_of
    mitigated: list[str] = []
    table = ParquetWriter(parquet) if parquet else None
    with open_output(output) as out:
        writer = RecordWriter(fmt, out) if fmt else None

        def records() -> Iterator["FindingRecord"]:
            with closing(stream.findings()) as findings:  # closed when output fails (a closed pipe)
                for found in findings:
                    finding, record = reviewed_record(found, kb, day, book, agreements)
                    if record.mitigation is not None:
                        mitigated.append(record.mitigation.status)
                    tally.add_finding(finding)
                    if writer or table:
                        json_record = record.to_json()
                        if writer:
                            writer.write(json_record)
                        if table:
                            table.write(json_record)
                    yield record

        run_id = None
        if url:
            run_id = store_run(url, stream, records(), started)
        else:
            drain(records())
        if writer:
            writer.close()
        if table:
            table.close()
    print_mitigated(mitigated)
    return run_id


def drain(records: Iterator["FindingRecord"]) -> None:
    """Consume a stream whose side effects are all that is wanted."""
    for _ in records:
        pass
