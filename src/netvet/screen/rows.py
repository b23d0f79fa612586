"""The rows of a names file to screen (the user's cells, the name, country, identifiers and
service found in them), and each row's output record: the user's cells, then what screening added."""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netvet.errors import SourceError, UsageError
from netvet.ingest.columns import SYNONYMS, header_words
from netvet.ingest.files import read_input
from netvet.ingest.inventory import decode
from netvet.ingest.limits import allow_long_fields, cap_text
from netvet.match import country_code, identifier_pair
from netvet.match.context import SCHEMES
from netvet.model import Issue
from netvet.screen.model import PartyScreen
from netvet.screen.records import party_screen_record

COUNTRY_HEADERS = ("country", "country_code", "country code", "countrycode")
NAME_HEADERS = ("name", "company", "organisation", "organization", "supplier", "customer", "vendor", "party")
ADDED = ("entity", "entity_name", "score", "lists", "path", "reasons", "verdict", "decision")


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


def row_record(row: PartyRow, screened: PartyScreen | None, names: dict[str, str]) -> dict[str, Any]:
    """The user's cells, then what screening added (verdict 'unknown' when not screened)."""
    return row_json(row, party_screen_record(screened) if screened else None, names)


def row_json(row: PartyRow, result: dict[str, Any] | None, names: dict[str, str]) -> dict[str, Any]:
    """`row_record` from the screening's JSON record (as the Spark workers send it back)."""
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
