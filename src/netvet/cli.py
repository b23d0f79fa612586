"""The `netvet` command: thin Typer adapters over scan, match and the kb; exit codes
0 done, 1 findings at or above --fail-on, 2 bad input or usage, 3 internal error."""

import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from netvet.cli_output import (
    open_output,
    print_issues,
    print_matches,
    print_summary,
    progress_bar,
    write_output,
)
from netvet.errors import NetvetError, UsageError
from netvet.ids import parse_date
from netvet.ingest.columns import parse_overrides
from netvet.kb.loader import DATA_DIR, load_kb
from netvet.match import DEFAULT_THRESHOLD
from netvet.report import RecordWriter, Tally, finding_record
from netvet.settings import Settings
from netvet.stream import ScanStream

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Find covered equipment, explain why, and say since when.",
)
kb_app = typer.Typer(no_args_is_help=True, help="The knowledge base: versions, rebuilds, imports.")
app.add_typer(kb_app, name="kb")
err = Console(stderr=True, soft_wrap=True)
FAIL_LEVELS = {"covered": ("covered",), "review": ("covered", "review")}


def data_console() -> Console:
    """The stdout console; wide enough for reasons when stdout is a file or a pipe."""
    return Console() if sys.stdout.isatty() else Console(width=160)


def as_of_date(text: str | None) -> date:
    """--as-of, default today."""
    if text is None:
        return date.today()
    day = parse_date(text)
    if day is None:
        raise UsageError(f"--as-of: not a date: '{text}' (use YYYY-MM-DD)")
    return day


def output_format(json_: bool, jsonl: bool, csv_: bool) -> str | None:
    """The one data format asked for, or None for the summary."""
    chosen = [name for name, on in (("json", json_), ("jsonl", jsonl), ("csv", csv_)) if on]
    if len(chosen) > 1:
        raise UsageError("choose one of --json, --jsonl, --csv")
    return chosen[0] if chosen else None


@app.command()
def scan(
    paths: Annotated[list[Path], typer.Argument(help="Inventory files (CSV, XLSX).")],
    fmt: Annotated[
        str, typer.Option("--format", help="auto|inventory|snmprec|snmpwalk|mactable|cyclonedx|nmap")
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
        str, typer.Option(help="auto|row|arrow: arrow streams large CSVs in batches.")
    ] = "auto",
) -> None:
    """Attribute every asset and determine each regime as of a date."""
    if fail_on is not None and fail_on not in FAIL_LEVELS:
        raise UsageError("--fail-on takes covered or review")
    settings = Settings.from_env()
    kb = load_kb(settings.kb_dir or DATA_DIR)
    day, fmt_out = as_of_date(as_of), output_format(json_, jsonl, csv_)
    started = datetime.now(UTC)
    tally = Tally(kb.entities)
    with progress_bar(err) as advance:
        stream = ScanStream(
            kb, day, paths, engine, fmt, strict, parse_overrides(column or []), use, progress=advance
        )
        if fmt_out is None and no_store:
            stream.tally_only(tally)
            run_id = None
        else:
            run_id = consume(
                stream, tally, fmt_out, output, None if no_store else db or settings.db_url, started
            )
    if fmt_out is None:
        print_summary(data_console(), tally.summary(len(stream.issues)), day, run_id)
    raise typer.Exit(exit_code(stream, tally, fail_on))


def exit_code(stream: ScanStream, tally: Tally, fail_on: str | None) -> int:
    """Print the input issues; 2 when an input was unusable, 1 at or above --fail-on, else 0."""
    print_issues(err, stream.issues)
    if stream.unusable:
        skipped = ", ".join(stream.unusable)
        err.print(f"[red]error:[/red] {len(stream.unusable)} input(s) could not be read: {skipped}")
        return 2
    return 1 if fail_on and set(tally.verdicts) & set(FAIL_LEVELS[fail_on]) else 0


def consume(
    stream: ScanStream, tally: Tally, fmt: str | None, output: Path | None, url: str | None, started: datetime
) -> int | None:
    """Drive the stream once: count, write records, store the run; the run id when stored."""
    kb, day = stream.kb, stream.as_of
    with open_output(output) as out:
        writer = RecordWriter(fmt, out) if fmt else None

        def records() -> Iterator[dict[str, Any]]:
            for finding in stream.findings():
                tally.add_finding(finding)
                record = finding_record(finding, kb.entities, kb.graph, day)
                if writer:
                    writer.write(record)
                yield record

        run_id = None
        if url:
            run_id = store_run(url, stream, records(), started)
        else:
            drain(records())
        if writer:
            writer.close()
    return run_id


def drain(records: Iterator[dict[str, Any]]) -> None:
    """Consume a stream whose side effects are all that is wanted."""
    for _ in records:
        pass


def store_run(url: str, stream: ScanStream, records: Iterator[dict[str, Any]], started: datetime) -> int:
    """Save the run while the records stream through; its id."""
    from netvet.store import RunHeader, open_store, save_run

    def inputs() -> list[tuple[str, str, str, int]]:
        return [(i.path, i.sha256, i.format, i.observations) for i in stream.inputs]

    header = RunHeader(stream.as_of, stream.kb.manifest_sha256, stream.regimes, inputs, started)
    engine = open_store(url)
    try:
        return save_run(engine, header, records, lambda: stream.issues)
    finally:
        engine.dispose()


@app.command()
def match(
    names: Annotated[list[str], typer.Argument(help="Organisation names to screen.")],
    json_: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    threshold: Annotated[float, typer.Option(help="Lowest score reported.")] = DEFAULT_THRESHOLD,
    as_of: Annotated[str | None, typer.Option(help="Ownership and lists as of this date.")] = None,
) -> None:
    """Screen organisation names against the kb's entities, owners and lists."""
    from netvet.screen import screen_name

    settings = Settings.from_env()
    kb = load_kb(settings.kb_dir or DATA_DIR)
    day = as_of_date(as_of)
    results = [screen_name(kb, name, day, threshold) for name in names]
    if json_:
        write_output("json", results, None)
    else:
        print_matches(data_console(), results)


@kb_app.command("info")
def kb_info() -> None:
    """Print the kb's versions, file hashes and counts."""
    from netvet.cli_output import print_kb_info

    settings = Settings.from_env()
    print_kb_info(Console(), load_kb(settings.kb_dir or DATA_DIR))


@kb_app.command("build")
def kb_build(
    data: Annotated[Path, typer.Option(help="Folder with ieee/, lists/, devicetypes/ official files.")],
    kb_dir: Annotated[
        Path | None, typer.Option(help="kb folder to write (default: the packaged one).")
    ] = None,
) -> None:
    """Rebuild the derived kb files from official files and rewrite the manifest."""
    from netvet.kb.build import build_all

    report = build_all(data, kb_dir or Settings.from_env().kb_dir or DATA_DIR)
    err.print(f"IEEE blocks: {report['ieee_blocks']}, catalogue keys: {report['catalogue_keys']}")
    print_issues(err, report["issues"])


@kb_app.command("import")
def kb_import(
    kind: Annotated[str, typer.Argument(help="fcc-covered-list | dod-1260h | ieee")],
    source: Annotated[Path, typer.Argument(help="The official file (a folder of CSVs for ieee).")],
    version: Annotated[
        str | None, typer.Option(help="The date the file was published (default today).")
    ] = None,
    kb_dir: Annotated[Path | None, typer.Option(help="Your kb folder (default NETVET_KB_DIR).")] = None,
) -> None:
    """Load a newer official file into your kb folder; a bad file leaves the kb unchanged."""
    from netvet.kb.imports import import_official

    target = kb_dir or Settings.from_env().kb_dir
    if target is None:
        raise UsageError("set NETVET_KB_DIR or --kb-dir: imports go to a kb folder of your own")
    issues = import_official(kind, source, target, as_of_date(version))
    err.print(f"imported {kind} {source} into {target}")
    print_issues(err, issues)


def main() -> None:
    """Entry point: map errors to exit codes."""
    try:
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except NetvetError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 — the last line of defence: exit code 3, not a traceback
        import click  # type: ignore[import-not-found, unused-ignore]

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(2)
        if isinstance(exc, click.exceptions.Abort):
            sys.exit(130)
        err.print_exception()
        sys.exit(3)
