"""`netvet screen`: screen a supplier or customer list (CSV) for procurement or export, keeping
the user's columns and adding entity, score, lists hit, ownership path, reasons and verdict."""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from netvet.cli.common import Threshold
from netvet.errors import SourceError, UsageError
from netvet.ingest.columns import SYNONYMS, header_words
from netvet.ingest.files import read_input
from netvet.ingest.inventory import decode
from netvet.ingest.limits import allow_long_fields, cap_text
from netvet.match import DEFAULT_THRESHOLD, country_code, identifier_pair
from netvet.match.context import SCHEMES
from netvet.model import Issue
from netvet.report.cells import safe_row

COUNTRY_HEADERS = ("country", "country_code", "country code", "countrycode")
NAME_HEADERS = ("name", "company", "organisation", "organization", "supplier", "customer", "vendor", "party")
ADDED = ("entity", "entity_name", "score", "lists", "path", "reasons", "verdict", "decision")
FAIL_LEVELS = {"hit": ("hit",), "review": ("hit", "review")}


@dataclass(frozen=True, slots=True)
class PartyRow:
    """One row of the user's file: its line, its cells, and the name to screen."""

    line: int
    cells: dict[str, str]
    name: str
    country: str | None = None
    identifiers: tuple[tuple[str, str], ...] = ()
    service: str | None = None


def name_column(headers: Sequence[str], chosen: str | None, path: str) -> str:
    """The column holding the names: --column, else the first usual header."""
    if chosen is not None:
        if chosen not in headers:
            raise UsageError(f"{path}: --column {chosen!r} is not a header (headers: {list(headers)})")
        return chosen
    found = next((h for h in headers if h.strip().casefold() in NAME_HEADERS), None)
    if found is None:
        raise SourceError(f"{path}: line 1: no name column (one of {NAME_HEADERS}, or give --column)")
    return found


def country_column(headers: Sequence[str], chosen: str | None, path: str) -> str | None:
    """The column holding the countries: --country-column, else a 'country' header, else none."""
    if chosen is not None:
        if chosen not in headers:
            raise UsageError(
                f"{path}: --country-column {chosen!r} is not a header (headers: {list(headers)})"
            )
        return chosen
    return next((h for h in headers if h.strip().casefold() in COUNTRY_HEADERS), None)


def row_country(
    cells: dict[str, str], column: str | None, where: tuple[str, str]
) -> tuple[str | None, list[Issue]]:
    """The row's country as an ISO alpha-2 code; a cell naming no country is an Issue (the row
    is screened without a country)."""
    text = cells[column].strip() if column else ""
    code = country_code(text) if text else None
    if text and code is None:
        return None, [Issue(where[0], where[1], column, f"unknown country {text!r}: screened without one")]
    return code, []


def identifier_columns(headers: Sequence[str]) -> dict[str, str]:
    """Columns named after an identifier scheme ('LEI', 'UEI', 'CAGE', 'FCC grantee', 'IANA PEN'),
    by header, with the scheme each holds."""
    found = {h: identifier_pair(h, "")[0] for h in headers}
    return {h: scheme for h, scheme in found.items() if scheme in SCHEMES}


def row_identifiers(cells: dict[str, str], columns: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The row's non-empty identifier cells as (scheme, value) pairs."""
    return tuple((scheme, cells[h]) for h, scheme in columns.items() if cells[h].strip())


def read_parties(
    path: Path, chosen: str | None, chosen_country: str | None = None
) -> tuple[list[str], list[PartyRow], list[Issue]]:
    """Headers and rows of a names CSV (UTF-8, else Windows-1252, as scan reads inventories), and
    its country and identifier columns, if any; a row without a name is an Issue (and kept,
    unscreened); a name over the length limit is cut, with an Issue."""
    allow_long_fields()
    reader = csv.DictReader(io.StringIO(decode(read_input(path), str(path)), newline=""))
    try:
        return parties_of(reader, path, chosen, chosen_country)
    except csv.Error as exc:
        raise SourceError(f"{path}: line {reader.line_num}: {exc}") from exc


def parties_of(
    reader: "csv.DictReader[str]", path: Path, chosen: str | None, chosen_country: str | None
) -> tuple[list[str], list[PartyRow], list[Issue]]:
    """The rows of an open names CSV (see read_parties)."""
    headers = list(reader.fieldnames or [])
    column = name_column(headers, chosen, str(path))
    countries = country_column(headers, chosen_country, str(path))
    schemes = identifier_columns(headers)
    services = next((h for h in headers if header_words(h) in SYNONYMS["service"]), None)
    rows, issues = [], []
    for row in reader:
        where = (str(path), f"line {reader.line_num}")
        cells = {h: (row.get(h) or "") for h in headers}
        name, cut = cap_text(cells[column].strip(), column)
        issues += [Issue(*where, column, cut)] if cut else []
        if not name:
            issues.append(Issue(*where, column, "no name: row not screened"))
        country, bad = row_country(cells, countries, where)
        issues += bad if name else []
        service = cells[services].strip() or None if services else None
        ids = row_identifiers(cells, schemes)
        rows.append(PartyRow(reader.line_num, cells, name, country, ids, service))
    return headers, rows, issues


def added_names(headers: Sequence[str]) -> dict[str, str]:
    """The names of the added columns; 'netvet_' goes before any the user's file already has."""
    return {a: f"netvet_{a}" if a in headers else a for a in ADDED}


def row_record(row: PartyRow, result: dict[str, Any] | None, names: dict[str, str]) -> dict[str, Any]:
    """The user's cells, then what screening added (verdict 'unknown' when not screened)."""
    best = (result or {}).get("best") or {}
    decisions = [m["decision"] for m in (result or {}).get("matches", []) if m["decision"]]
    added = {
        "entity": (best.get("entity") or {}).get("id"),
        "entity_name": (best.get("entity") or {}).get("name"),
        "score": best.get("score"),
        "lists": sorted({f"{h['list']}:{h['entry']} ({h['effect']})" for h in best.get("hits", [])}),
        "path": best.get("path", []),
        "reasons": [*best.get("reasons", []), *(h["reason"] for h in best.get("hits", []))],
        "verdict": result["verdict"] if result else "unknown",
        "decision": decisions,
    }
    record = {**row.cells, **{names[k]: v for k, v in added.items()}}
    return {**record, "line": row.line, "matches": (result or {}).get("matches", [])}


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
    from netvet.cli.common import as_of_date, err, output_format
    from netvet.cli.output import open_output, print_issues
    from netvet.cli.review import decision_book
    from netvet.cli.spark import screen_rows
    from netvet.kb.screening import Purpose
    from netvet.screen.party import open_screening
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
    records = [row_record(r, result, added) for r, result in zip(rows, results, strict=True)]
    with open_output(output) as out:
        write_records(fmt, records, headers, added, out)
    print_issues(err, issues)
    verdicts = {r[added["verdict"]] for r in records}
    raise typer.Exit(1 if fail_on and verdicts & set(FAIL_LEVELS[fail_on]) else 0)


def load_screen_kb(kb_dir: Path | None, purpose: Any) -> Any:
    """The kb; export screening without any export list imported is a usage error, not 'clear'."""
    from netvet.kb.loader import DATA_DIR, load_kb
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
