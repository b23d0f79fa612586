"""Inventory spreadsheets: CSV (any common delimiter and encoding) and XLSX."""

import csv
import io
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from netvet.errors import SourceError
from netvet.ingest.columns import duplicate_issues, map_columns
from netvet.ingest.files import read_input, require_file
from netvet.ingest.limits import allow_long_fields
from netvet.ingest.record import observation_from
from netvet.model import Issue, Observation, SourceRef
from netvet.model.vocab import IssueSeverity

SNIFF_BYTES = 64 * 1024
# An inventory of 100,000 rows unpacks to about 60 MiB of sheet XML.
MAX_XLSX_UNPACKED = 256 << 20


def decode(raw: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), else cp1252; binary junk is a SourceError."""
    if b"\x00" in raw[:SNIFF_BYTES]:
        raise SourceError(f"{path}: not a text file (NUL bytes): is it a spreadsheet saved as CSV?")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def sniff_dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    """The delimiter among , ; tab |, defaulting to comma."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def read_rows_csv(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for every record, header first."""
    text = decode(read_input(path), str(path))
    allow_long_fields()
    reader = csv.reader(io.StringIO(text, newline=""), sniff_dialect(text[:SNIFF_BYTES]))
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        raise SourceError(f"{path}: line {reader.line_num}: {exc}") from exc


def check_unpacked_size(path: Path) -> None:
    """A SourceError when the workbook is not a zip, or unpacks to more than MAX_XLSX_UNPACKED
    bytes (a zip bomb: a few hundred KB that openpyxl would expand to gigabytes). zipfile reads
    no more than each member's declared size, so the declared sizes bound what is read."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SourceError(f"{path}: not a readable XLSX workbook: {exc}") from exc
    if unpacked > MAX_XLSX_UNPACKED:
        raise SourceError(
            f"{path}: workbook unpacks to {unpacked >> 20} MiB, over the {MAX_XLSX_UNPACKED >> 20} MiB "
            "netvet reads (save it as CSV, which has no such limit)"
        )


def read_rows_xlsx(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) from the first worksheet, values as text."""
    from openpyxl import load_workbook

    check_unpacked_size(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise SourceError(f"{path}: not a readable XLSX workbook: {exc}") from exc
    sheet = book.worksheets[0]
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield number, ["" if v is None else cell_text(v) for v in values]
    book.close()


def cell_text(value: object) -> str:
    """A spreadsheet value as the text a CSV would hold (dates as ISO)."""
    iso = getattr(value, "isoformat", None)
    if callable(iso):
        return str(iso())[:10]
    return str(value)


def read_inventory(
    path: Path, *, strict: bool = False, overrides: Mapping[str, str] | None = None
) -> tuple[list[Observation], list[Issue]]:
    """Observations and Issues of one inventory file; strict turns the first Issue into an error."""
    require_file(path)
    rows = read_rows_xlsx(path) if path.suffix.lower() in (".xlsx", ".xlsm") else read_rows_csv(path)
    header = next(rows, None)
    if header is None:
        raise SourceError(f"{path}: empty file")
    columns = map_columns(header[1], overrides)
    require_identifying_column(path, header[0], header[1], columns.fields)
    observations, issues = read_records(path, rows, columns.fields, len(header[1]))
    issues[:0] = [
        *duplicate_issues(str(path), header[0], header[1], columns),
        *(
            Issue(str(path), f"line {header[0]}", h, "column not used", IssueSeverity.INFO)
            for h in columns.unused
        ),
    ]
    if strict and any(i.severity != IssueSeverity.INFO for i in issues):
        first = next(i for i in issues if i.severity != IssueSeverity.INFO)
        raise SourceError(first.describe())
    return observations, issues


IDENTIFYING = frozenset({"mac", "vendor", "model", "serial", "hostname"})


def require_identifying_column(
    path: Path, line: int, headers: Sequence[str], fields: Mapping[str, int]
) -> None:
    """An inventory needs a column that can identify an asset; the error names the header line."""
    if not IDENTIFYING & set(fields):
        named = ", ".join(headers)
        wanted = "MAC, vendor, model, serial or hostname"
        raise SourceError(f"{path}: line {line}: no column reads as {wanted} (columns: {named})")


def read_records(
    path: Path, rows: Iterator[tuple[int, list[str]]], fields: Mapping[str, int], width: int
) -> tuple[list[Observation], list[Issue]]:
    """Observations of the data rows; rows of the wrong width or with no value are Issues."""
    observations: list[Observation] = []
    issues: list[Issue] = []
    for _, source, cells, problem in data_rows(path, rows, width):
        if problem:
            issues.append(problem)
            continue
        obs, found = observation_from(cells, fields, source)
        issues += found
        if obs is not None:
            observations.append(obs)
    return observations, issues


def data_rows(
    path: Path, rows: Iterator[tuple[int, list[str]]], width: int
) -> Iterator[tuple[int, SourceRef, list[str], Issue | None]]:
    """The non-blank data rows with their place; a row of the wrong width comes with its Issue."""
    for line, cells in rows:
        source = SourceRef(str(path), f"line {line}")
        problem = shape_problem(cells, width)
        if problem != "blank":
            issue = (
                Issue(source.path, source.locator, None, problem, IssueSeverity.ERROR) if problem else None
            )
            yield line, source, cells, issue


def shape_problem(cells: Sequence[str], width: int) -> str | None:
    """'blank' for an empty row, a message for a row of the wrong width, else None."""
    if not any(c.strip() for c in cells):
        return "blank"
    if len(cells) != width:
        return f"row has {len(cells)} cells, the header has {width}: skipped"
    return None
