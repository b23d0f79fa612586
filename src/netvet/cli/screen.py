"""`netvet screen`: screen a supplier or customer list (CSV) for procurement or export, keeping
the user's columns and adding entity, score, lists hit, ownership path, reasons and verdict."""

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from netvet.cli.common import Threshold
from netvet.errors import UsageError
from netvet.match import DEFAULT_THRESHOLD, country_code, identifier_pair
from netvet.match.context import SCHEMES

FAIL_LEVELS = {"hit": ("hit",), "review": ("hit", "review")}


def flat_cell(value: Any) -> str:
    """A CSV cell: lists joined, decisions as 'decision by author: reason'."""
    if isinstance(value, list):
        return "; ".join(
            f"{v['decision']} by {v['author']}: {v['reason']}" if isinstance(v, dict) else str(v)
            for v in value
        )
    return "" if value is None else str(value)


def write_csv(
    records: Sequence[dict[str, Any]], headers: Sequence[str], names: dict[str, str], out: Any
) -> None:
    """The user's columns then the added ones, one row per input row; no cell can start a formula."""
    from netvet.report.cells import safe_row

    columns = [*headers, *names.values()]
    writer = csv.writer(out)
    writer.writerow(safe_row(columns))
    for record in records:
        writer.writerow(safe_row(flat_cell(record.get(c)) for c in columns))


def screen(
    names: Annotated[Path, typer.Option("--names", help="CSV of suppliers or customers (a name column).")],
    purpose: Annotated[str, typer.Option(help="procurement (buying from) | export (selling to).")],
    json_: Annotated[bool, typer.Option("--json", help="Print a JSON list.")] = False,
    csv_: Annotated[bool, typer.Option("--csv", help="Print CSV: your columns, then ours.")] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write data here, not stdout.")
    ] = None,
    column: Annotated[str | None, typer.Option(help="The column with the names.")] = None,
    country_column: Annotated[
        str | None, typer.Option(help="The column with the countries (default: a 'country' header).")
    ] = None,
    threshold: Threshold = DEFAULT_THRESHOLD,
    as_of: Annotated[str | None, typer.Option(help="Lists and ownership as of this date.")] = None,
    db: Annotated[str | None, typer.Option(help="Store URL to read review decisions from.")] = None,
    fail_on: Annotated[str | None, typer.Option(help="Exit 1 on any hit (or review).")] = None,
    engine: Annotated[str, typer.Option(help="row|spark: spark matches the names on a cluster.")] = "row",
    spark_master: Annotated[str | None, typer.Option(help="Spark master URL (default local[*]).")] = None,
) -> None:
    """Screen a supplier or customer list for procurement or export, with review decisions."""
    from netvet.cli.books import decision_book
    from netvet.cli.common import as_of_date, err, output_format
    from netvet.cli.output import open_output, print_issues
    from netvet.cli.spark import screen_rows
    from netvet.kb.screening import Purpose
    from netvet.screen.party import open_screening
    from netvet.screen.rows import added_names, read_parties, row_json
    from netvet.settings import Settings

    if purpose not in {str(p) for p in Purpose}:
        raise UsageError("--purpose takes procurement or export")
    if fail_on is not None and fail_on not in FAIL_LEVELS:
        raise UsageError("--fail-on takes hit or review")
    if engine not in ("row", "spark"):
        raise UsageError("--engine takes row or spark")
    fmt = output_format(json_, False, csv_) or "table"
    settings = Settings.from_env()
    headers, rows, issues = read_parties(names, column, country_column)
    kb = load_screen_kb(settings.kb_dir, Purpose(purpose))
    s = open_screening(
        kb, Purpose(purpose), as_of_date(as_of), threshold, decision_book(db or settings.db_url)
    )
    added = added_names(headers)
    results = screen_rows(s, rows, engine, spark_master)
    records = [row_json(r, result, added) for r, result in zip(rows, results, strict=True)]
    with open_output(output) as out:
        write_records(fmt, records, headers, added, out)
    print_issues(err, issues)
    verdicts = {r[added["verdict"]] for r in records}
    raise typer.Exit(1 if fail_on and verdicts & set(FAIL_LEVELS[fail_on]) else 0)


def load_screen_kb(kb_dir: Path | None, purpose: Any) -> Any:
    """The kb; export screening without any export list imported is a usage error, not 'clear'."""
    from netvet.kb.knowledge import DATA_DIR
    from netvet.kb.loader import load_kb
    from netvet.kb.screening import load_screening

    kb = load_kb(kb_dir or DATA_DIR)
    roles = load_screening(kb.directory).roles
    if not any(purpose in roles[i].purposes and kb.lists[i].entries for i in kb.lists if i in roles):
        raise UsageError(
            f"no list for {purpose} screening in the kb at {kb.directory}: "
            "import the Consolidated Screening List first (netvet kb import csl FILE)"
        )
    return kb


def write_records(
    fmt: str, records: Sequence[dict[str, Any]], headers: Sequence[str], added: dict[str, str], out: Any
) -> None:
    """JSON, CSV, or a table on the terminal."""
    if fmt == "csv":
        write_csv(records, headers, added, out)
        return
    if fmt == "json":
        import orjson

        out.write(orjson.dumps(list(records), option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    print_screen(out, records, added)


def print_screen(out: Any, records: Sequence[dict[str, Any]], added: dict[str, str]) -> None:
    """One line per row: the name, the verdict, the entity and the lists that hit."""
    from rich.console import Console
    from rich.table import Table

    table = Table("line", "verdict", "entity", "score", "lists", "decision")
    for r in records:
        score = r[added["score"]]
        table.add_row(
            str(r["line"]),
            r[added["verdict"]],
            r[added["entity_name"]] or "-",
            f"{score:.2f}" if score is not None else "",
            flat_cell(r[added["lists"]]),
            flat_cell(r[added["decision"]]),
        )
    Console(file=out, width=160 if not out.isatty() else None).print(table)


def country_option(text: str | None) -> str | None:
    """--country as an ISO alpha-2 code; one naming no country is a usage error."""
    if text is None:
        return None
    code = country_code(text)
    if code is None:
        raise UsageError(f"--country {text!r} names no country (give an ISO code such as CN, or a name)")
    return code


def identifier_options(items: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """--identifier SCHEME=VALUE options as pairs; an unknown scheme or no '=' is a usage error."""
    pairs = []
    for item in items:
        scheme, _, value = item.partition("=")
        pair = identifier_pair(scheme, value)
        if pair[0] not in SCHEMES or not pair[1]:
            raise UsageError(
                f"--identifier {item!r}: give SCHEME=VALUE with SCHEME one of {', '.join(SCHEMES)}"
            )
        pairs.append(pair)
    return tuple(pairs)
